"""Print an actor profile for people (rich) or as JSON."""

from __future__ import annotations

import json
from dataclasses import asdict

from rich.console import Console
from rich.text import Text

from newsgraph.corpus.profile import ActorProfile, Spell
from newsgraph.render import cue_before

BAR = "▇"


def print_profile(p: ActorProfile, out: Console, as_json: bool = False) -> None:
    if as_json:
        out.print_json(json.dumps(asdict(p), ensure_ascii=False))
        return
    head = Text(f"{p.name}", style="bold")
    head.append(f"  {p.type}{' · ' + p.country if p.country else ''}  #{p.id}  "
                f"{p.articles} article{'s' if p.articles != 1 else ''}", style="dim")
    out.print(head)
    out.print("names: " + ", ".join(f"{n} ({c})" for n, c in p.names))
    for label, spells in (("roles", p.roles), ("countries", p.countries)):
        if spells:
            out.print(f"{label}: " + "; ".join(_spell(s) for s in spells))
    if p.quotes:
        out.print(f"quotes ({len(p.quotes)}):")
        for q in p.quotes[:10]:
            said = f"“{q['text']}”" if q["kind"] == "direct" else (  # its verb first
                f"(reported) {cue_before(q.get('cue'))}{q['text']}")
            out.print(f"  {q['published'] or '?'}  {said}")
    if p.event_counts:
        out.print("events: " + ", ".join(f"{k} {v}" for k, v in p.event_counts.items()))
        for e in p.events[:10]:
            out.print(f"  {e['date'] or '?'}  {e['source'] or '?'} —{e['type']}→ "
                      f"{e['target'] or '?'}  ({e['trigger']})")
    if p.timeline:
        most = max(n for _, n in p.timeline)
        out.print("timeline:")
        for day, n in p.timeline[-30:]:
            out.print(f"  {day}  {BAR * max(1, round(20 * n / most))} {n}")


def _spell(s: Spell) -> str:
    dates = (s.first or "undated") if s.first == s.last else f"{s.first or '?'}…{s.last or '?'}"
    return f"{s.value} ({dates}, {s.articles})"
