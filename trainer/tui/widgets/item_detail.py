"""The study screen's detail pane: one item as a student should learn it."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from trainer.packs.model import Item, Kind, Pack
from trainer.tui.outline import KIND_NAMES, speaker_name
from trainer.tui.passage import find_passage
from trainer.tui.text import plain, visible

_RELATION = {
    Kind.REBUTTAL: "Answers the counterargument",
    Kind.EVIDENCE: "Supports",
    Kind.QUOTE: "Supports",
    Kind.OTHER_SIDE: "Argues against",
    Kind.REPLY: "Replies to",
}


def _heading(text: str) -> Content:
    return Content.styled(f"\n{text}\n", "bold $accent")


def _title(pack: Pack, item: Item) -> Content:
    kind = KIND_NAMES[item.kind]
    if item.kind is Kind.QUOTE:
        person = pack.get(item.speaker)
        role = item.role or (person.role if person else "")
        who = speaker_name(pack, item) + (f", {role}" if role else "")
        return Content.assemble((f"{kind} by ", "bold"), (visible(who), "bold"))
    if item.kind is Kind.COUNTERARGUMENT and item.by:
        return Content.assemble((f"{kind}, made by ", "bold"), (visible(item.by), "bold"))
    if item.kind is Kind.EVIDENCE and item.evidence_kind:
        return Content.styled(f"{kind} ({item.evidence_kind})", "bold")
    return Content.styled(kind, "bold")


def _body(pack: Pack, item: Item) -> list[Content]:
    parts: list[Content] = []
    if item.kind is Kind.PERSON:
        parts.append(plain(item.name + (f", {item.role}" if item.role else ""), "italic"))
    else:
        parts.append(plain(item.text))
    if item.kind is Kind.QUOTE and item.words:
        parts.append(Content.assemble("\n", plain(f"\u201c{item.words}\u201d", "italic")))
    relation = _RELATION.get(item.kind)
    target = pack.get(item.ref) if item.ref else None
    if relation and target is not None:
        parts.append(Content.assemble(f"\n{relation}: ", plain(target.label, "italic")))
    return parts


def _answer(item: Item) -> list[Content]:
    answer = item.answer
    parts = [_heading("Model answer"), plain(answer.canonical)]
    if answer.accept:
        parts.append(_heading("Also accepted"))
        parts.append(Content("\n").join(plain(f"\u2022 {phrase}") for phrase in answer.accept))
    groups = answer.concepts.groups
    if groups:
        need = answer.concepts.need or len(groups)
        heading = "Key concepts" + (f" (any {need} of {len(groups)})" if need < len(groups) else "")
        parts.append(_heading(heading))
        parts.append(
            Content("\n").join(plain("\u2022 " + " / ".join(group.terms)) for group in groups)
        )
    return parts


@dataclass(frozen=True, slots=True)
class DetailLimits:
    """Bounds that keep the pane quick to draw at every move of the map's cursor."""

    passage_chars: int = 1200
    """The most of a passage the pane shows (several paragraphs); a longer one is cut at a
    word, with an ellipsis. The article itself is one key away in any editor."""


LIMITS = DetailLimits()


def _cut(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut) + "\u2026"


def _passage(pack: Pack, item: Item) -> list[Content]:
    heading = _heading("In the article")
    wanted = item.passage or item.words
    found = find_passage(pack.source_text, wanted) if wanted else None
    limit = LIMITS.passage_chars
    if found is not None:
        return [
            heading,
            Content.assemble(
                plain(found.before, "$text-muted"),
                plain(_cut(found.passage, limit), "bold reverse"),
                plain(found.after if len(found.passage) <= limit else "", "$text-muted"),
            ),
        ]
    if wanted:  # the pack has no article text to show it in
        return [heading, plain(_cut(wanted, limit), "italic")]
    if item.kind in (Kind.OTHER_SIDE, Kind.REPLY):
        note = "Not from the article: the strongest case against the author, and its answer."
    else:
        note = "The pack gives no passage for this item."
    return [heading, Content.styled(note, "dim italic")]


def describe(pack: Pack, item: Item) -> Content:
    """Everything the study pane shows for one item, as one inert block of content."""
    parts = [_title(pack, item), Content("\n"), *_body(pack, item), *_answer(item)]
    if item.kind is not Kind.QUESTION:  # a plain question comes from no article
        parts.extend(_passage(pack, item))
    return Content("").join(parts)


class ItemDetail(VerticalScroll):
    """Scrolls through one item's text, answers, concepts and source passage."""

    DEFAULT_CSS = """
    ItemDetail {
        padding: 0 1;
        scrollbar-size-vertical: 1;
    }
    ItemDetail > #detail-text {
        width: 1fr;
    }
    """

    def compose(self) -> ComposeResult:
        yield Static(
            Content.styled("Pick an item in the map to see it here.", "dim"), id="detail-text"
        )

    shown: Content = Content("")
    """What the pane shows now (tests read it)."""

    def show_item(self, pack: Pack, item: Item) -> None:
        self._show(describe(pack, item))
        self.scroll_home(animate=False)

    def show_heading(self, text: str) -> None:
        self._show(Content.styled(text, "dim"))

    def _show(self, content: Content) -> None:
        self.shown = content
        self.query_one("#detail-text", Static).update(content)
