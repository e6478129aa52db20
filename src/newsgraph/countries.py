"""Country names and demonyms to ISO-3166 alpha-3 (lexicons/demonyms.tsv, then pycountry).
Free of spaCy, so the corpus can key countries without loading the parser."""

from __future__ import annotations

from functools import lru_cache

import pycountry

from newsgraph.lexicons import rows

DEMONYMS: dict[str, str] = {r[0]: r[1] for r in rows("demonyms.tsv")}


@lru_cache(maxsize=4096)
def country_of(name: str) -> str | None:
    """ISO alpha-3 of a country name or demonym, None when unknown."""
    key = name.lower().removeprefix("the ").strip()
    if key in DEMONYMS:
        return DEMONYMS[key]
    if len(key) < 4:
        return None
    try:
        return pycountry.countries.lookup(key).alpha_3
    except LookupError:
        return None
