"""Person evidence for the actors stage: does the article itself show that a name denotes a
person, whatever label the NER gave it (or when it gave none)?

Evidence read from the one parse around a name (lexicons: person_nouns.tsv, person_verbs.tsv):

- a person noun right before it ("her sister Leah", "pianist X") or "N-year-old X";
- a person noun in apposition ("X, a pianist"; "his grandfather, X") or as the complement of
  "be" ("X is an American actress");
- subject of a person verb ("X was born", "X married", "X smiled");
- a relative clause with "who"/"whom" and a singular verb on it ("X, who was ...");
- possessor of a person noun ("X's apprentice");
- coordination with a multi-word name the NER labelled PERSON ("A B, C D and X");
- a possessive or reflexive he/she pronoun later in the clause it is the subject of ("X drove
  with her sons"), with no other name or person noun between them;
- main-clause subject of a sentence with no PERSON name, the next sentence's subject being
  he/she ("X moved to Paris. She ...").

Names used as modifiers ("Belgian police") never get evidence.

``evidence`` returns the gender the evidence implies (m/f) or x, or None without evidence.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from newsgraph.lexicons import rows
from newsgraph.stages import roles
from newsgraph.stages.coref import PRONOUNS, sentence

SUBJECTS = {"nsubj": "active", "nsubjpass": "passive"}
WHO = {"who", "whom"}


PERSON_NOUNS: dict[str, str] = {r[0]: r[1] for r in rows("person_nouns.tsv")}
# endings of plural nouns for people ("landowners", "militiamen", "inhabitants", "users")
PERSON_ENDINGS = ("er", "or", "ist", "ian", "man", "men", "ee", "ant", "ent", "ive", "ite")
PERSON_VERBS = frozenset((r[0], r[1]) for r in rows("person_verbs.tsv"))
GENDERED = {word: agreement for word, (agreement, _) in PRONOUNS.items() if agreement in "mf"}
HE_SHE = re.compile(r"\b(?:" + "|".join(sorted(GENDERED)) + r")\b", re.IGNORECASE)


GENERIC_PEOPLE = frozenset({"man", "woman", "boy", "girl", "teen", "teenager", "child", "baby",
                            "toddler", "mother", "father", "mum", "dad", "pensioner", "driver",
                            "couple", "motorist", "cyclist", "pedestrian", "gunman"})


def generic(token: Token) -> bool:
    """A capitalised common noun for someone opening a sentence or headline ("Man charged
    after shooting"): nobody's name, whatever the NER or the tagger make of it."""
    return token.lower_ in GENERIC_PEOPLE and token.is_sent_start


def _noun(token: Token) -> str | None:
    if token.pos_ != "NOUN" or token.ent_type_:
        return None
    return PERSON_NOUNS.get(token.lower_) or PERSON_NOUNS.get(token.lemma_.lower())


def noun_before(doc: Doc, start: int) -> str | None:
    """'sister Leah', 'pianist X', 'the 20-year-old X'."""
    if start == 0:
        return None
    prev = doc[start - 1]
    if prev.lower_ == "old" and any(t.lower_ in ("year", "years") for t in doc[max(0, start - 4):
                                                                           start - 1]):
        return "x"
    return _noun(prev)


def _described(root: Token) -> str | None:
    """Apposition or copula complement naming a person noun."""
    nouns = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos":
        nouns.append(root.head)
    if root.dep_ == "nsubj" and root.head.lemma_ == "be":
        for attr in (c for c in root.head.children if c.dep_ == "attr"):
            nouns += [attr, *(c for c in attr.children if c.dep_ == "conj")]
    for noun in nouns:
        gender = _noun(noun)
        if gender is not None:
            return gender
        if noun.pos_ == "NOUN" and roles.role_ending(  # "X, deputy director general of Y"
                [t.lower_ for t in noun.doc[noun.left_edge.i:noun.i + 1]
                 if t.dep_ == "compound" or t.i == noun.i]) is not None:
            return "x"
    return None


def _verb(root: Token) -> bool:
    voice = SUBJECTS.get(root.dep_)
    return voice is not None and (root.head.lemma_.lower(), voice) in PERSON_VERBS


def _owner(root: Token) -> bool:
    """'X's sister', 'X's apprentice': the possessor of a person noun."""
    return root.dep_ == "poss" and _noun(root.head) is not None


def _who(root: Token) -> bool:
    """'X, who was ...': a relative "who" clause whose verb agrees with a singular subject
    (a team or a people takes "who" with a plural verb: "Germany, who have ...")."""
    for child in root.children:
        if child.dep_ == "relcl" and any(t.lower_ in WHO for t in
                                         child.doc[child.left_edge.i:child.i]):
            verbs = [child, *(c for c in child.children if c.dep_ in ("aux", "auxpass"))]
            return any(v.tag_ == "VBZ" or "Sing" in v.morph.get("Number") for v in verbs)
    return False


def _with_person(root: Token) -> bool:
    """Coordinated with a name the NER calls PERSON ("A, B and X")."""
    first = root.head if root.dep_ == "conj" else root
    group = [first, *(c for c in first.children if c.dep_ == "conj")]
    return any(t.i != root.i and t.ent_type_ == "PERSON" and t.ent_iob_ == "I" for t in group)


def _pronoun_after(doc: Doc, end: int, root: Token) -> str | None:
    """Gender of the first he/she pronoun in the clause the name is subject of, when it is a
    possessive or reflexive and no other name or person noun comes between."""
    if root.dep_ not in SUBJECTS:
        return None
    verb = root.head
    for token in doc[end:verb.right_edge.i + 1]:
        if token.pos_ == "PROPN" or _noun(token) is not None:
            return None
        gender = GENDERED.get(token.lower_)
        if gender is not None:  # the first he/she decides: "X said she had done research on
            # his case" gives nothing (the "his" is someone else's), "X lost his job" gives m
            return gender if token.dep_ == "poss" or token.lower_.endswith("self") else None
    return None


def _next_he_she(root: Token) -> bool:
    """'X moved to Paris. She ...': the main-clause subject of a sentence naming no PERSON,
    when the next sentence's subject is he/she."""
    doc = root.doc
    if root.dep_ not in SUBJECTS or root.head.dep_ != "ROOT":
        return False
    first, end = sentence(doc, root.i)
    if end >= len(doc) or any(t.ent_type_ == "PERSON" for t in doc[first:end]):
        return False
    _, after = sentence(doc, end)
    for token in doc[end:after]:
        if token.dep_ in SUBJECTS and token.head.dep_ == "ROOT":
            return token.lower_ in ("he", "she")  # no gender: it may still be someone else
    return False


def referent(root: Token) -> bool:
    """A name (by its root token) used as a singular noun phrase of its own: not a modifier
    ("Belgian police", "Paris train"), not an adjective, not plural ("the Wallabies")."""
    return root.pos_ == "PROPN" and root.tag_ != "NNPS" and root.dep_ not in ("amod", "compound")


def evidence(doc: Doc, start: int, end: int) -> str | None:
    """m/f/x when the parse shows ``doc[start:end]`` (a name) denotes a person, else None."""
    root = doc[start:end].root
    if not referent(root):
        return None
    found = noun_before(doc, start) or _described(root) or _pronoun_after(doc, end, root)
    if found is not None:
        return found
    if _verb(root) or _who(root) or _owner(root) or _with_person(root) or _next_he_she(root):
        return None if roles.capital(doc[start:end].text) else "x"  # "Moscow threatened"
    return None
