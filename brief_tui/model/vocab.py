"""The closed vocabularies of format 1, with the meaning of each grade."""

from __future__ import annotations

__all__ = [
    "CONFIDENCES",
    "CREDIBILITY",
    "EVENT_KINDS",
    "EVENT_STATUSES",
    "FORMAT_VERSION",
    "LEANINGS",
    "LIKELIHOODS",
    "PART_STATUSES",
    "RELIABILITY",
    "SOURCE_KINDS",
    "THREAD_STATUSES",
    "UNDATED_STATUSES",
    "VERSION_STATES",
]

# The major version of the briefing format this reader implements.
FORMAT_VERSION = 1

THREAD_STATUSES = (
    "open",
    "progressing",
    "near-agreement",
    "agreed",
    "stalled",
    "rejected",
    "closed",
    "unknown",
)
CONFIDENCES = ("low", "moderate", "high")
LEANINGS = ("proposes", "supports", "conditional", "undecided", "opposes", "rejects", "unknown")
SOURCE_KINDS = ("outlet", "official", "document", "anonymous", "social", "other")
EVENT_KINDS = (
    "call",
    "meeting",
    "visit",
    "statement",
    "announcement",
    "document",
    "report",
    "vote",
    "other",
)
EVENT_STATUSES = ("occurred", "reported", "scheduled", "expected", "postponed", "cancelled")
# The statuses on which an event may leave out `date`: its date is not set yet.
UNDATED_STATUSES = ("scheduled", "expected", "postponed")
VERSION_STATES = (
    "draft",
    "proposed",
    "initialled",
    "agreed",
    "signed",
    "ratified",
    "in-force",
    "withdrawn",
    "rejected",
)
PART_STATUSES = ("agreed", "open", "disputed", "dropped", "unknown")
LIKELIHOODS = (
    "remote",
    "very-unlikely",
    "unlikely",
    "even-chance",
    "likely",
    "very-likely",
    "almost-certain",
)
RELIABILITY = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "reliability cannot be judged",
}
CREDIBILITY = {
    1: "confirmed",
    2: "probably true",
    3: "possibly true",
    4: "doubtful",
    5: "improbable",
    6: "truth cannot be judged",
}
