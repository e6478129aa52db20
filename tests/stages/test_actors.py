"""Actors stage: name clustering, pronouns, grounding."""

from itertools import pairwise

import pytest

from newsgraph.pipeline import digest
from tests.conftest import entity_with


def test_surname_joins_full_name_and_pronoun_follows():
    d = digest("Maria Fernandez won the vote on Sunday. Fernandez said she was pleased.")
    entity = entity_with(d, "Maria Fernandez")
    assert entity is not None and entity.type == "PERSON"
    texts = {m.text for m in entity.mentions}
    assert "Fernandez" in texts and "she" in texts


def test_every_mention_is_grounded(seed_digest):
    for entity in seed_digest.entities:
        for m in entity.mentions:
            assert seed_digest.text[m.start:m.end] == m.text


def test_seed_lopez_obrador_cluster(seed_digest):
    entity = entity_with(seed_digest, "Lopez Obrador")
    assert entity is not None and entity.type == "PERSON"
    assert "Andres Manuel Lopez Obrador" in entity.name


def test_surname_before_full_name_still_joins():
    d = digest("Okafor arrived late. Later, Chidi Okafor spoke to reporters in Lagos.")
    entity = entity_with(d, "Chidi Okafor")
    assert entity is not None
    assert "Okafor" in {m.text for m in entity.mentions}


def test_person_title_makes_a_person_everywhere():
    d = digest("President Varenko met farmers on Monday. Varenko promised new roads.")
    entity = entity_with(d, "Varenko")
    assert entity is not None and entity.type == "PERSON"
    assert sum(m.text == "Varenko" for m in entity.mentions) == 2


def test_two_people_sharing_a_surname_stay_apart():
    d = digest("Joe Biden spoke first. Then Hunter Biden answered questions from the press.")
    joe = entity_with(d, "Joe Biden")
    hunter = entity_with(d, "Hunter Biden")
    assert joe is not None and hunter is not None and joe.id != hunter.id


def test_possessive_and_accent_insensitive_match():
    d = digest("José Pérez arrived in Madrid. Later Jose Perez's lawyer said nothing.")
    entity = entity_with(d, "José Pérez")
    assert entity is not None
    assert "Jose Perez" in {m.text for m in entity.mentions}


def test_acronym_joins_its_expansion():
    d = digest("The World Health Organization issued a warning. The WHO said cases rose.")
    entity = entity_with(d, "World Health Organization")
    assert entity is not None
    assert "WHO" in {m.text for m in entity.mentions}


def test_seed_giammattei_is_a_person(seed_digest):
    entity = entity_with(seed_digest, "Giammattei")
    assert entity is not None and entity.type == "PERSON"


def test_appositive_title_marks_a_person():
    d = digest("She met the country's President, Tomas Ardeleanu. Ardeleanu smiled.")
    entity = entity_with(d, "Tomas Ardeleanu")
    assert entity is not None and entity.type == "PERSON"
    assert "Ardeleanu" in {m.text for m in entity.mentions}


def test_seed_lopez_obrador_role_country_titles(seed_digest):
    entity = entity_with(seed_digest, "Lopez Obrador")
    assert entity.role == "President" and entity.country == "MEX"
    texts = {m.text for m in entity.mentions}
    assert {"Obrador", "the Mexican President", "him"} <= texts


def test_seed_giammattei_titles(seed_digest):
    entity = entity_with(seed_digest, "Alejandro Giammattei")
    assert entity.type == "PERSON" and entity.country == "GTM"
    titles = {m.text for m in entity.mentions if m.kind == "title"}
    assert "the Guatemalan President" in titles
    assert any(t.startswith("the Central American country") for t in titles)


def test_seed_harris_vice_president_and_she(seed_digest):
    entity = entity_with(seed_digest, "Kamala Harris")
    texts = {m.text for m in entity.mentions}
    assert "the Vice President" in texts and "She" in texts


def test_seed_guatemalan_prosecutors_group(seed_digest):
    entity = entity_with(seed_digest, "Guatemalan prosecutors")
    assert entity.type == "GROUP" and entity.country == "GTM" and entity.sector == "JUD"


def test_premodifying_title_gives_role_and_country():
    d = digest("Brazilian striker Rafael Duarte scored twice. Duarte was later injured.")
    entity = entity_with(d, "Rafael Duarte")
    assert entity.role == "Striker" and entity.country == "BRA"


def test_description_links_to_role_holder():
    d = digest("Chilean Foreign Minister Ana Vargas flew to Lima on Monday. "
               "The talks were long. The Foreign Minister left early.")
    entity = entity_with(d, "Ana Vargas")
    assert entity is not None and entity.role == "Foreign Minister"
    assert "The Foreign Minister" in {m.text for m in entity.mentions if m.kind == "title"}


def test_nationality_group_is_an_actor():
    d = digest("Russian troops crossed the river before dawn.")
    entity = entity_with(d, "Russian troops")
    assert entity is not None and entity.type == "GROUP"
    assert entity.country == "RUS" and entity.sector == "MIL"


def test_title_mentions_do_not_overlap_names(seed_digest):
    for entity in seed_digest.entities:
        spans = sorted((m.start, m.end) for m in entity.mentions)
        assert all(a[1] <= b[0] for a, b in pairwise(spans))


def test_honorific_form_joins_full_name():
    d = digest("Ms Okonkwo spoke on Tuesday. Adaeze Okonkwo later left the stage.")
    entity = entity_with(d, "Adaeze Okonkwo")
    assert entity is not None
    assert "Okonkwo" in {m.text for m in entity.mentions}
    assert not any(m.text.startswith("Ms") and m.kind == "name" for m in entity.mentions)


def test_appositive_role_with_country_of():
    d = digest("Boris Ivanov, the Foreign Minister of Bulgaria, arrived. Ivanov spoke.")
    entity = entity_with(d, "Boris Ivanov")
    assert entity.role == "Foreign Minister" and entity.country == "BGR"
    assert "the Foreign Minister" in {m.text for m in entity.mentions if m.kind == "title"}


def test_copula_gives_role():
    d = digest("Asha Mehta is the mayor of Pune. Mehta met the governor.")
    entity = entity_with(d, "Asha Mehta")
    assert entity.role == "Mayor" and entity.sector == "GOV"


def test_unresolved_description_is_left_out():
    d = digest("Tomas Lind opened the shop. The senator was not there.")
    entity = entity_with(d, "Tomas Lind")
    assert entity is not None
    assert all(m.kind != "title" for e in d.entities for m in e.mentions)


def test_city_gets_its_country():
    d = digest("Floods hit Nairobi on Friday.")
    entity = entity_with(d, "Nairobi")
    assert entity is not None and entity.country == "KEN"


def test_the_company_links_to_the_organisation():
    d = digest("Brightwave Technologies Inc. cut 200 jobs. The company blamed weak demand.")
    titles = [(e.name, m.text) for e in d.entities for m in e.mentions if m.kind == "title"]
    assert any(text == "The company" and "Brightwave" in name for name, text in titles)


def test_salience_favours_the_most_mentioned():
    d = digest("Lena Ortiz met Paul Grant. Ortiz spoke first, and Ortiz spoke last.")
    ortiz = entity_with(d, "Lena Ortiz")
    grant = entity_with(d, "Paul Grant")
    assert ortiz.salience > grant.salience


def _anchors(monkeypatch, text):
    """The anchors the actors stage hands to coref, by the surface of their first mention."""
    from newsgraph import nlp
    from newsgraph.model import Article
    from newsgraph.stages import Found, actors, coref

    seen = []

    def capture(doc, anchors):
        seen[:] = anchors
        return []

    monkeypatch.setattr(coref, "resolve", capture)
    actors.run(nlp.load()(text), Found(article=Article(text=text)))
    return {text[a.mentions[0][0]:a.mentions[0][1]] if a.mentions else None: a for a in seen}


def test_company_takes_it_and_its():
    d = digest("Acme Holdings said on Monday that it would close two plants. Its shares fell.")
    entity = entity_with(d, "Acme Holdings")
    assert entity.type == "ORG"
    assert {"it", "Its"} <= {m.text for m in entity.mentions if m.kind == "pronoun"}


def test_group_takes_they():
    d = digest("Guatemalan prosecutors said they would appeal the ruling.")
    entity = entity_with(d, "Guatemalan prosecutors")
    assert "they" in {m.text for m in entity.mentions if m.kind == "pronoun"}


def test_honorific_gender_and_she(monkeypatch):
    text = "Ms Lee met Tom Baker in Seoul. She praised the plan."
    d = digest(text)
    assert "She" in {m.text for m in entity_with(d, "Lee").mentions}
    anchors = _anchors(monkeypatch, text)
    assert anchors["Lee"].gender == "f" and anchors["Tom Baker"].gender is None


def test_gendered_role_description_gives_gender(monkeypatch):
    anchors = _anchors(monkeypatch, "Tom Baker met Alex Morgan, the chairwoman of Brightwave, "
                                    "in Leeds.")
    assert anchors["Alex Morgan"].gender == "f"


def test_nationality_adjective_is_no_antecedent(monkeypatch):
    anchors = _anchors(monkeypatch, "The Americans left early. American officials stayed.")
    americans = anchors["Americans"]
    assert americans.plural and len(americans.mentions) == 1
    assert anchors[None].type == "NORP"  # "American" as an adjective: no antecedent span


def test_description_of_nobody_named_keeps_her_pronoun():
    d = digest("The Queen met Boris Johnson at noon. She thanked him.")
    entity = entity_with(d, "Boris Johnson")
    texts = {m.text for m in entity.mentions}
    assert "She" not in texts and "him" in texts


def test_fuller_name_joins_the_one_person_known_by_its_surname():
    from newsgraph.stages import actors
    from newsgraph.stages.clusters import Cluster

    ney = Cluster(("ney",), "PERSON")
    assert actors._fuller(("elisabet", "ney"), [ney]) is ney
    assert ney.words == ("elisabet", "ney")
    twins = [Cluster(("ney",), "PERSON"), Cluster(("ney",), "PERSON")]
    assert actors._fuller(("elisabet", "ney"), twins) is None


def test_the_two_leaders_is_a_mention_of_both():
    d = digest("Joe Biden met Xi Jinping in Bali on Monday. The two leaders agreed to talk again.")
    for name in ("Joe Biden", "Xi Jinping"):
        entity = entity_with(d, name)
        assert "The two leaders" in {m.text for m in entity.mentions if m.kind == "title"}


