"""The digest contract: schema-valid JSON, stable ids, grounded offsets for every item type."""

from __future__ import annotations

import json

import jsonschema

from newsgraph import Digest, digest
from newsgraph.model import Entity, Mention, Quote, Span, text_id

from .conftest import assert_grounded


def test_seed_digest_is_schema_valid_and_round_trips(seed_digest, schema):
    data = json.loads(json.dumps(seed_digest.to_dict()))
    jsonschema.validate(data, schema)
    assert data["schema"] == "newsgraph.digest/1"
    assert Digest.from_dict(data) == seed_digest


def test_id_is_sha256_of_text(seed_digest):
    assert seed_digest.id == text_id(seed_digest.text)
    assert len(seed_digest.id) == 64


def test_every_item_type_is_grounded(seed_digest, example_digest):
    for d in (seed_digest, example_digest):
        assert d.summary and d.entities
        assert_grounded(d)
        for m in (m for e in d.entities for m in e.mentions):
            assert d.text[m.start : m.end] == m.text
        for s in d.summary:
            assert d.text[s.start : s.end] == s.text
        for q in d.quotes:
            assert d.text[q.start : q.end] == q.text
        for ev in d.events:
            assert d.text[ev.trigger.start : ev.trigger.end] == ev.trigger.text


def test_grounding_check_catches_a_shifted_offset():
    d = digest("The minister met the union leader in Valdora on Monday to discuss wages.")
    bad = Digest(**{**{f: getattr(d, f) for f in d.__dataclass_fields__},
                    "quotes": (Quote("minister", 5, 13, "direct", None, Span("met", 1, 4)),),
                    "entities": (Entity("E1", "x", "PERSON", mentions=(Mention("union", 0, 5),)),)})
    errors = bad.grounding_errors()
    assert len(errors) == 3, errors


def test_entity_ids_in_order_of_first_mention(example_digest):
    firsts = [min(m.start for m in e.mentions) for e in example_digest.entities]
    assert firsts == sorted(firsts)
    assert [e.id for e in example_digest.entities] == [
        f"E{i}" for i in range(1, len(example_digest.entities) + 1)]
