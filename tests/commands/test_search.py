"""``brief search``: one match a line, grep's exit statuses, filters, literal and safe output."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from brief_tui.commands.search import main
from brief_tui.loader import load_briefing
from brief_tui.state import open_store
from brief_tui.state.reading import Reading
from tests.commands.helpers import BUILTIN_ID, ESCAPE, HOSTILE, LIBRARY, SMALL, run, run_in_pty
from tests.conftest import BUILTIN


def search(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[str], str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out.splitlines(), err


def test_matches_are_one_a_line_with_address_kind_and_snippet(capsys: pytest.CaptureFixture[str]) -> None:
    status, lines, err = search(capsys, "Dmitriev")
    assert status == 0, err
    columns = [line.split("  ", 2) for line in lines]
    assert [f"{BUILTIN_ID}/dmitriev", "actor", "Kirill Dmitriev"] in columns
    assert any(c[:2] == [f"{BUILTIN_ID}/peace-plan", "thread"] for c in columns)
    assert all("Dmitriev" in c[2] for c in columns)
    assert not any(ESCAPE.search(line) for line in lines)


def test_kushner_matches_and_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    status, lines, _ = search(capsys, "Kushner")
    assert status == 0
    assert f"{BUILTIN_ID}/kushner  actor  Jared Kushner" in lines


def test_no_match_exits_1_and_prints_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    status, lines, err = search(capsys, "zzzz")
    assert status == 1
    assert lines == []
    assert err == ""


@pytest.mark.parametrize(
    "argv",
    [
        [],
        [""],
        ['""'],
        ["x", "/no/such/path"],
        ["x", "--filter", "statsu:open"],
        ["x", "--filter", "party:france"],
        ["x", "--no-such-option"],
    ],
)
def test_usage_errors_exit_2_with_one_line(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    status, lines, err = search(capsys, *argv)
    assert status == 2
    assert lines == []
    assert err.startswith("brief search: ")


def test_a_bad_filter_says_what_it_would_have_meant(capsys: pytest.CaptureFixture[str]) -> None:
    _, _, err = search(capsys, "x", "--filter", "statsu:open")
    assert "did you mean 'status:'" in err


def test_the_filter_narrows_the_matches(capsys: pytest.CaptureFixture[str]) -> None:
    _, everything, _ = search(capsys, "Dmitriev")
    status, narrowed, _ = search(capsys, "Dmitriev", "--filter", "status:near-agreement")
    assert status == 1 or len(narrowed) < len(everything)
    assert not any("/peace-plan  thread" in line for line in narrowed)
    status, threads, _ = search(capsys, "plan", "--filter", "status:open")
    assert status == 0
    assert any("/peace-plan  thread" in line for line in threads)
    assert not any("/security-guarantees  thread" in line for line in threads)


def test_a_library_is_searched_whole(capsys: pytest.CaptureFixture[str]) -> None:
    status, lines, err = search(capsys, "territory", str(LIBRARY))
    assert status == 0
    briefings = {line.split("/", 1)[0].split("  ", 1)[0] for line in lines}
    assert briefings == {"small", "other"}
    assert "broken.yaml" in err  # the unreadable file is named, the rest still searched


def test_a_query_is_literal(capsys: pytest.CaptureFixture[str]) -> None:
    status, lines, _ = search(capsys, "[@click=app.quit]x[/]", str(HOSTILE))
    assert status == 0
    assert any(line.startswith("hostile/bad  thread  [@click=app.quit]x[/]") for line in lines)
    status, _, _ = search(capsys, ".*", str(SMALL))
    assert status == 1


def test_bidi_overrides_never_reach_the_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    # The loader refuses control characters outright; bidi overrides load, and must not be echoed.
    status, lines, _ = search(capsys, "gnp", str(HOSTILE))
    assert status == 0
    assert lines
    assert not any("\u202e" in line for line in lines)
    assert not any(ESCAPE.search(line) for line in lines)


def test_snippets_fit_the_width(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    _, lines, _ = search(capsys, "plan")
    assert all(len(line) <= 60 for line in lines if len(line.split("  ", 2)[0]) < 25)


def test_piped_output_is_plain_and_a_terminal_marks_the_words() -> None:
    piped = run("search", "Kushner")
    assert piped.returncode == 0
    assert not ESCAPE.search(piped.stdout)
    status, shown = run_in_pty("search", "Kushner", env={"COLUMNS": "100"})
    assert status == 0
    assert "\x1b[7m" in shown  # reverse video on the word
    assert "Kushner" in shown
    assert run("search", "zzzz").returncode == 1
    assert run("search").returncode == 2


def test_help_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    status, lines, _ = search(capsys, "--help")
    assert status == 0
    assert any("--filter" in line for line in lines)


def show(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    from brief_tui.commands.show import main as show_main

    status = show_main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_show_filter_lists_only_the_threads_kept_and_says_how_many(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = show(capsys, "--filter", "status:near-agreement", "--plain")
    assert status == 0
    assert out.startswith("filtered: 1 of 6 threads\n")
    threads = out.split("\nThreads\n", 1)[1].split("\nSummary\n", 1)[0]
    assert "[security-guarantees]" in threads
    for other in ("[territory]", "[peace-plan]", "[sovereignty-limits]"):
        assert other not in threads


def test_show_filter_on_an_item_drops_rows_of_what_it_leaves_out(capsys: pytest.CaptureFixture[str]) -> None:
    _, everything, _ = show(capsys, "dmitriev", "--plain")
    status, narrowed, _ = show(capsys, "dmitriev", "--filter", "status:near-agreement", "--plain")
    assert status == 0
    assert "[peace-plan]" in everything
    assert "[peace-plan]" not in narrowed


def test_show_with_a_bad_filter_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = show(capsys, "--filter", "statsu:open")
    assert status == 2
    assert out == ""
    assert "did you mean 'status:'" in err


NEW_EVENT = """  - id: geneva-round
    date: "2025-12-10"
    title: Geneva round on territory
    status: scheduled
    threads: [territory]
