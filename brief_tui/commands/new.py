"""`brief new ID [-o FILE]`: a commented skeleton briefing that validates as written.

Every section an author fills in is there, with one example item each, so the shape
of the format can be seen and copied; the comments say what each key means.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from string import Template

from brief_tui.commands import CommandParser, parse_args, say

__all__ = ["main", "skeleton"]

_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")

_SKELETON = Template("""\
# A briefing in format 1. `brief validate $file` checks it; `brief $file` reads it.
# Leave out what the material does not give: omit, never infer. A date worked out
# from "Monday" or "a few days later" carries `?` (uncertain) or `~` (approximate).
# For completion in editors: `brief schema > briefing.schema.json`, then make the
# first line `# yaml-language-server: $$schema=briefing.schema.json`.

brief: 1  # the format version
id: $id  # lowercase letters, digits and -; unique in a library
title: Title of the briefing
subtitle: What it covers, in a line
as_of: "$today"  # the moment the briefing describes: "past" and "upcoming" are relative to it
based_on: What the briefing is made from (which reports, of what date)
# timezone: Europe/Kyiv  # times written without a zone are read in it (default UTC)
# marking: "TLP:CLEAR"  # a handling marking, shown as a banner

summary: |
  Markdown. Link to any item by its id: the [first thread](#first-thread).

key_points:  # the headline takeaways: plain strings, or {text, sources}
  - The first takeaway.
  - text: A takeaway with the sources it rests on.
    sources: [first-source]

parties:  # the sides at the table
  - id: first-party
    name: First party
    short: FP  # 1-5 letters, digits or +, for narrow columns (UA, E3, P5+1)
  - id: second-party
    name: Second party
    short: SP

actors:  # people and bodies
  - id: first-actor
    name: Full name
    role: Their role, as the material gives it
    party: first-party

sources:  # where claims come from; cite them by id in `sources:` lists
  - id: first-source
    name: Name of the outlet, office or document
    kind: outlet  # outlet, official, document, anonymous, social, other
    # url: https://example.org/article
    # reliability: C  # Admiralty scale A-F; leave it out when there is no basis for a grade
    # via: other-source  # the source that relays this one (an anonymous source via an outlet)

threads:  # the negotiation threads the sidebar lists
  - id: first-thread
    title: What is negotiated
    short_title: Short title  # for narrow columns
    group: A sidebar heading  # threads without one come first, under no heading
    status: open  # open, progressing, near-agreement, agreed, stalled, rejected, closed, unknown
    confidence: moderate  # low, moderate, high: your confidence in that status
    summary: |
      Markdown: where the thread stands, and why.
    parties: [first-party, second-party]
    actors: [first-actor]
    positions:  # each side's stance; several entries with different as_of show it over time
      - party: first-party
        stance: What the side wants, in the material's words.
        leaning: unknown  # proposes, supports, conditional, undecided, opposes, rejects, unknown
        as_of: "$today"
        sources: [first-source]
    status_history:  # oldest first
      - date: "$today"
        status: open
        note: What changed.
        sources: [first-source]
    open_questions:  # plain strings, or {text, sources}
      - What the material leaves open.

events:  # points and spans on the timeline
  - id: first-event
    date: "$today"  # 2025-12-06, 2025-12, 2025-12-06T14:30, 2025-12-06?, 2025-11-20/2025-12-02, ../2028-12
    title: What happened
    kind: meeting  # call, meeting, visit, statement, announcement, document, report, vote, other
    status: occurred  # occurred, reported, scheduled, expected, postponed, cancelled
    threads: [first-thread]
    actors: [first-actor]
    sources: [first-source]
  - id: next-event
    # No `date` yet: a scheduled, expected or postponed event may leave it out.
    display_date: what the material says about when
    title: What comes next
    status: expected
    threads: [first-thread]

quotes:  # words on record, verbatim
  - id: first-quote
    text: The words, exactly as reported.
    speaker: first-actor  # or `attribution: a senior official` for an unnamed speaker
    event: first-event
    threads: [first-thread]
    sources:
      - source: first-source
        credibility: 2  # 1 confirmed ... 5 improbable, 6 cannot be judged
        locator: paragraph 3  # page, paragraph or timestamp

documents:  # texts under negotiation, with their versions oldest first
  - id: first-document
    title: Name of the text
    threads: [first-thread]
    versions:
      - id: first-version
        label: First draft
        date: "$today"
        state: draft  # draft, proposed, initialled, agreed, signed, ratified, in-force, withdrawn, rejected
        authors: [first-party]  # actors or parties
        parts:
          - title: A part of the text
            number: Article 1
            status: open  # agreed, open, disputed, dropped, unknown
            threads: [first-thread]
        sources: [first-source]
""")


def skeleton(ident: str, today: date, file: str = "FILE") -> str:
    """The skeleton briefing for an id, dated ``today``."""
    return _SKELETON.substitute(id=ident, today=today.isoformat(), file=file)


def main(argv: Sequence[str]) -> int:
    """Write a skeleton briefing to stdout or a new file; 2 on a usage error, 1 if the file exists."""
    parser = CommandParser(
        prog="brief new",
        description="Write a commented skeleton briefing, with every section an author fills in. "
        "It validates as written; replace the examples with the material's facts.",
    )
    parser.add_argument("id", metavar="ID", help="the briefing's id: lowercase letters, digits and -")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE (a new file) instead of stdout")
    args = parse_args(parser, argv)
    if isinstance(args, int):
        return args
    if not _ID.fullmatch(args.id):
        say("brief new", f"`{args.id}` is not a valid id: use lowercase letters, digits and `-`")
        return 2
    if args.output is None:
        sys.stdout.write(skeleton(args.id, date.today()))
        return 0
    path = Path(args.output)
    text = skeleton(args.id, date.today(), path.name)
    try:
        with path.open("x", encoding="utf-8") as handle:
            handle.write(text)
    except FileExistsError:
        say("brief new", f"{path} already exists; choose another FILE")
        return 1
    except OSError as error:
        say("brief new", f"cannot write {path}: {error.strerror or error}")
        return 1
    return 0
