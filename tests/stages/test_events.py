"""Events stage: each trigger form and argument pattern on sentences written for these tests,
with hand-made entities (so the tests do not depend on today's actors stage), plus the seed end
to end."""

from __future__ import annotations

from newsgraph import nlp
from newsgraph.model import Article, Digest, Entity, Event, Mention
from newsgraph.stages import Found, events
from tests.conftest import assert_grounded, hand_entities

PUBLISHED = "2021-06-08"  # a Tuesday


def run(text: str, actors: dict[str, list[str]]) -> tuple[Event, ...]:
    """Events of ``text``; ``actors`` maps an entity id to the surfaces that mention it."""
    found = Found(article=Article(text=text, published=PUBLISHED),
                  entities=hand_entities(text, actors, "GPE"))
    out = events.run(nlp.load()(text), found)
    for ev in out:
        assert text[ev.trigger.start : ev.trigger.end] == ev.trigger.text
        assert ev.sentence.start <= ev.trigger.start < ev.trigger.end <= ev.sentence.end
    assert list(out) == sorted(out, key=lambda e: e.trigger.start)
    return out


def one(text: str, actors: dict[str, list[str]]) -> Event:
    out = run(text, actors)
    assert len(out) == 1, out
    return out[0]


def test_active_verb_with_source_target_and_intensity() -> None:
    ev = one("Norway criticized Sweden over the fishing quota.",
             {"A": ["Norway"], "B": ["Sweden"]})
    assert (ev.type, ev.mode, ev.source, ev.target) == ("ACCUSE", "disapprove", "A", "B")
    assert ev.status == "occurred" and ev.date == PUBLISHED
    assert ev.intensity < 0


def test_passive_with_agent_swaps_roles() -> None:
    ev = one("Three Danish activists were arrested by Norway on Friday.",
             {"A": ["Norway"], "B": ["Danish"]})
    assert (ev.type, ev.mode, ev.source, ev.target) == ("COERCE", "arrest", "A", "B")
    assert ev.date == "2021-06-04"


def test_control_verb_gives_planned_event_with_its_subject() -> None:
    ev = one("Canada pledged to provide aid to Haiti after the storm.",
             {"A": ["Canada"], "B": ["Haiti"]})
    # PLOVER codes a promised cooperative action as AGREE (manual, AGREE section); AGREE has no
    # modes of its own, so the mode keeps what was promised
    assert (ev.type, ev.mode, ev.source, ev.target, ev.status) == (
        "AGREE", "aid", "A", "B", "planned")


def test_agree_to_meet_and_raising() -> None:
    out = run("Peru is expected to sanction Chile next month.", {"A": ["Peru"], "B": ["Chile"]})
    assert [(e.type, e.source, e.target, e.status, e.date) for e in out] == [
        ("THREATEN", "A", "B", "planned", "2021-07")]  # a future sanction is a threat


def test_coordinated_sources_give_one_event_each() -> None:
    out = run("Kenya and Uganda signed a trade accord in 2019.", {"A": ["Kenya"], "B": ["Uganda"]})
    assert sorted(e.source for e in out) == ["A", "B"]
    assert {(e.type, e.date) for e in out} == {("SUPPORT", "2019")}  # signing: SUPPORT
    assert sorted((e.source, e.target) for e in out) == [("A", "B"), ("B", "A")]  # each other


def test_particle_verbs() -> None:
    ev = one("Hungary pushed back against the proposal from Brussels.", {"A": ["Hungary"]})
    assert (ev.type, ev.trigger.text, ev.source) == ("REJECT", "pushed back", "A")
    ev = one("Britain pulled out of the talks with Iceland.", {"A": ["Britain"], "B": ["Iceland"]})
    assert (ev.type, ev.mode, ev.trigger.text) == ("RETREAT", "withdraw", "pulled out")


def test_light_verb_and_noun_triggers() -> None:
    ev = one("Germany held talks with France about energy prices.",
             {"A": ["Germany"], "B": ["France"]})
    assert (ev.type, ev.mode, ev.trigger.text, ev.source, ev.target) == (
        "CONSULT", "meet", "talks", "A", "B")
    ev = one("Turkey launched an attack on Syria overnight.", {"A": ["Turkey"], "B": ["Syria"]})
    assert (ev.type, ev.trigger.text, ev.source, ev.target) == ("ASSAULT", "attack", "A", "B")


def test_noun_light_verb_that_is_itself_a_trigger_gives_one_event() -> None:
    ev = one("China imposed sanctions on Lithuania last week.",
             {"A": ["China"], "B": ["Lithuania"]})
    assert (ev.type, ev.trigger.text, ev.source, ev.target) == ("SANCTION", "sanctions", "A", "B")


def test_reported_speech_source_is_the_subject_not_the_speaker() -> None:
    ev = one("Austria said that Serbia had attacked Croatia.",
             {"S": ["Austria"], "A": ["Serbia"], "B": ["Croatia"]})
    assert (ev.type, ev.source, ev.target) == ("ASSAULT", "A", "B")


def test_statuses() -> None:
    actors = {"A": ["Israel"], "B": ["Lebanon"]}
    assert one("Israel did not attack Lebanon yesterday.", actors).status == "negated"
    assert one("Israel will visit Lebanon on Friday.", actors).status == "planned"
    assert one("Israel could attack Lebanon within days.", actors).status == "hypothetical"
    assert one("If Israel attacks Lebanon, the region will suffer.", actors).status == (
        "hypothetical")


def test_future_weekday_resolves_forward() -> None:
    assert one("Israel will visit Lebanon on Friday.",
               {"A": ["Israel"], "B": ["Lebanon"]}).date == "2021-06-11"


