"""Descriptions onto actors, for the actors stage.

- singular role descriptions ("the Mexican President", "the Central American country's
  President, X") become ``title`` mentions of the person holding that role and country
  (appositive first, then role+country match); descriptions of nobody named are handed back
  (coref lets them compete for pronouns);
- plural role nouns ("Guatemalan prosecutors") become GROUP clusters with ``other`` mentions;
- "the two leaders" / "both men" is a title mention of each of the two people named in that
  sentence or the one before, when exactly two are;
- "the company", "the ministry" is a title mention of the organisation of that sector named
  most recently before it.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from newsgraph.model import Mention
from newsgraph.stages import personhood, roles
from newsgraph.stages.clusters import Cluster, overlaps, words_of

# "the company", "the ministry": organisation words that can describe an organisation named before
THE_ORG_WORD = re.compile(r"\bthe\s+(" + "|".join(sorted(
    re.escape(w) for w, (_, describes) in roles.ORG_WORDS.items() if describes)) + r")\b",
    re.IGNORECASE)


def _holder(desc: roles.Description, people: list[Cluster]) -> Cluster | None:
    """The person a singular description denotes: the name in apposition, else a person with
    the same role whose country agrees (exact country first, then unknown), the one named
    most recently before the description first."""
    if desc.appositive_to is not None:
        for cluster in people:
            if any(m.start == desc.appositive_to for m in cluster.mentions):
                return cluster
    role = desc.role.lower()
    cands = [c for c in people if c.role is not None and c.role.lower() == role]

    def fits(c: Cluster) -> int:
        if desc.country is not None:
            if c.country == desc.country or (c.country is None and c.region
                                             and desc.country in c.region):
                return 2
            return 1 if c.country is None else 0
        if desc.region is not None:
            return 2 if c.country in desc.region else (1 if c.country is None else 0)
        return 1
    cands = [c for c in cands if fits(c)]
    if not cands:
        return None
    return max(cands, key=lambda c: (fits(c), max((m.start for m in c.mentions
                                                   if m.start < desc.start), default=-1)))


def attach(doc: Doc, people: list[Cluster],
                  unresolved: list[Cluster]) -> list[Cluster]:
    """Title mentions onto people (appositives first); plural role nouns as GROUP actors.
    Singular descriptions of nobody named go to ``unresolved`` (for coref only)."""
    groups: dict[tuple[str, ...], Cluster] = {}
    descs = sorted(roles.descriptions(doc), key=lambda d: d.appositive_to is None)
    text = doc.text  # built anew on every access: read it once
    paired = _pairs(doc, text, people)
    for desc in descs:
        surface = text[desc.start:desc.end]
        if any(s < desc.end and desc.start < e for s, e in paired):
            continue
        if desc.plural:
            key = words_of(surface)
            group = groups.get(key)
            if group is None:
                group = groups[key] = Cluster(key, "GROUP")
                group.plural = True
                group.describe(desc.role, desc.sector, desc.country)
            if not overlaps(group, desc.start, desc.end):
                group.add(Mention(surface, desc.start, desc.end, "other"), "GROUP")
            continue
        holder = _holder(desc, people)
        gender = personhood.PERSON_NOUNS.get(desc.role.lower())
        if holder is None:
            nobody = Cluster(words_of(surface), "PERSON")
            nobody.gender = gender if gender in ("m", "f") else None
            nobody.add(Mention(surface, desc.start, desc.end, "title"), "PERSON")
            unresolved.append(nobody)
            continue
        if overlaps(holder, desc.start, desc.end):
            continue
        if gender in ("m", "f") and holder.gender is None:
            holder.gender = gender
        country = desc.country
        if country is None and desc.region is not None and len(desc.region) == 1:
            country = next(iter(desc.region))
        holder.describe(desc.role, desc.sector, country)
        if holder.country is None and desc.region is not None:
            holder.region = desc.region
        holder.mentions.append(Mention(surface, desc.start, desc.end, "title"))
    return list(groups.values())


def _pairs(doc: Doc, text: str, people: list[Cluster]) -> list[tuple[int, int]]:
    """"The two leaders", "both men": a title mention of each of the two people named in this
    sentence or the one before it, when exactly two are; returns the spans so used."""
    used: list[tuple[int, int]] = []
    for start, end in roles.pairs(doc, personhood.PERSON_NOUNS):
        span = doc.char_span(start, end)
        if span is None:
            continue
        first, _ = personhood.sentence(doc, span.start)
        if first > 0:
            first, _ = personhood.sentence(doc, first - 1)
        window = doc[first].idx
        named = [c for c in people if any(window <= m.start < start for m in c.mentions)]
        if len(named) != 2:
            continue
        for cluster in named:
            cluster.mentions.append(Mention(text[start:end], start, end, "title"))
        used.append((start, end))
    return used


def organisations(doc: Doc, others: list[Cluster]) -> None:
    """"the company", "the ministry": a title mention of the organisation of that sector (or of
    unknown sector) named most recently before it; none named before: left out."""
    orgs = [c for c in others if c.type == "ORG"]
    if not orgs:
        return
    for found in THE_ORG_WORD.finditer(doc.text):
        span = doc.char_span(found.start(1), found.end(1))
        if span is None or len(span) != 1:
            continue
        token = span[0]
        org = roles.ORG_WORDS[token.lower_]
        if token.i == 0 or doc[token.i - 1].lower_ != "the" or token.tag_ != "NN" \
                or token.ent_type_:
            continue
        start, end = doc[token.i - 1].idx, token.idx + len(token.text)
        before = [c for c in orgs if c.sector in (None, org[0])
                  and any(m.start < start for m in c.mentions)]
        if not before:
            continue
        best = max(before, key=lambda c: max(m.start for m in c.mentions if m.start < start))
        if not overlaps(best, start, end):
            best.sector = best.sector or org[0]
            best.mentions.append(Mention(doc[token.i - 1:token.i + 1].text, start, end, "title"))
