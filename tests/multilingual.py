"""Pages in German, French and Spanish, written for these tests, and the tiny multilingual
models trained on them: an mT5 summariser and an XLM-RoBERTa reader, each with a
SentencePiece unigram tokenizer trained on the spot.

Each page is pasted as a reader would copy it from a site (a menu line above, share
buttons and a copyright line below), so the cleaner has something to remove and the
answers' offsets into the raw paste differ from those into the cleaned text. The models
are trained on the cleaned text until they write each page's summary and answer its
questions; the mT5 config asks for no task prefix, as a checkpoint fine-tuned on
summaries (XLSum) does.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import torch
from tiny import qa_features, train, train_on_pairs
from toy_tokenizers import unigram_pieces


@contextmanager
def one_thread() -> Iterator[None]:
    """Train on one torch thread: on a busy machine two threads of such small
    operations wait on each other for most of each step (tens of times slower)."""
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        yield
    finally:
        torch.set_num_threads(threads)


WINDOW = 128  # the reader's window in training and in the tests (max_seq_len)
STRIDE = 48


@dataclass(frozen=True)
class Page:
    """A page of our own: the raw paste, its summary, and (question, answer) pairs."""

    language: str
    raw: str
    summary: str
    questions: tuple[tuple[str, str], ...]


PAGES = (
    Page(
        "de",
        "Startseite | Region | Wirtschaft | Kultur\n\n"
        "Neue Fähre verbindet Warnemünde und Gedser\n\n"
        "Die Reederei Ostseelinie hat am Montag ihre neue Fähre Möwe in Dienst gestellt. "
        "Das Schiff pendelt künftig sechsmal am Tag zwischen Warnemünde und dem dänischen "
        "Hafen Gedser. Die Überfahrt dauert eine Stunde und fünfzig Minuten.\n\n"
        "Die Möwe fährt mit Batterien und Biogas und soll deutlich weniger Abgase ausstoßen "
        "als die beiden älteren Schiffe der Reederei. Gebaut wurde sie in einer Werft in "
        "Stralsund, die Kosten lagen bei rund neunzig Millionen Euro.\n\n"
        "Kapitänin Jana Petersen sagte bei der ersten Fahrt, die Besatzung habe monatelang "
        "geübt. Viele Pendler hoffen nun auf pünktlichere Verbindungen im Winter.\n\n"
        "Teilen: Facebook | E-Mail | Drucken\n\n"
        "© 2026 Ostseebote Digital",
        "Eine neue Fähre fährt sechsmal täglich nach Gedser.",
        (
            ("Wer ist die Kapitänin der Möwe?", "Jana Petersen"),
            ("Wo wurde die Fähre gebaut?", "Stralsund"),
        ),
    ),
    Page(
        "fr",
        "Accueil | Actualités | Culture | Sports\n\n"
        "La médiathèque de Nantes rouvre après deux ans de travaux\n\n"
        "La médiathèque centrale de Nantes a rouvert ses portes samedi matin après deux "
        "années de rénovation. Plus de trois mille visiteurs se sont pressés dans les "
        "nouvelles salles dès le premier jour.\n\n"
        "Le bâtiment dispose désormais d'un jardin de lecture sur le toit et d'un atelier "
        "de réparation de vélos. Les travaux ont coûté douze millions d'euros, financés "
        "en grande partie par la métropole.\n\n"
        "La directrice, Claire Dumas, a expliqué que les horaires seront élargis le "
        "dimanche. Les habitants pourront aussi emprunter des instruments de musique.\n\n"
        "Partager : Facebook | Courriel | Imprimer\n\n"
        "© 2026 Le Courrier de l'Estuaire",
        "La médiathèque de Nantes rouvre avec un jardin sur le toit.",
        (
            ("Qui dirige la médiathèque ?", "Claire Dumas"),
            ("Combien ont coûté les travaux ?", "douze millions d'euros"),
        ),
    ),
    Page(
        "es",
        "Inicio | Noticias | Economía | Deportes\n\n"
        "Valencia estrena un parque solar en el puerto\n\n"
        "El puerto de Valencia inauguró el jueves un parque solar sobre los tejados de "
        "sus almacenes. Las placas cubren cuarenta mil metros cuadrados y darán energía "
        "a las grúas de la terminal norte, que hasta ahora funcionaban con gasóleo.\n\n"
        "Según la autoridad portuaria, el parque evitará cada año la emisión de unas "
        "seis mil toneladas de dióxido de carbono. La obra, que ha durado once meses, "
        "fue adjudicada a una cooperativa de Alicante por un precio que no se ha hecho "
        "público.\n\n"
        "La ingeniera Lucía Ferrer, responsable del proyecto, explicó que en primavera se "
        "instalarán también baterías para guardar la energía que sobra por la tarde. "
        "Los vecinos del barrio, sin embargo, piden que el puerto reduzca además el "
        "ruido de los camiones durante la noche.\n\n"
        "Compartir: Facebook | Correo | Imprimir\n\n"
        "© 2026 Diario del Turia",
        "El puerto de Valencia abre un parque solar en sus almacenes.",
        (
            ("¿Quién es la responsable del proyecto?", "Lucía Ferrer"),
            ("¿Cuántos metros cuadrados cubren las placas?", "cuarenta mil metros cuadrados"),
        ),
    ),
)


def cleaned(page: Page) -> tuple[str, str]:
    """The page's cleaned text and its body, as a Document reads them."""
    from summarise.cleaner.pipeline import clean

    result = clean(page.raw)
    return result.text, result.body or result.text


