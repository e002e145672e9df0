"""``brief show --as-of``, ``--matrix`` and ``--compare``: the views of issue 13 as text."""

from __future__ import annotations

import pytest

from brief_tui.commands.show import main


@pytest.fixture(autouse=True)
def _wide(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "100")


def show(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main([*argv, "--plain"])
    out, err = capsys.readouterr()
    return status, out, err


def test_as_of_30_november_hides_later_events_with_the_banner(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = show(capsys, "--as-of", "2025-11-30")
    assert status == 0, err
    assert "[as known on 30 Nov 2025]" in out
    assert "As of: 2025-11-30" in out
    upcoming = out.split("Upcoming")[1].split("Key points")[0]
    assert "nothing scheduled or expected" in upcoming
    assert "London" not in upcoming
    status, now, _ = show(capsys)
    assert "as known on" not in now
    assert "London" in now.split("Upcoming")[1].split("Key points")[0]


def test_as_of_hides_the_27_point_version(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = show(capsys, "us-peace-plan", "--as-of", "2025-11-30")
    assert status == 0, err
    assert "28 points (November)" in out
    assert "20 points (earlier reports)" in out
    assert "27 points" not in out
    _, now, _ = show(capsys, "us-peace-plan")
    assert "27 points" in now


def test_as_of_a_thread_gives_its_status_and_stances_then(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = show(capsys, "territory", "--as-of", "2025-11-30")
    assert status == 0, err
    assert "\n? unknown · confidence moderate" in out  # its history begins on ~6 Dec
    assert "\nPositions\n" not in out  # every stance on it was taken later
    _, now, _ = show(capsys, "territory")
    assert "\nPositions\n" in now


def test_a_bad_date_is_refused_with_a_reason(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = show(capsys, "--as-of", "30 November")
    assert status == 2
    assert "--as-of: '30 November' is not a date" in err
    assert out == ""


def test_matrix_prints_the_parties_by_threads(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = show(capsys, "--matrix")
    assert status == 0, err
    header = next(line for line in out.splitlines() if line.startswith("Thread"))
    assert header.split()[1:] == ["US", "UA", "RU"]
    status, then, _ = show(capsys, "--matrix", "--as-of", "2025-11-30")
    assert "as known on 30 Nov 2025" in then
    assert "±C" not in then.split("key:")[0]


def test_compare_prints_two_versions_and_their_parts(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = show(capsys, "us-peace-plan", "--compare", "plan-28-points", "plan-27-points")
    assert status == 0, err
    assert "US peace plan: two versions compared" in out
    assert "widely seen as favoring Russia" in out
    assert "27 points divided into four packages" in out
    assert "Parts compared" in out
    status, default, _ = show(capsys, "us-peace-plan", "--compare")
    assert status == 0
    assert "20 points (earlier reports) [plan-20-points]  →  27 points" in default


def test_compare_refuses_what_it_cannot_compare(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = show(capsys, "territory", "--compare")
    assert status == 2
    assert "--compare needs a document" in err
    status, _, err = show(capsys, "us-peace-plan", "--compare", "plan-28-points", "nope")
    assert status == 1
    assert "nope: not a version of us-peace-plan" in err
    status, _, err = show(
        capsys, "us-peace-plan", "--compare", "plan-28-points", "plan-27-points", "--as-of", "2025-11-30"
    )
    assert status == 1  # the 27-point version did not exist yet
    assert "plan-27-points: not a version" in err


def test_a_status_filter_reads_the_status_as_known_on_the_date(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = show(capsys, "--as-of", "2025-12-03", "--filter", "status:open")
    assert status == 0, err
    assert out.startswith("filtered: 1 of 6 threads")  # Territory was not yet open then
    assert "The US peace plan" in out.split("Threads")[-1]
    assert "Territory and the Donbas demand" not in out.split("Threads")[-1]
    status, out, err = show(capsys, "--filter", "status:open")
    assert out.startswith("filtered: 2 of 6 threads")  # and is now


def test_a_filters_overview_says_what_comes_next_is_hidden_not_absent(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = show(capsys, "--filter", "status:near-agreement")
    assert status == 0, err
    upcoming = out.split("Upcoming")[1].split("Key points")[0]
    assert "none that the filter keeps (3 hidden by it)" in upcoming
    assert "nothing scheduled or expected" not in upcoming
