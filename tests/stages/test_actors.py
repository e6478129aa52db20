"""Actors stage: name clustering, pronouns, grounding."""

from newsgraph.pipeline import digest


def _entity_with(d, surface):
    for entity in d.entities:
        if any(m.text == surface for m in entity.mentions):
            return entity
    return None


def test_surname_joins_full_name_and_pronoun_follows():
    d = digest("Maria Fernandez won the vote on Sunday. Fernandez said she was pleased.")
    entity = _entity_with(d, "Maria Fernandez")
    assert entity is not None and entity.type == "PERSON"
    texts = {m.text for m in entity.mentions}
    assert "Fernandez" in texts and "she" in texts


def test_every_mention_is_grounded(seed_digest):
    for entity in seed_digest.entities:
        for m in entity.mentions:
            assert seed_digest.text[m.start:m.end] == m.text


def test_seed_lopez_obrador_cluster(seed_digest):
    entity = _entity_with(seed_digest, "Lopez Obrador")
    assert entity is not None and entity.type == "PERSON"
    assert "Andres Manuel Lopez Obrador" in entity.name
