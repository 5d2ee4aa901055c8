"""Italian: the words and number format of facts in Italian text."""

from __future__ import annotations

from summarise.claims.table import Language, numbers, scales, words, wordset
from summarise.language.calendar import MONTHS

ITALIAN = Language(
    code="it",
    units=numbers(
        """zero:0 un:1 uno:1 una:1 due:2 tre:3 tré:3 quattro:4 cinque:5 sei:6 sette:7 otto:8
        nove:9 dieci:10 undici:11 dodici:12 tredici:13 quattordici:14 quindici:15 sedici:16
        diciassette:17 diciotto:18 diciannove:19 venti:20 trenta:30 quaranta:40 cinquanta:50
        sessanta:60 settanta:70 ottanta:80 novanta:90 vent:20 trent:30 quarant:40
        cinquant:50 sessant:60 settant:70 ottant:80 novant:90 cento:100 mille:1000 mila:1000
        dozzina:12"""
    ),
    ordinals=numbers("terzo:3 terza:3 quinto:5 decimo:10"),  # not "quarto", a quarter
    scales=scales(
        """cento:100 mille:1000 mila:1000 milione:1e6 milioni:1e6 mln:1e6 miliardo:1e9
        miliardi:1e9 mld:1e9 mrd:1e9"""
    ),
    compounds=True,
    lone=wordset("un una uno zero"),
    ordinal_suffixes=wordset("a o ª º"),
    percent=wordset("% percento"),
    percent_phrases=(("per", "cento"),),
    currency=wordset("centesimi dollari dollaro eur euro franchi sterlina sterline usd"),
    amount_links=wordset("di"),
    months=dict(MONTHS["it"]),
    weekdays=words("lunedì martedì mercoledì giovedì venerdì sabato domenica"),
    titles=wordset(
        """direttore direttrice don dott dottssa generale giudice ministra ministro portavoce
        presidente prof san santa santo sig signor signora sigra sindaca sindaco"""
    ),
    function_words=wordset(
        """a agli ai al alcune alcuni alla alle allo altra altre altri altro anche ancora avere
        aveva avevano che chi ci circa come con contro così cui da dai dal dalla dalle degli
        dei del della delle dello deve devono di domani dopo dove durante e ed era erano
        essere fra fu furono già gli ha hanno i ieri il in inoltre io l la le lei lo loro
        lui ma mai meno mentre mi mia mio molto negli nei nel nella nelle nello noi non
        nostra nostro né o oggi ogni ora per perché però più poi possono prima può quale
        quali quando quasi quella quelle quelli quello questa queste questi questo saranno
        sarà se secondo sempre senza si sono stata stato su sua sue sui sul sulla sulle suo
        suoi sì ti tra tu tutta tuttavia tutte tutti tutto un una uno verso vi voi è"""
    ),
    conjunctions=words("e ma mentre"),
    pronouns=wordset("gli lei loro lui sua sue suo suoi"),
    elisions=wordset("all c d dall dell l nell quell sull un"),
    quotes=(("«", "»"), ("“", "”"), ('"', '"')),
    decimal=",",
    thousands=".\xa0\u202f",
    suffixes=words("ono ano i e o a"),
)