def _corpus() -> list[str]:
    texts = []
    for page in PAGES:
        texts += cleaned(page)[0].split("\n\n") + [page.summary]
        texts += [q for q, _ in page.questions]
    return texts * 3


def build_mt5(folder: Path, steps: int = 300) -> Path:
    """A tiny mT5 (no task prefix in its config) trained to write each page's summary."""
    from transformers import (
        AutoTokenizer,
        GenerationConfig,
        MT5Config,
        MT5ForConditionalGeneration,
        T5Tokenizer,
    )

    tok = T5Tokenizer(vocab=unigram_pieces(_corpus(), 700), extra_ids=0)
    tok.model_max_length = 512
    tok.save_pretrained(folder)
    tokenizer = AutoTokenizer.from_pretrained(folder)
    torch.manual_seed(0)
    config = MT5Config(
        vocab_size=len(tokenizer),
        d_model=64,
        d_kv=16,
        d_ff=128,
        num_layers=2,
        num_heads=4,
        dropout_rate=0.0,
        feed_forward_proj="gated-gelu",
        tie_word_embeddings=False,
        decoder_start_token_id=tokenizer.pad_token_id,
        pad_token_id=tokenizer.pad_token_id,
        eos_token_id=tokenizer.eos_token_id,
        architectures=["MT5ForConditionalGeneration"],
    )
    model = MT5ForConditionalGeneration(config)
    # an output layer of its own, as mT5 checkpoints have (transformers 5 ties it by default)
    model.lm_head.weight = torch.nn.Parameter(model.shared.weight.detach().clone())
    model.generation_config = GenerationConfig(
        num_beams=2,
        max_length=40,
        no_repeat_ngram_size=2,
        decoder_start_token_id=tokenizer.pad_token_id,
        pad_token_id=tokenizer.pad_token_id,
        eos_token_id=tokenizer.eos_token_id,
    )
    pairs = [(cleaned(page)[1], page.summary) for page in PAGES]
    with one_thread():
        train_on_pairs(model, tokenizer, pairs, folder, steps)
    path = folder / "config.json"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            '"tie_word_embeddings": true', '"tie_word_embeddings": false'
        ),
        encoding="utf-8",
    )
    return folder


def build_xlmr(folder: Path, steps: int = 500, batch: int = 16) -> Path:
    """A tiny XLM-RoBERTa QA model trained to answer each page's questions in windows of
    ``WINDOW`` tokens, placed with several strides."""
    from transformers import (
        AutoTokenizer,
        XLMRobertaConfig,
        XLMRobertaForQuestionAnswering,
        XLMRobertaTokenizer,
    )

    skip = {"<pad>", "</s>", "<unk>"}
    pieces = [(p, s) for p, s in unigram_pieces(_corpus(), 700) if p not in skip]
    specials = [("<s>", 0.0), ("<pad>", 0.0), ("</s>", 0.0), ("<unk>", 0.0)]
    tok = XLMRobertaTokenizer(vocab=specials + pieces + [("<mask>", 0.0)])
    tok.model_max_length = 512
    tok.save_pretrained(folder)
    tokenizer = AutoTokenizer.from_pretrained(folder)
    items = []
    for page in PAGES:
        text = cleaned(page)[0]
        paragraphs = text.split("\n\n")
        for question, answer in page.questions:
            items.append((question, text, text.index(answer), answer))
            for paragraph in paragraphs:  # the answer's paragraph, and others without it
                at = paragraph.find(answer)  # -1 and "": no token holds it, the null answer
                items.append((question, paragraph, at, answer if at >= 0 else ""))
    whole = [i for i in items if "\n\n" in i[1]]  # the full texts, windows placed anew
    parts = [qa_features(tokenizer, items, WINDOW, STRIDE)]
    parts += [qa_features(tokenizer, whole, WINDOW, stride) for stride in (32, 64, 80)]
    pool = {k: torch.cat([p[k] for p in parts]) for k in parts[0] if k != "token_type_ids"}
    torch.manual_seed(0)
    config = XLMRobertaConfig(
        vocab_size=len(tokenizer),
        hidden_size=64,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=128,
        max_position_embeddings=514,
        type_vocab_size=1,
        pad_token_id=tokenizer.pad_token_id,
        bos_token_id=tokenizer.bos_token_id,
        eos_token_id=tokenizer.eos_token_id,
        hidden_dropout_prob=0.0,
        attention_probs_dropout_prob=0.0,
        architectures=["XLMRobertaForQuestionAnswering"],
    )
    model = XLMRobertaForQuestionAnswering(config)
    generator = torch.Generator().manual_seed(0)
    size = len(pool["input_ids"])

    def step(m):
        pick = torch.randint(0, size, (min(batch, size),), generator=generator)
        return m(**{key: value[pick] for key, value in pool.items()}).loss

    with one_thread():
        loss = train(model, step, steps, lr=2e-3)
    print(f"tiny XLM-RoBERTa reader trained: loss {loss:.4f}")
    model.save_pretrained(folder)
    return folder