def test_both_men_with_three_people_named_links_nobody():
    d = digest("Tom Baker met Alan Reed and Omar Haddad. Both men smiled.")
    assert all(m.text != "Both men" for e in d.entities for m in e.mentions)


def test_a_name_and_the_same_name_junior_are_two_people():
    d = digest("Robert Kessler Jr. ran the farm after Robert Kessler retired in 1990.")
    junior = entity_with(d, "Robert Kessler Jr.")
    father = entity_with(d, "Robert Kessler")
    assert junior is not None and father is not None and junior.id != father.id


def test_person_noun_heading_a_name_after_the():
    d = digest("The Emperor Alexius founded a town. Later he rebuilt the walls.")
    entity = next(e for e in d.entities if "Alexius" in e.name)
    assert entity.type == "PERSON" and "he" in {m.text for m in entity.mentions}


def test_town_the_ner_calls_an_organisation_is_a_place_by_the_port_of_cue():
    d = digest("Ferries to the port of Kalvik were cancelled on Monday. Fishermen in Kalvik "
               "said the storm had wrecked dozens of boats.")
    town = entity_with(d, "Kalvik")
    assert town is not None and town.type == "GPE"
    assert len(town.mentions) == 2


def test_town_the_ner_calls_a_person_is_a_place_by_of_and_in_cues():
    d = digest("Ships waited outside the port of Valdora for a week. Talks in Valdora resumed "
               "on Friday.")
    town = entity_with(d, "Valdora")
    assert town is not None and town.type == "GPE"


def test_place_cue_never_turns_a_person_with_evidence():
    d = digest("Anna Kalvik met Jonas Berg on Monday. Kalvik said she would stay in the job.")
    person = entity_with(d, "Anna Kalvik")
    assert person is not None and person.type == "PERSON"
    assert {"Kalvik", "she"} <= {m.text for m in person.mentions}


def test_company_named_after_in_stays_an_organisation():
    d = digest("Investors in Orbix lost money after Orbix shares fell. Orbix said it would cut "
               "jobs.")
    company = entity_with(d, "Orbix")
    assert company is not None and company.type == "ORG"


def test_town_and_a_person_sharing_its_name_stay_apart():
    d = digest("Dock workers in the Norland port of Valdora ended a nine-day strike. Lena "
               "Valdora, a union organiser, said she was relieved.")
    person = entity_with(d, "Lena Valdora")
    assert person is not None and person.type == "PERSON"
    assert "Valdora" not in {m.text for m in person.mentions}
    assert entity_with(d, "Valdora").type == "GPE"


def test_no_mention_runs_across_a_line_break():
    d = digest("Port reopens after deal with Norland government\nDock workers in the Norland "
               "port of Valdora ended a strike on Wednesday. The two leaders\nmet later.")
    workers = entity_with(d, "Dock workers")
    assert workers is not None and workers.type == "GROUP"
    for entity in d.entities:
        for m in entity.mentions:
            assert "\n" not in m.text, m
            assert d.text[m.start:m.end] == m.text


def test_place_with_a_government_is_not_a_gazetteer_town_of_the_same_name():
    # the gazetteer knows a town "Norland" in the United States; a Norland with a Prime
    # Minister and a government is some other (here invented) country
    d = digest("Norland's Prime Minister Ivo Bel said the Norland government would not pay. "
               "Critics in Norland disagreed.")
    country = entity_with(d, "Norland")
    assert country is not None and country.type == "GPE"
    assert country.country != "USA"


def test_a_name_the_ner_runs_into_the_next_line_stops_at_the_break():
    d = digest("The award went to Tamsin Orlowe\nMore than 300 people attended the ceremony in "
               "Leeds.")
    named = entity_with(d, "Tamsin Orlowe")
    assert named is not None and named.name == "Tamsin Orlowe"
    for entity in d.entities:
        assert "\n" not in entity.name
        assert all("\n" not in m.text and d.text[m.start:m.end] == m.text
                   for m in entity.mentions)


def test_first_person_narrator_is_one_person_outside_quotes():
    text = ("I grew up on a farm near the river. My uncle Oswin Tarrow kept bees, and "
            "I said to him, \u201cI will keep them too.\u201d He laughed at me.")
    d = digest(text)
    narrator = entity_with(d, "My")
    assert narrator is not None and narrator.type == "PERSON"
    assert narrator.name == "the author"
    inside = text.index("I will")
    assert {m.text for m in narrator.mentions} == {"I", "My", "me"}
    assert all(m.start != inside for m in narrator.mentions)
    assert all(text[m.start:m.end] == m.text for m in narrator.mentions)
    he = entity_with(d, "He")
    assert he is None or he.id != narrator.id


def test_no_narrator_without_first_person_words():
    d = digest("Lina Osterfeld opened the bakery on Monday. She said the bread sold out.")
    assert all(e.name != "the author" for e in d.entities)


def test_relative_pronoun_speaker_joins_the_noun_before_it_when_parsed_as_adverbial():
    from spacy.tokens import Doc

    from newsgraph import nlp
    from newsgraph.model import Mention
    from newsgraph.stages import descriptions
    from newsgraph.stages.clusters import Cluster

    words = ["Inspectors", "asked", "the", "Harbor", "Board", "which", "reported", "leaks", "."]
    doc = Doc(nlp.load().vocab, words=words, heads=[1, 1, 4, 4, 1, 6, 1, 6, 1],
              deps=["nsubj", "ROOT", "det", "compound", "dobj", "nsubj", "advcl", "dobj",
                    "punct"],
              pos=["NOUN", "VERB", "DET", "PROPN", "PROPN", "PRON", "VERB", "NOUN", "PUNCT"],
              tags=["NNS", "VBD", "DT", "NNP", "NNP", "WDT", "VBD", "NNS", "."])
    board = Cluster(("Harbor", "Board"), "ORG")
    start = doc[3].idx
    board.add(Mention("Harbor Board", start, doc[4].idx + len("Board")), "ORG")
    descriptions._relative_mention(doc[5], [board])
    assert [m.text for m in board.mentions] == ["Harbor Board", "which"]
    assert all(doc.text[m.start:m.end] == m.text for m in board.mentions)


def test_description_of_nobody_named_whose_pronoun_speaks_is_the_speaker():
    text = ("Voters met the candidate in Tulsa on Monday.\n\nThe retired judge is a keen sailor "
            "and has crossed the Atlantic twice. He said the sea was \u201ccalmer than any "
            "courtroom.\u201d")
    d = digest(text)
    (quote,) = [q for q in d.quotes if q.kind == "direct"]
    speaker = next(e for e in d.entities if e.id == quote.speaker)
    assert {m.text for m in speaker.mentions} == {"The retired judge", "He"}


def test_listed_given_name_outweighs_a_stray_possessive_for_gender():
    d = digest("Melanie Brandt cheered for his speech all night. Later she said that the "
               "crowd was loud.")
    melanie = entity_with(d, "Melanie Brandt")
    assert melanie is not None and "she" in {m.text for m in melanie.mentions}


def test_the_word_of_an_organisation_name_refers_back_to_it():
    d = digest("Wages rose after talks with the Harnby Dockers Union. The union pledged to keep "
               "working. Shares of Ostria Bank fell. The bank said profits would recover.")
    union = entity_with(d, "Harnby Dockers Union")
    bank = entity_with(d, "Ostria Bank")
    assert union is not None and "The union" in {m.text for m in union.mentions}
    assert bank is not None and "The bank" in {m.text for m in bank.mentions}
    assert "The union" not in {m.text for m in bank.mentions}


def test_a_standfirst_may_name_the_union_before_its_full_name():
    d = digest("Dockers ended their strike and the union promised calm.\nThe Harnby Dockers "
               "Union signed the deal on Friday.")
    union = entity_with(d, "Harnby Dockers Union")
    assert union is not None and "the union" in {m.text for m in union.mentions}


def test_headline_surname_of_two_people_goes_to_the_first_named():
    # Both people are seeds of the same length: which one a bare headline surname joins must
    # not depend on set iteration order (PYTHONHASHSEED); it is the one named first.
    for text, first, second in (
            ("Harlow wins again\n\nThe council praised Maria Harlow on Monday. Her husband, "
             "Daniel Harlow, was not there.", "Maria Harlow", "Daniel Harlow"),
            ("Brennan speaks out\n\nVoters cheered Susan Brennan in Ohio on Monday, and her "
             "brother Mark Brennan watched.", "Susan Brennan", "Mark Brennan")):
        d = digest(text)
        surname = text.split()[0]
        assert entity_with(d, first) is entity_with(d, surname)
        assert entity_with(d, second) is not entity_with(d, first)


def test_a_name_after_the_and_an_ordinal_is_no_person():
    d = digest("Harbour News\n\nVarga said she thought the 2nd Amendment was misread because "
               "\u201cnobody reads the first half,\u201d she said.")
    assert not any(e.type == "PERSON" and "Amendment" in e.name for e in d.entities)


def test_relative_pronoun_on_an_apposition_is_a_mention_of_the_person_named():
    from spacy.tokens import Doc

    from newsgraph import nlp
    from newsgraph.model import Mention
    from newsgraph.stages import descriptions
    from newsgraph.stages.clusters import Cluster

    words = ["Voters", "like", "Brandvold", ",", "now", "the", "party", "leader", ",", "who",
             "said", "no", "."]
    doc = Doc(nlp.load().vocab, words=words, heads=[1, 1, 1, 2, 7, 7, 7, 2, 7, 10, 7, 10, 1],
              deps=["nsubj", "ROOT", "dobj", "punct", "advmod", "det", "compound", "appos",
                    "punct", "nsubj", "relcl", "dobj", "punct"],
              pos=["NOUN", "VERB", "PROPN", "PUNCT", "ADV", "DET", "NOUN", "NOUN", "PUNCT",
                   "PRON", "VERB", "DET", "PUNCT"],
              tags=["NNS", "VBP", "NNP", ",", "RB", "DT", "NN", "NN", ",", "WP", "VBD", "DT",
                    "."],
              lemmas=["voter", "like", "Brandvold", ",", "now", "the", "party", "leader", ",",
                      "who", "say", "no", "."])
    person = Cluster(("brandvold",), "PERSON")
    person.add(Mention("Brandvold", doc[2].idx, doc[2].idx + len("Brandvold")), "PERSON")
    descriptions._relative_mention(doc[9], [person])
    assert [m.text for m in person.mentions] == ["Brandvold", "who"]