def test_refusal_is_the_event() -> None:
    ev = one("Moldova refused to meet Romania in the capital.",
             {"A": ["Moldova"], "B": ["Romania"]})
    assert (ev.type, ev.trigger.text, ev.source, ev.target, ev.status) == (
        "REJECT", "refused", "A", "B", "occurred")


def test_request_with_infinitive_and_no_event_without_actors() -> None:
    ev = one("Portugal urged Spain to reopen the border crossing.",
             {"A": ["Portugal"], "B": ["Spain"]})
    assert (ev.type, ev.source, ev.target) == ("REQUEST", "A", "B")
    assert run("Officials said the weather would improve and support was welcome.", {}) == ()
    assert run("Time will tell whether Peru gains from the plan.", {"A": ["Peru"]}) == ()


def test_seed_events(seed_digest: Digest) -> None:
    assert_grounded(seed_digest)
    names = {e.id: e.name for e in seed_digest.entities}
    got = {(ev.type, ev.mode, names.get(ev.source, ""), names.get(ev.target, ""), ev.status,
            ev.date) for ev in seed_digest.events}
    assert any(t == "ACCUSE" and "Obrador" in s and "U.S" in tg and d == "2021-05"
               for t, _, s, tg, _, d in got), got
    assert any(t == "CONSULT" and "Obrador" in tg and d == "2021-06-08"
               for t, _, _, tg, _, d in got), got
    assert any(t == "REJECT" and "Giammattei" in s for t, _, s, _, _, _ in got), got
    assert any(t == "AGREE" and st == "planned" for t, _, _, _, st, _ in got), got
    # "has in the past blamed President Joe Biden" (parsed as an adjective of the name)
    assert any(t == "ACCUSE" and "Obrador" in s and "Biden" in tg for t, _, s, tg, _, _ in got)
    # a pledge of support is a promise (AGREE, planned) by Harris, named "the Vice President"
    assert any(t == "AGREE" and m == "aid" and "Harris" in s and "prosecutors" in tg
               and st == "planned" for t, m, s, tg, st, _ in got), got
    # "the two leaders will witness the signing": both leaders, each other's partner
    assert any(t == "AGREE" and "Giammattei" in s and "Harris" in tg and st == "planned"
               for t, _, s, tg, st, _ in got), got
    assert any(t == "REQUEST" and "Harris" in s for t, _, s, _, _, _ in got), got
    assert all(ev.status in ("occurred", "planned", "negated", "hypothetical")
               for ev in seed_digest.events)


def test_imperative_in_direct_quote_is_a_request_by_the_speaker() -> None:
    from newsgraph.model import Quote

    text = 'The envoy spoke in the square. "Please stay home. We will open the border soon."'
    start = text.index("Please")
    end = text.index('"', start)
    quote = Quote(text[start:end], start, end, "direct", speaker="A")
    found = Found(article=Article(text=text, published=PUBLISHED), quotes=(quote,),
                  entities=(Entity("A", "The envoy", "PERSON",
                                   mentions=(Mention("The envoy", 0, 9),)),))
    out = [e for e in events.run(nlp.load()(text), found) if e.type == "REQUEST"]
    assert [(e.trigger.text, e.source, e.status) for e in out] == [("Please stay", "A", "occurred")]


def test_quoted_commands_of_a_scene_are_no_requests() -> None:
    from newsgraph.model import Quote

    def requests(text: str, quoted: str, speaker: Entity) -> list[str]:
        start = text.index(quoted)
        quote = Quote(quoted, start, start + len(quoted), "direct", speaker="A")
        found = Found(article=Article(text=text, published=PUBLISHED), quotes=(quote,),
                      entities=(speaker,))
        return [e.trigger.text for e in events.run(nlp.load()(text), found)
                if e.type == "REQUEST"]

    officer = Entity("A", "an officer", "PERSON", mentions=(Mention("an officer", 0, 10,
                                                                    "title"),))
    text = 'an officer shouted: "Step out. Hands up."'
    assert requests(text, "Step out. Hands up.", officer) == []  # nobody named gives orders
    rieder = Entity("A", "Tomas Rieder", "PERSON", mentions=(Mention("Tomas Rieder", 0, 12),))
    text = 'Tomas Rieder said: "Got her! Stay home."'
    assert requests(text, "Got her! Stay home.", rieder) == ["Stay"]  # "Got": no bare verb


def test_keeping_quiet_and_market_demand_are_no_events() -> None:
    actors = {"A": ["Tomas Rieder"], "B": ["Valdora"]}
    assert not run("Tomas Rieder declined to comment on Valdora.", actors)
    assert not run("Tomas Rieder said Valdora had never had demand like that.", actors)
    ev = one("Tomas Rieder refused to respond to the demand of Valdora.", actors)
    assert ev.type == "REJECT"
    assert [e.type for e in run("Valdora rejected the demand of Tomas Rieder.", actors)] == [
        "REJECT"]


def test_a_thing_that_backs_up_or_yields_is_no_actor() -> None:
    actors = {"A": ["Valdora"]}
    assert not run("Several observations appear to back up that suspicion.", actors)
    assert not run("The new data may yield more surprises for Valdora's scientists.", actors)
    # things may still attack: a blast or a shelling is an assault with an unknown source
    assert [e.type for e in run("A blast killed three people.", actors)] == ["ASSAULT"]


def test_a_second_subject_the_parse_hangs_on_a_verb_is_taken_when_right_before_it() -> None:
    # the parse makes "company" and "Holm" both subjects of "stepped"
    out = run("Velmora's parent company, Kestrel Group, announced on Sept. 30 that it was "
              "withdrawing its filing, shortly after Holm stepped down as chief.",
              {"A": ["Velmora"], "B": ["Kestrel Group"], "C": ["Holm"]})
    assert [(e.type, e.source) for e in out if e.trigger.text == "stepped down"] == [
        ("RETREAT", "C")]


