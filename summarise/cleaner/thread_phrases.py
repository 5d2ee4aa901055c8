"""Reader-comment threads as pages write them: the header lines of a comment ("NAME
says:", "3 hours ago", "Reply"), the heading over a thread ("11 thoughts on “TITLE”",
"Comments (12)") and "ago" in several languages. Tables only, as in ``rules``; the
comment rules and the classifier's features read them."""

from __future__ import annotations

import re

from summarise.cleaner.rules import starting_with

# "3 hours ago" in other languages: when a reader's comment was posted
AGO = (
    r"\b(?:vor \d+ (?:minute|minuten|stunde|stunden|tag|tagen|woche|wochen|monat|monaten|"
    r"jahr|jahren)|il y a \d+ (?:minutes?|heures?|jours?|semaines?|mois|ans?)|"
    r"hace \d+ (?:minutos?|horas?|días?|semanas?|mes|meses|años?)|"
    r"há \d+ (?:minutos?|horas?|dias?|semanas?|mês|meses|anos?)|"
    r"\d+ (?:minuto|minuti|ora|ore|giorno|giorni|settimana|settimane|mese|mesi|anno|anni) fa|"
    r"\d+ (?:minuut|minuten|uur|dag|dagen|week|weken|maand|maanden|jaar) geleden)\b"
)
# The header lines of a reader-comment thread (several close together start one).
COMMENT_HEADER = re.compile(
    r"\b(?:says|said|wrote|writes|commented|replied) ?:$|"
    r"^(?:reply|report|flag|antworten|melden|répondre|responder|rispondi|balas)$|"
    r"^\d+ (?:comments?|replies|kommentare|commentaires|comentarios|commenti|komentar)$|"
    r"^(?:comments?|kommentare|commentaires|comentarios|commenti|komentar) ?\(?\d*\)?$|"
    r"\b(?:hours?|minutes?|days?|weeks?|months?|years?) ago$|(?:回覆|回复|返信)$|" + AGO + "$",
    re.I,
)
QUOTES = frozenset("\"'“”„‘’‚«»")  # the marks that open a quoted title
# The heading over a blog's comment thread: "11 thoughts on “TITLE”", "3 Kommentare zu …".
COMMENT_SECTION = re.compile(
    r"^\d+ (?:responses?|replies|comments?|thoughts|antworten|kommentare|réponses?|"
    r"commentaires?|comentarios?|respuestas?|commenti|risposte|reacties|komentarze?) "
    r"(?:to|on|zu|auf|à|sur|en|a|para|su|op|do) ",
    re.I,
)
# A reader comment's header: "NAME says:", "NAME on 3 May at 10:12 said:", "Reply".
COMMENT_MARK = starting_with(
    r"swcrflpdhmy\d",
    r"\b(?:says|said|wrote|writes|commented|replied|reply|replies|responded) ?:?$|"
    r"^(?:reply|report|flag|like|permalink|share)\b|\b\d+\s+(?:comments?|replies|likes?)\b|"
    r"\b(?:hours?|minutes?|days?|weeks?|months?|years?)\s+ago\b",
)