def test_an_article_is_not_part_of_a_name_and_addresses_are_not_names():
    """Spans as spaCy's NER sometimes gives them (set by hand here: the model does so only in
    some contexts)."""
    from spacy.tokens import Span

    from newsgraph import nlp
    from newsgraph.stages.names import names_in

    doc = nlp.load()("An Associated Press journalist saw the fire. Book at "
                     "https://tickets.example.com/show/ or mail office@example.org today.")
    url = next(t for t in doc if t.text.startswith("https"))
    mail = next(t for t in doc if "@" in t.text)
    doc.ents = [Span(doc, 0, 3, "ORG"), Span(doc, url.i, url.i + 1, "PERSON"),
                Span(doc, mail.i, mail.i + 1, "PERSON")]
    found = [doc.text[n.start:n.end] for n, _, _ in names_in(doc)]
    assert "Associated Press" in found
    assert not [f for f in found if f.lower().startswith("an ") or "://" in f or "@" in f]


def test_one_he_or_his_does_not_make_a_person_of_a_name_labelled_otherwise_many_times():
    d = digest("Apple launched a new phone on Monday. Apple sold more phones than last year.\n"
               "Analysts said Apple would keep growing. Apple did not comment. Apple shares "
               "rose.\nBut Apple has had a place in his heart since 1984, the founder said.")
    apple = entity_with(d, "Apple")
    assert apple is not None and apple.type == "ORG"


def test_a_gerund_opening_the_sentence_is_not_part_of_the_name_after_it():
    d = digest("Tim Cook spoke at the summit on Tuesday.\n"
               "Hosting Cook at the summit \"is our dream,\" the organiser said.")
    cook = entity_with(d, "Tim Cook")
    assert cook is not None and "Cook" in {m.text for m in cook.mentions}
    assert not [e.name for e in d.entities if e.name.startswith("Hosting")]
    d = digest("Tom Berlin sang at the festival.\n"
               "Irving Berlin wrote the song in 1911, the festival's notes say.")
    assert entity_with(d, "Irving Berlin") is not None  # "Irving" is no verb form


def test_a_modified_organisation_word_is_one_description_of_the_named_organisation():
    d = digest("Floods cut the railway, according to the state-run Vardan News Agency. The news "
               "agency said 40 villages were cut off. Farmers heard the news on the radio.")
    agency = entity_with(d, "Vardan News Agency")
    assert agency is not None
    assert "The news agency" in {m.text for m in agency.mentions}
    assert "the news" not in {m.text for m in agency.mentions}
    assert all(e.name.lower() != "the news agency" for e in d.entities)


def test_a_modifying_noun_not_in_the_name_describes_another_organisation():
    d = digest("The European Commission fined the carmaker on Monday. The election commission "
               "said the vote would go ahead.")
    commission = entity_with(d, "European Commission")
    assert commission is not None
    assert "The election commission" not in {m.text for m in commission.mentions}


def test_a_definite_description_with_the_same_head_is_the_earlier_one():
    d = digest("A nurse at the clinic told reporters that she had worked all night. “We ran out "
               "of beds,” the nurse said. Later a second nurse arrived. The other nurse "
               "declined to comment.")
    nurse = entity_with(d, "A nurse")
    assert nurse is not None
    assert "the nurse" in {m.text for m in nurse.mentions}
    assert "The other nurse" not in {m.text for m in nurse.mentions}
    speakers = {q.speaker for q in d.quotes if q.cue is not None and q.cue.text in ("told",
                                                                                     "said")}
    assert speakers == {nurse.id}


def test_a_definite_description_with_a_new_modifier_stays_apart():
    d = digest("A teacher told reporters the school was closed. The French teacher said "
               "classes would resume.")
    teacher = entity_with(d, "A teacher")
    assert teacher is not None
    assert "The French teacher" not in {m.text for m in teacher.mentions}


def test_a_name_the_parse_shows_as_a_place_takes_no_he_she():
    for town in ("Tarkalo", "Pampahasi", "Villa Ostra"):
        d = digest(f"Police fired tear gas near the fuel facility in {town} on Tuesday. A doctor "
                   "on the scene told Radio Uno that he tried to save a wounded man.")
        entity = entity_with(d, town)
        assert entity is not None and entity.type != "PERSON", town


def test_a_region_with_an_administrative_ending_is_the_bare_name_and_gets_its_country():
    d = digest("Dust storms swept across north China's Ulan Sogd Autonomous Region on Monday. "
               "Herders in Ulan Sogd said the wells had dried up. Rain fell in western Kenya's "
               "Tolvani Province. Farmers in Tolvani were relieved.")
    region = entity_with(d, "Ulan Sogd Autonomous Region")
    assert region is not None and region.type == "GPE" and region.country == "CHN"
    assert "Ulan Sogd" in {m.text for m in region.mentions}
    province = entity_with(d, "Tolvani Province")
    assert province is not None and province.country == "KEN"
    assert "Tolvani" in {m.text for m in province.mentions}


def test_a_city_and_the_province_named_after_it_stay_apart():
    d = digest("Shelling hit the Kharkiv Oblast overnight. Kharkiv itself was quiet, and "
               "residents of Kharkiv returned to work.")
    region = entity_with(d, "Kharkiv Oblast")
    assert region is None or "Kharkiv" not in {m.text for m in region.mentions}


def test_a_us_state_is_in_the_united_states_not_a_town_abroad_of_its_name():
    d = digest("Wildfires spread across Colorado and Montana on Sunday, and storms hit Florida.")
    for state in ("Colorado", "Montana", "Florida"):
        entity = entity_with(d, state)
        assert entity is not None and entity.country == "USA", state


def test_a_camel_case_name_the_ner_missed_joins_the_actor_it_labelled_elsewhere():
    d = digest("Public companies such as Harlow and McClatchy face the same pressure. "
               "Sacramento-based McClatchy, a chain of 30 newspapers, may be next. McClatchy "
               "reported a loss of $25 million. McClatchy said it would cut jobs.")
    named = [e for e in d.entities if e.name == "McClatchy"]
    assert len(named) == 1
    assert sum(m.text == "McClatchy" for m in named[0].mentions) == 4


def test_an_abbreviated_title_gives_the_role_that_a_later_description_names():
    d = digest("Sen. Mara Quillon told reporters on Thursday that the bill would pass. In June, "
               "the Vermont senator called for a vote. Gen. Tomas Varga inspected the troops. "
               "The general said morale was high.")
    senator = entity_with(d, "Mara Quillon")
    assert senator is not None and senator.role == "Senator"
    assert "the Vermont senator" in {m.text for m in senator.mentions}
    general = entity_with(d, "Tomas Varga")
    assert general is not None and "The general" in {m.text for m in general.mentions}


def test_a_medic_or_a_passenger_who_speaks_is_an_actor():
    d = digest("Troops fired near the grain depot on Friday. A medic at the depot told a radio "
               "station that he treated four wounded men. A passenger said the train stopped.")
    medic = entity_with(d, "A medic")
    passenger = entity_with(d, "A passenger")
    assert medic is not None and medic.type == "PERSON"
    assert passenger is not None and passenger.type == "PERSON"
    assert {q.speaker for q in d.quotes} >= {medic.id, passenger.id}


def test_curly_and_straight_apostrophes_spell_one_name():
    d = digest("Police Commissioner Declan O’Rourke spoke at the scene on Friday. "
               "O'Rourke said the fire started in a basement.")
    entity = entity_with(d, "Declan O’Rourke")
    assert entity is not None and "O'Rourke" in {m.text for m in entity.mentions}


def test_unnamed_actor_is_called_by_a_description_not_a_pronoun():
    d = digest("Farmers in the valley said they would decide the matter for themselves. "
               "They plan to meet again in March.")
    entity = entity_with(d, "Farmers")
    assert entity is not None and entity.name == "Farmers"


def test_unnamed_actor_is_called_by_its_first_of_equal_descriptions():
    d = digest("A nurse at the county hospital said the ward was full on Monday. "
               "The nurse said more beds were coming.")
    entity = entity_with(d, "A nurse")
    assert entity is not None and entity.name == "A nurse"


def test_one_person_label_outvoted_by_the_names_other_labels_makes_no_person():
    d = digest("Mayor says Chelsea blast was deliberate.\n"
               "Nine people were hurt on Sunday in a busy Chelsea street by a blast. At a "
               "briefing in Chelsea, the mayor said the cause was unknown. A second device was "
               "found in Chelsea, police said.")
    entity = entity_with(d, "Chelsea")
    assert entity is not None and entity.type != "PERSON"


def test_a_name_the_parse_shows_as_a_company_takes_no_he_or_she():
    d = digest("The consultant Paul Brandt has long backed the rocket. Brandt's clients include "
               "Northrop, the prime contractor for the booster, although many note he held "
               "similar views before working with Northrop. Northrop is one of the companies "
               "bidding on the program.")
    firm = entity_with(d, "Northrop")
    assert firm is not None and firm.type == "ORG"
    assert "he" not in {m.text for m in firm.mentions}
    d = digest("Lawyer Tom Kessler's clients include Caterpillar, a machinery company, though he "
               "says he has never worked on its cases. Caterpillar declined to comment. He "
               "spoke on Monday.")
    firm = entity_with(d, "Caterpillar")
    assert firm is not None and firm.type == "ORG"
    assert not {"he", "He"} & {m.text for m in firm.mentions}


def test_an_occupation_heading_a_person_name_is_no_part_of_the_name():
    d = digest("Lawyer Tom Kessler said the ruling was wrong. Kessler will appeal on Monday.")
    entity = entity_with(d, "Tom Kessler")
    assert entity is not None and entity.name == "Tom Kessler"
    assert "Kessler" in {m.text for m in entity.mentions}


def test_a_company_with_and_without_its_legal_form_is_one_actor():
    d = digest("Harlow Press Co. filed for bankruptcy on Thursday. Harlow Press said it would "
               "keep printing its papers.")
    entity = entity_with(d, "Harlow Press Co.")
    assert entity is not None and "Harlow Press" in {m.text for m in entity.mentions}
    d = digest("Shares of Veltrano Inc. fell 4% on Friday. Veltrano makes valves for oil "
               "pipelines.")
    entity = entity_with(d, "Veltrano Inc.")
    assert entity is not None and "Veltrano" in {m.text for m in entity.mentions}


def test_a_bare_lower_case_role_before_a_name_and_its_synonym_later_are_one_person():
    d = digest("The board fired chief executive Owen Marsh in May. The CEO said he would sue.")
    entity = entity_with(d, "Owen Marsh")
    assert entity is not None and entity.role == "Chief Executive"
    assert "The CEO" in {m.text for m in entity.mentions}


