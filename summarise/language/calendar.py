"""Month names by language, with each month's number: one table for the cleaner (a date
is a month name next to a day's number) and the claim checker (which reads the date).

Each language lists its twelve names in order, then its abbreviations and other
spellings with their months. Names that two languages share are listed in both.
"""

from __future__ import annotations

from types import MappingProxyType

_MONTHS: dict[str, tuple[tuple[str, ...], dict[str, int]]] = {
    "en": (
        tuple(
            "january february march april may june july august september october november "
            "december".split()
        ),
        {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
         "sept": 9, "oct": 10, "nov": 11, "dec": 12},
    ),
    "de": (
        tuple(
            "januar februar märz april mai juni juli august september oktober november "
            "dezember".split()
        ),
        {"jän": 1, "okt": 10, "dez": 12},
    ),
    "fr": (
        tuple(
            "janvier février mars avril mai juin juillet août septembre octobre novembre "
            "décembre".split()
        ),
        {"janv": 1, "févr": 2, "avr": 4, "juil": 7, "déc": 12},
    ),
    "es": (
        tuple(
            "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre "
            "diciembre".split()
        ),
        {"setiembre": 9, "ene": 1},
    ),
    "pt": (
        tuple(
            "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro "
            "dezembro".split()
        ),
        {"fev": 2},
    ),
    "it": (
        tuple(
            "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre "
            "novembre dicembre".split()
        ),
        {},
    ),
    "nl": (
        tuple(
            "januari februari maart april mei juni juli augustus september oktober november "
            "december".split()
        ),
        {},
    ),
    "id": (
        tuple(
            "januari februari maret april mei juni juli agustus september oktober november "
            "desember".split()
        ),
        {},
    ),
    "pl": (  # the genitive, as dates write them: "7 grudnia"
        tuple(
            "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września "
            "października listopada grudnia".split()
        ),
        {},
    ),
    "sv": (
        tuple(
            "januari februari mars april maj juni juli augusti september oktober november "
            "december".split()
        ),
        {},
    ),
    "tr": (
        tuple("ocak şubat mart nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık".split()),
        {},
    ),
    "hi": (
        tuple("जनवरी फरवरी मार्च अप्रैल मई जून जुलाई अगस्त सितंबर अक्टूबर नवंबर दिसंबर".split()),
        {"फ़रवरी": 2, "सितम्बर": 9, "नवम्बर": 11, "दिसम्बर": 12},
    ),
    "ar": (
        tuple("يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر".split()),
        {"ابريل": 4, "اغسطس": 8, "اكتوبر": 10},
    ),
}  # fmt: skip


def _numbered(language: str) -> dict[str, int]:
    names, others = _MONTHS[language]
    assert len(names) == 12, language
    return {**{name: i for i, name in enumerate(names, 1)}, **others}


# language code -> {month name or abbreviation, lower case: month number}
MONTHS = MappingProxyType({language: _numbered(language) for language in _MONTHS})
# every month name of every language listed (the cleaner's date patterns read these)
MONTH_NAMES = frozenset(name for table in MONTHS.values() for name in table)