def test_further_triggers_with_modes() -> None:
    ev = one("Militants blew up a power station near Ruritania.",
             {"A": ["Militants"], "B": ["Ruritania"]})
    assert (ev.type, ev.mode, ev.source) == ("ASSAULT", "explosives", "A")
    ev = one("Japan halted its loans to Freedonia.", {"A": ["Japan"], "B": ["Freedonia"]})
    assert (ev.type, ev.mode, ev.source) == ("SANCTION", "discontinue", "A")
    ev = one("The union called off the strike in Ruritania.", {"A": ["The union"]})
    assert (ev.type, ev.source) == ("CONCEDE", "A")
    ev = one("Freedonia defended Ruritania against the charges.",
             {"A": ["Freedonia"], "B": ["Ruritania"]})
    assert (ev.type, ev.source, ev.target) == ("SUPPORT", "A", "B")


def test_reported_obligation_is_a_request_by_the_reporter() -> None:
    out = run("Norway said that Sweden must cooperate with the inspectors.",
              {"A": ["Norway"], "B": ["Sweden"]})
    assert [(e.type, e.source, e.target, e.trigger.text) for e in out] == [
        ("REQUEST", "A", "B", "must cooperate")]
    ev = one("Norway said Sweden cooperated with the inspectors.",
             {"A": ["Norway"], "B": ["Sweden"]})
    assert (ev.type, ev.source) == ("COOPERATE", "B")
    # a duty the speaker lays on itself asks nothing of anyone
    assert "REQUEST" not in [e.type for e in run("Norway said it must act.",
                                                 {"A": ["Norway", "it"]})]
    assert not [e for e in run("Norway said: “I must tell you the talks failed.”",
                               {"A": ["Norway"]}) if e.type == "REQUEST"]


def test_noun_trigger_inside_a_compound_takes_the_light_verb_of_its_head() -> None:
    out = run("Norway and Sweden will attend the signing ceremony in Oslo.",
              {"A": ["Norway"], "B": ["Sweden"]})
    assert [(e.type, e.source, e.status, e.trigger.text) for e in out] == [
        ("AGREE", "A", "planned", "signing"), ("AGREE", "B", "planned", "signing")]
    assert run("Norway and Sweden admired the signing ceremony.",
               {"A": ["Norway"], "B": ["Sweden"]}) == ()


# --------------------------------------------------------------------------- argument patterns


def test_double_object_verb_takes_the_first_object_as_target() -> None:
    ev = one("Norway will give Chile a loan of ten million crowns.",
             {"A": ["Norway"], "B": ["Chile"]})
    assert (ev.type, ev.source, ev.target, ev.status) == ("AGREE", "A", "B", "planned")


def test_demand_that_takes_the_clause_subject_as_target() -> None:
    ev = one("Peru demanded that Ecuador withdraw its troops.",
             {"A": ["Peru"], "B": ["Ecuador"]})
    assert (ev.type, ev.source, ev.target) == ("REQUEST", "A", "B")


def test_target_inside_the_object_phrase() -> None:
    ev = one("Portugal rejected an offer from Morocco.",
             {"A": ["Portugal"], "B": ["Morocco"]})
    assert (ev.type, ev.source, ev.target) == ("REJECT", "A", "B")


def test_target_inside_the_governed_infinitive() -> None:
    ev = one("Austria agreed to send food parcels to Albania.",
             {"A": ["Austria"], "B": ["Albania"]})
    assert (ev.type, ev.source, ev.target) == ("AGREE", "A", "B")


def test_common_noun_subject_takes_its_of_complement() -> None:
    ev = one("Leaders of the Farmers Union condemned Brazil.",
             {"A": ["Farmers Union"], "B": ["Brazil"]})
    assert (ev.type, ev.source, ev.target) == ("ACCUSE", "A", "B")


def test_place_is_the_last_resort_target() -> None:
    ev = one("Kenya lifted the curfew in Mombasa on Monday.",
             {"A": ["Kenya"], "B": ["Mombasa"]})
    assert (ev.source, ev.target) == ("A", "B")


def test_threat_condition_subject_is_the_target() -> None:
    ev = one("Ghana threatened to close the border unless Togo paid its debts.",
             {"A": ["Ghana"], "B": ["Togo"]})
    assert (ev.type, ev.source, ev.target) == ("THREATEN", "A", "B")


def test_noun_trigger_of_complement_is_the_target() -> None:
    ev = one("Chad launched an invasion of Niger last week.",
             {"A": ["Chad"], "B": ["Niger"]})
    assert (ev.type, ev.source, ev.target) == ("ASSAULT", "A", "B")


def test_pair_subject_stands_for_the_last_two_people() -> None:
    text = ("Maria Lopez flew to Lima. She met Pedro Ruiz there. "
            "The two leaders will sign a trade agreement on Friday.")
    people = [Entity(eid, name, "PERSON", mentions=(Mention(name, text.find(name),
                                                            text.find(name) + len(name)),))
              for eid, name in (("A", "Maria Lopez"), ("B", "Pedro Ruiz"))]
    found = Found(article=Article(text=text, published=PUBLISHED), entities=tuple(people))
    out = [e for e in events.run(nlp.load()(text), found) if e.type == "AGREE"]
    assert {(e.source, e.target) for e in out} == {("A", "B"), ("B", "A")}
    assert all(e.status == "planned" for e in out)


