"""Portuguese: the words and number format of facts in Portuguese text."""

from __future__ import annotations

from summarise.claims.table import Language, numbers, scales, words, wordset
from summarise.language.calendar import MONTHS

PORTUGUESE = Language(
    code="pt",
    units=numbers(
        """zero:0 um:1 uma:1 dois:2 duas:2 três:3 quatro:4 cinco:5 seis:6 sete:7 oito:8 nove:9
        dez:10 onze:11 doze:12 treze:13 catorze:14 quatorze:14 quinze:15 dezesseis:16
        dezasseis:16 dezessete:17 dezassete:17 dezoito:18 dezenove:19 dezanove:19 vinte:20
        trinta:30 quarenta:40 cinquenta:50 sessenta:60 setenta:70 oitenta:80 noventa:90
        cem:100 cento:100 duzentos:200 duzentas:200 trezentos:300 quatrocentos:400
        quinhentos:500 seiscentos:600 setecentos:700 oitocentos:800 novecentos:900 mil:1000
        dúzia:12"""
    ),
    # not "quarto" (a room) nor "quarta" (Wednesday)
    ordinals=numbers("terceiro:3 terceira:3 quinto:5 décimo:10"),
    scales=scales("mil:1000 milhão:1e6 milhões:1e6 mi:1e6 bilhão:1e9 bilhões:1e9 bi:1e9"),
    number_links=wordset("e"),
    lone=wordset("um uma zero"),
    ordinal_suffixes=wordset("a o ª º"),
    percent=wordset("%"),
    percent_phrases=(("por", "cento"),),
    currency=wordset(
        """centavos cêntimos dólar dólares eur euro euros libra libras reais real usd"""
    ),
    amount_links=wordset("de"),
    months=dict(MONTHS["pt"]),
    date_links=wordset("de"),
    weekdays=words(
        """segunda-feira terça-feira quarta-feira quinta-feira sexta-feira sábado domingo"""
    ),
    titles=wordset(
        """diretor diretora dom dona dr dra general juiz juíza ministra ministro porta-voz
        prefeita prefeito presidenta presidente santa santo sr sra são"""
    ),
    function_words=wordset(
        """a agora ainda algumas alguns além amanhã ante antes ao aos após aquela aquele as até
        cada cerca com como contra cujo da das de depois desde deve devem do dos durante e
        ela elas ele eles em embora enquanto entre era eram essa esse esta estar estas
        estava este estes está estão eu foi foram hoje isso isto já lhe lhes mais mas me
        menos meu minha muito na nas nem no nos nossa nosso nunca não nós o onde ontem os ou
        outra outras outro outros para pela pelas pelo pelos pode podem pois por porque
        quais qual quando quase que quem se segundo sem sempre ser será serão seu seus sido
        sim sobre sua suas são também te tem ter tinha toda todas todo todos tu têm um uma
        umas uns você vocês várias vários vós à às é"""
    ),
    conjunctions=words("e mas enquanto"),
    pronouns=wordset("ela elas ele eles lhe seu seus sua suas"),
    quotes=(("«", "»"), ("“", "”"), ('"', '"')),
    decimal=",",
    thousands=".\xa0\u202f",
    suffixes=words("aram eram es os as s o a e"),
)
