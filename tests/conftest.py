"""Shared fixtures. The seed article is read from ../shared at test time, never copied."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest

from newsgraph import Digest, Pipeline
from newsgraph.model import Entity, Mention

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "000_236e280009b429f0.txt"
EXAMPLE = ROOT / "src" / "newsgraph" / "examples" / "harbour_strike.txt"


@pytest.fixture(scope="session")
def seed_text() -> str:
    assert SEED.exists(), f"the seed article is expected at {SEED}"
    return SEED.read_text("utf-8")


@pytest.fixture(scope="session")
def seed_digest(seed_text: str) -> Digest:
    from newsgraph.ingest import RawDoc

    return Pipeline(published="2021-06-08").digest(RawDoc(str(SEED), "text", seed_text))


@pytest.fixture(scope="session")
def example_digest() -> Digest:
    from newsgraph.ingest import RawDoc

    return Pipeline(published="2026-03-12").digest(
        RawDoc(str(EXAMPLE), "text", EXAMPLE.read_text("utf-8")))


@pytest.fixture(scope="session")
def schema() -> dict:
    raw = resources.files("newsgraph.schema").joinpath("digest.schema.json").read_text("utf-8")
    return json.loads(raw)


def assert_grounded(d: Digest) -> None:
    """Every extracted item's offsets reproduce its surface text."""
    assert d.grounding_errors() == []


def hand_entities(text: str, surfaces_by_id: dict[str, list[str]],
                  type_: str) -> tuple[Entity, ...]:
    """Entities given by hand for a stage test: id -> the surfaces that mention it (every
    occurrence in ``text`` becomes a mention), all of one type."""
    entities = []
    for eid, surfaces in surfaces_by_id.items():
        mentions = []
        for surface in surfaces:
            at = text.find(surface)
            while at >= 0:
                mentions.append(Mention(surface, at, at + len(surface)))
                at = text.find(surface, at + 1)
        entities.append(Entity(eid, surfaces[0], type_, mentions=tuple(mentions)))
    return tuple(entities)


def entity_with(d: Digest, surface: str) -> Entity | None:
    """The digest's entity with a mention reading ``surface``, else None."""
    return next((e for e in d.entities if any(m.text == surface for m in e.mentions)), None)
