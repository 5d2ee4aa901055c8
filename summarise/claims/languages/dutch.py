"""Dutch: the words and number format of facts in Dutch text."""

from __future__ import annotations

from summarise.claims.table import Language, numbers, scales, words, wordset
from summarise.language.calendar import MONTHS
from summarise.language.names import NAME_PARTICLES

DUTCH = Language(
    code="nl",
    units=numbers(
        """nul:0 een:1 één:1 twee:2 drie:3 vier:4 vijf:5 zes:6 zeven:7 acht:8 negen:9 tien:10
        elf:11 twaalf:12 dertien:13 veertien:14 vijftien:15 zestien:16 zeventien:17
        achttien:18 negentien:19 twintig:20 dertig:30 veertig:40 vijftig:50 zestig:60
        zeventig:70 tachtig:80 negentig:90 honderd:100 duizend:1000 dozijn:12"""
    ),
    ordinals=numbers("derde:3 vierde:4 vijfde:5 zesde:6 tiende:10"),
    scales=scales(
        """honderd:100 duizend:1000 miljoen:1e6 mln:1e6 miljard:1e9 mld:1e9 biljoen:1e12"""
    ),
    compounds=True,
    compound_links=words("ën en"),
    lone=wordset("een nul één"),
    ordinal_suffixes=wordset("de e ste"),
    percent=wordset("% procent"),
    currency=wordset("cent dollar eur euro frank pond usd"),
    months=dict(MONTHS["nl"]),
    weekdays=words("maandag dinsdag woensdag donderdag vrijdag zaterdag zondag"),
    titles=wordset(
        """burgemeester dhr directeur dr drs ir mevr minister mr mw premier president prof
        rechter sint st wethouder woordvoerder"""
    ),
    function_words=wordset(
        """aan al alle alleen als altijd beide ben bent bij bijna binnen bovendien daar daarna
        dan dat de den der des deze die dit door dus echter een elk elke en enkele er geen
        geworden gisteren haar had hadden hebben heeft hem hen het hier hij hoe hoewel hun
        ieder iedere ik in is ja je jij jullie kan kon konden kunnen maar meer met mijn
        minder moet moeten morgen na naar nadat nee niet nog nooit nu of om omdat onder
        ongeveer ons onze ook op over ruim sinds sommige tegen terwijl tijdens toch toen tot
        tussen u uit van vandaag veel volgens voor voordat waar waarom wanneer want waren
        was wat we weer welke werd werden wie wij wil willen worden wordt zal ze zeer zij
        zijn zo zonder zou zouden zullen"""
    ),
    connectors=NAME_PARTICLES | wordset(""),
    conjunctions=words("en maar terwijl"),
    pronouns=wordset("haar hem hij hun ze zij zijn"),
    quotes=(("„", "”"), ("“", "”"), ("‘", "’"), ('"', '"')),
    decimal=",",
    thousands=".\xa0\u202f",
    suffixes=words("en de te e s"),
)
