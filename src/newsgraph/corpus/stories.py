"""Online story clustering: each new article joins the most similar open story or starts one.

An article is a TF-IDF vector over its title and text words (stopwords dropped, title words
counted twice) plus one feature per linked corpus actor. Document frequencies grow with the
corpus, on top of ``BACKGROUND_DOCS`` virtual articles whose word rates come from general
text (``background``), so a young corpus already knows "said" from "Capaldi". A story is the
sum of its members' vectors, cut to its strongest terms. The article
joins the best story whose centroid cosine reaches ``THRESHOLD`` and whose date span, widened by
``WINDOW_DAYS``, holds the article's date (undated articles skip the date test). Candidates come
from an inverted index over the stories' strongest terms, so each assignment touches only the
stories that share a salient term with the article.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import sqlite3
import zlib
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import chain, islice, repeat
from operator import add, ge, itemgetter, mul

import numpy as np

from newsgraph.corpus import background
from newsgraph.corpus.actors import name_tokens
from newsgraph.corpus.text import stopwords, words

THRESHOLD = 0.3  # centroid cosine needed to join a story (tuned on ECB+ topics 36-40)
MERGE_THRESHOLD = 0.5  # centroid-to-centroid cosine at which two stories become one
WINDOW_DAYS = 7  # how far outside a story's date span an article may fall
ARTICLE_TERMS = 60  # strongest terms kept per article vector (60 and 80 tie on the tuning
# topics, pairwise F1 0.847; 60 costs less per article)
STORY_TERMS = 150  # strongest terms kept per story centroid
PROBE_TERMS = 15  # article terms used to look up candidate stories
MAX_CHARS = 6000  # text read per article (the top of a news article names its story)
MAX_WORDS = 1000  # the same limit in words, when the caller has split the text already
ACTOR_WEIGHT = 2.0  # term frequency given to each linked actor feature
TITLE_REPEAT = 2
BACKGROUND_DOCS = 30000  # virtual articles with general-text word rates (see background)
SCORED = 5  # candidate stories in the window scored in full (those sharing most strong terms)
LOAD_LIMIT = 20000  # stories held in memory when an ingest starts (the most recent)
DF_KEY = "story_df"
WINDOW = dt.timedelta(days=WINDOW_DAYS)
EVICT_EVERY = 1000  # articles between evictions of stories too old to be joined again
EVICT_AFTER = 4 * WINDOW  # a story this much older than the newest article leaves memory

Vector = dict[str, float]


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


@dataclass
class Story:
    id: int
    centroid: Vector
    first: str | None
    last: str | None
    size: int
    norm: float = field(init=False)
    first_day: dt.date | None = field(init=False)
    last_day: dt.date | None = field(init=False)

    def __post_init__(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        """Recompute what is derived from the centroid and the dates."""
        self.norm = math.hypot(*self.centroid.values()) or 1.0
        self.first_day, self.last_day = _date(self.first), _date(self.last)

    def accepts(self, day: dt.date | None) -> bool:
        first, last = self.first_day, self.last_day
        if day is None or first is None or last is None:
            return True
        return first - WINDOW <= day <= last + WINDOW


def cosine(vec: Vector, story: Story) -> float:
    found = map(story.centroid.get, vec, repeat(0.0))
    return sum(map(mul, vec.values(), found)) / story.norm


def story_cosine(a: Story, b: Story) -> float:
    small, large = (a, b) if len(a.centroid) <= len(b.centroid) else (b, a)
    dot = sum(w * large.centroid.get(t, 0.0) for t, w in small.centroid.items())
    return dot / (a.norm * b.norm)


def _overlap(a: Story, b: Story) -> bool:
    """Whether two stories' date spans, widened by the window, meet (undated always do)."""
    a1, a2, b1, b2 = a.first_day, a.last_day, b.first_day, b.last_day
    if a1 is None or a2 is None or b1 is None or b2 is None:
        return True
    return a1 - WINDOW <= b2 and b1 - WINDOW <= a2