def test_verb_parsed_as_a_modifier_still_gives_an_event() -> None:
    doc = nlp.load()("The minister has in the past blamed President Tom Ward for the crisis.")
    blamed = next(t for t in doc if t.lower_ == "blamed")
    text = doc.text
    found = Found(article=Article(text=text, published=PUBLISHED), entities=(
        Entity("A", "minister", "PERSON", mentions=(Mention("minister", 4, 12),)),
        Entity("B", "Tom Ward", "PERSON",
               mentions=(Mention("Tom Ward", text.find("Tom"), text.find("Tom") + 8),))))
    out = [e for e in events.run(doc, found) if e.trigger.start == blamed.idx]
    assert [(e.type, e.source, e.target) for e in out] == [("ACCUSE", "A", "B")]


def test_plover_coding_of_future_conditional_and_refused_events() -> None:
    ev = one("Bolivia would blockade the river port unless Paraguay paid.",
             {"A": ["Bolivia"], "B": ["Paraguay"]})
    assert (ev.type, ev.mode, ev.source, ev.target) == ("THREATEN", "restrict", "A", "B")
    ev = one("Chile will not accept the proposal from Peru.", {"A": ["Chile"], "B": ["Peru"]})
    assert (ev.type, ev.source, ev.target, ev.status) == ("REJECT", "A", "B", "occurred")
    ev = one("Chile did not attack Peru.", {"A": ["Chile"], "B": ["Peru"]})
    assert (ev.type, ev.status) == ("ASSAULT", "negated")
    ev = one("Mali will withdraw its soldiers from Niger next year.",
             {"A": ["Mali"], "B": ["Niger"]})
    assert (ev.type, ev.source, ev.target) == ("CONCEDE", "A", "B")


def test_intent_adjective_makes_the_event_planned() -> None:
    ev = one("Norway is ready to provide doctors to Chile.", {"A": ["Norway"], "B": ["Chile"]})
    assert (ev.type, ev.source, ev.target, ev.status) == ("AGREE", "A", "B", "planned")


def test_diplomatic_protest_meeting_demands_and_failure() -> None:
    ev = one("Peru lodged a formal protest with Chile.", {"A": ["Peru"], "B": ["Chile"]})
    assert (ev.type, ev.mode, ev.source, ev.target) == ("ACCUSE", "disapprove", "A", "B")
    ev = one("Chile met the demands of Peru.", {"A": ["Chile"], "B": ["Peru"]})
    assert (ev.type, ev.source, ev.target) == ("CONCEDE", "A", "B")
    ev = one("Chile failed to reach an agreement with Peru.", {"A": ["Chile"], "B": ["Peru"]})
    assert (ev.type, ev.status) == ("AGREE", "negated")


def test_staged_rally_and_hunger_strike_nouns() -> None:
    ev = one("Farmers staged a rally against Chile.", {"B": ["Chile"]})
    assert (ev.type, ev.mode, ev.target) == ("PROTEST", "demo", "B")
    ev = one("Prisoners began a hunger strike against Chile.", {"B": ["Chile"]})
    assert (ev.type, ev.mode, ev.trigger.text) == ("PROTEST", "hunger", "hunger strike")


def test_diplomatic_ties_and_quantity_of_aid() -> None:
    ev = one("Chile established diplomatic ties with Fiji.", {"A": ["Chile"], "B": ["Fiji"]})
    assert (ev.type, ev.source, ev.target) == ("SUPPORT", "A", "B")
    ev = one("Japan gave Peru ten million dollars of aid.", {"A": ["Japan"], "B": ["Peru"]})
    assert (ev.type, ev.source, ev.target, ev.trigger.text) == ("AID", "A", "B", "aid")


def test_participle_on_an_object_takes_the_issuer_as_source() -> None:
    ev = one("Chile issued a statement condemning Peru.", {"A": ["Chile"], "B": ["Peru"]})
    assert (ev.type, ev.source, ev.target) == ("ACCUSE", "A", "B")


def test_conjoined_verbs_share_the_object() -> None:
    out = run("Norway donated and delivered blankets to Chile.", {"A": ["Norway"], "B": ["Chile"]})
    assert ("AID", "A") in {(e.type, e.source) for e in out}
    assert any(e.trigger.text == "donated" for e in out)


def test_protest_with_a_clause_is_verbal() -> None:
    ev = one("Chile protested that Peru had broken the treaty.", {"A": ["Chile"], "B": ["Peru"]})
    assert (ev.type, ev.mode, ev.source) == ("ACCUSE", "disapprove", "A")


def test_theme_verbs_take_the_recipient_or_origin() -> None:
    ev = one("Mali withdrew its soldiers from Niger.", {"A": ["Mali"], "B": ["Niger"]})
    assert (ev.type, ev.source, ev.target) == ("RETREAT", "A", "B")
    ev = one("Japan deployed engineers to Peru.",
             {"A": ["Japan"], "B": ["Peru"], "C": ["engineers"]})
    assert (ev.type, ev.source, ev.target) == ("MOBILIZE", "A", "B")


def test_provide_x_with_y_gives_to_x_but_share_y_with_x_too() -> None:
    ev = one("Norway provided Chile with a surplus Danish ship.",
             {"A": ["Norway"], "B": ["Chile"], "C": ["Danish"]})
    assert (ev.type, ev.source, ev.target) == ("AID", "A", "B")
    ev = one("Norway has been sharing expertise with Chile.", {"A": ["Norway"], "B": ["Chile"]})
    assert (ev.source, ev.target) == ("A", "B")
    out = run("Norway said it would be provided next year.", {"A": ["Norway", "it"]})
    assert all(e.target != "A" for e in out)


