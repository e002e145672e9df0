"""Labels shared by every view: dates read as words."""

from __future__ import annotations

from brief_tui.model import parse_date
from brief_tui.render.labels import date_label


def test_intervals_read_as_words() -> None:
    assert date_label(parse_date("2025-11/2025-12-06?")) == "2025-11 to 2025-12-06? (uncertain)"
    assert date_label(parse_date("2025-11-22~/..")) == "from 2025-11-22~ (approximate)"
    assert date_label(parse_date("../2025-12")) == "until 2025-12"
    assert date_label(parse_date("2025-12-06")) == "2025-12-06"
