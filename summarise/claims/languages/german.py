"""German: the words and number format of facts in German text."""

from __future__ import annotations

from summarise.claims.table import Language, numbers, scales, words, wordset
from summarise.language.calendar import MONTHS

GERMAN = Language(
    code="de",
    units=numbers(
        """null:0 ein:1 eins:1 eine:1 einen:1 einem:1 einer:1 zwei:2 zwo:2 drei:3 vier:4 fünf:5
        sechs:6 sieben:7 acht:8 neun:9 zehn:10 elf:11 zwölf:12 dreizehn:13 vierzehn:14
        fünfzehn:15 sechzehn:16 siebzehn:17 achtzehn:18 neunzehn:19 zwanzig:20 dreißig:30
        vierzig:40 fünfzig:50 sechzig:60 siebzig:70 achtzig:80 neunzig:90 hundert:100
        tausend:1000 dutzend:12"""
    ),
    ordinals=numbers(
        """dritte:3 dritten:3 vierte:4 vierten:4 fünfte:5 fünften:5 sechste:6 zehnte:10
        zehnten:10"""
    ),
    scales=scales(
        """hundert:100 tausend:1000 million:1e6 millionen:1e6 mio:1e6 milliarde:1e9
        milliarden:1e9 mrd:1e9 billion:1e12 billionen:1e12"""
    ),
    compounds=True,
    compound_links=words("und"),
    number_links=wordset("und"),
    lone=wordset("ein eine einem einen einer eins null"),
    percent=wordset("% prozent"),
    currency=wordset("cent chf dollar eur euro franken kronen pfund usd yen"),
    months=dict(MONTHS["de"]),
    months_capitalised=True,
    weekdays=words("""montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag"""),
    titles=wordset(
        """bundeskanzler bundeskanzlerin bürgermeister bürgermeisterin chef chefin direktor
        direktorin doktor dr frau herr herrn kanzler kanzlerin minister ministerin
        oberbürgermeister oberbürgermeisterin prof professor professorin präsident
        präsidentin richter richterin sankt sprecher sprecherin st"""
    ),
    title_endings=words(
        """präsident präsidentin minister ministerin bürgermeister bürgermeisterin sprecher
        sprecherin leiter leiterin chef chefin direktor direktorin senator senatorin"""
    ),
    function_words=wordset(
        """aber alle allerdings als am an ans auch auf aus außerdem bei beide beim bereits
        bevor bin bis bist da daher damit danach dann darf das dass dem den denn dennoch der
        des deshalb dich die diese diesem diesen dieser dieses doch dort du durch ein eine
        einem einen einer eines einige er erst es etwa euch euer fast für gegen gemäß
        gestern habe haben hat hatte hatten heute hier hinter ich ihm ihn ihnen ihr ihre
        ihrem ihren ihrer im immer ins insgesamt ist ja jede jedem jeden jeder jedes jedoch
        jene jener jetzt kann kein keine keinem keinen keiner knapp konnte konnten können
        laut mehr mehrere mein meine mich mit morgen muss müssen nach nachdem neben nein
        nicht nie noch nun nur ob obwohl oder ohne rund schon sehr seid sein seine seinem
        seinen seiner seit sich sie sind so soll sollen sollte sondern trotz trotzdem um und
        uns unser unsere unter viele vom von vor wann war waren warum was wegen weil welche
        welcher welches weniger wenn wer werden wie wieder will wir wird wo wollen wollte
        worden wurde wurden während zu zudem zuerst zuletzt zum zur zwischen über"""
    ),
    conjunctions=words("und aber während sondern"),
    pronouns=wordset("er ihm ihn ihnen ihr ihre sein seine sie"),
    nouns_capitalised=True,
    determiners=wordset(
        """alle am ans beide beim das dem den der des die diese diesem diesen dieser dieses ein
        eine einem einen einer eines einige ihr ihre ihrem ihren ihrer ihres im ins jede
        jedem jeden jeder jedes kein keine keinem keinen keiner mehr mehrere mein meine sein
        seine seinem seinen seiner seines unser unsere unserem unseren unserer viele vom
        weniger zum zur"""
    ),
    noun_suffixes=words(
        """ung ungen heit heiten keit keiten schaft schaften tion tionen ität itäten ismus nis
        nisse tum ment mente enz enzen anz anzen chen lein"""
    ),
    quotes=(("„", "“"), ("„", "”"), ("‚", "‘"), ("»", "«"), ("«", "»"), ("“", "”"), ('"', '"')),
    decimal=",",
    thousands=".’'\xa0\u202f",
    suffixes=words("ungen ung en er es em e n s"),
)
