"""Page sources: the article and its metadata extracted by trafilatura.

trafilatura reads the DOM, which a paste has lost, so its extraction is kept as
it is (comments left out). Around it: what the browser hides is removed first,
as a paste never holds it; a line break of the source's own layout inside a
paragraph is read as the space it is in HTML; the page's declared headline is
added in front. Each extracted word is found again in the source, in order, so
offsets map back to the HTML.
"""

from __future__ import annotations

import html as html_lib
import json
import logging
import re
from dataclasses import dataclass
from typing import Any

from summarise.cleaner import rules
from summarise.cleaner.rules import WORD, WORD_CHARS

_SEARCH_WINDOW = 20000  # a word further than this from the previous one is not the same text
_SPACE_RUN = re.compile(r"\s+")
_LAID_OUT = ("pre", "code", "quote")  # trafilatura writes a <pre> without code as a quote
_HIDDEN_XPATH = (
    "//body//*[@hidden or @aria-hidden or contains(@style, 'none') or contains(@style, 'hidden')]"
)
_HIDDEN_STYLE = re.compile(r"\b(?:display\s*:\s*none|visibility\s*:\s*hidden)\b", re.I)
_HIDDEN_SHARE = 0.5  # a hidden element with more of the page's text than this is the page
# a page with more elements than this has its author from its meta tags only: the 128 dev
# pages other than a long reference page have at most 4,300
_AUTHOR_SEARCH_ELEMENTS = 5000
_DATE_SEARCH: dict[str, Any] = {"extensive_search": False, "original_date": True}
logger = logging.getLogger(__name__)


@dataclass
class Extraction:
    """trafilatura's article text and the metadata it found."""

    text: str
    title: str
    author: str
    date: str
    language: str


def extract(raw: str) -> Extraction:
    """The article text and metadata of an HTML page (empty text when none was found)."""
    import trafilatura

    tree = trafilatura.load_html(raw)
    if tree is None:
        return Extraction("", "", "", "", "")
    document = " ".join(tree.findtext(".//head/title", "").split())
    declared, site = declared_title(tree, document)
    _drop_hidden(tree)
    meta = _metadata(tree)
    doc = trafilatura.bare_extraction(
        tree, include_comments=False, include_tables=True, with_metadata=False
    )
    if doc is None:
        return Extraction("", "", "", "", "")
    fields = doc if isinstance(doc, dict) else doc.as_dict()
    body = fields.get("body")
    return Extraction(
        text=_paragraphs(body) if body is not None else fields.get("text") or "",
        title=choose_title(" ".join((meta.title or "").split()), declared, document, site),
        author=meta.author or "",
        date=meta.date or "",
        language=meta.language or "",
    )


def _metadata(tree: Any) -> Any:
    """trafilatura's metadata of the page (its ``Document``). On a page of more than
    :data:`_AUTHOR_SEARCH_ELEMENTS` elements the author is the one its meta tags or
    JSON-LD declare: trafilatura's search of every element for a byline costs more
    there than the extraction (0.12 s on a 10,000-element reference page, where it
    found the heading "Authority control")."""
    from htmldate import find_date
    from trafilatura.metadata import (
        examine_meta,
        extract_meta_json,
        extract_metadata,
        extract_title,
    )

    if sum(1 for _ in tree.iter()) <= _AUTHOR_SEARCH_ELEMENTS:
        return extract_metadata(tree, date_config=_DATE_SEARCH)  # it copies the settings
    meta = examine_meta(tree)
    if meta.author and " " not in meta.author:  # a handle, not a name: as trafilatura does
        meta.author = None
    try:
        meta = extract_meta_json(tree, meta)
    except Exception:  # noqa: BLE001 - trafilatura guards this call the same way
        logger.debug("JSON-LD metadata unreadable", exc_info=True)
    meta.title = meta.title or extract_title(tree)
    meta.date = find_date(tree, **_DATE_SEARCH)
    return meta


def _drop_hidden(tree: Any) -> None:
    """Remove the elements a browser does not show (the ``hidden`` attribute, an inline
    ``display: none`` or ``visibility: hidden``) and those hidden from screen readers
    (``aria-hidden``): a paste never holds them, and trafilatura would read them.
    ``hidden="until-found"`` is a collapsed section, part of the page, and an element
    holding most of the page's text is the page itself, hidden by a script until it
    loads or behind an open dialog."""
    found = [element for element in tree.xpath(_HIDDEN_XPATH) if _hidden(element)]
    if not found:
        return
    body = tree.find(".//body")
    most = _HIDDEN_SHARE * len(body.text_content()) if body is not None else 0.0
    for element in found:
        if element.getparent() is not None and len(element.text_content()) <= most:
            element.drop_tree()


def _hidden(element: Any) -> bool:
    """Whether the element's own attributes hide it."""
    hidden = element.get("hidden")
    return (
        (hidden is not None and hidden.strip().lower() != "until-found")
        or element.get("aria-hidden", "").strip().lower() == "true"
        or _HIDDEN_STYLE.search(element.get("style") or "") is not None
    )


def _paragraphs(body: Any) -> str:
    """trafilatura's text of its extracted tree, one paragraph a line.

    In HTML a line break inside a paragraph's text is the source's layout (a
    space to the browser), yet trafilatura's text keeps it, which would cut a
    paragraph into lines. Such breaks become spaces before the tree is written
    out; preformatted text keeps its own.
    """
    from trafilatura.xml import xmltotxt

    laid_out = {node for element in body.iter(*_LAID_OUT) for node in element.iter()}
    for element in body.iter():
        if element not in laid_out:
            element.text = _unwrapped(element.text)
        if element not in laid_out or element.getparent() not in laid_out:
            element.tail = _unwrapped(element.tail)
    return str(xmltotxt(body, False))


