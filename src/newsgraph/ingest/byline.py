"""The people of a byline that page metadata gives with more than names in it.

Publishing systems fill the author field with whatever they hold: several authors and the
publisher ("Condé Nast; Louise Matsakis"), a desk ("Tom Krisher; Ap Auto Writer"), the outlet
("ERIC TUCKER Associated Press"), a sentence ("Phil Helsel is a reporter") or dates ("Jeff
Foust Monday; November"). ``people`` keeps the names: each part (between ";", ",", "&" or
"and") up to its first word of ``lexicons/byline_words.tsv`` or lower-case word, when that
leaves two to four words; names in capitals are written in title case, and a name given twice
is kept once. A field in which no part is a name is returned as it was (none at all when it
holds no letter).
"""

from __future__ import annotations

import re
from functools import cache

from newsgraph.lexicons import rows

NAME_WORDS = (2, 4)  # words a kept name has
LEADING = ("by", "analysis by", "opinion by", "commentary by")
SEPARATOR = re.compile(r"[;,&]| and ")  # between the parts of a byline


@cache
def _stop_words() -> frozenset[str]:
    return frozenset(r[0] for r in rows("byline_words.tsv"))


def people(author: str) -> str | None:
    """The names in ``author``, joined by ", " (``author`` itself when none is found, None
    when it holds no letter)."""
    if not any(c.isalpha() for c in author):
        return None
    stop, names, seen = _stop_words(), [], set()
    for part in SEPARATOR.split(author):
        part = part.strip()
        for lead in LEADING:
            if part.lower().startswith(lead + " "):
                part = part[len(lead) + 1:]
        kept = []
        for word in part.split():
            if word.lower().strip(".,") in stop or not word[0].isupper():
                break
            kept.append(word.strip(","))
        if not NAME_WORDS[0] <= len(kept) <= NAME_WORDS[1]:
            continue
        name = " ".join(kept)
        if name.isupper():
            name = name.title()
        key = (kept[0].lower(), kept[-1].lower())
        if key not in seen:
            seen.add(key)
            names.append(name)
    return ", ".join(names) if names else author
