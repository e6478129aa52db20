"""Event status and PLOVER coding (used by stages/events.py).

- **Status**: negated ("not", "never" on the verb or its governors, "failed to", "have yet
  to"), refused (negated with "will/would": "will not accept"), hypothetical (could, would,
  if-clauses), planned (will, governed by an intent verb or adjective, "expected/scheduled
  to"), else occurred. The chain of governors is followed through infinitives, conjunctions
  and adjectives ("is ready to sign").
- **Coding** (``lexicons/event_coding.tsv``, from the manual's auxiliary-mode rules): the
  single category a PLOVER coder returns for a planned, hypothetical or refused action, and
  for the ending of an event ("ended the talks").
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.stages.event_lexicon import codings, triggers, words


def status_of(token: Token, governor_counts: bool = False) -> str:
    """Status from the words on ``token`` and on the verbs that govern it by xcomp/conj."""
    node, planned, first = token, False, True
    for _ in range(6):
        if any(c.dep_ == "neg" for c in node.children):  # before "would": "would not meet"
            return "refused" if any(
                a.dep_ == "aux" and a.lower_ in words("future") | words("hypothetical")
                for a in node.children) else "negated"
        for c in node.children:
            if c.dep_ in ("aux", "mark") and c.lower_ in words("hypothetical"):
                return "hypothetical"
            if c.dep_ == "aux" and c.lower_ in words("future"):
                planned = True
        lemma = node.lemma_.lower()
        if (not first or governor_counts) and (lemma in words("governor") or is_intent(node)):
            planned = True
        if not first and (lemma in words("failure") or (
                lemma in ("have", "be") and any(c.lower_ == "yet" for c in node.children))):
            return "negated"  # "failed to reach an agreement", "have yet to agree"
        if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in words("hypothetical")
                                        for c in node.children):
            return "hypothetical"
        infinitive = node.dep_ == "advcl" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in node.children)  # "sworn to fight"
        if (node.dep_ not in ("xcomp", "conj", "acomp") and not infinitive) or (
                node.head.i == node.i):
            break
        node, first = node.head, False
        if node.dep_ == "ROOT" and node.lemma_.lower() == "go" and token.dep_ == "xcomp":
            planned = True
    return "planned" if planned else "occurred"


def is_intent(token: Token) -> bool:
    return any(r.mode == "intent" for r in triggers().get((token.lemma_.lower(), "verb"), ()))


def coded(kind: str, mode: str | None, status: str) -> tuple[str, str | None, str]:
    """PLOVER's auxiliary-mode rules: (type, mode, status) as the manual codes them."""
    table = codings()
    hit = table.get((status, kind, mode or "-")) or table.get((status, kind, "*"))
    if status == "refused":
        return (hit[0], hit[1], "occurred") if hit else (kind, mode, "negated")
    if hit is None:
        return kind, mode, status
    if hit[1] == "<type>":  # a promise names what it promises: AGREE/aid
        return hit[0], kind.lower(), status
    return hit[0], (mode if hit[1] == "=" else hit[1]), status
