#!/usr/bin/env python3
"""Generate synthetic, valid format-1 briefings of any size, seeded and reproducible.

    python benchmarks/generate.py --events 10000 --threads 500 --seed 1 -o /tmp/big.yaml

The YAML text is written directly (block style, every string double-quoted) rather than
through ``yaml.dump``: it is fast, and it keeps every generated file inside the rules of
FORMAT.md (a date ending in ``?`` is never a plain scalar, ids are unique, scheduled and
expected events never lie wholly before ``as_of``). Importable: ``generate(events=...)``.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

__all__ = ["AS_OF", "generate", "generate_library", "main"]

AS_OF = date(2025, 12, 6)
# Events spread from this many days before as_of to this many after.
_PAST_DAYS = 3 * 365
_FUTURE_DAYS = 200

_THREAD_STATUSES = ("open", "progressing", "near-agreement", "agreed", "stalled", "rejected", "closed", "unknown")
_CONFIDENCES = ("low", "moderate", "high")
_LEANINGS = ("proposes", "supports", "conditional", "undecided", "opposes", "rejects", "unknown")
_SOURCE_KINDS = ("outlet", "official", "document", "social", "other")
_EVENT_KINDS = ("call", "meeting", "visit", "statement", "announcement", "document", "report", "vote", "other")
_LIKELIHOODS = ("remote", "very-unlikely", "unlikely", "even-chance", "likely", "very-likely", "almost-certain")
_RELIABILITY = "ABCDEF"

_PARTIES = (
    ("United States", "US"),
    ("Ukraine", "UA"),
    ("Russia", "RU"),
    ("European Union", "EU"),
    ("Türkiye", "TR"),
    ("Qatar", "QA"),
    ("China", "CN"),
    ("United Kingdom", "UK"),
)
_GROUPS = ("Core issues", "The plan", "Security", "Economy", "Humanitarian", "Основные вопросы", "后续事项", "قضايا")
_PLACES = ("Geneva", "Moscow", "Kyiv", "Miami", "Abu Dhabi", "Istanbul", "Berlin", "London", "Доха", "北京", "الرياض")

_LATIN = [
    "security",
    "guarantees",
    "territory",
    "ceasefire",
    "sanctions",
    "prisoners",
    "exchange",
    "energy",
    "grid",
    "reconstruction",
    "monitoring",
    "mission",
    "referendum",
    "border",
    "corridor",
    "grain",
    "port",
    "nuclear",
    "plant",
    "frozen",
    "assets",
    "elections",
    "amnesty",
    "troops",
    "withdrawal",
    "framework",
    "draft",
    "envoy",
    "delegation",
    "summit",
    "talks",
    "proposal",
    "counterproposal",
    "memorandum",
    "annex",
    "clause",
    "timetable",
    "verification",
    "observers",
    "guarantee",
    "parliament",
    "treaty",
]
_CYRILLIC = [
    "переговоры",
    "гарантии",
    "территория",
    "перемирие",
    "санкции",
    "обмен",
    "пленными",
    "энергетика",
    "границы",
    "договор",
]
_CJK = ["和平", "谈判", "安全", "保障", "领土", "停火", "制裁", "能源", "协议", "草案"]
_ARABIC = ["مفاوضات", "سلام", "ضمانات", "أمنية", "وقف", "إطلاق", "النار", "عقوبات", "اتفاق"]
_EMOJI = ("🕊️", "📄", "⚠️", "🤝", "🇺🇦", "🇺🇸", "✅", "❓")
_GIVEN = [
    "Steve",
    "Marco",
    "Rustem",
    "Kirill",
    "Yuri",
    "Andriy",
    "Jared",
    "Dan",
    "Keith",
    "Olena",
    "Anna",
    "Li",
    "Wei",
    "Fatima",
    "Ahmed",
    "Emre",
    "Sergei",
]
_FAMILY = [
    "Witkoff",
    "Rubio",
    "Umerov",
    "Dmitriev",
    "Ushakov",
    "Yermak",
    "Kushner",
    "Driscoll",
    "Kellogg",
    "Petrova",
    "Zhang",
    "Haddad",
    "Yilmaz",
]
_ROLES = ("special envoy", "foreign minister", "chief negotiator", "adviser", "defence secretary", "spokesperson")
_OUTLETS = ("Axios", "Reuters", "Financial Times", "Kyiv Independent", "Коммерсантъ", "新华社", "الجزيرة", "Politico")


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is valid YAML; raw UTF-8 kept)."""
    return json.dumps(text, ensure_ascii=False)


