"""Person evidence read from the parse (stages/personhood.py), and its effect on actors."""

from newsgraph import nlp
from newsgraph.model import Article
from newsgraph.pipeline import digest
from newsgraph.stages import Found, actors, coref, personhood
from tests.conftest import entity_with


def _evidence(sentence: str, name: str) -> str | None:
    doc = nlp.load()(sentence)
    start = next(t.i for t in doc if t.text == name.split()[0])
    return personhood.evidence(doc, start, start + len(name.split()))


def test_gendered_noun_before_a_name():
    assert _evidence("She toured Europe with her sister Tamsin last year.", "Tamsin") == "f"


def test_person_noun_in_apposition():
    assert _evidence("Brightwater, a pianist from Leeds, played first.", "Brightwater") == "x"


def test_copula_with_a_person_noun():
    assert _evidence("Orlov is an American actress and writer.", "Orlov") == "f"


def test_subject_of_a_person_verb():
    assert _evidence("Vantongeren was born in Ghent in 1950.", "Vantongeren") == "x"


def test_possessive_pronoun_in_the_clause():
    assert _evidence("Quillfeather drove to the coast with his two sons.",
                     "Quillfeather") == "m"


def test_plural_who_clause_is_no_person_evidence():
    assert _evidence("Germany, who have played only twice, lead the group.", "Germany") is None


def test_a_name_as_modifier_gets_no_evidence():
    assert _evidence("Police arrested a 24-year-old Belgian woman.", "Belgian") is None


def test_lone_first_name_joins_the_only_person_with_it():
    d = digest("Marisol Okafor won the race on Sunday. Later Marisol thanked her coach.")
    entity = entity_with(d, "Marisol Okafor")
    assert entity is not None and "Marisol" in {m.text for m in entity.mentions}


def test_shared_first_name_joins_neither():
    d = digest("Marisol Okafor and Marisol Vance met on Sunday. Marisol thanked the coach.")
    for full in ("Marisol Okafor", "Marisol Vance"):
        entity = entity_with(d, full)
        assert entity is not None and "Marisol" not in {m.text for m in entity.mentions}


def test_noun_gender_reaches_coref(monkeypatch):
    seen = []

    def capture(doc, anchors):
        seen.extend(anchors)
        return []

    monkeypatch.setattr(coref, "resolve", capture)
    text = "John Miller met the actress Brenna Valcourt in Lisbon."
    actors.run(nlp.load()(text), Found(article=Article(text=text)))
    genders = {text[a.mentions[0][0]:a.mentions[0][1]]: a.gender for a in seen}
    assert genders["Brenna Valcourt"] == "f" and genders["John Miller"] is None


def test_a_name_taking_she_is_a_person():
    d = digest("The award went to Brightmoor in 2004, and she kept it on her desk.")
    entity = entity_with(d, "Brightmoor")
    assert entity is not None and entity.type == "PERSON"
    assert "she" in {m.text for m in entity.mentions}


def test_proper_noun_missed_by_ner_taking_he_is_a_person():
    d = digest("Critics praised Vandersloot for the role. He later moved to Rome.")
    entity = entity_with(d, "Vandersloot")
    assert entity is not None and entity.type == "PERSON"


def test_a_country_taking_he_stays_a_place():
    d = digest("The minister flew to Turkey on Monday. He said talks went well.")
    entity = entity_with(d, "Turkey")
    assert entity is not None and entity.type == "GPE"


def test_a_company_stays_an_organisation():
    d = digest("Brightwave Technologies cut 200 jobs, and it blamed weak demand.")
    entity = entity_with(d, "Brightwave Technologies")
    assert entity is not None and entity.type == "ORG"
