"""French: the words and number format of facts in French text."""

from __future__ import annotations

from summarise.claims.table import Language, numbers, scales, words, wordset
from summarise.language.calendar import MONTHS

FRENCH = Language(
    code="fr",
    units=numbers(
        """zéro:0 un:1 une:1 deux:2 trois:3 quatre:4 cinq:5 six:6 sept:7 huit:8 neuf:9 dix:10
        onze:11 douze:12 treize:13 quatorze:14 quinze:15 seize:16 vingt:20 trente:30
        quarante:40 cinquante:50 soixante:60 quatre-vingt:80 quatre-vingts:80 cent:100
        cents:100 mille:1000 douzaine:12"""
    ),
    ordinals=numbers("troisième:3 quatrième:4 cinquième:5 sixième:6 dixième:10"),
    scales=scales(
        """cent:100 cents:100 mille:1000 million:1e6 millions:1e6 milliard:1e9 milliards:1e9
        md:1e9 mds:1e9 mrd:1e9"""
    ),
    compounds=True,
    compound_links=("-et-", "-"),
    number_links=wordset("et"),
    lone=wordset("un une zéro"),
    ordinal_suffixes=wordset("e er es re ème"),
    percent=wordset("% pourcent"),
    percent_phrases=(("pour", "cent"),),
    currency=wordset(
        """centimes chf dollar dollars eur euro euros franc francs livre livres usd yen yens"""
    ),
    amount_links=wordset("d de"),
    months=dict(MONTHS["fr"]),
    weekdays=words("lundi mardi mercredi jeudi vendredi samedi dimanche"),
    titles=wordset(
        """directeur directrice dr général juge m madame maire maître me ministre mlle mm mme
        mmes monsieur porte-parole pr président présidente saint sainte st ste"""
    ),
    function_words=wordset(
        """a ainsi alors après au aujourd aussi autre autres aux avaient avait avant avec avoir
        car ce cependant ces cet cette chaque chez comme comment contre d dans de demain
        depuis des doit doivent donc dont du déjà elle elles en encore ensuite entre environ
        est et fait hier il ils jamais je l la le les leur leurs lorsque lui ma maintenant
        mais malgré me mes moins mon même ne ni nos notre nous on ont or ou où par parmi pas
        pendant peut peuvent plus plusieurs pour pourquoi pourtant presque près puis puisque
        qu quand que quelques qui quoi quoique sa sans se selon sera seront ses si son sont
        sous sur te toujours tous tout toute toutefois toutes très tu un une vers vos votre
        vous y à étaient était été être"""
    ),
    conjunctions=("et", "mais", "tandis que", "alors que"),
    pronouns=wordset("elle elles il ils leur lui sa ses son"),
    elisions=wordset("c d j jusqu l lorsqu m n qu s t"),
    quotes=(("«", "»"), ("“", "”"), ("‹", "›"), ('"', '"')),
    decimal=",",
    thousands=" \xa0\u202f.’",
    suffixes=words("aient ent es s e"),
)
