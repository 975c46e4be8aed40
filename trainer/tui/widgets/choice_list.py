"""An option list of choices, each a bold name over a dimmed line saying what it is."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from trainer.tui.text import plain


@dataclass(frozen=True, slots=True)
class Choice:
    """One entry: `key` comes back in the list's messages as the option id."""

    key: str
    name: str
    line: str = ""
    disabled: bool = False


def choice_prompt(choice: Choice) -> Content:
    """The option's two lines; both may come from a pack, so both are plain text."""
    name = plain(choice.name, "bold")
    if not choice.line:
        return name
    return Content.assemble(name, "\n", plain(choice.line, "$text-muted"))


def _option(choice: Choice) -> Option:
    return Option(choice_prompt(choice), id=choice.key, disabled=choice.disabled)


class ChoiceList(OptionList):
    """Picks a pack or a mode; selecting (Enter or a click) posts `OptionSelected`."""

    DEFAULT_CSS = """
    ChoiceList {
        height: auto;
        max-height: 1fr;
        scrollbar-size-vertical: 1;
    }
    ChoiceList > .option-list--option {
        padding: 0 1;
    }
    """

    def __init__(self, *choices: Choice, id: str | None = None) -> None:
        super().__init__(*map(_option, choices), id=id)

    @property
    def highlighted_key(self) -> str | None:
        """The key of the highlighted entry, which survives `set_choices`; an index may not."""
        if self.highlighted is None:
            return None
        return self.get_option_at_index(self.highlighted).id

    def set_choices(self, choices: Iterable[Choice], highlight: str | None = None) -> None:
        """Replace the entries, keeping the highlight on `highlight` (a key) where given."""
        self.set_options(map(_option, choices))
        if highlight is not None:
            try:
                self.highlighted = self.get_option_index(highlight)
            except OptionDoesNotExist:
                self.highlighted = 0 if self.option_count else None
