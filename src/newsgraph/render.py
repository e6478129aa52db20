"""The terminal view of a digest (rich). Presentation only: no extraction logic here."""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
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
                mark = "“”" if q.kind == "direct" else "  "
                parts.append(Text(f"  {mark[0]}{q.text}{mark[1]}",
                                  style="italic" if q.kind == "direct" else ""))
    if d.events:
        parts.append(_section("Events"))
        for ev in d.events:
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


def _section(name: str) -> Text:
    return Text(f"\n{name}", style="bold underline")


def _actors(entities: tuple[Entity, ...]) -> Table:
    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    for col in ("id", "actor", "type", "role", "country", "sector", "salience", "named as"):
        table.add_column(col, overflow="fold")
    for e in sorted(entities, key=lambda e: -e.salience)[:25]:
        variants = sorted({m.text for m in e.mentions if m.text != e.name},
                          key=lambda t: -len(t))
        table.add_row(e.id, Text(e.name, style=TYPE_STYLE.get(e.type, "")), e.type,
                      e.role or "", e.country or "", e.sector or "", f"{e.salience:.2f}",
                      ", ".join(variants[:6]))
    return table