@dataclass
class _Ids:
    """Every id handed out, to keep them unique across the whole file."""

    seen: set[str] = field(default_factory=set)

    def new(self, stem: str) -> str:
        ident = stem
        n = 2
        while ident in self.seen:
            ident = f"{stem}-{n}"
            n += 1
        self.seen.add(ident)
        return ident


class _Writer:
    """Builds the briefing text line by line."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.lines: list[str] = []
        self.ids = _Ids()

    # -- text --------------------------------------------------------------------------
    def words(self, low: int, high: int) -> str:
        rng = self.rng
        n = rng.randint(low, high)
        out = rng.choices(_LATIN, k=n)
        roll = rng.random()
        if roll < 0.12:
            out.insert(rng.randrange(n + 1), rng.choice(_CYRILLIC))
        elif roll < 0.2:
            out.insert(rng.randrange(n + 1), rng.choice(_CJK))
        elif roll < 0.26:
            out.insert(rng.randrange(n + 1), rng.choice(_ARABIC))
        elif roll < 0.3:
            out.append(rng.choice(_EMOJI))
        return " ".join(out)

    def title(self) -> str:
        text = self.words(2, 6)
        return text[0].upper() + text[1:]

    def sentence(self) -> str:
        return self.title() + "."

    def markdown(self, refs: list[str]) -> list[str]:
        """A Markdown summary as block-literal lines (without the key line)."""
        rng = self.rng
        paras = []
        for _ in range(rng.randint(1, 2)):
            parts = [self.sentence() for _ in range(rng.randint(1, 3))]
            if refs and rng.random() < 0.3:
                target = rng.choice(refs)
                parts.append(f"See [{self.words(1, 3)}](#{target}).")
            if rng.random() < 0.2:
                parts.append(f"**{self.words(1, 2)}** remains *unclear*.")
            paras.append(" ".join(parts))
        return paras

    # -- dates -------------------------------------------------------------------------
    def qualifier(self, p: float = 0.15) -> str:
        roll = self.rng.random()
        if roll < p * 0.5:
            return "?"
        if roll < p * 0.85:
            return "~"
        if roll < p:
            return "%"
        return ""

    def point(self, day: date, precision_roll: float | None = None) -> str:
        """A date string around ``day`` at a random precision, sometimes qualified."""
        roll = self.rng.random() if precision_roll is None else precision_roll
        if roll < 0.02:
            return f"{day.year}" + self.qualifier()
        if roll < 0.1:
            return f"{day:%Y-%m}" + self.qualifier()
        if roll < 0.2:
            zone = self.rng.choice(("", "Z", "+02:00", "+03:00", "-05:00"))
            return f"{day:%Y-%m-%d}T{self.rng.randint(6, 21):02d}:{self.rng.choice((0, 15, 30, 45)):02d}{zone}"
        return f"{day:%Y-%m-%d}" + self.qualifier()

    def event_date(self, day: date, future: bool) -> str:
        """A point or an interval; a future event's date never ends before as_of."""
        rng = self.rng
        roll = rng.random()
        if roll < 0.1:
            end = day + timedelta(days=rng.randint(1, 20))
            return f"{day:%Y-%m-%d}{self.qualifier(0.1)}/{end:%Y-%m-%d}{self.qualifier(0.1)}"
        if roll < 0.13:
            return f"{day:%Y-%m-%d}/.."
        if roll < 0.15 and not future:
            return f"../{day:%Y-%m-%d}"
        # A coarser precision of a day on or after as_of still ends after as_of.
        return self.point(day)

    def as_of_text(self) -> str:
        return f"{AS_OF:%Y-%m-%d}"

    # -- output ------------------------------------------------------------------------
    def emit(self, line: str) -> None:
        self.lines.append(line)

    def block(self, indent: str, key: str, paras: list[str]) -> None:
        self.emit(f"{indent}{key}: |")
        for i, para in enumerate(paras):
            if i:
                self.emit("")
            self.emit(f"{indent}  {para}")

    def ref_list(self, indent: str, key: str, refs: list[str]) -> None:
        if not refs:
            return
        self.emit(f"{indent}{key}:")
        for ref in refs:
            self.emit(f"{indent}  - {ref}")

    def sources(self, indent: str, source_ids: list[str], low: int = 0, high: int = 2) -> None:
        rng = self.rng
        n = rng.randint(low, high)
        if not n or not source_ids:
            return
        self.emit(f"{indent}sources:")
        for sid in rng.sample(source_ids, min(n, len(source_ids))):
            if rng.random() < 0.3:
                self.emit(f"{indent}  - source: {sid}")
                self.emit(f"{indent}    credibility: {rng.randint(1, 6)}")
                if rng.random() < 0.3:
                    self.emit(f"{indent}    note: {_q(self.sentence())}")
            else:
                self.emit(f"{indent}  - {sid}")


