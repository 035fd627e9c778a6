"""The public content counters (kit/cache.py) as tests read them."""

from __future__ import annotations

from kit.cache import public_generation
from kit.public import TOPICS


def generations() -> dict[str, int]:
    return {topic: int(public_generation([topic])) for topic in TOPICS}


def moved_since(before: dict[str, int]) -> set[str]:
    """The topics whose counter was set to a new value since `before` was read."""
    after = generations()
    assert all(after[topic] >= before[topic] for topic in TOPICS)
    return {topic for topic in TOPICS if after[topic] != before[topic]}
