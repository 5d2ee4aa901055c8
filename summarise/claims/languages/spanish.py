"""Spanish: the words and number format of facts in Spanish text."""

from __future__ import annotations

from summarise.claims.table import Language, numbers, scales, words, wordset
from summarise.language.calendar import MONTHS

SPANISH = Language(
    code="es",
    units=numbers(
        """cero:0 un:1 uno:1 una:1 dos:2 tres:3 cuatro:4 cinco:5 seis:6 siete:7 ocho:8 nueve:9
        diez:10 once:11 doce:12 trece:13 catorce:14 quince:15 dieciséis:16 diecisiete:17
        dieciocho:18 diecinueve:19 veinte:20 veintiuno:21 veintiún:21 veintidós:22
        veintitrés:23 veinticuatro:24 veinticinco:25 veintiséis:26 veintisiete:27
        veintiocho:28 veintinueve:29 treinta:30 cuarenta:40 cincuenta:50 sesenta:60
        setenta:70 ochenta:80 noventa:90 cien:100 ciento:100 doscientos:200 doscientas:200
        trescientos:300 trescientas:300 cuatrocientos:400 quinientos:500 quinientas:500
        seiscientos:600 setecientos:700 ochocientos:800 novecientos:900 mil:1000 docena:12"""
    ),
    # not "cuarto" (a room, a quarter) nor "quinta" (a country house)
    ordinals=numbers("tercer:3 tercero:3 tercera:3 quinto:5 sexto:6 décimo:10"),
    scales=scales("mil:1000 millón:1e6 millones:1e6 mill:1e6 billón:1e12 billones:1e12"),
    number_links=wordset("y"),
    lone=wordset("cero un una uno"),
    ordinal_suffixes=wordset("a er o ª º"),
    percent=wordset("%"),
    percent_phrases=(("por", "ciento"),),
    currency=wordset("""céntimos dólar dólares eur euro euros libra libras peso pesos usd"""),
    amount_links=wordset("de"),
    months=dict(MONTHS["es"]),
    date_links=wordset("de del"),
    weekdays=words("lunes martes miércoles jueves viernes sábado domingo"),
    titles=wordset(
        """alcalde alcaldesa director directora don doña dr dra general juez jueza ministra
        ministro portavoz presidenta presidente san santa santo sr sra srta"""
    ),
    function_words=wordset(
        """a además ahora al algunas algunos ante antes aquel así aunque ayer aún bajo cada
        casi cerca como con contra cual cuales cuando cuyo de debe deben del desde después
        donde durante e el ella ellas ellos embargo en entre era eran es esa esas ese esos
        esta estaba estaban estar estas este estos está están fue fueron ha haber había
        habían hacia han hasta hoy la las le les lo los luego mañana me menos mi mientras
        mis muy más ni no nos nosotros nuestra nuestro nunca o otra otras otro otros para
        pero por porque puede pueden pues que quien quienes se según ser será serán si sido
        siempre sin sino sobre son su sus sí también tampoco te toda todas todavía todo
        todos tras tu tus tú u un una unas unos usted ustedes varias varios vosotros y ya yo
        él"""
    ),
    conjunctions=words("y pero mientras"),
    pronouns=wordset("ella ellas ellos le les su sus él"),
    quotes=(("«", "»"), ("“", "”"), ("‘", "’"), ('"', '"')),
    decimal=",",
    thousands=".\xa0\u202f",
    suffixes=words("aron ieron es os as s o a e"),
)
