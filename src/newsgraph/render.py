"""The terminal view of a digest (rich). Presentation only: no extraction logic here."""

from __future__ import annotations

from rich.console import Console, Group
from rich.padding import Padding
from rich.panel import Panel
from rich.text import Text

from newsgraph.model import Digest, Entity

TYPE_STYLE = {"PERSON": "bold cyan", "ORG": "bold magenta", "GPE": "bold green",
              "NORP": "green", "LOC": "green", "GROUP": "yellow"}


def render(d: Digest, console: Console) -> None:
    """Print title, summary, actors, quotes and events of one digest."""
    names = {e.id: e.name for e in d.entities}
    head = Text(d.title or "(untitled)", style="bold")
    meta = " · ".join(x for x in (d.source, d.published, d.author, d.url) if x)
    parts: list = [Text(meta, style="dim")] if meta else []
    if d.lede:
        parts.append(Text.assemble(("Lede: ", "bold"), d.text[d.lede.start : d.lede.end]))
    parts.append(_section("Summary"))
    for s in d.summary:
        parts.append(Text.assemble(("• ", "cyan"), s.text))
    if d.entities:
        parts.append(_section("Actors"))
        parts.append(_actors(d.entities))
    if d.quotes:
        parts.append(_section("Quotes"))
        by_speaker: dict[str | None, list] = {}
        for q in d.quotes:
            by_speaker.setdefault(q.speaker, []).append(q)
        for speaker, quotes in by_speaker.items():
            parts.append(Text(names.get(speaker, "(unattributed)") if speaker else
                              "(unattributed)", style="bold cyan"))
            for q in quotes:
                if q.kind == "direct":
                    parts.append(Text(f"  “{q.text}”", style="italic"))
                else:  # reported: its reporting verb first ("rejected the criticism")
                    cue = cue_before(q.cue.text if q.cue else None)
                    if cue and q.cue is not None and 0 <= q.start - q.cue.end <= MAX_GAP \
                            and "\n" not in d.text[q.cue.end:q.start]:
                        cue = d.text[q.cue.start:q.start]  # "asked about the talks"
                    parts.append(Text.assemble("   ", (cue, "dim"), q.text))
    shown = [ev for ev in d.events if ev.source or ev.target]  # (one between no actors
    # stays in the JSON, for its type and trigger, but tells a reader nothing here)
    if shown:
        parts.append(_section("Events"))
        for ev in shown:
            parts.append(Text.assemble(
                (names.get(ev.source, "?") if ev.source else "—", "cyan"),
                (f" —{ev.type}{'/' + ev.mode if ev.mode else ''}→ ", "bold yellow"),
                (names.get(ev.target, "?") if ev.target else "—", "cyan"),
                (f" ({ev.status}{', ' + ev.date if ev.date else ''})", "dim"),
                (f"  “{ev.trigger.text}”", "dim italic"),
            ))
    if d.removed:
        parts.append(Text("Removed: " + "; ".join(f"{r.text!r} ({r.reason})" for r in d.removed),
                          style="dim"))
    console.print(Panel(Group(*parts), title=head, title_align="left", border_style="blue"))


MAX_GAP = 12  # characters between a reporting verb and its content shown with the verb


def cue_before(cue: str | None) -> str:
    """The cue to print before reported speech, with a space ("rejected "); none for a cue
    that stands before its speaker ("according to", "per"), which would misread."""
    if not cue or cue.split()[0].lower() in ("according", "per"):
        return ""
    return cue + " "


def _section(name: str) -> Text:
    return Text(f"\n{name}", style="bold underline")


def _actors(entities: tuple[Entity, ...]) -> Group:
    """One line per actor (name, then type · role · country · sector · salience), and under it
    every other way the article names it: titles first, then names, then pronouns."""
    order = {"title": 0, "name": 1, "other": 2, "pronoun": 3}
    lines: list[Text | Padding] = []
    for e in sorted(entities, key=lambda e: -e.salience)[:25]:
        facts = " · ".join(x for x in (e.type, e.role, e.country, e.sector) if x)
        lines.append(Text.assemble((e.id.ljust(5), "dim"), (e.name, TYPE_STYLE.get(e.type, "")),
                                   (f"  {facts}", ""), (f"  ({e.salience:.2f})", "dim")))
        seen = {e.name.casefold()}
        variants: list[tuple[int, str]] = []
        for m in e.mentions:
            if m.text.casefold() not in seen:
                seen.add(m.text.casefold())
                variants.append((order.get(m.kind, 2), m.text))
        if variants:
            also = ", ".join(t for _, t in sorted(variants, key=lambda v: v[0]))
            lines.append(Padding(Text("also: " + also, style="dim"), (0, 0, 0, 5)))
    return Group(*lines)
