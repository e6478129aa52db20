"""Cross-article actor linking: folding, name variants, and the merges it must refuse."""

from __future__ import annotations

from pathlib import Path

from newsgraph.corpus import Corpus
from newsgraph.corpus.actors import name_keys
from newsgraph.model import Entity, Mention

from .helpers import entity, make_digest


def _actor_ids(corpus: Corpus) -> dict[str, int]:
    return dict(corpus.conn.execute("SELECT name, actor_id FROM mentions"))


def _store(corpus: Corpus, text: str, *ents: tuple) -> None:
    made = tuple(entity(text, f"E{i}", e[0], e[1], **(e[2] if len(e) > 2 else {}))
                 for i, e in enumerate(ents, 1))
    corpus.add([make_digest(text, entities=made)])


def test_name_keys_fold_accents_case_titles_and_possessives() -> None:
    assert name_keys("Andrés Manuel López Obrador", "PERSON").full == "andres manuel lopez obrador"
    assert "lopez obrador" in name_keys("Andrés Manuel López Obrador", "PERSON").variants
    assert name_keys("President Joe Biden", "PERSON").full == "joe biden"
    assert name_keys("Norland's", "GPE").full == "norland"
    assert name_keys("General Motors", "ORG").full == "general motors"  # titles: people only
    assert name_keys("the United Nations", "ORG").full == "united nations"


def test_full_name_and_variant_in_different_articles_are_one_actor(tmp_path: Path) -> None:
    with Corpus(tmp_path / "c.sqlite") as c:
        a = "Mexican President Andrés Manuel López Obrador met the governors on Monday."
        b = "LOPEZ OBRADOR told reporters that the plan would be ready by the summer."
        c2 = "Andres Manuel Lopez Obrador, without accents here, spoke again on Friday."
        _store(c, a, ("Andrés Manuel López Obrador", "PERSON"))
        _store(c, b, ("LOPEZ OBRADOR", "PERSON"))
        _store(c, c2, ("Andres Manuel Lopez Obrador", "PERSON"))
        ids = _actor_ids(c)
        assert len(set(ids.values())) == 1
        profile = c.actor("lopez obrador")
        assert profile is not None and profile.articles == 3
        assert profile.name == "Andrés Manuel López Obrador"


def test_shared_surname_never_merges_people(tmp_path: Path) -> None:
    with Corpus(tmp_path / "c.sqlite") as c:
        _store(c, "John Smith opened the new library in Harnby on Monday morning.",
               ("John Smith", "PERSON"))
        _store(c, "Jane Smith criticised the library budget in parliament on Tuesday.",
               ("Jane Smith", "PERSON"))
        _store(c, "Ana Gomez Lopez Obrador, a teacher, asked for a school in her town.",
               ("Ana Gomez Lopez Obrador", "PERSON"))
        _store(c, "Luis Lopez Obrador, a farmer, said the drought ruined his harvest.",
               ("Luis Lopez Obrador", "PERSON"))
        assert len(set(_actor_ids(c).values())) == 4


def test_type_and_country_must_agree(tmp_path: Path) -> None:
    with Corpus(tmp_path / "c.sqlite") as c:
        _store(c, "Jordan signed the water agreement with its neighbours on Sunday.",
               ("Jordan", "GPE", {"country": "JOR"}))
        _store(c, "Jordan scored twice as the home side won the cup final on Sunday.",
               ("Jordan", "PERSON"))
        _store(c, "Maria Costa of Portugal won the regional cycling race on Sunday.",
               ("Maria Costa", "PERSON", {"country": "PRT"}))
        _store(c, "Maria Costa of Brazil opened a bakery in the old market on Sunday.",
               ("Maria Costa", "PERSON", {"country": "BRA"}))
        _store(c, "Maria Costa, the Portuguese cyclist, retired after the race.",
               ("Maria Costa", "PERSON", {"country": "PRT"}))
        rows = c.conn.execute("SELECT name, type, country, actor_id FROM mentions "
                              "ORDER BY id").fetchall()
        assert rows[0][3] != rows[1][3]  # the country Jordan is not the player Jordan
        assert rows[2][3] != rows[3][3]  # two Maria Costas from two countries
        assert rows[2][3] == rows[4][3]  # ... and the Portuguese one again


