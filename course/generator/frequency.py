"""How common a word is in English at large, from the ``wordfreq`` package.

A word everybody uses everywhere ("workers", "research", "review") says little
about one particular text, while a rare one ("cadastre", "zooplankton") usually
names what the text is about. Frequencies are Zipf values: log10 of
occurrences per billion words, so 7 is "the", 5 an everyday noun, 3 a
specialist word, 0 a word wordfreq has never seen (a coinage, a name).
"""

from __future__ import annotations

from functools import lru_cache

from wordfreq import zipf_frequency

from .weights import ZIPF_COMMON, ZIPF_RARE


def _number_variants(word: str) -> set[str]:
    """The word and its possible singulars: a plural is as common as its noun."""
    variants = {word}
    if word.endswith("ies") and len(word) > 4:
        variants.add(word[:-3] + "y")
    if word.endswith("es") and len(word) > 3:
        variants.add(word[:-2])
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        variants.add(word[:-1])
    return variants


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """Zipf frequency of ``word`` (case-insensitive), or of its singular if higher."""
    lower = word.lower().replace("\u2019", "'")
    return max(zipf_frequency(form, "en") for form in _number_variants(lower))


def rarity(word: str) -> float:
    """0 for an everyday word, 1 for a rare one, linear in between (see weights)."""
    span = ZIPF_COMMON - ZIPF_RARE
    return min(1.0, max(0.0, (ZIPF_COMMON - zipf(word)) / span))


def is_common(word: str, threshold: float) -> bool:
    """Whether ``word`` is at least as frequent as ``threshold`` in English at large."""
    return zipf(word) >= threshold