def test_providing_needs_a_recipient_or_aid() -> None:
    assert run("The articles on these websites provide some basic information about Chile.",
               {"A": ["Chile"]}) == ()
    ev = one("Norway provided $5 million to Chile.", {"A": ["Norway"], "B": ["Chile"]})
    assert (ev.type, ev.source, ev.target) == ("AID", "A", "B")
    ev = one("Norway provided humanitarian aid last year.", {"A": ["Norway"]})
    assert (ev.type, ev.source) == ("AID", "A")


def test_noun_trigger_modifier_is_the_source() -> None:
    ev = one("The Chilean attack on Peru ended at dawn.", {"A": ["Chilean"], "B": ["Peru"]})
    assert (ev.type, ev.source, ev.target) == ("ASSAULT", "A", "B")
    out = run("The Lima attack on Peru failed.", {"A": ["Lima"], "B": ["Peru"]})
    assert [(e.trigger.text, e.source, e.target) for e in out] == [("attack", None, "B")]


def test_in_protest_against_names_the_target() -> None:
    ev = one("Farmers blocked the highway in protest against Chile.", {"B": ["Chile"]})
    assert (ev.type, ev.target) == ("PROTEST", "B")


def test_reporting_clause_is_not_a_target() -> None:
    out = run("Chile may halt the talks if Peru refuses, Bolivia said.",
              {"A": ["Chile"], "B": ["Peru"], "C": ["Bolivia"]})
    halt = [e for e in out if e.trigger.text == "halt"]
    assert [(e.type, e.source, e.target) for e in halt] == [("THREATEN", "A", "B")]


def test_event_noun_after_on_takes_the_verb_subject() -> None:
    ev = one("Chile's president arrived in Peru on a state visit.",
             {"A": ["Chile"], "B": ["Peru"]})
    assert (ev.type, ev.mode, ev.source, ev.target) == ("CONSULT", "visit", "A", "B")


def test_withdrawing_envoys_is_a_sanction() -> None:
    ev = one("Chile withdrew its ambassador from Peru.", {"A": ["Chile"], "B": ["Peru"]})
    assert (ev.type, ev.mode, ev.source, ev.target) == ("SANCTION", "withdraw", "A", "B")


def test_ending_an_event_is_typed_by_what_ends() -> None:
    ev = one("Chile cancelled the talks with Peru.", {"A": ["Chile"], "B": ["Peru"]})
    assert (ev.type, ev.mode, ev.trigger.text, ev.target) == (
        "SANCTION", "discontinue", "cancelled", "B")
    ev = one("The union suspended its strike against Chile.",
             {"A": ["The union"], "B": ["Chile"]})
    assert (ev.type, ev.source, ev.target) == ("CONCEDE", "A", "B")
    ev = one("Peru ended its offensive against Chile.", {"A": ["Peru"], "B": ["Chile"]})
    assert (ev.type, ev.mode) == ("RETREAT", "ceasefire")


def test_possessive_pronoun_on_a_noun_trigger_falls_back_to_the_subject() -> None:
    ev = one("Chile restored its diplomatic ties with Peru.", {"A": ["Chile"], "B": ["Peru"]})
    assert (ev.type, ev.source, ev.target) == ("SUPPORT", "A", "B")


def test_coding_needs_an_actor_who_promises_or_threatens() -> None:
    ev = one("Peru will be sanctioned by the council next year.", {"B": ["Peru"]})
    assert (ev.type, ev.source, ev.target, ev.status) == ("SANCTION", None, "B", "planned")


def test_precision_guards() -> None:
    assert run("An earthquake struck Peru on Tuesday.", {"B": ["Peru"]}) == ()
    assert run("Chile released its annual report on Peru.", {"A": ["Chile"], "B": ["Peru"]}) == ()
    assert run("The new chip allows faster charging in Peru.", {"B": ["Peru"]}) == ()
    assert run("Chile demonstrated how the system works in Peru.",
               {"A": ["Chile"], "B": ["Peru"]}) == ()
    ev = one("Chile released three prisoners from Peru.", {"A": ["Chile"], "B": ["Peru"]})
    assert (ev.type, ev.mode) == ("RETREAT", "release")
    ev = one("Chile will allow the return of Peru's inspectors.",
             {"A": ["Chile"], "B": ["Peru"]})
    assert (ev.type, ev.source) == ("CONCEDE", "A")  # a future RETREAT (access) is CONCEDE


def test_complaint_target_is_the_matter_not_the_audience() -> None:
    ev = one("Chile complained to Bolivia about Peru's raids.",
             {"A": ["Chile"], "B": ["Peru"], "C": ["Bolivia"]})
    assert (ev.type, ev.source, ev.target) == ("ACCUSE", "A", "B")


def test_target_two_complements_deep() -> None:
    ev = one("Japan suspended part of its aid programme for Peru.",
             {"A": ["Japan"], "B": ["Peru"]})
    assert (ev.type, ev.source, ev.target) == ("SANCTION", "A", "B")


def test_reported_it_is_the_reporter() -> None:
    ev = one("Chile said it would boycott the summit in Peru.", {"A": ["Chile"], "B": ["Peru"]})
    assert (ev.type, ev.source, ev.target) == ("THREATEN", "A", "B")


def test_participle_agent_inside_the_object() -> None:
    ev = one("Chile launched an investigation into crimes committed by Peru.",
             {"A": ["Chile"], "B": ["Peru"]})
    assert (ev.type, ev.mode, ev.source, ev.target) == ("ACCUSE", "investigate", "A", "B")


