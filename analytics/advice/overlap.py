"""Whether two audits share customers, judged from salted hashes of their customer keys.

An audit keeps the :data:`SAMPLE` smallest of its customers' 64-bit hashes (BLAKE2b keyed
with the user's salt): at most 32 KB, no key or contact, and hashes mean nothing without the
salt. Below the lower of two samples' largest values each sample holds every hash of its
base, so the hashes there are a uniform sample of both bases, and the share of the smaller
sample found in the other estimates the share of the smaller base that is also in the other.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable
from hashlib import blake2b

SAMPLE = 4096
"""Hashes kept per audit: all of them up to this many customers, the smallest above."""

MIN_COMPARED = 30
"""Fewer sampled customers than this in the common range: too few to judge."""

HASH_BYTES = 8


def customer_hashes(keys: Iterable[str], salt: bytes) -> bytes:
    """The sample of an audit's customer keys: sorted big-endian 8-byte hashes."""
    values = {int.from_bytes(blake2b(key.encode(), digest_size=HASH_BYTES, key=salt).digest())
              for key in keys}
    return b"".join(v.to_bytes(HASH_BYTES) for v in heapq.nsmallest(SAMPLE, values))


def _values(sample: bytes) -> list[int]:
    return [int.from_bytes(sample[i:i + HASH_BYTES])
            for i in range(0, len(sample) - HASH_BYTES + 1, HASH_BYTES)]


def common_share(a: bytes, b: bytes) -> float | None:
    """The estimated share of the smaller base whose customers are also in the other
    (0 to 1); None when the samples overlap in too few customers' range to tell."""
    first, second = _values(a), _values(b)
    if not first or not second:
        return None
    # A sample that kept every hash covers the whole range; a full one, up to its largest.
    limits = [s[-1] for s in (first, second) if len(s) >= SAMPLE]
    bound = min(limits, default=max(first[-1], second[-1]))
    left = {v for v in first if v <= bound}
    right = {v for v in second if v <= bound}
    smaller = min(len(left), len(right))
    if smaller < MIN_COMPARED:
        return None
    return len(left & right) / smaller
