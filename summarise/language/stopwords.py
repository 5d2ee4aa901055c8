"""jusText's stop-word lists, by language code: the cleaner's language check and its
stop-word density read them."""

from __future__ import annotations

from functools import lru_cache

import justext

_LANGUAGE_CODES = {
    "English": "en", "German": "de", "French": "fr", "Spanish": "es", "Italian": "it",
    "Portuguese": "pt", "Dutch": "nl", "Danish": "da", "Polish": "pl", "Russian": "ru",
    "Czech": "cs", "Slovak": "sk", "Swedish": "sv", "Norwegian_Bokmal": "no", "Finnish": "fi",
    "Hungarian": "hu", "Romanian": "ro", "Turkish": "tr", "Greek": "el", "Indonesian": "id",
    "Malay": "ms", "Vietnamese": "vi", "Ukrainian": "uk", "Bulgarian": "bg", "Croatian": "hr",
    "Serbian": "sr", "Slovenian": "sl", "Catalan": "ca", "Arabic": "ar", "Hebrew": "he",
    "Persian": "fa", "Hindi": "hi", "Korean": "ko", "Tagalog": "tl", "Swahili": "sw",
    "Estonian": "et", "Latvian": "lv", "Lithuanian": "lt", "Icelandic": "is", "Basque": "eu",
    "Galician": "gl", "Welsh": "cy", "Irish": "ga", "Afrikaans": "af", "Urdu": "ur",
}  # fmt: skip
# jusText ships a second English list and a few dialect lists; they would split the vote.
_SKIPPED_LISTS = frozenset({"Simple_English", "Serbo_Croatian", "Belarusian_Taraskievica"})


@lru_cache(maxsize=1)
def stoplists() -> dict[str, frozenset[str]]:
    """jusText's stop-word lists (about 100 languages), keyed by language code."""
    lists: dict[str, frozenset[str]] = {}
    for name in sorted(justext.get_stoplists()):  # a set: sorted, so ties break alike in every run
        if name in _SKIPPED_LISTS:
            continue
        code = _LANGUAGE_CODES.get(name, name.lower())
        lists[code] = frozenset(w.lower() for w in justext.get_stoplist(name))
    return lists


@lru_cache(maxsize=1)
def stopword_index() -> dict[str, tuple[str, ...]]:
    """Each stop word with the languages that list it: one lookup per token."""
    index: dict[str, list[str]] = {}
    for code, words in stoplists().items():
        for word in words:
            index.setdefault(word, []).append(code)
    return {word: tuple(codes) for word, codes in index.items()}