def _unwrapped(text: str | None) -> str | None:
    """``text`` with each run of white space that breaks a line read as one space."""
    if not text or "\n" not in text:
        return text
    return _SPACE_RUN.sub(lambda run: " " if "\n" in run.group() else run.group(), text)


def declared_title(tree: Any, document: str) -> tuple[str, str]:
    """The headline the page declares for itself, and its site's name ("" when absent).

    An article's schema.org ``headline`` comes first, then the Dublin Core and
    social tags in :data:`rules.TITLE_META` order.
    """
    site = ""
    tags: dict[str, str] = {}
    for meta in tree.iterfind(".//meta"):
        content = " ".join((meta.get("content") or "").split())
        # RDFa lets one property attribute name several properties, space-separated
        for key in (meta.get("property") or meta.get("name") or "").lower().split():
            if key == "og:site_name":
                site = content
            elif key in rules.TITLE_META and content:
                tags.setdefault(key, content)
    for script in tree.iterfind(".//script[@type='application/ld+json']"):
        text = (script.text or "").strip()
        text = text.removeprefix("<![CDATA[").removesuffix("]]>")
        try:
            data = json.loads(text)
        except ValueError:
            continue
        headline = _headline(data, document)
        if headline:
            return headline, site
    return next((tags[key] for key in rules.TITLE_META if key in tags), ""), site


def _headline(data: Any, document: str, depth: int = 0) -> str:
    """The headline of the first article-typed object in a JSON-LD value: its
    ``headline``, or its ``name`` when that is closer to the page's ``<title>`` (some
    sites put a description in ``headline``)."""
    if depth > 4:
        return ""
    items = data if isinstance(data, list) else [data]
    for item in items:
        if not isinstance(item, dict):
            continue
        kinds = item.get("@type")
        kinds = set(kinds) if isinstance(kinds, list) else {kinds}
        if kinds & rules.ARTICLE_TYPES:
            named = [
                " ".join(item[key].split())
                for key in ("headline", "name")
                if isinstance(item.get(key), str) and item[key].strip()
            ]
            if named:
                tab = set(_words(document))
                return max(named, key=lambda text: len(set(_words(text)) & tab))
        found = _headline(item.get("@graph", []), document, depth + 1)
        if found:
            return found
    return ""


def choose_title(found: str, declared: str, document: str, site: str = "") -> str:
    """The page's headline: the one it declares, else its ``<title>``, else trafilatura's.

    A declared or ``<title>`` headline loses the site's name appended after a
    separator. Without a declared headline, trafilatura's title (often the first
    ``<h1>``) stands when the ``<title>`` says something else and no more, such
    as the site's name alone.
    """
    if declared:
        return _without_site(declared, document, site)
    if not document:
        return found
    main = _without_site(document, document, site)
    words = set(_words(found))
    if not words or len(words & set(_words(main))) >= 0.5 * len(words):
        return main  # the same headline, as the page's tab shows it
    return main if len(_words(main)) > len(words) else found


def _without_site(title: str, document: str, site: str) -> str:
    """``title`` without a trailing part naming the site (its ``og:site_name``, or what
    the ``<title>`` ends with), or, for the ``<title>`` itself, its longest part."""
    parts = [title]
    for separator in rules.SITE_SEPARATORS:
        parts = [piece.strip() for part in parts for piece in part.split(separator)]
    if len(parts) == 1:
        return title
    if title == document:
        return max(parts, key=lambda part: len(part.split()))
    names = {site.lower(), _site_tail(document)} - {""}
    for separator in rules.SITE_SEPARATORS:
        head, _, tail = title.rpartition(separator)
        if tail.strip().lower() in names and len(_words(head)) >= 2:
            return head.strip()
    return title


def _site_tail(document: str) -> str:
    """The last separator-delimited part of the ``<title>``, lower-cased ("" when none)."""
    for separator in rules.SITE_SEPARATORS:
        if separator in document:
            return document.rsplit(separator, 1)[-1].strip().lower()
    return ""


def _words(text: str) -> list[str]:
    return [w.lower() for w in WORD_CHARS.findall(text)]


def visible_text(raw: str) -> str:
    """The page's text without any article selection, one block per line."""
    import trafilatura

    return trafilatura.html2txt(raw) or ""


def locate_words(extracted: str, raw: str) -> dict[int, tuple[int, int]]:
    """Find each word of the extracted text in the raw HTML, in order.

    Words that cannot be found (entities rewritten, text generated by the
    extractor) are left out; the offset map then snaps to their neighbours.
    """
    located: dict[int, tuple[int, int]] = {}
    cursor = 0
    for m in WORD.finditer(extracted):
        word = m.group()
        escaped = html_lib.escape(word)
        # most words need no entity: one search, not three through the same window
        variants = (
            (word,) if escaped == word else (word, html_lib.escape(word, quote=False), escaped)
        )
        for variant in variants:
            pos = raw.find(variant, cursor, cursor + _SEARCH_WINDOW)
            if pos >= 0:
                located[m.start()] = (pos, pos + len(variant))
                cursor = pos + len(variant)
                break
    return located
