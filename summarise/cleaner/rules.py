"""Rule tables of the cleaner, kept apart from its logic.

Every pattern here is linear: alternatives of plain words, no quantified group
that contains another quantifier over text the alternatives can share. Word
lists are sets looked up token by token, never joined into one pattern.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

SAMPLE_CHARS = 3000  # a block's words and marks are read from its start: a wall of text is slow
WORD = re.compile(r"\S+")
WORD_CHARS = re.compile(r"\w+")


def _combining_marks() -> str:
    """The combining marks of the Basic Multilingual Plane, as ranges for a character
    class. Python's \\w leaves them out, yet the vowel signs of Indic and Thai scripts
    are inside their words: "দিকে" is one word, not three."""
    ranges: list[tuple[int, int]] = []
    for code in range(0x300, 0x10000):
        if unicodedata.category(chr(code)).startswith("M"):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    return "".join(f"\\u{a:04x}-\\u{b:04x}" for a, b in ranges)


def starting_with(first: str, pattern: str) -> re.Pattern[str]:
    """``pattern``, case-insensitive, behind a look-ahead for the characters its matches
    can start with (``first``, the body of a character class). Python's engine tries
    every alternative at every position; the look-ahead skips most positions at once,
    which halves the time of a search through a long block. A test checks ``first``
    against each pattern's alternatives."""
    return re.compile(f"(?=[{first}])(?:{pattern})", re.I)


MARK = re.compile("[" + _combining_marks() + "]")
_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# a word of a script with combining marks: letters and the marks inside it ("दुनिया")
_MARKED = r"[^\W\d_](?:[^\W\d_]|" + MARK.pattern + ")*"
_MARKED_TOKEN = re.compile(_MARKED + r"(?:['’]" + _MARKED + ")?")


@lru_cache(maxsize=16384)
def tokens(text: str) -> tuple[str, ...]:
    """The words of ``text``, without digits; the marked pattern only where marks are, as
    it is slower. Remembered: the language check, the line features, the lexicon and the
    title each read a line's words, mostly of the same lower-cased text."""
    marked = not text.isascii() and MARK.search(text) is not None
    return tuple((_MARKED_TOKEN if marked else _TOKEN).findall(text))


LETTER = re.compile(r"[^\W\d_]")
DIGIT = re.compile(r"\d")
# a sentence's end in any script (Hindi and Bengali "।", Arabic "؟", Urdu "۔"), possibly
# followed by a short citation mark: "in 1840.[12]", "sacred. [M1]"
TERMINAL = re.compile(r"[.!?…。！？।॥؟۔։።။][\"'”’»)\]]*(?: ?\[[^\[\]\n]{1,20}\])?$")
SENTENCE_END = re.compile(r"[.!?。！？][\"'”’»)]* ")  # a sentence ends inside a block
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
CJK_WEIGHT = 3  # a CJK character carries about as much text as three letters of a spaced script
CJK_CHARS_PER_WORD = 2  # scripts without spaces: about two characters make a word
# Chinese function characters and Japanese particles: the stop words of scripts without
# spaces, counted character by character (a page in them has no jusText list)
CJK_FUNCTION = frozenset(
    "的了是在和就不都也很到說说要會会著着這这那們们個个為为與与及而但所以之其於于被把讓让"
    "給给從从對对還还又或因已將将可能得地過过來来我你他她有"
    "のにはをがでともへや"
)
CJK_PAGE_SHARE = 0.3  # a page whose letters are this much CJK is read by CJK_FUNCTION
COUNT_SUFFIX = re.compile(r"\(\d+\)$")
URLISH = starting_with("hw.@", r"https?://|www\.|\.com\b|@\w")
TAG = re.compile(r"<[^<>]{0,500}>")
HTML_HINT = re.compile(
    r"<\s*(?:!doctype|html|head|body|div|p|article|span|a|br|table|section|main)\b", re.I
)