def test_the_head_of_a_held_role_describes_its_holder_but_not_a_deputy():
    d = digest("The board fired its chief executive, Owen Marsh, in May. The executive said he "
               "would sue.")
    entity = entity_with(d, "Owen Marsh")
    assert entity is not None and "The executive" in {m.text for m in entity.mentions}
    d = digest("Vice President Lena Ortiz met farmers on Monday. The president was in Ohio.")
    entity = entity_with(d, "Lena Ortiz")
    assert entity is not None and "The president" not in {m.text for m in entity.mentions}


def test_a_person_noun_in_apposition_and_its_later_definite_use_name_the_person():
    d = digest("Police arrested Owen Marsh on Friday. The suspect, Owen Marsh, was charged on "
               "Monday. The suspect said he was innocent.")
    entity = entity_with(d, "Owen Marsh")
    assert entity is not None
    assert sum(m.text == "The suspect" for m in entity.mentions) == 2
    assert [e for e in d.entities if e.type == "PERSON"] == [entity]
    d = digest("Lena Ortiz, a witness, saw the crash. The witness said the car was speeding.")
    entity = entity_with(d, "Lena Ortiz")
    assert entity is not None and {"a witness", "The witness"} <= {m.text for m in entity.mentions}


def test_a_location_takes_no_country_from_a_town_of_its_name():
    d = digest("Astronomers pointed the telescope at Jupiter on Tuesday. Jupiter's moons were "
               "bright, the team said.")
    planet = entity_with(d, "Jupiter")
    assert planet is not None and planet.type == "LOC" and planet.country is None


def test_nominee_candidate_and_house_speaker_are_roles():
    d = digest("Republican presidential nominee Dana Whitfield spoke in Ohio on Monday. The "
               "nominee said she would win.")
    entity = entity_with(d, "Dana Whitfield")
    assert entity is not None and entity.role == "Nominee"
    assert "The nominee" in {m.text for m in entity.mentions}
    d = digest("House Speaker Ray Colton and Democratic candidate Ana Ruiz met in Ohio.")
    assert entity_with(d, "Ray Colton").role == "Speaker"
    assert entity_with(d, "Ana Ruiz").role == "Candidate"


def test_role_epithet_joins_the_person_just_named():
    d = digest("Peter Holm won the primary in Ohio. The Republican nominee thanked his staff.")
    entity = entity_with(d, "Peter Holm")
    assert entity is not None
    assert "The Republican nominee" in {m.text for m in entity.mentions}
    assert entity.role == "Nominee"


def test_role_with_an_of_phrase_is_one_description():
    from newsgraph import nlp
    from newsgraph.stages import roles

    doc = nlp.load()("Kate Lyle spoke first. Then the secretary of state arrived in Oslo.")
    assert [(doc.text[d.start:d.end], d.role) for d in roles.descriptions(doc)] == [
        ("the secretary of state", "Secretary of State")]


def test_a_name_shown_to_be_a_company_is_an_organisation():
    # the small NER model labels many company names GPE or PERSON; what only a company has
    # ("X's initial public offering", "X shareholders") shows what it is
    d = digest("Velmora is set to raise $12bn. The city lost out on Velmora's initial public "
               "offering in 2014.")
    assert [e.type for e in d.entities if e.name == "Velmora"] == ["ORG"]
    d = digest("Hong Kong shares fell on Monday, and Tokyo's stock exchange was closed.")
    assert {e.name: e.type for e in d.entities}.get("Hong Kong") == "GPE"


def test_kind_of_company_with_a_nationality_describes_the_company_named_before():
    d = digest("Brennwald sold more trucks in China last year, and Brennwald shareholders "
               "cheered. The German carmaker said demand would stay strong.")
    entity = entity_with(d, "The German carmaker")
    assert entity is not None and entity.name == "Brennwald"
    assert entity.type == "ORG" and entity.country == "DEU"
    d = digest("Acme Corp. reported results. The Chinese ministry said demand was weak.")
    assert entity_with(d, "The Chinese ministry").name != "Acme Corp."


def test_a_name_that_is_all_a_quotation_holds_is_a_title_not_an_actor():
    d = digest("The service streams films from Pixar, including “Mary Poppins” and “Bambi.” "
               "Bob Iger said it was a hit.")
    names = {e.name for e in d.entities}
    assert "Bob Iger" in names and "Pixar" in names
    assert not names & {"Mary Poppins", "Bambi"}


def test_one_distinctive_word_of_a_company_with_a_legal_form_is_that_company():
    d = digest("Walt Disney Co. launched its service. Disney said demand was high, and the "
               "Disney Channel will stream too.")
    company = entity_with(d, "Walt Disney Co.")
    assert company is not None and "Disney" in {m.text for m in company.mentions}


def test_a_list_the_ner_ran_together_is_cut_at_its_comma():
    d = digest("While rivals tried niche services, such as CBS All Access, Disney made an "
               "enormous bet. Acme, Inc. said profits rose.")
    names = {e.name for e in d.entities}
    assert "CBS All Access" in names and "Acme, Inc." in names
    assert all(", D" not in n for n in names)


def test_an_unclosed_quote_mark_costs_its_own_paragraph_only():
    # the second line's mark is never closed: the first-person words of the quote on the
    # fourth line are still inside quotation marks, so no narrator is made of them
    text = ("Customers wanted more, Cook told Benioff, which meant making the \"best system.\n"
            "Benioff agreed.\n"
            "\"I run my business on my phone. I don't need one,\" he told Cook.\n"
            "The two men then left the stage.")
    d = digest(text)
    assert all("I" not in {m.text for m in e.mentions} for e in d.entities)
    q = next(q for q in d.quotes if "my phone" in q.text)
    speaker = next(e for e in d.entities if e.id == q.speaker)
    assert speaker.name == "Benioff"


def test_a_kind_of_company_is_the_organisation_the_story_is_about():
    d = digest("Velmora Inc. was pulled into the enterprise market, its chief said in a chat with "
               "Kestrel founder Ann Holt. After the first Velphones shipped, buyers used them "
               "at work, forcing the consumer computing giant to adapt.")
    giant = entity_with(d, "the consumer computing giant")
    assert giant is not None and giant.name == "Velmora Inc."


def test_a_lone_letter_is_no_name():
    d = digest("“Does anybody know the platform?” Graham asked. “Neither do I.”")
    assert [e.name for e in d.entities] == ["Graham"]


def test_a_lower_case_word_is_no_name_and_a_university_is_its_own_short_name():
    d = digest("Michael Howitt, a biologist at Harvard University, fed the mice. Harvard "
               "said the study was sound, and the cells don’t lie.")
    assert all(not e.name.islower() for e in d.entities)
    uni = entity_with(d, "Harvard University")
    assert uni is not None and "Harvard" in {m.text for m in uni.mentions}


def test_an_office_of_a_named_body_is_an_actor_and_a_camel_case_noun_a_name():
    d = digest("WeWork is reportedly being investigated by the New York State Attorney "
               "General. According to Reuters, WeWork founder Adam Neumann engaged in "
               "self-dealing.")
    office = entity_with(d, "the New York State Attorney General")
    assert office is not None and office.type == "PERSON" and office.role == "Attorney General"
    wework = entity_with(d, "WeWork")
    assert wework is not None and {m.start for m in wework.mentions} >= {0}
    (ev,) = [e for e in d.events if e.trigger.text == "investigated"]
    assert (ev.source, ev.target) == (office.id, wework.id)


def test_a_capitalised_role_word_ending_a_newspapers_name_is_no_role():
    d = digest("The campaign cost the state $449,000, according to the Sioux Falls Argus Leader.")
    assert any("Argus" in e.name for e in d.entities)
    assert all(e.role is None and e.type != "PERSON" for e in d.entities)


def test_the_country_and_the_state_are_the_places_named_before():
    d = digest("Kamala Harris visited Mexico on Tuesday. The country has long been an ally. "
               "South Dakota launched a campaign, and the state's governor defended it. "
               "The country music festival went ahead.")
    mexico, dakota = entity_with(d, "Mexico"), entity_with(d, "South Dakota")
    assert "The country" in {m.text for m in mexico.mentions}
    assert "the state" in {m.text for m in dakota.mentions}
    assert all(m.start < d.text.index("music") - 20 for m in mexico.mentions)  # not "country music"


def test_a_company_role_in_a_listed_title_gives_the_business_sector():
    d = digest("Sales were below our expectations, chairman, CEO and president Craig Menear said "
               "in the earnings release on Tuesday.")
    menear = entity_with(d, "Craig Menear")
    assert (menear.role, menear.sector) == ("Chief Executive", "BUS")
    d = digest("President Joe Biden spoke in Ohio on Monday about jobs.")
    assert (entity_with(d, "Joe Biden").role, entity_with(d, "Joe Biden").sector) == (
        "President", "GOV")


def test_a_deputys_title_is_not_the_office_and_a_dash_is_no_part_of_a_name():
    d = digest("Deputy Attorney General Sally Quillian Yates and civil rights head Vanita Gupta - "
               "though Lynch notes they were appointed - spoke on Monday.")
    roles_of = {e.name: e.role for e in d.entities}
    assert any(r == "Deputy Attorney General" for r in roles_of.values())
    assert "Attorney General" not in roles_of.values()
    assert all(not e.name.endswith(("-", " ")) for e in d.entities)


def test_a_name_written_with_the_is_nobodys_and_a_dateline_is_a_place():
    d = digest("BUFFALO, N.Y. — Sabres captain Jack Eichel skated hard on Tuesday. The Sabres "
               "lost again, and Eichel said the team would recover.")
    types = {e.name: e.type for e in d.entities}
    assert types.get("Sabres") == "ORG" and types.get("Jack Eichel") == "PERSON"
    assert types.get("BUFFALO") == "GPE"
    d = digest("The Trump administration said on Monday that Donald Trump would travel to Ohio. "
               "Trump spoke later.")  # a modifier after "the" is still a person's name
    trump = entity_with(d, "Donald Trump")
    assert trump.type == "PERSON" and [m.text for m in trump.mentions].count("Trump") == 2


def test_a_description_of_another_party_or_a_deputy_is_not_the_role_holder():
    d = digest("The Republican presidential nominee Donald Trump spoke in Michigan. The "
               "Democratic presidential nominee has not been charged. The Republican vice "
               "presidential nominee spoke next. The Republican nominee later said he was "
               "pleased.")
    trump = {m.text for m in entity_with(d, "Donald Trump").mentions}
    assert "The Republican nominee" in trump
    assert not trump & {"The Democratic presidential nominee",
                        "The Republican vice presidential nominee"}


