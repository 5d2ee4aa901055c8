"""One word table per language for reading facts: number words, scales, per cent and
currency words, months (from :mod:`summarise.language.calendar`), weekdays, titles
before names, function words that are never names, quotation marks and the number
format. English's lists live in :mod:`.vocabulary`; a language without a table reads
only what needs no words: digits, currency signs, ISO dates and quotations.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from summarise.claims import vocabulary as en
from summarise.language.calendar import MONTHS
from summarise.language.names import NAME_CONNECTORS, NAME_PARTICLES

# (opening, closing) quotation marks; every language reads the straight double quote
_ENGLISH_QUOTES = (("“", "”"), ('"', '"'), ("‘", "’"), ("«", "»"))
_ALL_QUOTES = (
    ("“", "”"), ('"', '"'), ("‘", "’"), ("«", "»"), ("„", "“"), ("„", "”"), ("‚", "‘"),
    ("»", "«"), ("「", "」"), ("『", "』"), ("‹", "›"),
)  # fmt: skip


@dataclass(frozen=True, eq=False)
class Language:
    """The words and formats the claim checker reads in one language.

    ``units`` maps number words (and the pieces compound number words are built
    from when ``compounds``) to values; ``scales`` multiply ("Millionen", "Mio");
    ``number_links`` join number words ("treinta y cinco"); ``amount_links`` come
    between a number and its currency ("millones de euros"); ``date_links`` between
    day, month and year ("3 de marzo de 2025"). ``lone`` number words ("one", "eine")
    are no fact on their own. ``elisions`` are the clipped words an apostrophe joins
    to the next ("l’", "d’"). ``nouns_capitalised``: every noun has a capital
    (German), so a capitalised word after a ``determiners`` word, or ending in one
    of the ``noun_suffixes``, is no name.
    """

    code: str
    units: dict[str, int] = field(default_factory=dict)
    ordinals: dict[str, int] = field(default_factory=dict)
    scales: dict[str, float] = field(default_factory=dict)
    compounds: bool = False
    number_links: frozenset[str] = frozenset()
    lone: frozenset[str] = frozenset()
    ordinal_suffixes: frozenset[str] = frozenset()
    percent: frozenset[str] = frozenset()
    percent_phrases: tuple[tuple[str, str], ...] = ()
    currency: frozenset[str] = frozenset()
    amount_links: frozenset[str] = frozenset()
    months: dict[str, int] = field(default_factory=dict)
    months_capitalised: bool = False
    date_links: frozenset[str] = frozenset()
    weekdays: tuple[str, ...] = ()
    titles: frozenset[str] = frozenset()
    function_words: frozenset[str] = frozenset()
    connectors: frozenset[str] = NAME_CONNECTORS
    conjunctions: tuple[str, ...] = ()
    pronouns: frozenset[str] = frozenset()
    elisions: frozenset[str] = frozenset()
    nouns_capitalised: bool = False
    determiners: frozenset[str] = frozenset()
    noun_suffixes: tuple[str, ...] = ()
    quotes: tuple[tuple[str, str], ...] = _ALL_QUOTES
    decimal: str = "."
    thousands: str = ","
    suffixes: tuple[str, ...] = ()


ENGLISH = Language(
    code="en",
    units=en.UNITS,
    ordinals=en.ORDINALS,
    scales=en.SCALES,
    lone=frozenset({"one", "zero"}),
    ordinal_suffixes=frozenset({"st", "nd", "rd", "th", "s"}),
    percent=frozenset(en.PERCENT),
    percent_phrases=(("per", "cent"),),
    currency=frozenset(en.CURRENCY_WORDS),
    months=dict(en.MONTHS),
    months_capitalised=True,
    date_links=frozenset({"of"}),
    weekdays=tuple(en.WEEKDAYS),
    titles=frozenset(en.TITLES),
    function_words=en.FUNCTION_WORDS,
    conjunctions=("and", "but", "while", "whereas"),
    pronouns=frozenset({"he", "she", "his", "her", "him", "they", "their", "them"}),
    quotes=_ENGLISH_QUOTES,
    suffixes=("ing", "ed", "es", "e", "s", "ly"),
)

GERMAN = Language(
    code="de",
    units={
        "null": 0,
        "ein": 1,
        "eins": 1,
        "eine": 1,
        "einen": 1,
        "einem": 1,
        "einer": 1,
        "zwei": 2,
        "zwo": 2,
        "drei": 3,
        "vier": 4,
        "fünf": 5,
        "sechs": 6,
        "sieben": 7,
        "acht": 8,
        "neun": 9,
        "zehn": 10,
        "elf": 11,
        "zwölf": 12,
        "dreizehn": 13,
        "vierzehn": 14,
        "fünfzehn": 15,
        "sechzehn": 16,
        "siebzehn": 17,
        "achtzehn": 18,
        "neunzehn": 19,
        "zwanzig": 20,
        "dreißig": 30,
        "vierzig": 40,
        "fünfzig": 50,
        "sechzig": 60,
        "siebzig": 70,
        "achtzig": 80,
        "neunzig": 90,
        "hundert": 100,
        "tausend": 1000,
        "dutzend": 12,
    },
    ordinals={
        "dritte": 3,
        "dritten": 3,
        "vierte": 4,
        "vierten": 4,
        "fünfte": 5,
        "fünften": 5,
        "sechste": 6,
        "zehnte": 10,
        "zehnten": 10,
    },
    scales={
        "hundert": 100,
        "tausend": 1e3,
        "million": 1e6,
        "millionen": 1e6,
        "mio": 1e6,
        "milliarde": 1e9,
        "milliarden": 1e9,
        "mrd": 1e9,
        "billion": 1e12,
        "billionen": 1e12,
    },
    compounds=True,
    number_links=frozenset({"und"}),
    lone=frozenset({"null", "ein", "eins", "eine", "einen", "einem", "einer"}),
    percent=frozenset({"prozent", "%"}),
    currency=frozenset(
        {
            "euro",
            "eur",
            "dollar",
            "usd",
            "pfund",
            "franken",
            "chf",
            "kronen",
            "yen",
            "cent",
        }
    ),
    months=dict(MONTHS["de"]),
    months_capitalised=True,
    weekdays=(
        "montag",
        "dienstag",
        "mittwoch",
        "donnerstag",
        "freitag",
        "samstag",
        "sonnabend",
        "sonntag",
    ),
    titles=frozenset(
        {
            "herr",
            "herrn",
            "frau",
            "dr",
            "prof",
            "präsident",
            "präsidentin",
            "minister",
            "ministerin",
            "kanzler",
            "kanzlerin",
            "bundeskanzler",
            "bundeskanzlerin",
            "bürgermeister",
            "bürgermeisterin",
            "oberbürgermeister",
            "oberbürgermeisterin",
            "richter",
            "richterin",
            "direktor",
            "direktorin",
            "sprecher",
            "sprecherin",
            "chef",
            "chefin",
            "professor",
            "professorin",
            "doktor",
            "st",
            "sankt",
        }
    ),
    function_words=frozenset(
        """der die das den dem des ein eine einen einem einer eines kein keine keinen
        keinem keiner dieser diese dieses diesen diesem jener jene jeder jede jedes jeden
        jedem ich du er sie es wir ihr mich dich sich uns euch ihm ihn ihnen mein meine
        sein seine seinen seinem seiner ihre ihren ihrem ihrer unser unsere euer wer was
        welche welcher welches wo wann warum wie dort hier da dann als und oder aber doch
        sondern denn weil wenn ob dass damit obwohl während nachdem bevor seit bis um an
        auf aus bei mit nach von vor zu zum zur über unter zwischen neben hinter durch
        für gegen ohne im am ins ans vom beim trotz wegen laut gemäß ist sind war waren
        sein bin bist seid wird werden wurde wurden worden hat haben hatte hatten habe
        kann können konnte konnten muss müssen soll sollen sollte will wollen wollte darf
        nicht nein ja auch nur noch schon bereits wieder nie immer heute gestern morgen
        jetzt nun dann danach zudem außerdem jedoch allerdings dennoch trotzdem deshalb
        daher so sehr mehr weniger viele alle beide einige mehrere etwa rund knapp fast
        über insgesamt zuletzt zuerst erst""".split()
    ),
    conjunctions=("und", "aber", "während", "sondern"),
    pronouns=frozenset({"er", "sie", "sein", "seine", "ihr", "ihre", "ihm", "ihn", "ihnen"}),
    nouns_capitalised=True,
    determiners=frozenset(
        """der die das den dem des ein eine einen einem einer eines kein keine keinen
        keinem keiner dieser diese dieses diesen diesem jeder jede jedes jeden jedem
        sein seine seinen seinem seiner seines ihr ihre ihren ihrem ihrer ihres unser
        unsere unseren unserem unserer mein meine zum zur im am ins ans vom beim alle
        viele mehrere einige beide mehr weniger""".split()
    ),
    noun_suffixes=(
        "ung",
        "ungen",
        "heit",
        "heiten",
        "keit",
        "keiten",
        "schaft",
        "schaften",
        "tion",
        "tionen",
        "ität",
        "itäten",
        "ismus",
        "nis",
        "nisse",
        "tum",
        "ment",
        "mente",
        "enz",
        "enzen",
        "anz",
        "anzen",
        "chen",
        "lein",
    ),
    quotes=(("„", "“"), ("„", "”"), ("‚", "‘"), ("»", "«"), ("«", "»"), ("“", "”"), ('"', '"')),
    decimal=",",
    thousands=".’'\u00a0\u202f",
    suffixes=("ungen", "ung", "en", "er", "es", "em", "e", "n", "s"),
)

FRENCH = Language(
    code="fr",
    units={
        "zéro": 0,
        "un": 1,
        "une": 1,
        "deux": 2,
        "trois": 3,
        "quatre": 4,
        "cinq": 5,
        "six": 6,
        "sept": 7,
        "huit": 8,
        "neuf": 9,
        "dix": 10,
        "onze": 11,
        "douze": 12,
        "treize": 13,
        "quatorze": 14,
        "quinze": 15,
        "seize": 16,
        "vingt": 20,
        "trente": 30,
        "quarante": 40,
        "cinquante": 50,
        "soixante": 60,
        "quatre-vingt": 80,
        "quatre-vingts": 80,
        "cent": 100,
        "cents": 100,
        "mille": 1000,
        "douzaine": 12,
    },
    ordinals={"troisième": 3, "quatrième": 4, "cinquième": 5, "sixième": 6, "dixième": 10},
    scales={
        "cent": 100,
        "cents": 100,
        "mille": 1e3,
        "million": 1e6,
        "millions": 1e6,
        "milliard": 1e9,
        "milliards": 1e9,
        "md": 1e9,
        "mds": 1e9,
        "mrd": 1e9,
    },
    compounds=True,
    number_links=frozenset({"et"}),
    lone=frozenset({"zéro", "un", "une"}),
    ordinal_suffixes=frozenset({"er", "re", "e", "ème", "es"}),
    percent=frozenset({"%", "pourcent"}),
    percent_phrases=(("pour", "cent"),),
    currency=frozenset(
        {
            "euro",
            "euros",
            "eur",
            "dollar",
            "dollars",
            "usd",
            "livre",
            "livres",
            "franc",
            "francs",
            "chf",
            "yen",
            "yens",
            "centimes",
        }
    ),
    amount_links=frozenset({"d", "de"}),
    months=dict(MONTHS["fr"]),
    weekdays=("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    titles=frozenset(
        {
            "m",
            "mm",
            "mme",
            "mmes",
            "mlle",
            "dr",
            "pr",
            "président",
            "présidente",
            "ministre",
            "maire",
            "juge",
            "directeur",
            "directrice",
            "porte-parole",
            "général",
            "saint",
            "sainte",
            "st",
            "ste",
            "monsieur",
            "madame",
            "maître",
            "me",
        }
    ),
    function_words=frozenset(
        """le la les l un une des du de d au aux ce cet cette ces il elle ils elles on nous
        vous je tu me te se lui leur leurs son sa ses mon ma mes notre nos votre vos qui
        que qu quoi dont où quand comment pourquoi et ou mais donc or ni car si comme
        lorsque puisque quoique pendant depuis avant après selon sans sous sur dans par
        pour avec chez entre vers contre malgré parmi à en y est sont était étaient été
        être a ont avait avaient avoir sera seront fait peut peuvent doit doivent ne pas
        plus moins très aussi encore déjà toujours jamais aujourd hier demain maintenant
        alors ensuite puis cependant toutefois pourtant ainsi tout tous toute toutes
        plusieurs quelques chaque autre autres même environ près presque""".split()
    ),
    conjunctions=("et", "mais", "tandis que", "alors que"),
    pronouns=frozenset({"il", "elle", "ils", "elles", "son", "sa", "ses", "lui", "leur"}),
    elisions=frozenset({"l", "d", "qu", "n", "s", "c", "j", "m", "t", "jusqu", "lorsqu"}),
    quotes=(("«", "»"), ("“", "”"), ("‹", "›"), ('"', '"')),
    decimal=",",
    thousands=" \u00a0\u202f.’",
    suffixes=("aient", "ent", "es", "s", "e"),
)

SPANISH = Language(
    code="es",
    units={
        "cero": 0,
        "un": 1,
        "uno": 1,
        "una": 1,
        "dos": 2,
        "tres": 3,
        "cuatro": 4,
        "cinco": 5,
        "seis": 6,
        "siete": 7,
        "ocho": 8,
        "nueve": 9,
        "diez": 10,
        "once": 11,
        "doce": 12,
        "trece": 13,
        "catorce": 14,
        "quince": 15,
        "dieciséis": 16,
        "diecisiete": 17,
        "dieciocho": 18,
        "diecinueve": 19,
        "veinte": 20,
        "veintiuno": 21,
        "veintiún": 21,
        "veintidós": 22,
        "veintitrés": 23,
        "veinticuatro": 24,
        "veinticinco": 25,
        "veintiséis": 26,
        "veintisiete": 27,
        "veintiocho": 28,
        "veintinueve": 29,
        "treinta": 30,
        "cuarenta": 40,
        "cincuenta": 50,
        "sesenta": 60,
        "setenta": 70,
        "ochenta": 80,
        "noventa": 90,
        "cien": 100,
        "ciento": 100,
        "doscientos": 200,
        "doscientas": 200,
        "trescientos": 300,
        "trescientas": 300,
        "cuatrocientos": 400,
        "quinientos": 500,
        "quinientas": 500,
        "seiscientos": 600,
        "setecientos": 700,
        "ochocientos": 800,
        "novecientos": 900,
        "mil": 1000,
        "docena": 12,
    },
    ordinals={
        "tercer": 3,
        "tercero": 3,
        "tercera": 3,
        "cuarto": 4,
        "cuarta": 4,
        "quinto": 5,
        "quinta": 5,
        "sexto": 6,
        "décimo": 10,
    },
    scales={
        "mil": 1e3,
        "millón": 1e6,
        "millones": 1e6,
        "mill": 1e6,
        "billón": 1e12,
        "billones": 1e12,
    },
    number_links=frozenset({"y"}),
    lone=frozenset({"cero", "un", "uno", "una"}),
    ordinal_suffixes=frozenset({"º", "ª", "o", "a", "er"}),
    percent=frozenset({"%"}),
    percent_phrases=(("por", "ciento"),),
    currency=frozenset(
        {
            "euro",
            "euros",
            "eur",
            "dólar",
            "dólares",
            "usd",
            "peso",
            "pesos",
            "libra",
            "libras",
            "céntimos",
        }
    ),
    amount_links=frozenset({"de"}),
    months=dict(MONTHS["es"]),
    date_links=frozenset({"de", "del"}),
    weekdays=("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
    titles=frozenset(
        {
            "sr",
            "sra",
            "srta",
            "don",
            "doña",
            "dr",
            "dra",
            "presidente",
            "presidenta",
            "ministro",
            "ministra",
            "alcalde",
            "alcaldesa",
            "juez",
            "jueza",
            "director",
            "directora",
            "portavoz",
            "general",
            "san",
            "santa",
            "santo",
        }
    ),
    function_words=frozenset(
        """el la los las lo un una unos unas del al de a en con por para sin sobre entre
        hasta desde hacia contra según durante tras ante bajo este esta estos estas ese
        esa esos esas aquel él ella ellos ellas yo tú nosotros vosotros usted ustedes me
        te se le les nos su sus mi mis tu tus nuestro nuestra que quien quienes cual
        cuales cuyo donde cuando como porque pues y e o u pero sino ni si aunque mientras
        es son era eran fue fueron ser sido está están estaba estaban estar ha han había
        habían haber será serán puede pueden debe deben no sí muy más menos también
        tampoco ya aún todavía siempre nunca hoy ayer mañana ahora luego después antes
        además sin embargo así todo toda todos todas cada otro otra otros otras varios
        varias algunos algunas unos casi cerca""".split()
    ),
    conjunctions=("y", "pero", "mientras"),
    pronouns=frozenset({"él", "ella", "ellos", "ellas", "su", "sus", "le", "les"}),
    quotes=(("«", "»"), ("“", "”"), ("‘", "’"), ('"', '"')),
    decimal=",",
    thousands=".\u00a0\u202f",
    suffixes=("aron", "ieron", "es", "os", "as", "s", "o", "a", "e"),
)

ITALIAN = Language(
    code="it",
    units={
        "zero": 0,
        "un": 1,
        "uno": 1,
        "una": 1,
        "due": 2,
        "tre": 3,
        "tré": 3,
        "quattro": 4,
        "cinque": 5,
        "sei": 6,
        "sette": 7,
        "otto": 8,
        "nove": 9,
        "dieci": 10,
        "undici": 11,
        "dodici": 12,
        "tredici": 13,
        "quattordici": 14,
        "quindici": 15,
        "sedici": 16,
        "diciassette": 17,
        "diciotto": 18,
        "diciannove": 19,
        "venti": 20,
        "trenta": 30,
        "quaranta": 40,
        "cinquanta": 50,
        "sessanta": 60,
        "settanta": 70,
        "ottanta": 80,
        "novanta": 90,
        "vent": 20,
        "trent": 30,
        "quarant": 40,
        "cinquant": 50,
        "sessant": 60,
        "settant": 70,
        "ottant": 80,
        "novant": 90,
        "cento": 100,
        "mille": 1000,
        "mila": 1000,
        "dozzina": 12,
    },
    ordinals={"terzo": 3, "terza": 3, "quarto": 4, "quarta": 4, "quinto": 5, "decimo": 10},
    scales={
        "cento": 100,
        "mille": 1e3,
        "mila": 1e3,
        "milione": 1e6,
        "milioni": 1e6,
        "mln": 1e6,
        "miliardo": 1e9,
        "miliardi": 1e9,
        "mld": 1e9,
        "mrd": 1e9,
    },
    compounds=True,
    lone=frozenset({"zero", "un", "uno", "una"}),
    ordinal_suffixes=frozenset({"º", "ª", "o", "a"}),
    percent=frozenset({"%", "percento"}),
    percent_phrases=(("per", "cento"),),
    currency=frozenset(
        {
            "euro",
            "eur",
            "dollaro",
            "dollari",
            "usd",
            "sterlina",
            "sterline",
            "franchi",
            "centesimi",
        }
    ),
    amount_links=frozenset({"di"}),
    months=dict(MONTHS["it"]),
    weekdays=("lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"),
    titles=frozenset(
        {
            "sig",
            "sigra",
            "signor",
            "signora",
            "dott",
            "dottssa",
            "prof",
            "presidente",
            "ministro",
            "ministra",
            "sindaco",
            "sindaca",
            "giudice",
            "direttore",
            "direttrice",
            "portavoce",
            "generale",
            "san",
            "santa",
            "santo",
            "don",
        }
    ),
    function_words=frozenset(
        """il lo la i gli le l un uno una un del dello della dei degli delle al allo alla
        ai agli alle dal dalla dai dalle nel nello nella nei negli nelle sul sulla sui
        sulle di a da in con su per tra fra senza verso contro durante secondo dopo prima
        questo questa questi queste quello quella quelli quelle lui lei loro io tu noi
        voi mi ti si ci vi gli suo sua suoi sue mio mia nostro nostra che chi cui quale
        quali dove quando come perché e ed o ma però né se anche mentre è sono era erano
        fu furono essere stato stata ha hanno aveva avevano avere sarà saranno può
        possono deve devono non sì molto più meno già ancora sempre mai oggi ieri domani
        ora poi inoltre tuttavia così tutto tutta tutti tutte ogni altro altra altri
        altre alcuni alcune circa quasi""".split()
    ),
    conjunctions=("e", "ma", "mentre"),
    pronouns=frozenset({"lui", "lei", "loro", "suo", "sua", "suoi", "sue", "gli"}),
    elisions=frozenset({"l", "d", "dell", "all", "nell", "sull", "dall", "un", "quell", "c"}),
    quotes=(("«", "»"), ("“", "”"), ('"', '"')),
    decimal=",",
    thousands=".\u00a0\u202f",
    suffixes=("ono", "ano", "i", "e", "o", "a"),
)

PORTUGUESE = Language(
    code="pt",
    units={
        "zero": 0,
        "um": 1,
        "uma": 1,
        "dois": 2,
        "duas": 2,
        "três": 3,
        "quatro": 4,
        "cinco": 5,
        "seis": 6,
        "sete": 7,
        "oito": 8,
        "nove": 9,
        "dez": 10,
        "onze": 11,
        "doze": 12,
        "treze": 13,
        "catorze": 14,
        "quatorze": 14,
        "quinze": 15,
        "dezesseis": 16,
        "dezasseis": 16,
        "dezessete": 17,
        "dezassete": 17,
        "dezoito": 18,
        "dezenove": 19,
        "dezanove": 19,
        "vinte": 20,
        "trinta": 30,
        "quarenta": 40,
        "cinquenta": 50,
        "sessenta": 60,
        "setenta": 70,
        "oitenta": 80,
        "noventa": 90,
        "cem": 100,
        "cento": 100,
        "duzentos": 200,
        "duzentas": 200,
        "trezentos": 300,
        "quatrocentos": 400,
        "quinhentos": 500,
        "seiscentos": 600,
        "setecentos": 700,
        "oitocentos": 800,
        "novecentos": 900,
        "mil": 1000,
        "dúzia": 12,
    },
    ordinals={"terceiro": 3, "terceira": 3, "quarto": 4, "quarta": 4, "quinto": 5, "décimo": 10},
    scales={
        "mil": 1e3,
        "milhão": 1e6,
        "milhões": 1e6,
        "mi": 1e6,
        "bilhão": 1e9,
        "bilhões": 1e9,
        "bi": 1e9,
    },
    number_links=frozenset({"e"}),
    lone=frozenset({"zero", "um", "uma"}),
    ordinal_suffixes=frozenset({"º", "ª", "o", "a"}),
    percent=frozenset({"%"}),
    percent_phrases=(("por", "cento"),),
    currency=frozenset(
        {
            "euro",
            "euros",
            "eur",
            "real",
            "reais",
            "dólar",
            "dólares",
            "usd",
            "libra",
            "libras",
            "cêntimos",
            "centavos",
        }
    ),
    amount_links=frozenset({"de"}),
    months=dict(MONTHS["pt"]),
    date_links=frozenset({"de"}),
    weekdays=(
        "segunda-feira",
        "terça-feira",
        "quarta-feira",
        "quinta-feira",
        "sexta-feira",
        "sábado",
        "domingo",
    ),
    titles=frozenset(
        {
            "sr",
            "sra",
            "dr",
            "dra",
            "presidente",
            "ministro",
            "ministra",
            "prefeito",
            "prefeita",
            "presidenta",
            "juiz",
            "juíza",
            "diretor",
            "diretora",
            "porta-voz",
            "general",
            "são",
            "santa",
            "santo",
            "dom",
            "dona",
        }
    ),
    function_words=frozenset(
        """o a os as um uma uns umas do da dos das ao aos à às no na nos nas pelo pela
        pelos pelas de em com por para sem sobre entre até desde contra segundo durante
        após ante este esta estes estas esse essa isso isto aquele aquela ele ela eles
        elas eu tu nós vós você vocês me te se lhe lhes nos seu sua seus suas meu minha
        nosso nossa que quem qual quais cujo onde quando como porque pois e ou mas nem
        se embora enquanto é são era eram foi foram ser sido está estão estava estar
        tem têm tinha ter será serão pode podem deve devem não sim muito mais menos
        também já ainda sempre nunca hoje ontem amanhã agora depois antes além todo toda
        todos todas cada outro outra outros outras vários várias alguns algumas cerca
        quase""".split()
    ),
    conjunctions=("e", "mas", "enquanto"),
    pronouns=frozenset({"ele", "ela", "eles", "elas", "seu", "sua", "seus", "suas", "lhe"}),
    quotes=(("«", "»"), ("“", "”"), ('"', '"')),
    decimal=",",
    thousands=".\u00a0\u202f",
    suffixes=("aram", "eram", "es", "os", "as", "s", "o", "a", "e"),
)

DUTCH = Language(
    code="nl",
    units={
        "nul": 0,
        "een": 1,
        "één": 1,
        "twee": 2,
        "drie": 3,
        "vier": 4,
        "vijf": 5,
        "zes": 6,
        "zeven": 7,
        "acht": 8,
        "negen": 9,
        "tien": 10,
        "elf": 11,
        "twaalf": 12,
        "dertien": 13,
        "veertien": 14,
        "vijftien": 15,
        "zestien": 16,
        "zeventien": 17,
        "achttien": 18,
        "negentien": 19,
        "twintig": 20,
        "dertig": 30,
        "veertig": 40,
        "vijftig": 50,
        "zestig": 60,
        "zeventig": 70,
        "tachtig": 80,
        "negentig": 90,
        "honderd": 100,
        "duizend": 1000,
        "dozijn": 12,
    },
    ordinals={"derde": 3, "vierde": 4, "vijfde": 5, "zesde": 6, "tiende": 10},
    scales={
        "honderd": 100,
        "duizend": 1e3,
        "miljoen": 1e6,
        "mln": 1e6,
        "miljard": 1e9,
        "mld": 1e9,
        "biljoen": 1e12,
    },
    compounds=True,
    number_links=frozenset(),
    lone=frozenset({"nul", "een", "één"}),
    ordinal_suffixes=frozenset({"e", "ste", "de"}),
    percent=frozenset({"%", "procent"}),
    currency=frozenset({"euro", "eur", "dollar", "usd", "pond", "frank", "cent"}),
    months=dict(MONTHS["nl"]),
    weekdays=("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"),
    titles=frozenset(
        {
            "dhr",
            "mevr",
            "mw",
            "dr",
            "prof",
            "mr",
            "ir",
            "drs",
            "president",
            "minister",
            "premier",
            "burgemeester",
            "wethouder",
            "rechter",
            "directeur",
            "woordvoerder",
            "sint",
            "st",
        }
    ),
    function_words=frozenset(
        """de het een der des den dit dat deze die hij zij ze het wij we jullie ik jij je
        u hem haar hun hen zijn mijn ons onze wie wat welke waar wanneer waarom hoe er
        hier daar dan en of maar want dus omdat als toen terwijl hoewel voordat nadat
        sinds tot om aan op uit bij met na van voor naar over onder tussen door tegen
        zonder in binnen volgens tijdens is zijn was waren ben bent wordt worden werd
        werden geworden heeft hebben had hadden kan kunnen kon konden moet moeten zal
        zullen zou zouden wil willen niet geen ja nee ook nog al alleen weer nooit altijd
        vandaag gisteren morgen nu daarna bovendien echter toch zo zeer meer minder veel
        alle beide enkele sommige ieder iedere elk elke ongeveer bijna ruim""".split()
    ),
    connectors=NAME_PARTICLES | {"van", "der", "den", "ter", "de"},
    conjunctions=("en", "maar", "terwijl"),
    pronouns=frozenset({"hij", "zij", "ze", "zijn", "haar", "hem", "hun"}),
    quotes=(("„", "”"), ("“", "”"), ("‘", "’"), ('"', '"')),
    decimal=",",
    thousands=".\u00a0\u202f",
    suffixes=("en", "de", "te", "e", "s"),
)

# Digits, signs, ISO dates and quotations only: for languages without a table.
NEUTRAL = Language(code="", connectors=frozenset(), thousands=",\u00a0\u202f")

LANGUAGES = {t.code: t for t in (ENGLISH, GERMAN, FRENCH, SPANISH, ITALIAN, PORTUGUESE, DUTCH)}


def table(code: str | None) -> Language:
    """The table for a language code ("de", "de-CH", "fr_FR"); unknown codes read the
    language-independent parts only, and no code at all is English."""
    if not code:
        return ENGLISH
    return LANGUAGES.get(code.lower().replace("_", "-").split("-")[0], NEUTRAL)