def test_single_name_links_through_an_alias_only_when_unambiguous(tmp_path: Path) -> None:
    with Corpus(tmp_path / "c.sqlite") as c:
        t1 = "Tomas Rieder, the prime minister, said Rieder would sign the deal."
        c.add([make_digest(t1, entities=(entity(t1, "E1", "Tomas Rieder",
                                                aliases=("Rieder",)),))])
        _store(c, "Rieder flew to Valdora on Friday to meet the union leaders.",
               ("Rieder", "PERSON"))
        ids = _actor_ids(c)
        assert ids["Rieder"] == ids["Tomas Rieder"]
        t3 = "Anna Rieder, a violinist, said Rieder was her family name by marriage."
        c.add([make_digest(t3, entities=(entity(t3, "E1", "Anna Rieder",
                                                aliases=("Rieder",)),))])
        _store(c, "Rieder gave a concert in the old hall on Saturday evening.",
               ("Rieder", "PERSON"))
        last = c.conn.execute("SELECT actor_id FROM mentions ORDER BY id DESC").fetchone()[0]
        assert last not in {ids["Tomas Rieder"]}
        anna = c.conn.execute("SELECT actor_id FROM mentions WHERE name = 'Anna Rieder'"
                              ).fetchone()[0]
        assert anna != ids["Tomas Rieder"] and last != anna


def test_actors_an_article_never_names_stay_its_own(tmp_path: Path) -> None:
    def described(text: str, eid: str, words: str, etype: str,
                  country: str | None = None) -> Entity:
        m = Mention(words, text.index(words), text.index(words) + len(words), "other")
        return Entity(eid, words, etype, country=country, salience=0.5, mentions=(m,))

    with Corpus(tmp_path / "c.sqlite") as c:
        for text in ("A spokesman said the ferry would sail again on Monday, officials added.",
                     "A spokesman denied the report about the mine, officials in Harnby said."):
            c.add([make_digest(text, entities=(
                described(text, "E1", "A spokesman", "PERSON"),
                described(text, "E2", "officials", "GROUP")))])
        for text in ("Guatemalan prosecutors opened an inquiry into the bridge contract.",
                     "Guatemalan prosecutors closed the inquiry into the airport tender."):
            c.add([make_digest(text, entities=(
                described(text, "E1", "Guatemalan prosecutors", "GROUP", "GTM"),))])
        rows = c.conn.execute("SELECT name, actor_id FROM mentions ORDER BY id").fetchall()
        by_name: dict[str, set[int]] = {}
        for name, actor in rows:
            by_name.setdefault(name, set()).add(actor)
        assert len(by_name["A spokesman"]) == 2  # two articles, two unnamed people
        assert len(by_name["officials"]) == 2
        assert len(by_name["Guatemalan prosecutors"]) == 1  # a group with its country links


def test_an_actor_shows_the_name_its_articles_use_most(tmp_path: Path) -> None:
    with Corpus(tmp_path / "c.sqlite") as c:
        texts = ["Ilse Marten opened the new ferry terminal in Valmora on Monday.",
                 "The mayor, Ilse Marten, said the terminal would cut waiting times.",
                 "Critics mocked Crooked Ilse Marten in a post about the terminal costs.",
                 "Ilse Marten said the costs were within the budget."]
        _store(c, texts[0], ("Ilse Marten", "PERSON"))
        _store(c, texts[1], ("Ilse Marten", "PERSON"))
        _store(c, texts[2], ("Crooked Ilse Marten", "PERSON"))  # longer, used once
        assert len(set(_actor_ids(c).values())) == 1
        profile = c.actor("Ilse Marten")
        assert profile is not None and profile.name == "Ilse Marten"
        c.add([make_digest("Marten visited the harbour.",
                           entities=(entity("Marten visited the harbour.", "E1", "Marten",
                                            "PERSON"),))])
        _store(c, texts[3], ("Ilse Marten", "PERSON"))
        assert c.actor("Ilse Marten").name == "Ilse Marten"


def test_a_country_under_any_name_and_a_group_in_either_number_are_one_actor(
        tmp_path: Path) -> None:
    with Corpus(tmp_path / "c.sqlite") as c:
        _store(c, "The U.S. sent a delegation to the ferry talks on Monday.", ("U.S.", "GPE"))
        _store(c, "The United States said the ferry talks had gone well.",
               ("United States", "GPE"))
        _store(c, "Republicans opposed the harbour budget in a vote on Friday.",
               ("Republicans", "NORP"))
        _store(c, "One Republican voted for the harbour budget after all.",
               ("Republican", "NORP"))
        _store(c, "Georgia signed a trade deal with Armenia on Tuesday.", ("Georgia", "GPE"))
        ids = _actor_ids(c)
        assert ids["U.S."] == ids["United States"]
        assert ids["Republicans"] == ids["Republican"]
        assert len(set(ids.values())) == 3
        assert c.actor("U.S.") is not None and c.actor("Republicans") is not None