def test_the_state_is_a_state_and_the_city_a_city():
    d = digest("Trump spoke in Phoenix, Arizona on Monday. The city was hot. Later the state "
               "voted early.")
    assert "The city" in {m.text for m in entity_with(d, "Phoenix").mentions}
    assert "the state" in {m.text for m in entity_with(d, "Arizona").mentions}


def test_an_actor_is_shown_by_a_name_written_outside_quotation_marks():
    from newsgraph.model import Mention
    from newsgraph.stages.actors import _display_name

    text = "He wrote: “Crooked Hillary Clinton lied.” Hillary Clinton did not respond."
    quoted_name = Mention("Crooked Hillary Clinton", 11, 34, "name")
    plain = Mention("Hillary Clinton", 42, 57, "name")
    assert text[11:34] == quoted_name.text and text[42:57] == plain.text
    quoted = frozenset(range(11, 40))
    assert _display_name((quoted_name, plain), quoted) == "Hillary Clinton"
    assert _display_name((quoted_name, plain)) == "Crooked Hillary Clinton"  # longest otherwise
    assert _display_name((quoted_name,), quoted) == "Crooked Hillary Clinton"  # only one


def test_a_city_state_is_the_city():
    d = digest("Alibaba listed its shares in New York in 2014. On Tuesday it listed them in "
               "Hong Kong. The city's bourse has been hit by protests.")
    assert "The city" in {m.text for m in entity_with(d, "Hong Kong").mentions}


def test_a_name_in_apposition_to_an_organisation_noun_is_no_person():
    # the NER labels these PERSON ("she" then went to the company); "the group that owns X"
    # and "her record label" describe an organisation
    for text in ("The group that owns most of her songs, Velvet Arrow, says she will be allowed "
                 "to sing them at the awards on Sunday. Velvet Arrow denied wrongdoing.",
                 "Her record label, Big Lantern, says she can sing.  Big Lantern has twice "
                 "denied doing anything wrong."):
        d = digest(text)
        (company,) = [e for e in d.entities if e.name in ("Velvet Arrow", "Big Lantern")]
        assert company.type == "ORG"
        assert "she" not in {m.text for m in company.mentions}


def test_a_person_label_on_a_name_ending_in_an_organisation_word_is_undone():
    from newsgraph import nlp
    from newsgraph.stages import actors
    from newsgraph.stages.names import Name

    doc = nlp.load()("Dick Carver Productions denied it. Frank Church spoke later.")
    spans = [(Name(0, 23, 2, "PERSON", ("dick", "carver", "productions"), None), 0, 3),
             (Name(35, 47, 7, "PERSON", ("frank", "church"), None), 6, 8)]
    actors._relabel_companies(doc, spans)
    assert [n.label for n, _, _ in spans] == ["ORG", "PERSON"]


def test_the_utility_is_the_company_named_before():
    d = digest("Pacific Gas and Electric began another round of power shutoffs on Wednesday. "
               "The utility said it will closely monitor the weather.")
    entity = entity_with(d, "The utility")
    assert entity is not None and entity.name == "Pacific Gas and Electric"


def test_ner_spans_stop_at_a_colon_and_never_open_on_a_possessive():
    d = digest("Google Stadia, Microsoft xCloud, Apple Arcade: So Many Ways to Play and Pay\n"
               "Apple Arcade costs five dollars a month, and Microsoft sells xCloud too.")
    assert not any(":" in m.text for e in d.entities for m in e.mentions)
    d = digest("Esper paid a visit to the city’s Hoa Lo prison, dubbed the Hanoi Hilton, on "
               "Tuesday afternoon.")
    assert not any(m.text.startswith(("’", "'")) for e in d.entities for m in e.mentions)


def test_a_group_phrase_does_not_reach_back_over_a_dateline():
    d = digest("HONOLULU, Hawaii (IslandNewsNow) - NASA scientists working with a big telescope "
               "on Mauna Kea have found signs of water on Europa, a moon of Jupiter.")
    groups = [m.text for e in d.entities if e.type == "GROUP" for m in e.mentions]
    assert groups == ["NASA scientists"]


def test_no_mention_ends_in_space_when_the_ner_took_an_opening_quote_mark():
    d = digest("Protests grew on Monday.\nHong Kong 'threatened with China takeover' as the "
               "crisis deepens in the city.")
    assert all(m.text == m.text.strip() for e in d.entities for m in e.mentions)
    assert "Hong Kong" in {e.name for e in d.entities}


def test_a_capitalised_title_with_no_name_is_a_description_not_an_organisation():
    d = digest("Small lenders are booming. They are focused on their clients’ “money health,” as "
               "one fintech CEO told me, and on cutting the “pain” of fees.")
    ceo = [e for e in d.entities if "CEO" in e.name]
    assert [(e.name, e.type) for e in ceo] == [("one fintech CEO", "PERSON")]
    quotes = [q for q in d.quotes if q.kind == "direct"]
    assert quotes and all(q.speaker == ceo[0].id for q in quotes)


def test_a_bullet_dash_is_not_part_of_a_group():
    d = digest("The service was launched in 2017.\n- Alibaba leaders have denied 'sensational' "
               "claims about the deal.\n- Tencent was also named.")
    assert "Alibaba leaders" in {e.name for e in d.entities if e.type == "GROUP"}


def test_a_name_with_a_list_after_of_and_its_acronym_in_parentheses():
    d = digest("The Ministry of Trade, Industry and Energy (MOTIE) said costs would fall. "
               "MOTIE also said prices would drop.")
    ministry = entity_with(d, "MOTIE")
    assert ministry is not None and ministry.name == "Ministry of Trade, Industry and Energy"
    assert not any("(" in m.text for e in d.entities for m in e.mentions)


def test_a_kind_of_company_is_the_one_just_named_as_a_subject():
    d = digest("Nissan is hoping a redesign of its sedan will pull in buyers. Nissan says the "
               "car will sell well, and Nissan expects more.\nVolkswagen is giving us a glimpse "
               "of the future with an electric wagon. The German automaker says the wagon will "
               "go 300 miles on one charge.")
    automaker = entity_with(d, "The German automaker")
    assert automaker is not None and automaker.name == "Volkswagen"


def test_a_possessive_inside_a_person_span_splits_owner_and_organisation():
    d = digest("NASA picked Jeff Bezos’s Blue Origin and two other firms to bid for the lander "
               "on Monday.")
    types = {e.name: e.type for e in d.entities}
    assert types.get("Jeff Bezos") == "PERSON" and types.get("Blue Origin") == "ORG"
    assert not any("’s" in m.text for e in d.entities for m in e.mentions)


def test_an_honorific_alone_is_no_actor():
    d = digest("Hon. Funke Adedoyin died on Sunday, the Senate said. The Rt. Hon. Femi Gbaja "
               "led tributes, and Hon said the house would adjourn.")
    assert not {"Hon", "Rt", "Hon."} & {e.name for e in d.entities}


def test_a_member_named_by_what_he_uses_or_backs_is_not_that_name():
    # "a White House official" speaks for it; "one Weibo commenter" does not speak for Weibo
    d = digest("Censors moved fast. “Don't hide things like this,” one Weibo commenter said. "
               "“Let’s face whatever it is together.”")
    commenter = entity_with(d, "one Weibo commenter")
    assert commenter is not None and commenter.type == "PERSON"
    assert {q.speaker for q in d.quotes if q.kind == "direct"} == {commenter.id}


def test_a_hyphenated_given_name_and_a_run_of_capitals_before_a_given_name():
    d = digest("Sweden has dropped the case. Director of Public Prosecution Eva-Marie Persson "
               "took the decision on Tuesday, and Ms Persson said the evidence had weakened.")
    names = {e.name for e in d.entities}
    assert "Eva-Marie Persson" in names
    assert not any("Prosecution" in n or n == "Marie Persson" for n in names)


def test_a_headline_run_into_one_name_ends_before_its_verb_and_symbols_are_no_name():
    d = digest("Home Depot Stock Is Falling After Its Earnings Release. Why You Shouldn’t "
               "Worry.\nHome Depot shares fell 5% on Tuesday after the retailer cut its forecast.")
    assert not any(" Is " in m.text or "Falling" in m.text for e in d.entities for m in e.mentions)
    d = digest("Try the ® Honey Bear jam from Acme Foods, which sells idea[s] to cooks in Denver.")
    assert all(m.text[:1].isalnum() for e in d.entities for m in e.mentions)


def test_a_gendered_title_picks_the_person_of_that_gender_among_namesakes():
    d = digest("Samantha Vell made her first solo appearance of the campaign. David Vell was "
               "in Scotland.\n\nMrs Vell told reporters she was proud.\n\nMr Vell argued that "
               "volunteers had worked hard.\n\nMrs Vell added that she was going home.")
    texts = [m.start for m in entity_with(d, "Samantha Vell").mentions]
    starts = [i for i in range(len(d.text)) if d.text.startswith("Mrs Vell", i)]
    assert all(s + 4 in texts for s in starts)  # "Vell" of each "Mrs Vell"
    mr = d.text.index("Mr Vell") + 3
    assert mr in [m.start for m in entity_with(d, "David Vell").mentions]


def test_a_gendered_title_with_no_namesake_of_that_gender_is_someone_else():
    d = digest("David Vell was in Scotland on Monday.\n\nMrs Vell told reporters she was proud.")
    mrs = d.text.index("Mrs Vell") + 4
    assert mrs not in [m.start for m in entity_with(d, "David Vell").mentions]


def test_a_capitalised_word_the_ner_left_before_a_party_belongs_to_its_name():
    d = digest("The Liberal Democrats have admitted they are on course to lose 20 seats.")
    entity = entity_with(d, "Liberal Democrats")
    assert entity is not None and entity.type == "ORG"
    assert entity_with(d, "Liberal") is None


def test_a_listed_given_name_keeps_her_from_a_man():
    d = digest("Josh Sweet broke into the flat last year.\n\nIn a statement she said she had "
               "been petrified.")
    assert "she" not in {m.text for m in entity_with(d, "Josh Sweet").mentions}


def test_a_verb_the_ner_ran_into_a_name_is_cut_off():
    d = digest("\u201cAll it took was one bad infection,\u201d Teresa Nielsen Hayden explained.")
    assert entity_with(d, "Teresa Nielsen Hayden") is not None
    assert not any(m.text.endswith("explained") for e in d.entities for m in e.mentions)