def test_more_precision_guards() -> None:
    assert run("Peru offers cheaper servers than Chile.", {"A": ["Peru"], "B": ["Chile"]}) == ()
    assert run("Two farmers were killed in Peru when a landslide hit the village.",
               {"B": ["Peru"]}) == ()
    out = run("Chile and Peru have yet to agree on the border.", {"A": ["Chile"], "B": ["Peru"]})
    assert {(e.source, e.target, e.status) for e in out} == {
        ("A", "B", "negated"), ("B", "A", "negated")}  # mutual: each other's target
    ev = one("Chile carried out a strike on Peru.", {"A": ["Chile"], "B": ["Peru"]})
    assert (ev.type, ev.source, ev.target) == ("ASSAULT", "A", "B")


def test_refusal_and_demands() -> None:
    ev = one("Chile said it would not meet the demands of Peru.", {"A": ["Chile"], "B": ["Peru"]})
    assert (ev.type, ev.source, ev.status) == ("REJECT", "A", "occurred")
    ev = one("Chile accepted the demands of Peru.", {"A": ["Chile"], "B": ["Peru"]})
    assert (ev.type, ev.source, ev.target) == ("CONCEDE", "A", "B")
    out = run("Chile issued a reminder to Peru that Peru must pay.",
              {"A": ["Chile"], "B": ["Peru"]})
    assert [(e.type, e.source, e.target) for e in out] == [("REQUEST", "A", "B")]


def test_phrases_of_taking_part() -> None:
    ev = one("Peru was put under investigation by Chile.", {"A": ["Chile"], "B": ["Peru"]})
    assert (ev.type, ev.mode, ev.source, ev.target) == ("ACCUSE", "investigate", "A", "B")
    ev = one("Farmers from Peru gathered for a rally against Chile.",
             {"A": ["Peru"], "B": ["Chile"]})
    assert (ev.type, ev.source, ev.target) == ("PROTEST", "A", "B")
    assert run("Peru voted for sanctions.", {"A": ["Peru"]}) == ()  # not taking part


def test_purpose_clause_and_gerund_take_the_governing_subject() -> None:
    ev = one("Chile sent a team to Peru to investigate the killings.",
             {"A": ["Chile"], "B": ["Peru"]})
    assert (ev.type, ev.source) == ("ACCUSE", "A")
    ev = one("Youths in Peru resorted to throwing stones at Chile's embassy.",
             {"A": ["Peru"], "B": ["Chile"]})
    assert (ev.type, ev.mode, ev.source) == ("PROTEST", "riot", "A")


def test_protest_topic_is_not_a_separate_request() -> None:
    out = run("Farmers in Peru began a hunger strike to demand the release of Chile's prisoners.",
              {"A": ["Peru"], "B": ["Chile"]})
    assert [(e.type, e.source) for e in out] == [("PROTEST", "A")]


def test_gerund_subject_is_the_accused() -> None:
    out = run("Two men from Peru were suspected by Chile of bombing the bridge.",
              {"A": ["Peru"], "B": ["Chile"]})
    assert [(e.type, e.source) for e in out if e.type == "ASSAULT"] == [("ASSAULT", "A")]


def test_protest_with_an_object_is_verbal_and_alert_needs_a_phrase() -> None:
    ev = one("Chile protested the killings to Peru.", {"A": ["Chile"], "B": ["Peru"]})
    assert (ev.type, ev.mode) == ("ACCUSE", "disapprove")
    assert run("Sign up for alerts on Peru's website.", {"B": ["Peru"]}) == ()
    ev = one("Chile put its troops on alert near Peru.", {"A": ["Chile"], "B": ["Peru"]})
    assert (ev.type, ev.source) == ("MOBILIZE", "A")


def test_intent_with_an_infinitive_parsed_as_a_clause() -> None:
    out = run("The rebels in Peru have sworn to fight until Chile leaves.",
              {"A": ["Peru"], "B": ["Chile"]})
    fights = [e for e in out if e.trigger.text == "fight"]
    assert [(e.type, e.source, e.status) for e in fights] == [("THREATEN", "A", "planned")]


def test_capitalised_group_noun_takes_its_complement() -> None:
    ev = one("Demonstrators from Peru blocked the road to Chile.", {"A": ["Peru"], "B": ["Chile"]})
    assert (ev.type, ev.source) == ("PROTEST", "A")


def test_signing_needs_an_agreement() -> None:
    assert run("Voters in Peru signed a petition against Chile.",
               {"A": ["Peru"], "B": ["Chile"]}) == ()
    ev = one("Peru signed a border pact with Chile.", {"A": ["Peru"], "B": ["Chile"]})
    assert (ev.type, ev.source, ev.target) == ("SUPPORT", "A", "B")


def test_shooting_needs_a_victim_not_a_figure() -> None:
    ev = one("Gunmen shot three villagers in Kaduna.", {"A": ["Kaduna"]})
    assert (ev.type, ev.mode) == ("ASSAULT", "firearms")
    assert one("Police shot at protesters near Lagos.", {"A": ["Lagos"]}).type == "ASSAULT"
    assert run("The Norland share index shot up 16 percent on the news.",
               {"A": ["Norland"]}) == ()


def test_agreeing_that_something_is_true_is_an_opinion_not_an_event() -> None:
    assert run("Most budget analysts agree that the levy will raise money.",
               {"A": ["budget analysts"]}) == ()
    ev = one("The unions agreed to end the strike.", {"A": ["unions"]})
    assert (ev.type, ev.source) == ("AGREE", "A")


def test_meeting_an_obligation_is_no_meeting() -> None:
    assert not [e for e in run("The novel asks how farmers meet their debts.",
                               {"A": ["farmers"]}) if e.type == "CONSULT"]
    ev = one("Nadia Orlov met the Chilean envoy.", {"A": ["Nadia Orlov"], "B": ["envoy"]})
    assert (ev.type, ev.mode, ev.source, ev.target) == ("CONSULT", "meet", "A", "B")
    assert not [e for e in run("The harbour plan of Valmora was met with fierce opposition.",
                               {"A": ["Valmora"]}) if e.type == "CONSULT"]  # a reception
    ev = one("The envoy was met by Nadia Orlov at the airport.",
             {"A": ["Nadia Orlov"], "B": ["envoy"]})
    assert (ev.type, ev.source, ev.target) == ("CONSULT", "A", "B")


