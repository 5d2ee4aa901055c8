"""How checked claims are shown: plain text for the terminal, HTML for the web app.

The HTML is built from fixed tags only (its look is ``CSS``, given to the
component separately); every piece of the summary or the
article goes through ``html.escape``, so nothing a person pasted is ever
rendered as markup.
"""

from __future__ import annotations

import textwrap
from html import escape

from summarise.results import Claim

KIND_LABELS = {
    "name": "name",
    "number": "number",
    "percent": "percentage",
    "amount": "amount",
    "date": "date",
    "quote": "quotation",
}
LEGEND = (
    "Each summary sentence opens to show its evidence, highlighted in the article. "
    "Underlined in red: a name, number, date, amount or quotation its evidence does not "
    "state (⚠ also nowhere else in the article). The percentage is how well the "
    "article supports the sentence."
)
CSS = """
.claims details{margin:.3em 0;padding:.3em .5em;border-left:4px solid #2e7d32}
.claims details.flagged{border-left-color:#c62828}
.claims summary{cursor:pointer}
.claims mark.flag{background:none;color:inherit;text-decoration:underline wavy #c62828}
.claims mark.evidence{background:#fff3b0;color:#000}
.claims .context{margin:.4em 0 .2em 1em}
.claims .meta{font-size:.85em;opacity:.75}
"""


def _marked(claim: Claim) -> str:
    """The claim's text, escaped, with each unsupported fact wrapped in a mark."""
    out, at = [], 0
    for flag in sorted(claim.unsupported, key=lambda f: f.start):
        start, end = flag.start - claim.start, flag.end - claim.start
        if start < at:
            continue
        note = "stated elsewhere in the article" if flag.in_article else "not in the article"
        title = f"{KIND_LABELS.get(flag.kind, flag.kind)} not in the evidence; {note}"
        out.append(escape(claim.text[at:start]))
        out.append(f'<mark class="flag" title="{escape(title)}">{escape(claim.text[start:end])}')
        out.append("" if flag.in_article else " ⚠")
        out.append("</mark>")
        at = end
    out.append(escape(claim.text[at:]))
    return "".join(out)


def _context(article: str, claim: Claim) -> str:
    """The paragraph(s) around the evidence, evidence sentences highlighted."""
    if not claim.evidence:
        return "<em>No sentence of the article matches this one.</em>"
    first = min(e.start for e in claim.evidence)
    last = max(e.end for e in claim.evidence)
    start = article.rfind("\n\n", 0, first) + 2 if article.rfind("\n\n", 0, first) >= 0 else 0
    end = article.find("\n\n", last)
    end = len(article) if end < 0 else end
    out, at = [], start
    for evidence in sorted(claim.evidence, key=lambda e: e.start):
        out.append(escape(article[at : evidence.start]))
        quoted = escape(article[evidence.start : evidence.end])
        out.append(f'<mark class="evidence">{quoted}</mark>')
        at = evidence.end
    out.append(escape(article[at:end]))
    return "".join(out).replace("\n\n", "<br><br>")


def claims_html(article: str, claims: list[Claim]) -> str:
    """The summary sentence by sentence, each a ``<details>`` holding its evidence."""
    if not claims:
        return ""
    parts = ['<div class="claims">', f'<p class="meta">{escape(LEGEND)}</p>']
    for claim in claims:
        state = "flagged" if claim.unsupported else "supported"
        where = ", ".join(
            f"characters {e.original_start}–{e.original_end}"
            for e in claim.evidence
            if e.original_start is not None
        )
        parts.append(
            f'<details class="{state}"><summary>{_marked(claim)} '
            f'<span class="meta">({claim.support:.0%})</span></summary>'
            f'<div class="context">{_context(article, claim)}</div>'
            f'<div class="meta">{escape(where and "Evidence at " + where + " of your input")}'
            "</div></details>"
        )
    parts.append("</div>")
    return "".join(parts)


def claims_text(claims: list[Claim], width: int = 88) -> str:
    """A terminal report: each sentence with its support, unsupported facts and evidence."""
    lines = []
    for n, claim in enumerate(claims, 1):
        mark = "ok" if not claim.unsupported else "FLAGGED"
        lines.append(textwrap.fill(f"{n}. [{mark} {claim.support:.0%}] {claim.text}", width))
        for flag in claim.unsupported:
            where = "stated elsewhere in the article" if flag.in_article else "not in the article"
            label = KIND_LABELS.get(flag.kind, flag.kind)
            lines.append(f"   unsupported {label}: {flag.text!r} ({where})")
        for evidence in claim.evidence:
            wrapped = textwrap.fill("evidence: " + evidence.text, width - 3)
            lines.append(textwrap.indent(wrapped, "   "))
    return "\n".join(lines)
