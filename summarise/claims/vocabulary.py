"""Word lists for reading facts: number words, scales, currencies, months,
weekdays, titles before names, and the function words that are never names."""

from __future__ import annotations

from summarise.language.calendar import MONTHS as CALENDAR
from summarise.language.names import NAME_CONNECTORS

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
}  # fmt: skip
ORDINALS = {
    "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
    "tenth": 10, "eleventh": 11, "twelfth": 12, "twentieth": 20, "thirtieth": 30,
}  # fmt: skip
SCALES = {
    "hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "tn": 1e12,
}  # fmt: skip
PERCENT = {"percent", "pc", "%", "percentage"}
CURRENCY_WORDS = {
    "dollar", "dollars", "euro", "euros", "pound", "pounds", "sterling", "yen", "crown",
    "crowns", "krona", "kronor", "krone", "kroner", "kronur", "franc", "francs", "rupees",
    "yuan", "usd", "eur", "gbp", "nok", "isk", "dkk", "sek",
}  # fmt: skip
MONTHS = CALENDAR["en"]
WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
TITLES = {
    "mr", "mrs", "ms", "dr", "prof", "sir", "dame", "lord", "lady", "president", "minister",
    "prime", "chancellor", "senator", "governor", "mayor", "judge", "general", "captain",
    "chief", "secretary", "st", "saint", "rev", "professor", "doctor",
}  # fmt: skip
FUNCTION_WORDS = frozenset(
    """a an the this that these those it its he she they we i you his her their our my your
    him them us me who whom whose which what when where why how there here then than and or
    but nor so yet if as at by for from in into of on onto to with within without about above
    after against along among around before behind below beneath beside between beyond during
    except inside near off out outside over past since through throughout toward towards under
    until up upon via is are was were be been being am do does did has have had will would
    shall should can could may might must not no yes all any both each every few many more
    most much other some such only own same also just even still already again once ever never
    now today yesterday tomorrow however meanwhile instead although though while because
    unless whether after later earlier last next first second according several another
    despite""".split()
)
CONNECTORS = NAME_CONNECTORS