def test_a_title_before_a_name_the_ner_calls_an_organisation_is_not_part_of_it():
    d = digest("\u201cHe knew they were innocents,\u201d Assistant U.S. Attorney Nadine "
               "Pellegrini said.")
    assert not any(m.text.startswith("Attorney") for e in d.entities for m in e.mentions)


def test_a_club_name_the_ner_calls_a_person_is_an_organisation():
    d = digest("Jose Mourinho has agreed a deal to manage Tottenham.\nThe Portuguese boss had "
               "been out of work since being sacked by Manchester United in December 2018.\n"
               "The 56-year-old said after his appointment: \u201cI am excited.\u201d\n"
               "He returned to England to manage Manchester United in 2016.")
    assert entity_with(d, "Manchester United").type == "ORG"
    q = d.quotes[0]
    assert next(e.name for e in d.entities if e.id == q.speaker) == "Jose Mourinho"


def test_the_pm_is_the_prime_minister_and_7_pm_is_nobody():
    d = digest("David Cameron, the Prime Minister, visited the school.\n\nThe PM said: "
               "\u2018We often went into hospital.\u2019\n\nThe meeting starts at 7 pm.")
    assert "The PM" in {m.text for m in entity_with(d, "David Cameron").mentions}
    assert not any(m.text.lower().endswith(" pm") and m.text != "The PM"
                   for e in d.entities for m in e.mentions)


def test_a_kind_of_company_never_describes_a_company_of_another_kind():
    d = digest("Dubai's flagship carrier Emirates Airline ordered 30 Boeing jets on Wednesday. "
               "It also cancelled an order of A330neo jets from Airbus.\n\nIts cutback on "
               "orders of the jumbo jet led the French manufacturer to scrap its production.")
    airline = entity_with(d, "Emirates Airline")
    assert "the French manufacturer" not in {m.text for m in airline.mentions}
    assert airline.country != "FRA"


def test_a_full_stop_the_tokenizer_left_on_a_name_is_not_part_of_it():
    d = digest("Officials picked two firms, Tesla and SpaceX.\nSpaceX said it was pleased.")
    assert all(not m.text.endswith("SpaceX.") for e in d.entities for m in e.mentions)


def test_a_currency_before_an_amount_is_nobody_but_an_acronym_stays():
    d = digest("He paid Rs 25 lakh to an agent. He said he sold his land.\n\nThe BBC 4 "
               "programme aired.")
    assert entity_with(d, "Rs") is None
    assert entity_with(d, "BBC") is not None


def test_a_title_before_an_organisation_word_is_part_of_a_name():
    d = digest("Mourinho won three Premier League titles with Chelsea.\n\nPremier Li Keqiang "
               "visited Berlin.")
    league = entity_with(d, "Premier League")
    assert league is not None and league.type == "ORG"
    assert entity_with(d, "Li Keqiang").type == "PERSON"


def test_an_organisation_keeps_its_possessive_and_a_hyphenated_given_name_stays_whole():
    d = digest("McDonald's Corp said profits rose.\n\nBeijing's People's Daily warned that "
               "there is no room for compromise.\n\nCheuk Hau-yip, the district commander, "
               "said the rioters were criminals.")
    names = {m.text for e in d.entities for m in e.mentions}
    assert {"McDonald's Corp", "People's Daily", "Cheuk Hau-yip"} <= names
    assert not names & {"Corp", "Daily", "yip"}


def test_a_name_cut_at_its_particles_is_one_person():
    d = digest("Ruud Gullit and Rafael van der Vaart agreed with Ursula von der Leyen on Monday. "
               "Manchester United boss Erik ten Hag was furious. Von der Leyen said no.")
    for name in ("Rafael van der Vaart", "Ursula von der Leyen", "Erik ten Hag"):
        entity = entity_with(d, name)
        assert entity is not None and entity.type == "PERSON" and entity.name == name
    assert "Von der Leyen" in {m.text for m in entity_with(d, "Ursula von der Leyen").mentions}
    assert not any(e.name in ("Ursula", "Leyen", "Vaart", "Erik") for e in d.entities)


def test_a_former_office_holder_is_not_the_holder_of_a_narrower_office():
    d = digest("Speaking to the BBC, the former minister added: 'I have no regrets.'\n\n"
               "'This is a historic day,' Prime Minister Rishi Sunak said.")
    sunak = entity_with(d, "Rishi Sunak")
    assert "the former minister" not in {m.text for m in sunak.mentions}
    d = digest("Former President Barack Obama spoke in Chicago. The former president said "
               "the vote mattered.")
    assert "The former president" in {m.text for m in entity_with(d, "Barack Obama").mentions}


def test_someone_new_brought_in_by_an_indefinite_phrase_keeps_the_pronouns_after_it():
    d = digest('"It is a mess," Boris Johnson told the Daily Mail.\n\n'
               "Police said a man, 34, was arrested at his home.\n\n"
               "Nadia Kovac, a witness, called the police. A woman was also injured. She was "
               "taken to hospital.")
    johnson, kovac = entity_with(d, "Boris Johnson"), entity_with(d, "Nadia Kovac")
    assert "his" not in {m.text for m in johnson.mentions}
    assert "She" not in {m.text for m in kovac.mentions}


def test_an_organisation_named_again_by_its_head_word_is_one_actor():
    d = digest("The Ministry of Defence said on Monday it would buy drones. The Ministry "
               "declined to give the price. The European Commission and the Federal Trade "
               "Commission met. The Commission said nothing. The White House and the House "
               "disagreed.")
    assert "Ministry" in {m.text for m in entity_with(d, "Ministry of Defence").mentions}
    # two commissions: "the Commission" could be either
    assert "Commission" not in {m.text for m in entity_with(d, "European Commission").mentions}
    assert "House" not in {m.text for m in entity_with(d, "White House").mentions}


def test_a_capital_acting_for_its_government_is_a_place_not_a_person():
    d = digest("He said Kyiv would not seek to flood the Polish market. Russia accused Poland "
               "of sending weapons to Kyiv.")
    kyiv = entity_with(d, "Kyiv")
    assert kyiv.type == "GPE" and kyiv.country == "UKR"
    d = digest("Denzel Washington won an award. Washington said he was grateful.")
    assert entity_with(d, "Washington") is entity_with(d, "Denzel Washington")


def test_a_gerund_opening_a_quotation_is_no_part_of_the_name_after_it():
    d = digest('SAN FRANCISCO — A former engineer was charged on Thursday with passing designs '
               'to a Chinese rival, federal prosecutors said.\n\n"Protecting American '
               'innovation is one of our highest priorities," U.S. Attorney Ismail Ramsey said '
               'in a statement. "We will hold accountable anyone who steals from American '
               'companies."')
    assert not any("Protecting" in m.text for e in d.entities for m in e.mentions)


def test_a_name_continued_by_a_capitalised_particle_is_one_person():
    d = digest("Qatari Foreign Minister Mohammed bin Abdulrahman Al Thani called the strikes a "
               "dangerous escalation. Al Thani said Doha would continue.")
    sheikh = entity_with(d, "Mohammed bin Abdulrahman Al Thani")
    assert sheikh is not None and "Al Thani" in {m.text for m in sheikh.mentions}


def test_the_office_in_a_title_is_no_organisation():
    d = digest("U.S. Secretary of State Antony Blinken is expected to travel to Cairo.")
    assert entity_with(d, "Antony Blinken").role == "Secretary of State"
    assert entity_with(d, "State") is None


NVIDIA = ("Nvidia Corp reported record quarterly revenue on Wednesday, beating Wall Street "
          "forecasts as demand for its artificial intelligence chips continued to surge.\n\n"
          "Revenue rose 94% to $35.1 billion in the third quarter, the Santa Clara, "
          "California-based company said. Analysts polled by LSEG had expected $33.2 billion."
          "\n\n\"The age of AI is in full steam,\" Chief Executive Jensen Huang said in a "
          "statement. Huang told analysts on a conference call that demand for the company's "
          "new Blackwell chips was \"off the charts.\"\n\nShares of Nvidia rose 4% in extended "
          "trading, making Nvidia the world's most valuable company.\n\n\"Nvidia is in a league "
          "of its own right now,\" said Kim Forrest, chief investment officer at Bokeh Capital "
          "Partners.")


def test_a_company_story_keeps_its_company_places_and_titles_straight():
    d = digest(NVIDIA)
    nvidia = entity_with(d, "Nvidia Corp")
    assert nvidia.type == "ORG"  # the NER calls the bare "Nvidia" a place more often
    assert "the company" in {m.text for m in nvidia.mentions}  # the story's company
    assert entity_with(d, "LSEG").type == "ORG"  # an acronym with no person evidence
    assert entity_with(d, "AI") is None  # no place anyone knows
    assert entity_with(d, "Santa Clara").country == "USA"  # the text's state over Cuba's
    forrest = entity_with(d, "Kim Forrest")
    assert (forrest.role, forrest.sector) == ("Chief Investment Officer", "BUS")


def test_an_acronym_is_no_town_and_common_country_acronyms_are_known():
    from newsgraph.stages import roles

    assert roles.place_country("UN") is None  # not the town of Un in India
    assert roles.place_country("UAE") == "ARE" and roles.place_country("DRC") == "COD"
    assert roles.place_country("US") == "USA"


def test_a_named_police_force_is_no_person():
    d = digest("Officer John Doe of the Chicago Police arrested him. The Chicago Police said the "
               "man was armed.")
    police = [e for e in d.entities if "Chicago Police" in e.name]
    assert len(police) == 1 and police[0].type != "PERSON"
    assert "him" not in {m.text for e in d.entities for m in e.mentions}


def test_a_headline_run_into_the_first_paragraph_leaves_the_name_after_the_break():
    d = digest("Salah double sends Liverpool top as Arsenal slip at Villa\n\nMohamed Salah scored "
               "twice as Liverpool beat Brighton 3-1 at Anfield on Saturday.")
    salah = entity_with(d, "Mohamed Salah")
    assert salah is not None and salah.type == "PERSON"


def test_a_short_name_keeps_no_full_stop_the_text_writes_it_without():
    d = digest('"We were brilliant today," Liverpool manager Arne Slot said. "Mo is Mo. He makes '
               'the difference."')
    assert entity_with(d, "Arne Slot").role == "Manager"
    assert not any(m.text == "Mo." for e in d.entities for m in e.mentions)
    d = digest("He lives in Springfield, Mo.")
    assert entity_with(d, "Mo.") is not None  # Missouri