def test_where_leaders_met_is_not_whom_they_met() -> None:
    evs = run("Kessler and Ruiz met in Lisbon on Friday.",
              {"A": ["Kessler"], "B": ["Ruiz"], "C": ["Lisbon"]})
    assert evs and all(e.type == "CONSULT" and "C" not in (e.source, e.target) for e in evs)


def test_a_forecast_warning_is_no_threat_but_a_warning_of_action_is() -> None:
    assert run("The central bank warned that prices could climb.", {"A": ["central bank"]}) == ()
    ev = one("Valmora warned that it would retaliate.", {"A": ["Valmora"]})
    assert (ev.type, ev.source) == ("THREATEN", "A")
    ev = one("Valmora warned Ostria of serious consequences.", {"A": ["Valmora"], "B": ["Ostria"]})
    assert (ev.type, ev.source, ev.target) == ("THREATEN", "A", "B")


def test_struck_by_a_thing_is_no_attack_but_struck_by_a_missile_is() -> None:
    assert run("The senator was struck by an essay she read.", {"A": ["senator"]}) == ()
    evs = run("The clinic was struck by a missile, the army said.",
              {"A": ["clinic"], "B": ["army"]})
    assert [e.type for e in evs if e.trigger.text == "struck"] == ["ASSAULT"]


def test_one_event_per_happening_a_partial_mention_folds_into_the_full_one() -> None:
    evs = [e for e in run("Ana Ruiz met Tomas Berg in Oslo. Ruiz said the meeting with Berg was "
                          "useful, and she met Berg again.",
                          {"A": ["Ana Ruiz", "Ruiz", "she"], "B": ["Tomas Berg", "Berg"]})
           if e.type == "CONSULT"]
    assert [(e.source, e.target, e.trigger.text) for e in evs] == [("A", "B", "met")]


def test_the_same_kind_of_event_with_other_actors_stays_apart() -> None:
    evs = [e for e in run("Ana Ruiz met Tomas Berg. Later Ruiz met Kenji Sato.",
                          {"A": ["Ana Ruiz", "Ruiz"], "B": ["Tomas Berg"], "C": ["Kenji Sato"]})
           if e.type == "CONSULT"]
    assert {(e.source, e.target) for e in evs} == {("A", "B"), ("A", "C")}


def test_a_visit_in_a_with_phrase_is_made_by_the_verb_subject() -> None:
    ev = one("Ana Ruiz ended her tour of the region with a visit to Peru.",
             {"A": ["Ana Ruiz"], "B": ["Peru"]})
    assert (ev.type, ev.mode, ev.source, ev.target) == ("CONSULT", "visit", "A", "B")


def test_a_title_or_law_is_never_a_source_or_target() -> None:
    text = "The Harbour Act banned Norland from the fishing grounds."
    doc = nlp.load()(text)
    law = Entity("L", "The Harbour Act", "LAW", mentions=(Mention("The Harbour Act", 0, 15),))
    gpe = Entity("G", "Norland", "GPE", mentions=(Mention("Norland", 23, 30),))
    found = Found(article=Article(text=text, published=PUBLISHED), entities=(law, gpe))
    out = events.run(doc, found)
    assert out and all(ev.source != "L" and ev.target != "L" for ev in out)
    assert any(ev.target == "G" for ev in out)
    as_actor = Entity("L", "The Harbour Act", "ORG", mentions=law.mentions)
    found = Found(article=Article(text=text, published=PUBLISHED), entities=(as_actor, gpe))
    assert any(ev.source == "L" for ev in events.run(doc, found))  # the same words as an actor


def test_a_request_for_comment_is_no_event() -> None:
    actors = {"A": ["ministry"], "B": ["Norland Radio"]}
    assert not [e for e in run("The ministry did not immediately respond to Norland Radio's "
                               "request for comment.", actors) if e.type == "REQUEST"]
    assert not [e for e in run("Norland Radio requested comment from the ministry.", actors)
                if e.type == "REQUEST"]
    ev = one("Norland made a request for aid to Valmora.", {"A": ["Norland"], "B": ["Valmora"]})
    assert (ev.type, ev.source, ev.target) == ("REQUEST", "A", "B")


def test_an_attack_in_words_is_an_accusation_and_with_force_an_assault() -> None:
    people = {"C": ["Ilse Marten"], "D": ["Tomas Rieder"]}
    for text in ("Ilse Marten attacked Tomas Rieder over his record on taxes.",
                 "Ilse Marten attacked Tomas Rieder in a speech on Monday.",
                 "Ilse Marten attacked the harbour plan of Tomas Rieder."):
        ev = one(text, people)
        assert (ev.type, ev.mode, ev.source, ev.target) == ("ACCUSE", "disapprove", "C", "D")
    places = {"A": ["Norland"], "B": ["Valmora"]}
    for text in ("Norland attacked Valmora with rockets.",
                 "Norland attacked the defence positions of Valmora for the second time."):
        ev = one(text, places)
        assert (ev.type, ev.source, ev.target) == ("ASSAULT", "A", "B")