# Web-interface vocabulary: the share of a line's tokens found here is one feature.
UI_WORDS = frozenset(
    """
    share shares sharing print email e-mail mail tweet facebook twitter x linkedin whatsapp
    pinterest reddit telegram instagram youtube copy link links comment comments advertisement
    advertising ad ads sponsored skip main content navigation accessibility menu search close
    log login logout sign signin signup subscribe subscription newsletter home news update
    updated breaking live video videos watch listen audio read more related article articles
    stories story most popular viewed trending top recommended font text size xs sm md lg xl
    back next previous prev show load view gallery photo photos image images save bookmark
    follow us page opinion world business sport sports politics tech science health
    entertainment lifestyle culture local national international loading toggle settings
    cookie cookies accept reject manage preferences ok got here click tap expand collapse
    caption hide zoom icon logo arrow english español français deutsch reply replies like
    likes report permalink posted register account profile contact about privacy terms imprint
    impressum datenschutz kontakt anmelden abmelden teilen drucken mehr lesen weiter
    """.split()
)

# "Updated", "Published": the English words that open a dateline.
DATE_OPENERS = r"updated|published|last updated|posted"
# Words that open a caption, a credit, a pointer elsewhere or a dateline: one feature.
BOILERPLATE_START = re.compile(
    r"^\W*(?:photo|photograph|image|picture|credit|caption|file photo|video|watch|"
    r"read more|read also|see also|related|more on|more from|also read|advertisement|"
    r"sponsored|copyright|©|\(c\)|all rights reserved|follow us|sign up|subscribe|"
    r"click here|tap here|share (?:on|this|via)|" + DATE_OPENERS + "|"
    r"image source|media caption|getty images)\b",
    re.I,
)
BOILERPLATE_ANYWHERE = starting_with(
    "a©cptegyrs",
    r"all rights reserved|©|\bcopyright\b|privacy policy|terms of (?:use|service)|"
    r"enable javascript|your browser (?:does not|doesn't)|\bad blocker\b|"
    r"\b(?:getty images|ap photo|afp via getty|reuters/|shutterstock)\b",
)
COOKIE = starting_with("c", r"\bcookies?\b")