def test_names_playing_a_match_with_a_score_are_teams():
    d = digest("Mohamed Salah scored twice as Liverpool beat Brighton 3-1 at Anfield on Saturday. "
               "Arsenal lost 2-1 to Everton.")
    for club in ("Liverpool", "Brighton", "Everton"):
        assert entity_with(d, club).type == "ORG"
    anfield = entity_with(d, "Anfield")  # the ground, no team
    assert anfield is None or anfield.type != "ORG"


def test_an_organisation_said_short_by_its_last_word_is_one_actor():
    d = digest("Manchester City boss Pep Guardiola says his first season has not been good enough."
               "\n\nCity are fourth in the league following defeat at Chelsea on Wednesday.")
    city = entity_with(d, "Manchester City")
    assert "City" in {m.text for m in city.mentions} and city.type != "PERSON"


def test_a_small_capital_named_like_a_person_is_no_place():
    from newsgraph.stages import roles

    assert not roles.capital("Stanley") and roles.capital("Kyiv")


def test_letters_after_a_name_are_no_organisation_and_the_name_speaks():
    d = digest('Sentencing him, Judge Guy Kearl KC said: "You carried a knife that night." '
               "John Smith QC agreed.")
    judge = entity_with(d, "Guy Kearl")
    assert judge.role == "Judge" and d.quotes[0].speaker == judge.id
    assert entity_with(d, "KC") is None and entity_with(d, "John Smith") is not None


def test_police_titles_and_forces():
    d = digest("Detective Inspector Sarah Cole, of West Yorkshire Police, said she hoped the "
               "sentence would help. Chief Constable John Roe agreed.")
    assert entity_with(d, "Sarah Cole").role == "Detective Inspector"
    assert entity_with(d, "John Roe").role == "Chief Constable"
    assert entity_with(d, "West Yorkshire Police").type == "ORG"


def test_a_title_opening_a_sentence_is_no_name():
    d = digest("The White House praised the vote. Press secretary Karine Jean-Pierre said the "
               "president would sign it. Senate Majority Leader Chuck Schumer agreed.")
    assert entity_with(d, "Press") is None
    assert entity_with(d, "Karine Jean-Pierre").role == "Press Secretary"
    assert entity_with(d, "Chuck Schumer").role == "Majority Leader"



def test_a_place_name_whose_manager_or_players_are_named_is_a_club():
    d = digest("Manchester City boss Pep Guardiola says his first season has not been good "
               "enough. Ohio Governor Mike DeWine and England manager Gareth Southgate agreed.")
    assert entity_with(d, "Manchester City").type == "ORG"
    assert entity_with(d, "Ohio").type == "GPE"  # a governor is a state's
    assert entity_with(d, "England").type == "GPE"  # a country stays one


def test_an_organisation_word_after_a_title_word_is_no_person():
    d = digest("City are fourth in the Premier League. Guardiola said the Premier League [title] "
               "was lost. Winning the League again will be hard, he said.")
    league = entity_with(d, "Premier League")
    assert league.type != "PERSON"


def test_a_headline_title_is_the_one_person_holding_it():
    d = digest("Governor vows to sign water bill\n\nGovernor Elena Park signed the bill on Monday. "
               "\"This is a good day,\" she said.")
    park = next(e for e in d.entities if e.name == "Elena Park")
    assert [m.text for m in park.mentions][:2] == ["Governor", "Elena Park"]
    assert not any(e.name == "Governor" for e in d.entities)
    # two governors: the headline's title is neither's
    d = digest("Governor vows to sign water bill\n\nGovernor Elena Park and Governor Sam "
               "Ortiz met on Monday. Park signed the bill.")
    assert not any(m.text == "Governor" and m.start == 0
                   for e in d.entities if e.name in ("Elena Park", "Sam Ortiz")
                   for m in e.mentions)


def test_a_definite_description_joins_an_earlier_one_that_a_relative_clause_follows():
    d = digest("A senior police officer, who asked not to be named, was frank. \"We were not "
               "ready,\" the officer said.")
    officer = entity_with(d, "A senior police officer")
    assert officer is not None and "the officer" in {m.text for m in officer.mentions}
    assert [q.speaker for q in d.quotes if q.kind == "direct"] == [officer.id]


def test_representatives_and_economists_have_roles():
    d = digest("Rep. Tom Alvarez of Ohio met Dana Wu, an economist at Yale, on Monday.")
    roles = {e.name: e.role for e in d.entities if e.type == "PERSON"}
    assert roles == {"Tom Alvarez": "Representative", "Dana Wu": "Economist"}


def test_a_dateline_place_of_two_capitalised_words_is_one_place():
    d = digest("Floods force thousands from homes\n\nPORTO VELHO, Brazil (AP) — Heavy rain "
               "swept the city on Saturday, officials said.")
    place = entity_with(d, "PORTO VELHO")
    assert place is not None and place.type == "GPE"
    assert entity_with(d, "VELHO") is None


def test_a_listed_given_name_before_a_place_name_makes_a_person():
    d = digest("\"The water came up so fast,\" said Ana Lima, 58, a teacher.")
    lima = entity_with(d, "Ana Lima")
    assert lima is not None and lima.type == "PERSON"
    assert [q.speaker for q in d.quotes] == [lima.id]
    d = digest("Officials in Georgia Lima and Ohio met on Monday.")
    assert entity_with(d, "Georgia Lima") is None


def test_a_word_inside_one_persons_long_name_is_that_person():
    d = digest("President Luiz Inacio Lula da Silva spoke on Monday. Lula said the budget was "
               "sound.")
    lula = entity_with(d, "Luiz Inacio Lula da Silva")
    assert lula is not None and "Lula" in {m.text for m in lula.mentions}
    # a word that is also another person's surname names neither
    d = digest("Maria Ines Costa met Paulo Ines on Monday. Ines said the talks went well.")
    costa = entity_with(d, "Maria Ines Costa")
    assert costa is not None and not any(m.text == "Ines" for m in costa.mentions)



def test_a_kind_of_company_before_a_name_in_a_headline_is_no_part_of_it():
    d = digest("Retailer Brenlow to shut 40 stores\n\nBrenlow Group said on Monday it would "
               "shut stores.")
    brenlow = entity_with(d, "Brenlow Group")
    assert brenlow is not None and "Brenlow" in {m.text for m in brenlow.mentions}
    assert [e.name for e in d.entities] == ["Brenlow Group"]


def test_state_media_and_a_military_speak_as_organisations_of_their_country():
    d = digest("Norland's state media denounced the drills. Vesterland's military said the "
               "drills were routine.")
    media = entity_with(d, "Norland's state media")
    military = entity_with(d, "Vesterland's military")
    assert media is not None and military is not None
    assert {q.speaker for q in d.quotes} >= {media.id, military.id}


def test_a_capital_is_no_region():
    d = digest("China urged restraint. A spokesman said Beijing opposed confrontation in the "
               "region.")
    beijing = entity_with(d, "Beijing")
    assert beijing is not None and "the region" not in {m.text for m in beijing.mentions}
    d = digest("Fighting continued in Mosul on Monday. Officials said the region had no power.")
    mosul = entity_with(d, "Mosul")
    assert mosul is not None and "the region" in {m.text for m in mosul.mentions}


def test_a_name_with_a_particle_is_a_person_and_its_particle_opens_its_short_form():
    d = digest("The team, led by Pablo del Valle Soto of the University of Leeds, tracked "
               "adults. \"The more steps, the better,\" del Valle Soto said.")
    vega = entity_with(d, "Pablo del Valle Soto")
    assert vega is not None and vega.type == "PERSON"
    assert "del Valle Soto" in {m.text for m in vega.mentions}
    assert [q.speaker for q in d.quotes if q.kind == "direct"] == [vega.id]


def test_a_person_noun_before_a_name_makes_a_person():
    d = digest("Welsh swimmer Georgia Davies booked her place in the final. \"The depth here is "
               "incredible,\" she told reporters.")
    davies = entity_with(d, "Georgia Davies")
    assert davies is not None and davies.type == "PERSON"
    assert [q.speaker for q in d.quotes if q.kind == "direct"] == [davies.id]


def test_roles_from_a_possessive_appositive_and_an_appositive_title_after_a_name():
    d = digest("Norvik's chief executive, Dana Holm, spoke first. \"It is a rounding error,\" "
               "tweeted Ursula Pachl, deputy director general of the Consumer Council.")
    roles = {e.name: (e.type, e.role) for e in d.entities if e.name in ("Dana Holm",
                                                                         "Ursula Pachl")}
    assert roles == {"Dana Holm": ("PERSON", "Chief Executive"),
                     "Ursula Pachl": ("PERSON", "Director General")}


def test_a_headline_common_noun_for_someone_is_no_organisation_name():
    d = digest("Driver says brakes failed before crash\n\nThe driver told police the brakes "
               "failed.")
    driver = entity_with(d, "Driver")
    assert driver is not None and driver.type == "PERSON"
    assert "The driver" in {m.text for m in driver.mentions}


def test_a_name_after_a_person_and_of_is_where_they_live():
    d = digest("The suspect, Jordan Pryce of Harehills, was arrested on Sunday. He is due in "
               "court on Tuesday.")
    pryce = entity_with(d, "Jordan Pryce")
    place = entity_with(d, "Harehills")
    assert place is not None and place.type == "GPE"
    assert pryce is not None and "He" in {m.text for m in pryce.mentions}


def test_a_countrys_army_is_one_organisation_and_the_army_is_it():
    d = digest("Norland's army and the rebel Freedom Front agreed to a truce.\n\nThe Freedom "
               "Front accused the army of shelling a market. The army denied it. Norland's army "
               "said its forces held the airport.")
    army = entity_with(d, "Norland's army")
    front = entity_with(d, "Freedom Front")
    assert army is not None and army.type == "ORG"
    assert {"the army", "The army"} <= {m.text for m in army.mentions}
    assert front is not None and not any("army" in m.text for m in front.mentions)
    assert sum(e.name == "Norland's army" for e in d.entities) == 1


def test_no_mention_is_in_two_actors_when_an_appositive_says_who_someone_is():
    d = digest("She shared her letter on the sentencing of Paul R. Denton, a man convicted of "
               "threatening her life. He was sentenced to a year in prison.")
    spans = [(m.start, m.end) for e in d.entities for m in e.mentions]
    assert len(spans) == len(set(spans))
    denton = entity_with(d, "Paul R. Denton")
    assert denton is not None and "a man" in {m.text for m in denton.mentions}


