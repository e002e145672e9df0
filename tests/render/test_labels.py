"""Labels shared by every view: dates read as words."""

from __future__ import annotations

from brief_tui.model import parse_date
from brief_tui.render.labels import date_label


def test_intervals_read_as_words() -> None:
    assert date_label(parse_date("2025-11/2025-12-06?")) == "2025-11 to 2025-12-06? (uncertain)"
    assert date_label(parse_date("2025-11-22~/..")) == "from 2025-11-22~ (approximate)"
    assert date_label(parse_date("../2025-12")) == "by 2025-12"
    assert date_label(parse_date("2025-12-06")) == "2025-12-06"


def test_detail_rows_name_parties_and_start_without_a_blank_line() -> None:
    from brief_tui.loader import load_briefing
    from brief_tui.render.detail_rows import rows_for
    from tests.conftest import BUILTIN

    briefing = load_briefing(BUILTIN, cache=False).briefing
    thread = briefing.get("territory")
    assert thread is not None
    targets = [row.target for row in rows_for(thread, briefing) if row.target is not None]
    assert briefing.get("russia") in targets
    (document,) = briefing.documents
    first = rows_for(document, briefing)[0].content
    assert not getattr(first, "plain", "x").startswith("\n")
