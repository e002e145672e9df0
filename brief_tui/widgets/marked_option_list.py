"""An OptionList whose highlighted row carries a ``▸``, so the cursor shows without colour.

PRODUCT.md: focus and the cursor are visible under ``NO_COLOR`` and in 16 colours. Textual's
OptionList marks the highlighted row by its background alone; here every row has a two-cell
gutter and the highlighted one shows ``▸`` in it (as the sidebar and the library list do).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

if TYPE_CHECKING:
    from collections.abc import Iterable

    from textual.visual import VisualType
    from typing_extensions import Self

__all__ = ["CURSOR", "MarkedOptionList"]

CURSOR = "▸ "
_GUTTER = "  "


class MarkedOptionList(OptionList):
    """OptionList with a ``▸`` gutter on the highlighted row (the rows' prompts are literal)."""

    def __init__(self, *options: Option, id: str | None = None, classes: str | None = None) -> None:
        self._prompts: list[Content] = []
        super().__init__(*options, id=id, classes=classes, markup=False)

    def _marked(self, index: int, cursor: bool) -> Content:
        return Content.assemble(CURSOR if cursor else _GUTTER, self._prompts[index])

    def add_options(self, new_options: Iterable[Option | VisualType | None]) -> Self:
        """Add options, each with its gutter (a prompt is literal text, never markup)."""
        marked: list[Option | None] = []
        for option in new_options:
            if option is None:
                marked.append(None)
                continue
            if not isinstance(option, Option):
                option = Option(option)
            self._prompts.append(_literal(option.prompt))
            cursor = len(self._prompts) - 1 == self.highlighted
            marked.append(Option(self._marked(len(self._prompts) - 1, cursor), id=option.id, disabled=option.disabled))
        return super().add_options(marked)

    def set_options(self, options: Iterable[Option | VisualType | None]) -> Self:
        """Replace every option."""
        self._prompts = []
        return super().set_options(options)

    def remove_option_at_index(self, index: int) -> Self:
        """Remove one option (and its kept prompt)."""
        del self._prompts[index]  # first: the highlight's move during the removal reads the rest
        super().remove_option_at_index(index)
        return self

    def remove_option(self, option_id: str) -> Self:
        """Remove one option by id."""
        return self.remove_option_at_index(self.get_option_index(option_id))

    def clear_options(self) -> Self:
        """Remove every option (and the prompts kept for the gutter)."""
        self._prompts = []
        super().clear_options()
        return self

    def watch_highlighted(self, old: int | None, new: int | None) -> None:  # type: ignore[override]
        super().watch_highlighted(new)
        for index, cursor in ((old, False), (new, True)):
            if index is not None and 0 <= index < min(len(self._prompts), self.option_count):
                self.replace_option_prompt_at_index(index, self._marked(index, cursor))


def _literal(prompt: VisualType) -> Content:
    """A prompt as Content, read literally (a ``str`` is not parsed as markup)."""
    if isinstance(prompt, Content):
        return prompt
    if isinstance(prompt, Text):
        return Content.from_rich_text(prompt)
    return Content(str(prompt))