def test_two_people_described_together_only_when_definite_same_and_agreeing():
    d = digest("Officer Dale Brenn shot Walter Kemp on Saturday. Above, two men pray at the "
               "memorial.")
    assert not any(m.text == "two men" for e in d.entities if e.name in ("Dale Brenn",
                                                                         "Walter Kemp")
                   for m in e.mentions)
    d = digest("Hillary Clinton met Barack Obama in Iowa. Later the two women stopped for lunch.")
    assert not any(m.text == "the two women" for e in d.entities for m in e.mentions
                   if e.name == "Barack Obama")
    d = digest("Hillary Clinton met Barack Obama in Iowa. Later the two leaders stopped for "
               "lunch.")
    both = [e.name for e in d.entities if any(m.text == "the two leaders" for m in e.mentions)]
    assert sorted(both) == ["Barack Obama", "Hillary Clinton"]


def test_the_son_of_someone_is_not_that_someone():
    d = digest("Waleed Khan, 21 – the son of councillor Tariq Khan – is said to be in Syria.")
    tariq = entity_with(d, "Tariq Khan")
    assert tariq is not None and "the son" not in {m.text for m in tariq.mentions}


@pytest.mark.parametrize(("text", "name", "pronoun"), [
    # "their" in a clause about plain plural people ("adults ... who wore")
    ("Researchers at Oxford University followed 900 adults in Wales who wore monitors on their "
     "wrists.", "Oxford University", "their"),
    # "them" after a plain plural noun ("users")
    ("The Trade Commission said the firm had shared the data of young users and had not "
     "explained its practices to them.", "Trade Commission", "them"),
    # an appositive daughter is no "he"
    ("The singer celebrated when his wife gave birth to a baby daughter, Mila. \"I need to get "
     "used to being a father,\" he said.", "Mila", "he"),
])
def test_a_pronoun_is_no_mention_of_an_actor_it_cannot_mean(text, name, pronoun):
    actor = entity_with(digest(text), name)
    assert actor is not None and pronoun not in {m.text for m in actor.mentions}


def test_a_role_noun_right_before_a_name_is_its_title_not_another_person():
    d = digest("GOP presidential candidate Kelda Morrow strode onstage, smiling. Morrow spoke "
               "about her work at the bank.")
    person = entity_with(d, "Kelda Morrow")
    assert person is not None and person.type == "PERSON"
    assert "her" in {m.text for m in person.mentions}
    assert not any("candidate" in m.text for e in d.entities for m in e.mentions)


def test_a_spokesman_may_be_a_woman():
    d = digest("The campaign invited LeMaire. Campaign spokesman Hope Darrow confirmed that the "
               "group was independent. \"They are not affiliated with us,\" she said.")
    person = entity_with(d, "Hope Darrow")
    assert person is not None and "she" in {m.text for m in person.mentions}


@pytest.mark.parametrize(("text", "name", "epithet"), [
    ("Dana Whitmore hired a new adviser on Monday. In a statement, the real estate mogul "
     "announced that the campaign would change course.", "Dana Whitmore", "the real estate mogul"),
    ("Maria Lopez founded the firm in 1990. The billionaire said on Monday that she would "
     "step down.", "Maria Lopez", "The billionaire"),
])
def test_a_status_epithet_after_a_name_is_that_person(text, name, epithet):
    d = digest(text)
    person = entity_with(d, name)
    assert person is not None and epithet in {m.text for m in person.mentions}


def test_an_actor_named_after_a_quoted_title_has_no_stray_quote_mark():
    d = digest("Lee and other leaders penned a series of excoriating \"Dear Walter\" letters "
               "that called him an \"amateur and dreamer,\" out of touch.")
    for e in d.entities:
        assert e.name.count('"') % 2 == 0, e.name


def test_the_court_of_a_game_is_no_organisation_but_a_named_court_still_is():
    game = digest("The Harbour City Gulls beat the Riverton Owls 101-96 on Sunday. Owls guard "
                  "Tim Vale left the court in the third quarter with a sprained ankle.")
    assert not [e.name for e in game.entities if "the court" in {m.text for m in e.mentions}]
    law = digest("The Supreme Court heard the appeal of the Riverton Owls on Monday. The court "
                 "will rule in May.")
    assert [e.name for e in law.entities if "The court" in {m.text for m in e.mentions}] == [
        "Supreme Court"]


def test_a_platform_the_ner_calls_a_person_or_place_is_an_organisation():
    d = digest("The singer accused her former label of blocking a Netflix documentary about "
               "her life. Critics mocked the slogan on Twitter, and one user wrote that the "
               "state should try again.")
    assert {e.name: e.type for e in d.entities if e.name in ("Netflix", "Twitter")} == {
        "Netflix": "ORG", "Twitter": "ORG"}


def test_the_country_of_a_post_run_into_its_holders_name_is_split_off():
    d = digest("Former special envoy to Ukraine Kurt Volker testified on Tuesday.")
    assert {(e.name, e.type) for e in d.entities} >= {("Ukraine", "GPE"),
                                                      ("Kurt Volker", "PERSON")}
    assert not any("Ukraine Kurt" in e.name for e in d.entities)


def test_names_inside_a_title_in_marks_are_no_actors():
    d = digest("Ten years ago the “Melvin and Howard” star woke up after surgery. The band "
               "played “China Grove” and “Black Water” before midnight.")
    assert not {"Melvin", "Howard", "China"} & {e.name for e in d.entities}
    opened = digest("Ruiz landed a key role in “War & Peace” after a singing contest.")
    assert not [e.name for e in opened.entities if "Peace" in e.name]


def test_a_person_with_evidence_stays_a_person_when_written_once_with_the():
    from spacy.tokens import Span

    from newsgraph import nlp
    from newsgraph.model import Article
    from newsgraph.stages import Found, actors

    text = ("Award-winning actress Ada Marlowe composed the tune. The producers were floored by "
            "“the Ada Marlowe of it all.” In the end, Marlowe had spent decades composing. "
            "Marlowe said the song came quickly. Marlowe now writes every day.")
    doc = nlp.load()(text)

    def span(surface: str, label: str, after: int = 0) -> Span:
        start = text.index(surface, after)
        return doc.char_span(start, start + len(surface), label=label)

    # the labels the NER gave such a text: the name a person, its "the" form and the bare
    # surname an organisation
    doc.ents = [span("Ada Marlowe", "PERSON"), span("the Ada Marlowe", "ORG"),
                *(span("Marlowe", "ORG", at) for at in (
                    text.index("In the end"), text.index("said") - 9, text.index("now") - 9))]
    entities = actors.run(doc, Found(article=Article(text=text)))
    people = [e for e in entities if "Marlowe" in e.name]
    assert [(e.name, e.type) for e in people] == [("Ada Marlowe", "PERSON")]
    assert {m.text for m in people[0].mentions} >= {"Ada Marlowe", "Marlowe"}


def test_an_acronym_with_an_ampersand_and_no_legal_form_is_the_company():
    d = digest("Harbour Gas & Power Co. began shutting off power on Wednesday. HG&P said the "
               "outage would last two days.")
    company = entity_with(d, "HG&P")
    assert "Harbour Gas & Power Co." in {m.text for m in company.mentions}


def test_a_place_and_a_newspaper_word_name_a_newspaper_not_a_person():
    d = digest("Fresno-based Harlan, a chain of 30 newspapers including the Fresno Bee, Miami "
               "Herald and Kansas City Star, may be in trouble. Emily Post wrote about manners.")
    assert {e.name: e.type for e in d.entities if e.name in (
        "Miami Herald", "Kansas City Star", "Emily Post")} == {
        "Miami Herald": "ORG", "Kansas City Star": "ORG", "Emily Post": "PERSON"}


def test_a_known_agency_has_its_sector_so_descriptions_go_to_the_right_body():
    d = digest("NASA picked SpaceX and Harbour Robotics to build lunar landers. The company "
               "will fly its first lander in 2026, and the agency will pay $2 billion.")
    nasa = next(e for e in d.entities if e.name == "NASA")
    assert (nasa.sector, nasa.country) == ("GOV", "USA")
    assert "the agency" in {m.text for m in nasa.mentions}
    assert "The company" not in {m.text for m in nasa.mentions}


def test_a_name_that_only_names_a_place_after_someone_is_that_place():
    d = digest("She flew from John Wayne airport on Monday and landed in Denver.")
    assert [(e.name, e.type) for e in d.entities if e.name == "John Wayne"] == [
        ("John Wayne", "FAC")]
    both = digest("She flew from John Wayne airport on Monday. John Wayne starred in westerns.")
    assert [(e.name, e.type) for e in both.entities if e.name == "John Wayne"] == [
        ("John Wayne", "PERSON")]


def test_a_surname_the_ner_calls_a_date_still_joins_its_person():
    d = digest("Tom Scholfield has been booked to ride Harbour Light in the Northern Cup at "
               "Ripley on Saturday week.\n\nScholfield had been due to partner Sea Lord, who was "
               "pulled up at Kelso, in the £500,000 race.")
    rider = entity_with(d, "Tom Scholfield")
    assert "Scholfield" in {m.text for m in rider.mentions}


def test_an_organisation_said_by_its_first_word_is_the_same_organisation():
    d = digest("Columbia University defended the surgeon on Friday. Columbia said it would not "
               "fire him.")
    uni = entity_with(d, "Columbia University")
    assert "Columbia" in {m.text for m in uni.mentions}
    police = digest("Nigeria Police arrested ten men in Lagos. Nigeria said the arrests were "
                    "lawful.")
    assert "Nigeria" not in {m.text for m in entity_with(police, "Nigeria Police").mentions}


def test_the_hospital_describes_only_an_organisation_it_names():
    d = digest("The Harbour City Marathon drew 20,000 runners on Sunday. Ana Ruiz was taken to "
               "the hospital with burns.")
    assert not [e.name for e in d.entities if "the hospital" in {m.text for m in e.mentions}]


def test_a_capitals_dateline_the_ner_calls_a_person_is_a_place():
    d = digest("Harbour campaign is working, governor says\nSIOUX FALLS, S.D. – Residents across "
               "the state are debating the new road campaign.")
    assert [(e.name, e.type) for e in d.entities if e.name == "SIOUX FALLS"] == [
        ("SIOUX FALLS", "GPE")]


def test_a_prison_or_a_county_the_ner_calls_a_person_is_a_place():
    d = digest("Ruiz was a training officer at Harwell Prison near Lisburn, County Antrim. "
               "Islamic State said it carried out the attack.")
    kinds = {e.name: (e.type, e.sector) for e in d.entities}
    assert kinds.get("Harwell Prison", ("?",))[0] == "FAC"
    assert kinds.get("County Antrim", ("?",))[0] == "GPE"
    assert kinds.get("Islamic State") == ("ORG", "REB")