"""


def items_of(lines: list[str]) -> list[str]:
    """The items a search printed, leaving out the briefing's own overview (every filter keeps it)."""
    return sorted(a for line in lines if "/" in (a := line.split("  ", 1)[0]))


@pytest.fixture
def read_then_edited(tmp_path: Path) -> Path:
    """The built-in briefing opened once in the reader (state in BRIEF_STATE_DIR), then edited."""
    path = tmp_path / "talks.yaml"
    shutil.copy(BUILTIN, path)
    Reading(open_store(), load_briefing(path, cache=False).briefing)
    text = path.read_text(encoding="utf-8")
    open_ = "    group: Core issues\n    status: open\n"
    text = text.replace(open_, open_.replace("open", "stalled"), 1)
    path.write_text(text.replace("\nevents:\n", "\nevents:\n" + NEW_EVENT, 1), encoding="utf-8")
    return path


def test_show_filter_changed_keeps_what_changed_since_the_reader_last_read(
    capsys: pytest.CaptureFixture[str], read_then_edited: Path
) -> None:
    status, out, err = show(capsys, "--filter", "changed", "--plain", str(read_then_edited))
    assert status == 0, err
    assert out.startswith("filtered: 1 of 6 threads\n")
    threads = out.split("\nThreads\n", 1)[1].split("\nSummary\n", 1)[0]
    assert "[territory]" in threads
    assert "[peace-plan]" not in threads


def test_search_filter_changed_finds_only_what_changed(
    capsys: pytest.CaptureFixture[str], read_then_edited: Path
) -> None:
    status, lines, err = search(capsys, "territory", str(read_then_edited), "--filter", "changed")
    assert status == 0, err
    assert items_of(lines) == [f"{BUILTIN_ID}/geneva-round", f"{BUILTIN_ID}/territory"]
    assert items_of(search(capsys, "Hnatov", str(read_then_edited))[1])  # found, but unchanged
    assert items_of(search(capsys, "Hnatov", str(read_then_edited), "--filter", "changed")[1]) == []


def test_a_briefing_never_read_has_nothing_changed_and_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = show(capsys, "--filter", "changed", "--plain")
    assert status == 0
    assert out.startswith("filtered: 0 of 6 threads\n")
    assert f"changed: {BUILTIN_ID} was never read in the reader" in err


def test_filter_bookmarked_keeps_the_reader_s_bookmarks(capsys: pytest.CaptureFixture[str]) -> None:
    store = open_store()
    store.add_bookmark(BUILTIN_ID, "dmitriev")
    store.add_bookmark(BUILTIN_ID, "security-guarantees")
    store.close()
    status, lines, err = search(capsys, "Dmitriev", "--filter", "bookmarked")
    assert status == 0, err
    assert items_of(lines) == [f"{BUILTIN_ID}/dmitriev"]
    assert items_of(search(capsys, "Hnatov", "--filter", "bookmarked")[1]) == []
    status, out, _ = show(capsys, "--filter", "bookmarked status:near-agreement", "--plain")
    assert status == 0
    assert out.startswith("filtered: 1 of 6 threads\n")
    assert "[security-guarantees]" in out.split("\nThreads\n", 1)[1]


def test_snippets_show_summaries_as_read_not_their_markdown(capsys: pytest.CaptureFixture[str]) -> None:
    status, lines, _ = search(capsys, "peace plan")
    assert status == 0
    guarantees = next(line for line in lines if line.startswith(f"{BUILTIN_ID}/security-guarantees  thread"))
    assert "peace plan" in guarantees
    assert not any("](#" in line or "**" in line for line in lines)


def test_options_and_paths_come_in_any_order(capsys: pytest.CaptureFixture[str]) -> None:
    # As grep takes them: the path after --filter once read as an unrecognised argument.
    status = main(["plan", "--filter", "status:open", str(BUILTIN)])
    lines = capsys.readouterr().out.splitlines()
    assert status == 0
    assert any("/peace-plan  thread" in line for line in lines)
    assert not any("/security-guarantees  thread" in line for line in lines)


def test_under_a_filter_the_overview_is_not_a_match(capsys: pytest.CaptureFixture[str]) -> None:
    # The briefing's own summary names Kushner; a filter narrows items, and the overview is none.
    status, everything, _ = search(capsys, "Kushner")
    assert any("  briefing  " in line for line in everything)
    status, narrowed, _ = search(capsys, "Kushner", "--filter", "status:near-agreement")
    assert status == 0
    assert narrowed
    assert not any("  briefing  " in line for line in narrowed)