def test_a_price_charged_is_no_accusation() -> None:
    actors = {"A": ["The ferry line"], "B": ["passengers"]}
    for text in ("The ferry line charges passengers a $12 fee for bicycles.",
                 "The ferry line charges Rs 450 for a cabin.",
                 "The ferry line charged passengers interest on late payments."):
        assert not [e for e in run(text, actors) if e.type == "ACCUSE"], text
    ev = one("Prosecutors charged the ferry line with fraud.",
             {"A": ["Prosecutors"], "B": ["the ferry line"]})
    assert (ev.type, ev.source, ev.target) == ("ACCUSE", "A", "B")


def test_words_that_look_like_triggers_but_name_nothing_that_happened() -> None:
    # a space probe, a rally of prices, an extraposed "it's striking that", a word in a name
    assert run("NASA's Galileo Jupiter probe measured a big rise in the density of charged "
               "particles.", {"A": ["NASA"]}) == ()
    ev = one("The FBI launched a probe into the leak.", {"A": ["FBI"]})
    assert (ev.type, ev.source) == ("ACCUSE", "A")
    assert run("Even the Nifty has been rallying at a time of worry. Stocks rallied on Monday.",
               {}) == ()
    assert one("Students rallied in Chile against the law.", {"A": ["Chile"]}).type == "PROTEST"
    assert run("“It’s striking that in almost every corner of the world, trade is slowing,” "
               "Germany’s minister said.", {"A": ["Germany"]}) == ()
    from spacy.tokens import Doc

    words = ["the", "Volatiles", "Investigating", "Polar", "Rover", "is", "investigating", "it"]
    doc = Doc(nlp.load().vocab, words=words,
              ents=["O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O", "O"])
    assert [events._in_a_name(t) for t in doc] == [False, True, True, True, True, False, False,
                                                   False]


def test_beating_a_rival_in_a_vote_or_a_game_is_no_assault() -> None:
    assert run("Kentucky Democrats beat incumbent Gov. Matt Bevin in a state Trump won by 30 "
               "points.", {"A": ["Matt Bevin"]}) == ()
    assert run("Wales beat Hungary 2-0 on Tuesday night in Cardiff.",
               {"A": ["Wales"], "B": ["Hungary"]}) == ()
    ev = one("Soldiers beat the prisoners in Chile.", {"A": ["Chile"]})
    assert ev.type == "ASSAULT"


def test_accidents_prices_shared_views_and_misparsed_tells_are_no_events() -> None:
    assert run("Acme grounded its jet after two crashes that killed 346 people in Chile.",
               {"A": ["Acme"], "B": ["Chile"]}) == ()
    assert run("While the dollar was supported by data from Chile, the euro fell.",
               {"A": ["Chile"]}) == ()
    assert run("Designers from Chile share their interpretation of the theme.",
               {"A": ["Chile"]}) == ()
    ev = one("Chile has been sharing expertise with Peru.", {"A": ["Chile"], "B": ["Peru"]})
    assert (ev.type, ev.source, ev.target) == ("COOPERATE", "A", "B")
    out = run("Ana Ruiz of Chile told cheering teachers that they were right.",
              {"A": ["Ana Ruiz"], "B": ["Chile"]})
    assert all(e.type != "REQUEST" for e in out)
    ev = one("Chile told Peru to withdraw its troops.", {"A": ["Chile"], "B": ["Peru"]})
    assert (ev.type, ev.source, ev.target) == ("REQUEST", "A", "B")


def test_a_time_after_a_verb_is_no_preposition_of_its_pattern() -> None:
    actors = {"A": ["Scott McIntyre"], "B": ["SBS"], "C": ["Troops"], "D": ["protesters"]}
    assert run("SBS journalist Scott McIntyre was fired on Sunday over his tweets.", actors) == ()
    ev = one("Troops fired on protesters in the square.", actors)
    assert (ev.type, ev.target) == ("ASSAULT", "D")


def test_a_personal_contract_a_campaign_and_a_compound_are_no_events() -> None:
    actors = {"A": ["Cummings"], "B": ["Lennon"], "C": ["The Yanomami"], "D": ["Hibs"]}
    assert run("Cummings is entering the final year of his contract.", actors) == ()
    assert run("Lennon was engaged in fire-fighting at Hibs.", actors) == ()
    assert run("The Yanomami have been fighting for their return for a decade.", actors) == ()


def test_a_passive_strike_is_no_walk_out() -> None:
    actors = {"A": ["Mrs Buksh"], "B": ["Workers"]}
    assert run("Mrs Buksh died after being struck on the head five times.", actors) == ()
    assert one("Workers struck for higher pay.", actors).type == "PROTEST"


def test_a_second_verb_the_parse_hangs_inside_a_reported_clause_keeps_its_subject() -> None:
    ev = one("Hamas denied that any rockets had been fired and accused Israel of trying to "
             "sabotage the talks.", {"A": ["Hamas"], "B": ["Israel"]})
    assert (ev.type, ev.source, ev.target) == ("ACCUSE", "A", "B")



def test_play_in_a_game_report_is_no_event_but_a_vote_score_does_not_make_one() -> None:
    game = ("Norland beat Vestria on Monday to reach the semifinals. Earlier, Hale rallied to "
            "defeat Osk 3-6, 6-3, 7-6 in the opening match of the tournament.")
    assert run(game, {"E1": ["Norland"], "E2": ["Vestria"], "E3": ["Hale"],
                      "E4": ["Osk"]}) == ()
    plain = "Norland attacked Vestria on Monday."
    assert [e.type for e in run(plain, {"E1": ["Norland"], "E2": ["Vestria"]})] == ["ASSAULT"]
    court = ("In a 6-3 decision, the court upheld the law. The 6-3 ruling angered Norland, "
             "which attacked Vestria on Monday, in the first match of the tournament.")
    assert [e.type for e in run(court, {"E1": ["Norland"], "E2": ["Vestria"]})] == ["ASSAULT"]
