"""Descriptions of organisations and places, for the actors stage: "the company", "the
ministry", "the German carmaker" are the organisation named before them, "the country" and
"the state" the place (``organisations``, ``places``). People's descriptions are in
``descriptions``."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from newsgraph.countries import country_of
from newsgraph.model import Mention
from newsgraph.stages import roles, text_of
from newsgraph.stages.clusters import Cluster, overlaps

MAIN_COMPANY_WORDS = frozenset({"company", "firm"})  # most often the story's own company


def organisations(doc: Doc, others: list[Cluster], taken: Sequence[Cluster] = ()) -> None:
    """"the company", "the ministry": a title mention of the organisation of that sector (or of
    unknown sector) named most recently before it; "the union", "the bank" (organisation
    words that do not describe any organisation of their sector): of the one named most
    recently with that word in its name ("National Dockworkers Union"), or of the only one
    with it named later (a standfirst names it in full only further down); none: left out.
    The word must head that name ("the agency", not "the news", for "Xinhua News Agency").
    The description is the whole noun phrase up to its head ("the news agency", "the state
    health commission"): with modifiers it only describes an organisation whose name holds
    the head word and each modifying noun ("Xinhua News Agency"; not "the election
    commission" for the European Commission), except for a kind of company that names seldom
    hold ("the e-commerce giant", ``roles.ORG_KINDS``: its modifiers only describe, and it is
    the organisation named most so far); a nationality modifier must agree with the
    organisation's country ("the German carmaker") and gives it; a plural name ("iPhones")
    is never one of these; an organisation word that modifies another
    noun ("the company spokesman") describes nothing; nor does a phrase a description already
    holds (``taken``: "the army" after "Sudan's army" is that army's, not the last military
    organisation's)."""
    orgs = [c for c in others if c.type == "ORG" and not _plural_name(doc, c)]
    if not orgs:
        return
    text = text_of(doc)
    for token in doc:
        org = roles.ORG_WORDS.get(token.lower_)
        if org is None or token.tag_ != "NN" or token.ent_type_ or token.dep_ == "compound":
            continue
        first = token.i
        while first > 0 and _org_modifier(doc[first - 1]):
            first -= 1
        if first == 0 or doc[first - 1].lower_ != "the":
            continue
        kind = token.lower_ in roles.ORG_KINDS
        nouns = {t.lower_ for t in doc[first:token.i] if t.pos_ in ("NOUN", "PROPN")
                 and t.ent_type_ != "NORP"} if not kind else set()
        country = next((code for t in doc[first:token.i] if t.ent_type_ == "NORP"
                        for code in [roles.country_of(t.text)] if code), None)
        start, end = doc[first - 1].idx, token.idx + len(token.text)
        named = [c for c in orgs if _name_head(c.words) == token.lower_
                 and nouns <= set(c.words)]
        if nouns and not named:
            continue
        before = [c for c in (named or (orgs if org[1] else []))
                  if (named or c.sector in (None, org[0]))
                  and (country is None or c.country in (None, country))
                  and not (kind and _other_kind(c.words, token.lower_))
                  and any(m.start < start for m in c.mentions)]
        if before and (kind or token.lower_ in MAIN_COMPANY_WORDS):  # "the consumer
            # computing giant", "the company": the subject of the sentence
            # just before ("Volkswagen is showing a concept car. The German automaker …"), else the
            # organisation the story is about so far (named most, then first), not one named
            # in passing since
            best = _subject_before(doc, before, first - 1) or max(before, key=lambda c: (
                sum(m.start < start for m in c.mentions), -min(m.start for m in c.mentions)))
        elif before:
            best = _latest_before(before, start)
        elif len(named) == 1:  # a standfirst's "the union" before "the Dockers Union" is named
            best = named[0]
        else:
            continue
        if not overlaps(best, start, end) and not any(overlaps(c, start, end) for c in taken):
            best.sector = best.sector or org[0]
            best.country = best.country or country
            best.mentions.append(Mention(text[start:end], start, end, "title"))


# "the country", "the city": a place named before, of this kind (a country, a US state, a
# city or town, or any place that is no country)
PLACE_WORDS = {"country": "country", "nation": "country", "kingdom": "country",
               "republic": "country", "state": "state", "city": "city", "town": "city",
               "province": "other", "island": "other", "region": "other", "territory": "other"}


def places(doc: Doc, others: list[Cluster]) -> None:
    """"the country", "the nation": a title mention of the country named most recently
    before it; "the state" of the US state, "the city" of the city, "the province" of the
    place that is no country (``_kind``). Only the bare phrase ("the country's", not "the country
    music", nor "the state government", nor "the home country")."""
    gpes = [c for c in others if c.type == "GPE" and not c.plural]
    if not gpes:
        return
    text = text_of(doc)
    kinds = {id(c): _kind(" ".join(c.words)) for c in gpes}
    for token in doc:
        kind = PLACE_WORDS.get(token.lower_)
        if (kind is None or token.tag_ != "NN" or token.dep_ == "compound" or token.i == 0
                or doc[token.i - 1].lower_ != "the" or (token.ent_type_ and not _bare_the(token))):
            continue
        start, end = doc[token.i - 1].idx, token.idx + len(token)
        before = [c for c in gpes if kind in kinds[id(c)]
                  and any(m.start < start for m in c.mentions)]
        if not before:
            continue
        best = _latest_before(before, start)
        if not overlaps(best, start, end):
            best.mentions.append(Mention(text[start:end], start, end, "title"))


def _bare_the(token: Token) -> bool:
    """The NER took "the <word>" alone for a name ("The state" as an ORG)."""
    doc = token.doc
    return (doc[token.i - 1].ent_iob_ == "B" and token.ent_iob_ == "I"
            and (token.i + 1 == len(doc) or doc[token.i + 1].ent_iob_ != "I"))


def _kind(name: str) -> tuple[str, ...]:
    """What "the …" words a place's name answers to: a country; a US state (and a city, when
    a city has its name too: "New York"); else a city or another place."""
    code = country_of(name)
    if code:  # a city-state or territory is "the city" too ("Hong Kong", not "Mexico": its
        # namesake city is in the Philippines)
        return ("country", "city", "other") if roles.city_country(name) == code else (
            "country",)
    if roles.us_state(name):
        return ("state", "city", "other") if name.lower() in ("new york", "washington") else (
            "state", "other")
    if roles.capital(name):  # "Beijing opposed confrontation in the region": a capital is
        return ("city",)  # no region (a provincial city may name its region: "Donetsk")
    return ("city", "other")


SUBJECT_WINDOW = 60  # tokens before a description in which a subject counts as just named


# kinds of company that one company may be called by turns ("the airline", "the carrier")
KIND_FAMILIES = {"airline": "air", "carrier": "air", "manufacturer": "make", "maker": "make",
                 "carmaker": "make", "automaker": "make", "chipmaker": "make", "lender": "money",
                 "bank": "money", "insurer": "money", "retailer": "shop", "publisher": "media",
                 "outlet": "media", "tabloid": "media", "broadcaster": "media"}


def _other_kind(words: tuple[str, ...], head: str) -> bool:
    """The name holds a word for another kind of company than the description's ("Emirates
    Airline" is no "French plane-maker")."""
    family = KIND_FAMILIES.get(head)
    return family is not None and any(KIND_FAMILIES.get(w, family) != family for w in words)


def _subject_before(doc: Doc, clusters: list[Cluster], i: int) -> Cluster | None:
    """The cluster named last as a subject in the SUBJECT_WINDOW tokens before token ``i``
    (about the sentence before; its bounds are not trusted, a parse can split "ID. Space")."""
    for token in reversed(doc[max(0, i - SUBJECT_WINDOW):i]):
        if token.dep_ in ("nsubj", "nsubjpass") and token.head.pos_ in ("VERB", "AUX"):
            hit = next((c for c in clusters if overlaps(c, token.idx, token.idx + len(token))),
                       None)
            if hit is not None:
                return hit
    return None


def _latest_before(clusters: list[Cluster], start: int) -> Cluster:
    """The cluster named most recently before ``start`` (each has a mention before it)."""
    return max(clusters, key=lambda c: max(m.start for m in c.mentions if m.start < start))


def _plural_name(doc: Doc, cluster: Cluster) -> bool:
    """Every name of the cluster is a plural noun ("iPhones", "the Lakers"): never "the
    company" or "the giant"."""
    roots = [span.root for m in cluster.mentions if m.kind == "name"
             for span in [doc.char_span(m.start, m.end)] if span is not None]
    return bool(roots) and all(r.tag_ in ("NNS", "NNPS") for r in roots)


def _name_head(words: tuple[str, ...]) -> str:
    """The word an organisation's name is headed by: its last before "of" or "for"
    ("Department of Justice"), else its last ("Xinhua News Agency"; not "news")."""
    cut = next((i for i, w in enumerate(words) if i and w in ("of", "for")), len(words))
    return words[cut - 1]


def _org_modifier(token: Token) -> bool:
    """A lower-case word modifying an organisation word ("news" of "the news agency",
    "state-run", "e-commerce": a lower-case word the tagger took for a name counts), not a
    name's; or a nationality ("the Chinese company")."""
    if token.ent_type_ == "NORP":
        return token.dep_ in ("amod", "compound")
    if token.ent_type_ or (not token.text.islower() and token.text != "-"):
        return False
    return token.dep_ in ("compound", "amod", "npadvmod", "punct") and (
        token.pos_ in ("NOUN", "ADJ", "VERB", "PROPN") or token.text == "-")
