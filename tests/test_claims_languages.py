"""Claims in other languages: each language's number words, number format, per cent and
currency words, dates and quotation marks, read to the same normalised facts; German
nouns are no names; unknown languages read digits and quotations only; the generated
German, French and Spanish cases meet the same targets as the English ones."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from summarise.claims.facts import Inventory, WordUsage, extract
from summarise.claims.languages import LANGUAGES, NEUTRAL, table
from summarise.claims.verify import Verifier
from summarise.document import Document

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import verify as bench  # noqa: E402


def _facts(code: str, text: str, *context: str) -> list:
    lexicon = WordUsage(table(code))
    lexicon.learn([text, *context])
    return extract(text, lexicon)


def _supported(code: str, claim: str, evidence: str) -> list[str]:
    """The facts of ``claim`` that ``evidence`` lacks (empty: all supported)."""
    lexicon = WordUsage(table(code))
    lexicon.learn([evidence])
    inventory = Inventory(evidence, lexicon)
    facts = extract(claim, lexicon)
    assert facts, claim
    return [f.text for f in facts if not inventory.has(f)]


@pytest.mark.parametrize(
    ("code", "forms", "value", "kind"),
    [
        ("de", ["11 Prozent", "elf Prozent", "11 %", "11%"], 11, "percent"),
        ("fr", ["12 pour cent", "douze pour cent", "12 %", "12\u00a0%"], 12, "percent"),
        ("es", ["12 por ciento", "doce por ciento", "12 %"], 12, "percent"),
        ("it", ["12 per cento", "dodici per cento", "12%"], 12, "percent"),
        ("pt", ["12 por cento", "doze por cento", "12 %"], 12, "percent"),
        ("nl", ["12 procent", "twaalf procent", "12%"], 12, "percent"),
        ("de", ["1.234,5", "1234,5", "1’234,5"], 1234.5, "number"),
        ("fr", ["1 234,5", "1\u202f234,5", "1234,5"], 1234.5, "number"),
        ("es", ["1.234,5", "1234,5"], 1234.5, "number"),
        ("it", ["1.234,5", "1234,5"], 1234.5, "number"),
        ("pt", ["1.234,5", "1234,5"], 1234.5, "number"),
        ("nl", ["1.234,5", "1234,5"], 1234.5, "number"),
        ("de", ["dreiundzwanzig", "23"], 23, "number"),
        ("de", ["zweitausendfünfhundert", "2.500"], 2500, "number"),
        ("fr", ["quatre-vingt-dix", "90"], 90, "number"),
        ("fr", ["soixante-et-onze", "71"], 71, "number"),
        ("fr", ["vingt et un", "21"], 21, "number"),
        ("es", ["treinta y cinco", "35"], 35, "number"),
        ("es", ["doscientos cincuenta", "250"], 250, "number"),
        ("it", ["trentacinque", "35"], 35, "number"),
        ("it", ["ventotto", "28"], 28, "number"),
        ("pt", ["vinte e três", "23"], 23, "number"),
        ("nl", ["drieëntwintig", "23"], 23, "number"),
        ("nl", ["tweehonderd", "200"], 200, "number"),
        ("de", ["2,5 Millionen Euro", "2,5 Mio. €", "2,5 Mio. Euro"], 2.5e6, "amount"),
        ("fr", ["3 millions d’euros", "3 millions d'euros", "3 millions €"], 3e6, "amount"),
        ("es", ["2,5 millones de euros", "2,5 millones €"], 2.5e6, "amount"),
        ("it", ["3 milioni di euro", "3 mln €"], 3e6, "amount"),
        ("pt", ["2,5 milhões de euros", "2,5 milhões de reais"], 2.5e6, "amount"),
        ("nl", ["€ 1.234,50", "1234,50 euro"], 1234.5, "amount"),
        ("de", ["eine Million Euro", "1 Million Euro"], 1e6, "amount"),
    ],
)
def test_each_language_reads_numbers_to_one_value(code, forms, value, kind):
    for form in forms:
        facts = [f for f in _facts(code, f"Es waren {form} heute.") if f.kind != "name"]
        assert [(f.kind, f.value) for f in facts] == [(kind, pytest.approx(value))], (code, form)


@pytest.mark.parametrize(
    ("code", "text", "date"),
    [
        ("de", "Am 3. März 2025 begann es.", (2025, 3, 3)),
        ("de", "Am 03.03.2025 begann es.", (2025, 3, 3)),
        ("de", "Es begann im Mai 2024.", (2024, 5, None)),
        ("fr", "Le 3 mars 2025, tout a commencé.", (2025, 3, 3)),
        ("fr", "Le 1er mars, tout a commencé.", (None, 3, 1)),
        ("es", "El 3 de marzo de 2025 empezó todo.", (2025, 3, 3)),
        ("es", "Empezó en marzo de 2025.", (2025, 3, None)),
        ("it", "Il 3 marzo 2025 è cominciato.", (2025, 3, 3)),
        ("pt", "Em 3 de março de 2025 começou.", (2025, 3, 3)),
        ("nl", "Op 3 maart 2025 begon het.", (2025, 3, 3)),
    ],
)
def test_each_language_reads_dates(code, text, date):
    dates = [f.date for f in _facts(code, text) if f.kind == "date"]
    assert dates == [date]


@pytest.mark.parametrize(
    ("code", "claim", "evidence"),
    [
        ("de", "Die Preise stiegen um elf Prozent.", "Die Preise stiegen um 11 %."),
        ("de", "Die Arbeiten beginnen am 03.03.2025.", "Die Arbeiten beginnen am 3. März 2025."),
        ("de", "Das Land zahlt 2,5 Mio. €.", "Das Land zahlt 2,5 Millionen Euro."),
        ("de", "Sie kamen am Montag.", "Am Montag kamen sie."),
        ("fr", "Les prix ont augmenté de 12 %.", "Les prix ont augmenté de douze pour cent."),
        ("fr", "Il a coûté 1234,5 euros.", "Il a coûté 1 234,5 euros."),
        ("fr", "Le chantier commence le 03/03/2025.", "Le chantier commence le 3 mars 2025."),
        ("es", "Llegaron 35 barcos.", "Llegaron treinta y cinco barcos."),
        ("es", "Empieza el 3 de marzo.", "Empieza el 3 de marzo de 2025."),
        ("it", "Sono arrivati 35 turisti.", "Sono arrivati trentacinque turisti."),
        ("pt", "Pagaram 1234,5 euros.", "Pagaram 1.234,5 euros."),
        ("nl", "Er kwamen 23 mensen.", "Er kwamen drieëntwintig mensen."),
    ],
)
def test_each_language_supports_a_fact_written_another_way(code, claim, evidence):
    assert _supported(code, claim, evidence) == []


@pytest.mark.parametrize(
    ("code", "claim", "evidence", "wrong"),
    [
        (
            "de",
            "Die Preise stiegen um zwölf Prozent.",
            "Die Preise stiegen um 11 %.",
            "zwölf Prozent",
        ),
        ("de", "Es beginnt am 4. März.", "Es beginnt am 3. März 2025.", "4. März"),
        ("de", "Es kostet 1.235,5 Euro.", "Es kostet 1.234,5 Euro.", "1.235,5 Euro"),
        ("fr", "Il a coûté 1 235 euros.", "Il a coûté 1 234 euros.", "1 235 euros"),
        ("fr", "Ils viennent mardi.", "Ils viennent lundi.", "mardi"),
        ("es", "Empieza el 3 de abril.", "Empieza el 3 de marzo de 2025.", "3 de abril"),
        ("it", "Sono arrivati 36 turisti.", "Sono arrivati trentacinque turisti.", "36"),
        ("pt", "Começa na terça-feira.", "Começa na segunda-feira.", "terça-feira"),
        ("nl", "Er kwamen 24 mensen.", "Er kwamen drieëntwintig mensen.", "24"),
    ],
)
def test_each_language_flags_a_changed_fact(code, claim, evidence, wrong):
    assert _supported(code, claim, evidence) == [wrong]


@pytest.mark.parametrize(
    ("code", "quote"),
    [
        ("de", "„ein guter Tag für alle“"),
        ("de", "»ein guter Tag für alle«"),
        ("de", "‚ein guter Tag für alle‘"),
        ("fr", "« un bon jour pour tous »"),
        ("es", "«un buen día para todos»"),
        ("it", "«un buon giorno per tutti»"),
        ("pt", "“um bom dia para todos”"),
        ("nl", "„een goede dag voor iedereen”"),
        ("ja", "「良い日です」"),
    ],
)
def test_each_language_reads_its_quotation_marks(code, quote):
    facts = [f for f in _facts(code, f"Sie sagte {quote}.") if f.kind == "quote"]
    assert [f.text for f in facts] == [quote]
    assert _supported(code, f"X {quote}.", f"Y {quote} und mehr.") == []


def test_a_changed_quotation_is_flagged_in_german():
    claim = "Sie nannte es „einen schlechten Tag“."
    evidence = "Sie nannte es „einen guten Tag“."
    assert _supported("de", claim, evidence) == ["„einen schlechten Tag“"]


def test_german_nouns_are_no_names_and_people_are():
    names = [
        f.text
        for f in _facts(
            "de", "Die neue Regierung von Kanzlerin Anna Becker plant mehr Schulen in Köln."
        )
        if f.kind == "name"
    ]
    assert names == ["Kanzlerin Anna Becker", "Köln"]
    article = "Die Umweltschützer protestierten. Der Sprecher Jonas Hartwig warnte."
    assert [f.kind for f in _facts("de", "Umweltschützer warnten.", article)] == []
    assert [f.text for f in _facts("de", "Hartwig warnte.", article)] == ["Hartwig"]


def test_french_and_italian_clipped_articles_are_words_of_their_own():
    facts = _facts("fr", "L’Union européenne a versé 3 millions d’euros.")
    assert [(f.kind, f.text) for f in facts] == [
        ("name", "Union"),
        ("amount", "3 millions d’euros"),
    ]
    assert [f.kind for f in _facts("it", "Sono 3 milioni dell’anno.")] == ["number"]


def test_unknown_languages_read_digits_and_quotations_only():
    assert table("ru") is NEUTRAL and table("xx-YY") is NEUTRAL
    assert table(None).code == table("en").code == "en"
    assert table("de-CH") is LANGUAGES["de"] and table("pt_BR") is LANGUAGES["pt"]
    facts = _facts("ru", "В 2025 году Иван сказал «всё хорошо»: 12,5 %, 1,234 и 7.5.")
    assert [(f.kind, f.text, f.value) for f in facts] == [
        ("number", "2025", 2025),
        ("quote", "«всё хорошо»", 0),
        ("percent", "12,5 %", 12.5),
        ("number", "1,234", 1234),
        ("number", "7.5", 7.5),
    ]


GERMAN_ARTICLE = (
    "Stadtrat beschließt neue Brücke\n\n"
    "Der Stadtrat von Lindau hat am Dienstag den Bau einer neuen Brücke beschlossen. "
    "Sie soll 48 Millionen Euro kosten und im Oktober 2028 fertig sein.\n\n"
    "Bürgermeisterin Petra Scholl sagte, die alte Brücke sei seit 1962 in Betrieb. "
    "„Wir können nicht länger warten“, sagte Scholl.\n"
)


def test_the_verifier_reads_the_documents_language():
    verifier = Verifier(GERMAN_ARTICLE, language="de")
    good = verifier.verify("Die Brücke soll 48 Mio. Euro kosten und im Oktober 2028 fertig sein.")
    bad = verifier.verify("Die Brücke soll 49 Mio. Euro kosten und im Oktober 2028 fertig sein.")
    assert good[0].unsupported == []
    assert [f.text for f in bad[0].unsupported] == ["49 Mio. Euro"]
    doc = Document(GERMAN_ARTICLE * 3, False, False, False)
    assert doc.cleaned.language == "de" and doc._verifier.language is LANGUAGES["de"]
    flags = [
        f.text for c in doc.verify("Die Brücke soll 49 Mio. Euro kosten.") for f in c.unsupported
    ]
    assert flags == ["49 Mio. Euro"]


@pytest.mark.parametrize("language", ["de", "fr", "es"])
def test_generated_cases_meet_the_targets_in_other_languages(language):
    cases = bench.build_cases(language=language)
    report = bench.score(cases, None, language=language)
    assert report["cases"] >= 100
    assert all(report["by_kind"][k].split("/")[1] != "0" for k in bench.KINDS)
    assert report["error_recall"] >= 0.95, report["misses"]
    assert report["clean_flag_rate"] <= 0.05, report["misses"]
