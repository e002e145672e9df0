"""``brief show``: each kind of item as text, the overview, addresses, errors, plain output."""

from __future__ import annotations

import pytest

from brief_tui.commands.output import cells
from brief_tui.commands.show import main
from tests.commands.helpers import BUILTIN_ID, ESCAPE, LIBRARY, SMALL


@pytest.fixture(autouse=True)
def _wide(monkeypatch: pytest.MonkeyPatch) -> None:
    # Wide enough that the assertions below see whole lines; wrapping has its own test.
    monkeypatch.setenv("COLUMNS", "250")


def show(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_no_address_shows_the_overview(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = show(capsys, str(SMALL))
    assert status == 0, err
    assert out.startswith("[ TLP:CLEAR ]\n")
    for expected in (
        "Small briefing",
        "As of: 2025-12-06? (uncertain)",
        "Based on: A test fixture",
        "Key points",
        "  - Territory is open.",
        "Core issues",
        "○ open  Territory [territory] (confidence moderate)",
        "◕ near-agreement  Security guarantees [guarantees]",
        "Upcoming",
        "2025-12-08?  ◇ scheduled  Briefing in London [london]",
        "◌ expected  Further talks [talks]",
    ):
        assert expected in out
    # Summary links to items read as `text [id]`; web links show their address.
    assert "territory [territory]" in out
    assert "Axios <https://www.axios.com/>" in out
    # What occurred is not upcoming.
    assert "The two-hour call" not in out


def test_a_briefing_id_is_its_overview(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = show(capsys, "small", str(SMALL))
    assert status == 0
    assert "Key points" in out


def test_builtin_library_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = show(capsys)
    assert status == 0, err
    assert "Ukraine peace talks" in out
    status, out, err = show(capsys, f"{BUILTIN_ID}/territory")
    assert status == 0, err
    assert "Territory and the Donbas demand" in out


def test_thread(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = show(capsys, "territory", str(SMALL))
    assert status == 0, err
    lines = out.splitlines()
    assert lines[0] == "Territory"
    assert "○ open · confidence moderate · Core issues" in out
    assert "Address: small/territory" in out
    # Summary Markdown kept, in-briefing links as `text [id]`.
    assert "Talks were complex. See the plan [plan]." in out
    # Positions per party, oldest first, each with leaning and sources (grade, anonymity, via).
    us = out.index("United States [us]")
    first, second = out.index("++ proposes  2025-12-01\n      Working on new ideas."), out.index("+ supports  2025")
    assert us < first < second
    assert "sources: Axios [B]" in out
    assert "A source with knowledge of the call, anonymous, via Axios [F via B] 3 possibly true (one source)" in out
    assert "anonymous source only" in out
    assert "Volodymyr Zelenskyy [zelenskyy]" in out
    assert "± conditional  2025-12-05~ (approximate)" in out
    for heading in ("Status history", "Open questions", "Related threads", "Events", "Quotes", "Documents"):
        assert f"\n{heading}\n" in out
    assert "2025-11  ○ open — First raised." in out
    assert "Which parts of Donbas?" in out
    assert "Security guarantees [guarantees]" in out
    assert "● occurred  The two-hour call [call]" in out
    assert "“The solutions must be fair.” [q-fair] — Volodymyr Zelenskyy [zelenskyy]" in out
    assert "Peace plan [plan] — 2 versions: 28 points, 27 points" in out
    # Every cited source, with its id and grade, closes the page.
    assert "Sources cited" in out
    assert "axios  Axios, outlet, B (usually reliable)" in out


def test_event(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = show(capsys, "small/london", str(SMALL))
    assert status == 0, err
    assert out.startswith("Briefing in London\n")
    assert "event · meeting" in out
    assert "Address: small/london" in out
    assert "Date: Monday — 2025-12-08? (uncertain)" in out
    assert "Status: ◇ scheduled" in out
    assert "Place: London" in out
    assert "Actors\n------\n  - Volodymyr Zelenskyy [zelenskyy]" in out
    assert "  - Axios [B]" in out
    assert "○ open  Territory [territory]" in out

    status, out, _ = show(capsys, "talks", str(SMALL))
    assert "Likelihood: likely" in out
    assert "Place: not given" in out
    assert "anonymous source only" in out
    status, out, _ = show(capsys, "call", str(SMALL))
    assert "Date: 2025-12-06? (uncertain)" in out
    assert "A two-hour call." in out
    assert "“The solutions must be fair.”" in out


def test_actor(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = show(capsys, "witkoff", str(SMALL))
    assert status == 0, err
    assert out.startswith("Steve Witkoff\n")
    assert "Role: US Special Envoy" in out
    assert "Party: United States [us]" in out
    assert "Also known as: Witkoff" in out
    status, out, _ = show(capsys, "zelenskyy", str(SMALL))
    assert "Role: not given" in out
    assert "Territory [territory]  ± conditional  2025-12-05~ (approximate)\n    Wants a fair solution." in out
    assert "Briefing in London [london]" in out


def test_party_source_quote_document_version(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = show(capsys, "us", str(SMALL))
    assert out.startswith("United States\n")
    assert "Steve Witkoff [witkoff] — US Special Envoy" in out
    assert "++ proposes  2025-12-01\n    Working on new ideas." in out

    _, out, _ = show(capsys, "anon", str(SMALL))
    assert "Reliability: F (reliability cannot be judged)" in out
    assert "Named: no: an anonymous source" in out
    assert "Via: Axios [axios] [B]" in out
    assert "event The two-hour call [call]" in out

    _, out, _ = show(capsys, "axios", str(SMALL))
    assert "URL: https://www.axios.com/" in out
    assert "A source with knowledge of the call [anon]" in out  # relays

    _, out, _ = show(capsys, "q-fair", str(SMALL))
    assert "“The solutions must be fair.”" in out
    assert "Said by: Volodymyr Zelenskyy [zelenskyy]" in out
    assert "At: The two-hour call [call]" in out

    _, out, _ = show(capsys, "plan", str(SMALL))
    assert "28 points" in out
    assert "27 points" in out
    # One version after another, oldest first (side by side broke words at 80 columns: issue 13).
    assert out.index("28 points\n---------") < out.index("27 points\n---------")
    assert "Sovereignty" in out

    _, out, _ = show(capsys, "plan-27", str(SMALL))
    assert "version of Peace plan [plan]" in out
    assert "Points: 27" in out


def test_unknown_address_exits_1_naming_the_nearest(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = show(capsys, "teritory", str(SMALL))
    assert status == 1
    assert out == ""
    assert err.count("\n") == 1
    assert "no item 'teritory'" in err
    assert "nearest: territory" in err

    status, _, err = show(capsys, "small/teritory", str(SMALL))
    assert status == 1
    assert "small/territory" in err

    status, _, err = show(capsys, "smal/territory", str(SMALL))
    assert status == 1
    assert "small/territory" in err


def test_an_id_in_several_briefings_must_be_named(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = show(capsys, "call", str(LIBRARY))
    assert status == 1
    assert "small/call" in err
    assert "other/call" in err
    status, out, _ = show(capsys, "other/call", str(LIBRARY))
    assert status == 0
    assert "other/call" in out


def test_several_briefings_without_address_lists_them(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = show(capsys, str(LIBRARY))
    assert status == 0
    assert "small  Small briefing" in out
    assert "other  Other briefing" in out
    assert "there is no month 13" in out


def test_usage_errors_exit_2_with_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = show(capsys, "--bogus")
    assert status == 2
    assert out == ""
    assert err.startswith("brief show: ")
    assert err.count("\n") == 1
    status, _, err = show(capsys, "territory", "no/such/path.yaml")
    assert status == 2
    assert "no such file or directory" in err


def test_help_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = show(capsys, "--help")
    assert status == 0
    assert "usage: brief show" in out


def test_piped_output_is_plain_and_wrapped(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    for address in ("small", "territory", "call", "witkoff", "plan", "axios", "q-fair"):
        status, out, _ = show(capsys, address, str(SMALL))
        assert status == 0
        assert not ESCAPE.search(out)
        too_wide = [line for line in out.splitlines() if cells(line) > 40]
        assert not too_wide, address


def test_every_item_of_the_builtin_briefing_shows(capsys: pytest.CaptureFixture[str]) -> None:
    from brief_tui.loader import load_briefing
    from brief_tui.paths import builtin_content

    briefing = load_briefing(builtin_content() / f"{BUILTIN_ID}.yaml").briefing
    for item_id in briefing.by_id:
        status, out, err = show(capsys, f"{BUILTIN_ID}/{item_id}", "--plain")
        assert status == 0, (item_id, err)
        assert f"{BUILTIN_ID}/{item_id}" in out


def test_a_file_first_then_the_address(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = show(capsys, str(SMALL), "witkoff")
    assert status == 0, err
    assert out.startswith("Steve Witkoff\n")