# Furniture that no article line is: vetoes applied after the classifier, to short blocks.
FURNITURE = re.compile(
    r"all rights reserved|©|privacy (?:policy|notice|collection statement)|"
    r"terms of (?:use|service)|enable javascript|"
    r"your browser (?:does not|doesn't)|\bad blocker\b|"
    r"\bcookies?\b.{0,60}\b(?:use|accept|consent|agree)|"
    r"\b(?:use|accept|consent|agree)\b.{0,60}\bcookies?\b|"
    r"\((?:photo|photograph|image|picture|credit|file)\b[^()]{0,80}\)$|"
    r"\b(?:getty images|ap photo|afp via getty|shutterstock)\b|\breuters/|"
    r"^\W*(?:(?:media|image|video) caption|image (?:copyright|source))\b|"  # a caption's label
    # an embedded Instagram post's own lines, and a blog post's category footer
    r"^\W*(?:a post shared by|ein beitrag geteilt von|une publication partagée par|"
    r"una publicación compartida por|un post condiviso da|view this post on instagram|"
    r"diesen beitrag auf instagram ansehen|voir cette publication sur instagram|"
    r"ver esta publicación en instagram|filed under|abgelegt unter)\b|"
    # a video player's accessibility notices and an advertising network's label
    r"\b(?:this is a modal window|beginning of dialog window|end of dialog window|"
    r"inread invented by teads)\b|"
    r"^(?:proudly )?powered by\b|\bproudly powered by\b|\| powered by\b|"
    r"\bthis entry was posted in\b|\bbookmark the permalink\b|"
    r"^\W*this (?:article|story) is more than \d+ (?:years?|months?) old\W*$|"
    # a caption's credit after its last sentence: "... in May. Photograph: Jane Roe"
    r"(?:[.!?]| [—–|-]) (?:(?:photograph|photo|foto|illustration|composite):|fot\.) "
    r"[^.!?]{1,60}$|"
    r"^\W*(?:photos?|fotos?|bild|imagen) ?: |"  # ... and one that opens with its label
    # a markets widget's line: "FTSE 100 +0.4%", "DAX −1,2 %"
    r"^[\w .&'-]{1,30} [+−-]\d{1,3}(?:[.,]\d{1,2})? ?%$|"
    r"\b(?:(?:straight|delivered|direct(?:ly)?) to your (?:inbox|phone|smartphone)|"
    r"in your inbox every)\b|"
    r"^\s*←|→\s*$|"  # a link to the previous or the next post, "Sign me up →"
    # ... and its label, glued to the other story's title in many news themes
    r"^\W*(?:(?:previous|prev|next|older|newer) (?:article|post|story|entry)|"
    r"(?:vorheriger|voriger|nächster) (?:artikel|beitrag)|article (?:précédent|suivant)|"
    r"(?:artículo|entrada) (?:anterior|siguiente)|artigo anterior|próximo artigo|"
    r"articolo (?:precedente|successivo))(?:\b|(?=(?-i:[A-ZÄÖÜ])))|"
    # the notices of a blog's comment form
    r"\b(?:your e-?mail address will not be published|required fields are marked|"
    r"(?:deine|ihre) e-?mail-?adresse wird nicht veröffentlicht|"
    r"save my name, e-?mail,? and website|notify me of (?:follow-up comments|new posts)|"
    r"benachrichtige mich (?:über|bei)|"
    r"meinen namen, meine e-?mail-?adresse und meine website)\b|"
    # the consent placeholder of an embedded post or video, and its settings link
    r"\b(?:externen? inhalte?|externer inhalt|ohne (?:dein|ihr)(?:e|en)? einverständnis|"
    r"datenschutzeinstellungen|inhalt laden|(?:twitter|instagram|youtube|facebook|tiktok) "
    r"freischalten|privacy settings|manage (?:your )?(?:privacy|cookie|consent) (?:settings|"
    r"preferences|choices)|this content is (?:hosted|provided|imported) by a third[- ]party)\b|"
    # a subscription pitch, at the start of its line ("... support local journalism
    # courses" in a sentence is news)
    r"^\W*(?:(?:not a subscriber\W+)?subscribe (?:now|today)|get unlimited (?:digital )?access|"
    r"support (?:our|local|independent|quality) journalism|already a subscriber|"
    r"become a (?:member|subscriber)|unterstützen sie (?:unseren|unabhängigen|guten) "
    r"journalismus|bereits abonnent|schon abonnent|soutenez (?:notre|le) journalisme|"
    r"abonnez-vous)\b|"
    r"^\W*thanks for reading\b.{0,100}\bsubscribe\b|"  # a newsletter's closing pitch
    # a paywall's notice where the free part of the article ends ("an offer reserved
    # for subscribers" in a sentence is news)
    r"\b(?:(?:this|the) (?:article|story|content) is (?:only )?(?:reserved|available|exclusive) "
    r"(?:for|to) (?:paying )?(?:subscribers|members)|"
    r"(?:cet article|ce contenu|l'article) est réservé aux abonnés|"
    r"il vous reste \d+ ?% (?:de cet article )?à (?:lire|découvrir)|"
    r"(?:articolo|contenuto) riservato agli abbonati)\b|"
    r"^\W*(?:(?:for )?subscribers only|(?:exklusiv|nur) für abonnenten|"
    r"(?:contenido |conteúdo )?exclusivo para (?:suscriptores|assinantes))\W*$",
    re.I,
)
FURNITURE_MAX_WORDS = 40
# A caption's label on a line of its own: the line under it is the caption.
CAPTION_LABEL = re.compile(
    r"^\W*(?:(?:media|image|video|photo) caption|caption|bildunterschrift|légende|pie de foto)"
    r"\W*$",
    re.I,
)
# ... and characters: the longest furniture line of 1,000 pastes (a list of the site's other
# domains) has 606; a longer run of text is not read by the phrase tables at all.
FURNITURE_MAX_CHARS = 1000
# The terms of a cookie or consent dialog, in the languages of the IAB's consent text
# ("We and our partners store and/or access information on a device, such as cookies"),
# and of a newsletter's sign-up notice: a paragraph with three of them is the dialog or
# the notice, however long. It reads every paragraph the other tables let through: behind
# the look-ahead for its first letters.
CONSENT_TERM = starting_with(
    "cpwatnuedzsf",
    r"\b(?:cookies?|consent(?:ing)?|personal data|partners|preferences|privacy|withdraw|"
    r"personali[sz]ed|advertising|tracking|newsletters?|unsubscribe|"
    r"einwilligung|personenbezogenen? daten|partner|datenschutz|widerrufen|zustimmung|"
    r"präferenzen|consentement|données personnelles|partenaires|confidentialité|"
    r"consentimiento|datos personales|socios|privacidad|consenso|dati personali|fornitori)\b",
)
CONSENT_TERMS = 3
CONSENT_MAX_CHARS = 2000  # the longest such paragraph of the 974 pages has 640
# ... addressed to the reader, or in the dialog's own words, "we and our partners"
READER = re.compile(
    r"\b(?:you|your|sie|ihre?|du|dein|vous|votre|vos|usted|tu|tuoi)\b|"
    r"\b(?:we|wir|nous|nosotros|noi) (?:and|und|et|y|e) (?:our|unsere|nos|nuestros|i nostri)\b",
    re.I,
)
# Phrases that mark furniture wherever they stand in a short line: interface words, share
# and follow prompts in several languages, the comment form, tag and category lists, author
# boxes, sign-up prompts, ratings and the placeholders of embedded content.
FURNITURE_SHORT = re.compile(
    r"\b(?:advertisement|advertising|sponsored|continue reading|story continues|"
    r"article continues|scroll to continue|report this ad|"
    r"read (?:the )?full|click to|min read|subscribe|newsletter|\d+ comments?)\b|"
    # an advertisement's label on a line of its own, in other languages: "Anzeige", "Reklama"
    r"^\W*(?:anzeige|werbung|reklama|reklame|publicidad|publicité|pubblicità|publicidade|"
    r"advertentie|annons|annonse|iklan)\W*$|"
    r"^\W*share (?:this|on|via|to)\b|"
    r"^\W*(?:(?:click|tap) here|ad feedback)\b|you can now listen to\b|"
    r"^\W*(?:listen to (?:this|the) (?:article|story)|artikel (?:anhören|vorlesen)|"
    r"écouter (?:cet|l')article|escuchar (?:este |el )?artículo|ouvir (?:notícia|reportagem))\b|"
    r"^\W*(?:loading|wird geladen|chargement|cargando|caricamento|fullscreen|full screen|"
    r"vollbild|plein écran|pantalla completa)\W*$|"
    r"^\W*(?:partager|partagez|compartir|compartilhe|compartilhar|condividi|teilen|sdílet|"
    r"udostępnij|delen)\b|"
    r"^\W*(?:शेयर करें|शेयर करे|फॉलो करें|फ़ॉलो करें)(?!\w)|^\W*(?:تابعنا|تابعونا)\b|"
    r"^\W*(?:(?:go|jump|skip) to (?:the )?comments|ir a los comentarios|zu den kommentaren|"
    r"aller aux commentaires|vai ai commenti|ir para os comentários|"
    r"leave a (?:comment|reply)|comments are closed|no comments yet|about the author|"
    r"sharing is caring|print recipe|tags|filed under|posted in|"
    r"schreibe einen kommentar|hinterlasse (?:jetzt )?einen kommentar|kommentar schreiben|"
    r"noch keine kommentare|leider sind keine kommentare|kommentare sind geschlossen|"
    r"teile diesen beitrag|diese seite teilen|mit freunden teilen|artikel teilen|beitrag teilen|"
    r"über den autor|über die autorin|rezept drucken|schlagwörter|stichwörter|markiert mit|"
    r"laisser un commentaire|laissez un commentaire|à propos de l'auteur|"
    r"deja un comentario|deja una respuesta|sobre el autor|etiquetas|"
    r"lascia un commento|deixe um comentário|deixe uma resposta|zostaw komentarz|"
    r"napisz komentarz|no responses? (?:yet|so far)|"
    r"follow us|folgen sie uns|folge uns|suivez-nous|síguenos|siga-nos|nos siga|seguici|"
    r"jetzt (?:kostenlos )?(?:registrieren|anmelden)|hier kostenlos anmelden|"
    r"externer inhalt|empfohlener redaktioneller inhalt)\b|"
    r"^\W*(?:kategorien?|categories|category|catégories?|categorías?) ?:|^\W*jetzt teilen\W*$|"
    r"\b(?:artikel (?:mit anderen )?teilen|vergiss nicht zu teilen|"
    r"(?:noch )?keine bewertungen|no ratings yet)\b|"
    r"\b(?:enter your e-?mail|unsubscribe (?:at any time|anytime)|e-mail-adresse eingeben|"
    r"jederzeit abbestellen|abmeldung (?:ist )?jederzeit|jetzt abonnieren|inscrivez-vous|"
    r"votre adresse e-?mail|suscríbete|tu correo electrónico|iscriviti)\b|"
    r"^\W*(?:sign up|follow (?:him|her|me|them) on)\b|"
    r"^\W*(?:(?:back|return) to (?:the )?(?:top|home ?page|overview|list|index|menu|"
    r"search results|previous page)|(?:zurück )?nach oben|zurück zu[mr]? (?:den )?(?:übersicht|"
    r"übersichtsseite|startseite|liste|listenansicht|menü|hauptmenü|inhaltsverzeichnis|"
    r"seitenanfang|suchergebnissen|vorherigen seite)|retour (?:en haut|à l'accueil|"
    r"à la liste|au sommaire)|volver (?:arriba|al inicio|a la portada)|"
    r"voltar (?:ao topo|ao início)|torna (?:su|all'inizio)|terug naar (?:boven|overzicht))\W*$",
    re.I,
)
FURNITURE_SHORT_MAX_WORDS = 8
# Headers of the sections that follow an article: other stories, not this one.
SECTION_HEADER = re.compile(
    r"^\W{0,3}(?:related|more|most|top|recommended|popular|trending|latest|read next|"
    r"read more|see also|you may also like|you might also like|also read|further reading|"
    r"read also|don't miss|you may be interested|siehe auch|voir aussi|ver también|"
    r"sponsored (?:content|stories|links)|promoted (?:content|stories|links)|paid content|"
    r"(?:from )?around the web|"
    r"véase también|vedi anche|zie ook|se även|se også|lihat juga|patrz też|viz též|"
    r"post navigation|beitrags-?navigation|navigation des articles|navegación de entradas|"
    r"navigazione articoli|am beliebtesten|"
    r"weitere|mehr zum thema|mehr aus|lesen sie auch|"
    r"das könnte (?:sie|dich|euch) auch interessieren|auch interessant|"
    r"ähnliche (?:artikel|beiträge|themen)|beliebte beiträge|neueste (?:artikel|beiträge)|"
    r"meistgelesen|am meisten gelesen|empfehlungen (?:der|aus der) redaktion|"
    r"empfohlen für (?:dich|sie)|"
    r"verwandte|à lire aussi|lire aussi|à lire également|vous aimerez aussi|sur le même sujet|"
    r"articles liés|dans la même rubrique|otras noticias|también te puede interesar|"
    r"leia também|veja também|notícias relacionadas|mais lidas|lee también|más noticias|"
    r"más información|más sobre|mais informações|mais sobre|per saperne di più|"
    r"więcej informacji|"
    r"noticias relacionadas|artículos relacionados|temas relacionados|te puede interesar|"
    r"lo más leído|las más leídas|los más leídos|últimas noticias|últimas notícias|"
    r"ultime notizie|"
    r"dernières (?:actualités|infos|nouvelles)|les plus lus|"
    r"leggi anche|articoli correlati|potrebbe interessarti|lees ook|gerelateerde|meer nieuws|"
    r"bekijk ook|meest gelezen|meer over|web stories|visual stories|"
    r"baca juga|berita terkait|artikel terkait|berita lainnya|terpopuler|související|"
    r"czytaj także|czytaj też|zobacz też|zobacz także|läs också|relaterade|mest lästa?|"
    r"mest delade|mest lest|mest læste|"
    r"relaterte|les også|relaterede|læs også|похожие|читайте также|ilgili haberler|"
    r"ilginizi çekebilir|benzer haberler|"
    r"सबसे ज्यादा पढ़ी गई|सबसे ज़्यादा पढ़ी गई|संबंधित खबरें|संबंधित ख़बरें|"
    r"الأكثر قراءة|أخبار ذات صلة|اخبار ذات صلة|مواضيع ذات صلة|"
    r"関連記事|関連ニュース|相关阅读|相关文章|相關文章|延伸阅读|延伸閱讀|热门文章|熱門文章|"
    r"관련기사|관련 기사|많이 본 뉴스|tin liên quan|tin cùng chuyên mục|xem thêm|đọc thêm)"
    r"(?![^\W\d_])",
    re.I,
)
_READ_MORE_WORDS = (
    r"(?:read more|continue reading|keep reading|read the full (?:story|article)|"
    r"weiterlesen|mehr erfahren|mehr lesen|lire la suite|en savoir plus|leer más|"
    r"seguir leyendo|leggi tutto|leggi di più|leia mais|czytaj więcej|czytaj dalej|lees meer)"
)
# A link line under a teaser that leads to the full story, the whole line: "Read more".
READ_MORE = re.compile(r"^\W*" + _READ_MORE_WORDS + r"\W*$", re.I)
# ... and a teaser that ends in it, cut off: "When you walk into a store, you're… Read more"
CUT_TEASER = re.compile(
    r"(?:…|\.\.\.)\s*" + _READ_MORE_WORDS + r"(?:\s+" + _READ_MORE_WORDS + r")?\W*$", re.I
)
SEPARATORS = frozenset("|·•»›/–—>")
# A byline, "By Erin Cunningham", "by: Erin Cunningham": who wrote the article, never
# its headline.
BYLINE = re.compile(r"^(?i:by|par|von|por|door|oleh|av|af):? [A-ZÀ-Þ]")
# A page's declared headline, in order of preference: the Dublin Core and social
# tags publishers fill in for the headline itself (not the site's name).
TITLE_META = ("dc:title", "dcterm:title", "og:title", "twitter:title")
# How a breadcrumb trail separates its sections: "News / India / HEADLINE".
TRAIL_SEPARATORS = (" / ", " > ", " › ", " » ", " → ", " ❯ ")
# How a page's <title> or a social title appends the site's name to the headline.
SITE_SEPARATORS = (" | ", " - ", " – ", " — ", " · ", " :: ", " » ")
# schema.org types whose "headline" is an article's headline.
ARTICLE_TYPES = frozenset(
    """
    Article NewsArticle ReportageNewsArticle AnalysisNewsArticle OpinionNewsArticle
    ReviewNewsArticle BackgroundNewsArticle SatiricalArticle BlogPosting LiveBlogPosting
    SocialMediaPosting DiscussionForumPosting TechArticle ScholarlyArticle Report
    """.split()
)
# A photographer's credit in a caption: "... - Jane Roe/Reuters", "Photo: AP", "(Foto: dpa)";
# the name's capitals are matched as written ("Recipe – Kueh / Kuih" is a headline). A short
# line with one is furniture, and never the title.
PHOTO_CREDIT = re.compile(
    r"(?-i: [-–—|] [A-Z][a-z]+ [A-Z][\w'.-]{1,30}/[\w .'-]{1,40}$)|"
    r"(?:^|[.|] )(?:photo|foto|image|bild|credit|crédit|picture|imagen)s? ?:|"
    r"\((?:photo|foto|image|bild|credit|picture|ap|afp|reuters)\b[^()]{0,80}\)$",
    re.I,
)
BULLETS = frozenset("•·-–—*▪►▶◦●○")
