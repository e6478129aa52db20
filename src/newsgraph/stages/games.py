"""Game reports: texts about matches. Their verbs of play ("Russia beat Croatia", "fired a shot
at the goalie") are no events (``events``), and their "Lakers: …" lines are team notes, not
what a speaker said (``quote_labels``)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.stages.event_lexicon import words

GAME_SCORES = 2  # different scores that, with a word of sport, make a text a game report


def game_report(doc: Doc) -> bool:
    """The text reports games: two different scores ("beat Hungary 2-0", "6-3, 7-6") and a
    word only sport uses much ("overtime", "playoff", "goalie"); a court's "6-3 decision"
    told twice is no game. Read once per document (the quotes and events stages both ask)."""
    found = doc.user_data.get(_GAME_KEY)
    if found is None:
        scores = {doc[t.i - 1:t.i + 2].text if t.text in ("-", "–") else t.text
                  for t in doc if score(t)}
        sport = words("sport")
        found = doc.user_data[_GAME_KEY] = len(scores) >= GAME_SCORES and any(
            t.lower_ in sport for t in doc)
    return found


_GAME_KEY = "newsgraph_game_report"


def score(token: Token) -> bool:
    """A game's score: "2-0", "3–1" (one token or three)."""
    if token.like_num and any(d in token.text for d in "-–"):
        return True
    doc = token.doc
    return token.text in ("-", "–") and 0 < token.i < len(doc) - 1 and (
        doc[token.i - 1].like_num and doc[token.i + 1].like_num)
