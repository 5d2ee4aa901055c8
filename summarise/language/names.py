"""The lower-case words inside people's and places' names ("Ludwig van Beethoven",
"Ana de Armas", "Bank of England"): the cleaner reads bylines with them, the claim
checker joins a name's words across them."""

from __future__ import annotations

NAME_PARTICLES = frozenset(
    "de da das do dos del della di du van von der den la le ter al bin".split()
)
# ... and the English "of" that joins the words of an institution's name
NAME_CONNECTORS = NAME_PARTICLES | {"of"}