def _top(vec: Vector, n: int) -> Vector:
    """The ``n`` strongest terms, strongest first (ties in ``vec``'s order)."""
    if len(vec) <= n:
        return vec
    weights = list(vec.values())
    if all(map(ge, weights, islice(weights, 1, None))):  # already strongest first (articles)
        return dict(islice(vec.items(), n))
    return dict(sorted(vec.items(), key=itemgetter(1), reverse=True)[:n])


def term_counts(title: str | None, text: str, tokens: list[str] | None = None) -> Counter[str]:
    """How often each word occurs in the article's title (counted ``TITLE_REPEAT`` times) and
    the top of its text (``tokens``: ``words(text)`` when the caller has them). Needs no
    corpus state, so a writer can count while the database is busy."""
    body = words(text[:MAX_CHARS]) if tokens is None else tokens[:MAX_WORDS]
    return Counter(words(title or "") * TITLE_REPEAT + body)


class StoryIndex:
    """The in-memory side of story clustering for one writer; the stories table is the truth."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.docs = 0
        self.rates: dict[str, float] = {}  # term -> background rate (cached)
        # Document frequencies as arrays over a vocabulary numbered in first-counted order:
        # ``terms[i]`` is term ``i``, ``df[i]`` its count and ``prior[i]`` its background rate
        # (NaN until looked up). ``term_id`` also maps words that are never terms to -1.
        self.terms: list[str] = []
        self.term_id: dict[str, int] = {}
        self.df = np.zeros(0, np.int64)
        self.prior = np.zeros(0, float)
        self.stories: dict[int, Story] = {}
        self.index: dict[str, set[int]] = {}
        self.dirty: set[int] = set()
        self.newest: dt.date | None = None
        self.assigned = 0
        self.reload()

    def reload(self) -> None:
        """Read document frequencies and the most recent stories back from the database."""
        self.docs, self.stories, self.index = 0, {}, {}
        self.dirty = set()
        df: dict[str, int] = {}
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (DF_KEY,)).fetchone()
        if row:
            saved = json.loads(zlib.decompress(row[0]))
            df, self.docs = saved["df"], saved["docs"]
        self.terms = list(df)
        self.term_id = {t: i for i, t in enumerate(self.terms)}
        self.df = np.array(list(df.values()), np.int64)
        rates = self.rates
        self.prior = np.array([rates.get(t, math.nan) for t in self.terms], float)
        rows = self.conn.execute(
            "SELECT id, centroid, first_date, last_date, size FROM stories "
            "WHERE centroid IS NOT NULL ORDER BY coalesce(last_date, '') DESC, id DESC LIMIT ?",
            (LOAD_LIMIT,)).fetchall()
        for sid, blob, first, last, size in rows:
            self._put(Story(sid, json.loads(zlib.decompress(blob)), first, last, size))

    def save(self) -> None:
        """Store document frequencies (call inside the writer's transaction)."""
        df = dict(zip(self.terms, self.df[: len(self.terms)].tolist(), strict=True))
        blob = zlib.compress(json.dumps({"docs": self.docs, "df": df}).encode("utf-8"))
        self.conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (DF_KEY, blob))

    def _term(self, term: str, language: str | None, name: str | None = None) -> int:
        """The id of a term not in ``term_id`` yet (-1 for a stopword or one-letter word), its
        background rate looked up now (``name``: the actor's, for an actor feature)."""
        if term in stopwords() or len(term) <= 1:
            self.term_id[term] = -1
            return -1
        i = self.term_id[term] = len(self.terms)
        self.terms.append(term)
        if i == len(self.df):
            grown = max(1024, 2 * i)
            self.df = np.concatenate([self.df, np.zeros(grown - i, np.int64)])
            self.prior = np.concatenate([self.prior, np.full(grown - i, math.nan)])
        self.prior[i] = self._rate(term, language, name)
        return i

    def _rate(self, term: str, language: str | None, name: str | None) -> float:
        """A term's background rate, the first time it is met in this session (words from
        general text, actor features from the actor's name)."""
        rate = self.rates.get(term)
        if rate is None:
            rate = self.rates[term] = (
                background.rate(term, language) if name is None
                else background.name_rate(name_tokens(name, "PERSON"), language))
        return rate

    def vector(self, title: str | None, text: str, actors: Mapping[int, str],
               tokens: list[str] | None = None, language: str | None = "en") -> Vector:
        """The article's TF-IDF vector; counts the article into the document frequencies.
        ``actors``: linked corpus actor id -> name; ``tokens``: ``words(text)`` when the caller
        already has them."""
        counts = term_counts(title, text, tokens)
        return self.weigh(list(counts), list(counts.values()), actors, language)

    def weigh(self, terms: list[str], counts: list[int], actors: Mapping[int, str],
              language: str | None = "en") -> Vector:
        """``vector`` from the article's ``term_counts`` (``terms[i]`` occurs ``counts[i]``
        times)."""
        term_id = self.term_id
        for term in sorted(set(terms).difference(term_id)):  # words never met before (few;
            # set.difference walks the small set, a keys-view difference the whole vocabulary)
            self._term(term, language)
        found = list(map(term_id.__getitem__, terms))
        for actor, name in actors.items():
            feature = f"#{actor}"
            i = term_id.get(feature)
            found.append(self._term(feature, language, name) if i is None else i)
        ids = np.array(found, np.intp)
        tf = np.fromiter(chain(counts, repeat(ACTOR_WEIGHT, len(actors))), float,
                         len(found))
        keep = ids >= 0
        ids, tf = ids[keep], tf[keep]
        if not len(ids):
            return {}
        prior = self.prior[ids]
        if math.isnan(prior.sum()):  # terms read back from the database, first met now
            self._rates(ids[np.isnan(prior)], len(ids) - len(actors), ids, actors, language)
            prior = self.prior[ids]
        self.docs += 1
        df = self.df
        df[ids] += 1
        weights = (1 + np.log(tf)) * np.log(
            (self.docs + BACKGROUND_DOCS) / (df[ids] + BACKGROUND_DOCS * prior + 0.5))
        order = np.argsort(-weights, kind="stable")[:ARTICLE_TERMS]
        order = order[weights[order] > 0]
        top = weights[order]
        top /= math.sqrt(float(top @ top)) or 1.0
        terms = self.terms
        return dict(zip([terms[i] for i in ids[order].tolist()], top.tolist(), strict=True))

    def _rates(self, missing: np.ndarray, n_words: int, ids: np.ndarray,
               actors: Mapping[int, str], language: str | None) -> None:
        """Background rates of the terms ``missing`` (word terms from general text, actor
        features from the actor's name); ``ids[:n_words]`` are the article's word terms."""
        prior, terms = self.prior, self.terms
        names = dict(zip(ids[n_words:].tolist(), actors.values(), strict=True))
        for i in missing.tolist():
            prior[i] = self._rate(terms[i], language, names.get(i))

    def assign(self, vec: Vector, published: str | None) -> tuple[int, float]:
        """The story the article joins (created when none is close enough) and its score."""
        day = _date(published)
        if day and (self.newest is None or day > self.newest):
            self.newest = day
        self.assigned += 1
        if self.assigned % EVICT_EVERY == 0:
            self._evict()
        best, best_score, scored = None, 0.0, 0
        for sid in self._ranked(vec):
            story = self.stories[sid]
            if not story.accepts(day):
                continue
            score = cosine(vec, story)
            if score > best_score:
                best, best_score = story, score
            scored += 1
            if scored == SCORED:
                break
        if best is None or best_score < THRESHOLD:
            return self._create(vec, published), 1.0
        size = best.size
        self._join(best, vec, published)
        if size + 1 >= 2 and (size + 1) & size == 0:  # the story just doubled
            return self._merge_close(best.id), best_score
        return best.id, best_score

    def _merge_close(self, sid: int) -> int:
        """Fold stories whose centroids have come within ``MERGE_THRESHOLD`` of story ``sid``
        into the larger of the two; returns the id the article's story now has."""
        story = self.stories[sid]
        for other_id in sorted(self._candidates(story.centroid) - {sid}):
            other = self.stories.get(other_id)
            if other is None or not _overlap(story, other):
                continue
            if story_cosine(story, other) >= MERGE_THRESHOLD:
                keep, gone = (other, story) if other.size >= story.size else (story, other)
                self._absorb(keep, gone)
                story = self.stories[keep.id]
        return story.id

    def _absorb(self, keep: Story, gone: Story) -> None:
        self._drop(gone)
        self._drop(keep)
        merged = Counter(keep.centroid)
        merged.update(gone.centroid)
        dates = [d for d in (keep.first, keep.last, gone.first, gone.last) if d]
        joined = Story(keep.id, _top(dict(merged), STORY_TERMS), min(dates, default=None),
                       max(dates, default=None), keep.size + gone.size)
        self._put(joined)
        self.dirty.add(joined.id)
        self.dirty.discard(gone.id)
        self.conn.execute("UPDATE articles SET story_id = ? WHERE story_id = ?",
                          (keep.id, gone.id))
        self.conn.execute("DELETE FROM stories WHERE id = ?", (gone.id,))

    def _evict(self) -> None:
        """Forget stories that ended long before the newest article (they stay in the
        database), and the oldest undated ones beyond ``LOAD_LIMIT``."""
        if self.newest is not None:
            cutoff = self.newest - EVICT_AFTER
            for story in [s for s in self.stories.values()
                          if s.last_day is not None and s.last_day < cutoff]:
                self._forget(story)
        undated = sorted(i for i, s in self.stories.items() if s.last_day is None)
        for sid in undated[: max(0, len(undated) - LOAD_LIMIT)]:
            self._forget(self.stories[sid])

    def _forget(self, story: Story) -> None:
        if story.id in self.dirty:
            self.flush()
        self._drop(story)

    def _candidates(self, vec: Vector) -> set[int]:
        """Stories indexed under one of the strongest terms of ``vec``."""
        found: set[int] = set()
        for term in _top(vec, PROBE_TERMS):
            found |= self.index.get(term, set())
        return found

    def _ranked(self, vec: Vector) -> list[int]:
        """``_candidates``, those sharing most of the strong terms first."""
        index = self.index
        shared = Counter(chain.from_iterable(index.get(t, ()) for t in _top(vec, PROBE_TERMS)))
        return [sid for sid, _ in shared.most_common()]

    def _create(self, vec: Vector, published: str | None) -> int:
        blob = zlib.compress(json.dumps(vec).encode("utf-8"))
        sid = self.conn.execute(
            "INSERT INTO stories(first_date, last_date, size, centroid) VALUES (?, ?, 1, ?)",
            (published, published, blob)).lastrowid
        self._put(Story(sid, dict(vec), published, published, 1))
        return sid

    def _join(self, story: Story, vec: Vector, published: str | None) -> None:
        centroid = story.centroid
        for t in set(vec).difference(centroid):
            self.index.setdefault(t, set()).add(story.id)
        sums = map(add, map(centroid.get, vec, repeat(0.0)), vec.values())
        centroid.update(zip(vec, sums, strict=True))
        if len(centroid) > 2 * STORY_TERMS:  # cut back to the strongest terms
            story.centroid = _top(centroid, STORY_TERMS)
            for t in centroid.keys() - story.centroid.keys():
                ids = self.index[t]
                ids.discard(story.id)
                if not ids:
                    del self.index[t]
        dates = [d for d in (story.first, story.last, published) if d]
        story.first, story.last = min(dates, default=None), max(dates, default=None)
        story.size += 1
        story.refresh()
        self.dirty.add(story.id)

    def flush(self) -> None:
        """Write the stories changed since the last flush (inside the writer's transaction)."""
        rows = [(s.first, s.last, s.size, zlib.compress(json.dumps(s.centroid).encode("utf-8"), 1),
                 s.id) for s in (self.stories.get(i) for i in sorted(self.dirty)) if s]
        self.conn.executemany(
            "UPDATE stories SET first_date = ?, last_date = ?, size = ?, centroid = ? WHERE id = ?",
            rows)
        self.dirty.clear()

    def _drop(self, story: Story) -> None:
        self.stories.pop(story.id, None)
        for term in story.centroid:
            ids = self.index.get(term)
            if ids is not None:
                ids.discard(story.id)
                if not ids:
                    del self.index[term]

    def _put(self, story: Story) -> None:
        self.stories[story.id] = story
        for term in story.centroid:
            self.index.setdefault(term, set()).add(story.id)