def _days(rng: random.Random, n: int) -> Iterator[date]:
    """n days spread over the briefing's span, in order, with some clustering."""
    start = AS_OF - timedelta(days=_PAST_DAYS)
    span = _PAST_DAYS + _FUTURE_DAYS
    offsets = sorted(int(rng.triangular(0, span, _PAST_DAYS)) for _ in range(n))
    for off in offsets:
        yield start + timedelta(days=off)


def generate(events: int = 1000, threads: int = 50, seed: int = 1) -> str:
    """A valid format-1 briefing with ``events`` events and ``threads`` threads, as YAML text."""
    events = max(events, 0)
    threads = max(threads, 1)
    w = _Writer(seed)
    rng = w.rng
    n_parties = min(len(_PARTIES), 3 + events // 2000 + 2)
    n_actors = max(4, events // 40)
    n_outlets = max(3, events // 200)
    n_anon = max(1, events // 500)
    n_quotes = events // 4
    n_documents = max(1, threads // 25)

    w.emit("brief: 1")
    w.emit(f"id: synthetic-{events}-{threads}-{seed}")
    w.emit(f"title: {_q(f'Synthetic briefing: {events} events, {threads} threads — переговоры 和平')}")
    w.emit(f"subtitle: {_q('Generated by benchmarks/generate.py')}")
    w.emit(f"as_of: {_q(w.as_of_text())}")
    w.emit(f"based_on: {_q(f'nothing: synthetic content, seed {seed}')}")
    w.emit('timezone: "+02:00"')
    w.emit("updated: " + _q("2025-12-06T18:00"))
    w.emit('language: "en"')
    w.emit('marking: "TLP:CLEAR"')
    w.block("", "summary", w.markdown([]))
    w.emit("key_points:")
    for _ in range(4):
        w.emit(f"  - {_q(w.sentence())}")

    party_ids = [w.ids.new(f"party-{short.lower()}") for _, short in _PARTIES[:n_parties]]
    w.emit("parties:")
    for pid, (name, short) in zip(party_ids, _PARTIES, strict=False):
        w.emit(f"  - id: {pid}")
        w.emit(f"    name: {_q(name)}")
        w.emit(f"    short: {_q(short)}")
        if rng.random() < 0.5:
            w.emit(f"    color: {_q(rng.choice(('blue', 'yellow', 'red', 'green')))}")

    actor_ids = [w.ids.new(f"actor-{i}") for i in range(1, n_actors + 1)]
    w.emit("actors:")
    for aid in actor_ids:
        w.emit(f"  - id: {aid}")
        w.emit(f"    name: {_q(f'{rng.choice(_GIVEN)} {rng.choice(_FAMILY)}')}")
        if rng.random() < 0.7:
            w.emit(f"    role: {_q(rng.choice(_ROLES))}")
        if rng.random() < 0.9:
            w.emit(f"    party: {rng.choice(party_ids)}")
        if rng.random() < 0.2:
            w.emit("    aliases:")
            w.emit(f"      - {_q(rng.choice(_FAMILY) + ' ' + rng.choice(_CYRILLIC))}")

    outlet_ids = [w.ids.new(f"source-{i}") for i in range(1, n_outlets + 1)]
    anon_ids = [w.ids.new(f"anon-{i}") for i in range(1, n_anon + 1)]
    source_ids = outlet_ids + anon_ids
    w.emit("sources:")
    for i, sid in enumerate(outlet_ids):
        kind = "outlet" if i % 3 == 0 else rng.choice(_SOURCE_KINDS)
        w.emit(f"  - id: {sid}")
        w.emit(f"    name: {_q(f'{_OUTLETS[i % len(_OUTLETS)]} {i + 1}')}")
        w.emit(f"    kind: {kind}")
        if rng.random() < 0.6:
            w.emit(f"    url: {_q(f'https://example.org/{sid}')}")
        if rng.random() < 0.8:
            w.emit(f"    reliability: {rng.choice(_RELIABILITY)}")
        if rng.random() < 0.2:
            w.emit(f"    note: {_q(w.sentence())}")
    for sid in anon_ids:
        w.emit(f"  - id: {sid}")
        w.emit(f"    name: {_q('an official familiar with the talks, ' + w.words(1, 2))}")
        w.emit("    kind: anonymous")
        w.emit(f"    via: {outlet_ids[rng.randrange(0, len(outlet_ids), 3)]}")
        if rng.random() < 0.5:
            w.emit(f"    reliability: {rng.choice('CDEF')}")

    thread_ids = [w.ids.new(f"thread-{i}") for i in range(1, threads + 1)]
    event_ids = [w.ids.new(f"event-{i}") for i in range(1, events + 1)]
    quote_ids = [w.ids.new(f"quote-{i}") for i in range(1, n_quotes + 1)]
    document_ids = [w.ids.new(f"document-{i}") for i in range(1, n_documents + 1)]
    n_groups = min(len(_GROUPS), max(1, threads // 5))

    w.emit("threads:")
    for i, tid in enumerate(thread_ids):
        w.emit(f"  - id: {tid}")
        w.emit(f"    title: {_q(w.title())}")
        w.emit(f"    group: {_q(_GROUPS[i % n_groups])}")
        w.emit(f"    status: {rng.choice(_THREAD_STATUSES)}")
        if rng.random() < 0.8:
            w.emit(f"    confidence: {rng.choice(_CONFIDENCES)}")
        w.block("    ", "summary", w.markdown(thread_ids[:i] + event_ids[:50]))
        w.ref_list("    ", "parties", rng.sample(party_ids, rng.randint(1, min(3, len(party_ids)))))
        w.ref_list("    ", "actors", rng.sample(actor_ids, rng.randint(0, min(3, len(actor_ids)))))
        n_pos = rng.randint(1, 4)
        w.emit("    positions:")
        for _ in range(n_pos):
            if rng.random() < 0.85:
                w.emit(f"      - party: {rng.choice(party_ids)}")
            else:
                w.emit(f"      - actor: {rng.choice(actor_ids)}")
            w.emit(f"        stance: {_q(w.sentence())}")
            w.emit(f"        leaning: {rng.choice(_LEANINGS)}")
            if rng.random() < 0.7:
                past = AS_OF - timedelta(days=rng.randint(0, _PAST_DAYS))
                w.emit(f"        as_of: {_q(w.point(past))}")
            w.sources("        ", source_ids, 0, 2)
        if rng.random() < 0.6:
            w.emit("    status_history:")
            day = AS_OF - timedelta(days=rng.randint(250, _PAST_DAYS))
            for _ in range(rng.randint(1, 4)):
                day += timedelta(days=rng.randint(1, 60))
                w.emit(f"      - date: {_q(f'{day:%Y-%m-%d}' + w.qualifier(0.1))}")
                w.emit(f"        status: {rng.choice(_THREAD_STATUSES)}")
                if rng.random() < 0.5:
                    w.emit(f"        note: {_q(w.sentence())}")
                w.sources("        ", source_ids, 0, 1)
        if rng.random() < 0.5:
            w.emit("    open_questions:")
            for _ in range(rng.randint(1, 3)):
                w.emit(f"      - {_q(w.sentence()[:-1] + '?')}")
        if threads > 1 and rng.random() < 0.4:
            others = [t for t in rng.sample(thread_ids, min(3, threads)) if t != tid]
            w.ref_list("    ", "related", others)

    w.emit("events:")
    event_days = list(_days(rng, events))
    for eid, day in zip(event_ids, event_days, strict=False):
        future = day >= AS_OF
        if future:
            status = rng.choices(("scheduled", "expected", "postponed", "cancelled"), (5, 4, 1, 1))[0]
        else:
            status = rng.choices(("occurred", "reported", "postponed", "cancelled"), (8, 3, 1, 1))[0]
        w.emit(f"  - id: {eid}")
        w.emit(f"    date: {_q(w.event_date(day, future))}")
        w.emit(f"    title: {_q(w.title())}")
        w.emit(f"    kind: {rng.choice(_EVENT_KINDS)}")
        w.emit(f"    status: {status}")
        w.ref_list("    ", "threads", rng.sample(thread_ids, rng.randint(1, min(2, threads))))
        if rng.random() < 0.6:
            w.ref_list("    ", "actors", rng.sample(actor_ids, rng.randint(1, min(3, len(actor_ids)))))
        if rng.random() < 0.5:
            w.emit(f"    place: {_q(rng.choice(_PLACES))}")
        if rng.random() < 0.8:
            w.block("    ", "summary", w.markdown(thread_ids[:20]))
        w.sources("    ", source_ids, 1, 2)
        if not future and rng.random() < 0.1:
            w.emit(f"    reported_on: {_q(f'{day + timedelta(days=rng.randint(1, 5)):%Y-%m-%d}')}")
        if future and rng.random() < 0.1:
            w.emit(f"    display_date: {_q(rng.choice(('later this week', 'next month', 'before the new year')))}")
        if status == "expected" and rng.random() < 0.8:
            w.emit(f"    likelihood: {rng.choice(_LIKELIHOODS)}")

    if quote_ids:
        w.emit("quotes:")
    for qid in quote_ids:
        k = rng.randrange(events)
        w.emit(f"  - id: {qid}")
        w.emit(f"    text: {_q(w.words(6, 20).capitalize() + '.')}")
        if rng.random() < 0.7:
            w.emit(f"    speaker: {rng.choice(actor_ids)}")
        else:
            w.emit(
                f"    attribution: {_q(rng.choice(('a Ukrainian official', 'a senior US official', 'a Kremlin aide')))}"
            )
        if event_days[k] < AS_OF:
            w.emit(f"    date: {_q(f'{event_days[k]:%Y-%m-%d}' + w.qualifier(0.2))}")
        if rng.random() < 0.6:
            w.emit(f"    event: {event_ids[k]}")
        w.ref_list("    ", "threads", rng.sample(thread_ids, rng.randint(0, min(2, threads))))
        w.sources("    ", source_ids, 0, 2)

    w.emit("documents:")
    for did in document_ids:
        w.emit(f"  - id: {did}")
        w.emit(f"    title: {_q('Draft ' + w.title())}")
        w.ref_list("    ", "threads", rng.sample(thread_ids, rng.randint(1, min(3, threads))))
        w.emit("    versions:")
        day = AS_OF - timedelta(days=rng.randint(70, 400))
        for v in range(1, rng.randint(1, 3) + 1):
            day += timedelta(days=rng.randint(1, 20))
            w.emit(f"      - id: {w.ids.new(f'{did}-v{v}')}")
            w.emit(f"        label: {_q(f'{rng.choice((20, 27, 28, 12))}-point version {v}')}")
            w.emit(f"        date: {_q(f'{day:%Y-%m-%d}' + w.qualifier(0.2))}")
            w.emit(f"        points: {rng.randint(5, 30)}")
            w.ref_list("        ", "authors", rng.sample(actor_ids, rng.randint(0, 2)))
            w.block("        ", "summary", w.markdown([]))
            w.emit("        parts:")
            for _ in range(rng.randint(1, 4)):
                w.emit(f"          - title: {_q(w.title())}")
                if rng.random() < 0.7:
                    w.emit(f"            summary: {_q(w.sentence())}")
                w.ref_list("            ", "threads", rng.sample(thread_ids, rng.randint(0, min(2, threads))))
                w.sources("            ", source_ids, 0, 1)
            w.sources("        ", source_ids, 1, 2)

    w.emit("")
    return "\n".join(w.lines)


def generate_library(
    directory: Path, briefings: int, events: int = 100, threads: int | None = None, seed: int = 1
) -> list[Path]:
    """A library folder of ``briefings`` files of ``events`` events each (ids differ by seed); the paths."""
    directory.mkdir(parents=True, exist_ok=True)
    threads = threads if threads is not None else max(5, events // 20)
    paths = []
    for index in range(briefings):
        path = directory / f"briefing-{index:05d}.yaml"
        path.write_text(generate(events=events, threads=threads, seed=seed + index), encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    """Command line: write a generated briefing (or a library folder of them) to a file or stdout."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=1000)
    ap.add_argument("--threads", type=int, default=None, help="default: events / 20, at least 5")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("-o", "--output", help="file to write (default: stdout); with --library, the folder")
    ap.add_argument("--library", type=int, metavar="N", help="write N briefings into the folder -o names")
    args = ap.parse_args(argv)
    threads = args.threads if args.threads is not None else max(5, args.events // 20)
    if args.library is not None:
        if not args.output:
            ap.error("--library needs -o FOLDER")
        generate_library(Path(args.output), args.library, args.events, threads, args.seed)
        return 0
    text = generate(events=args.events, threads=threads, seed=args.seed)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
