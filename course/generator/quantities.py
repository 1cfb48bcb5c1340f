"""False statements that give a measured quantity another value the same text reports in
the same unit: "transport occurs for approximately 17 h yr-1" where the text found 10 h
and 17 h is the residence time it reports next; "60% show positive trends" where 97% do
and 60% warm significantly.

Only the text's own values are used, so the wrong one is plausible to someone who skimmed
and never absurd; the student must know which value belongs to which finding. Nothing is
moved inside a range ("between 0.5 and 0.75 m"), beside a value it is compared with in the
statement itself, or where the statement already gives the other value.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

#: Units a measured value is read with (the symbol right after the number).
_UNITS = (
    "%|per cent|percent|h|hr|hrs|min|s|ms|d|yr|m|km|cm|mm|\u00b5m|\u03bcm|nm|kg|g|mg|"
    "\u00b5g|t|Pa|kPa|MPa|GPa|\u00b0C|K|Hz|kHz|MHz|GHz|W|kW|MW|GW|V|mV|kV|L|mL|ha|km2|m2|"
    "m3|ppm|ppb|dB|mmHg|mm Hg|kcal|kJ|J|N|kN|mol|mmol|\u00b5mol|M|mM|\u00b5M"
)
#: A value with its unit: "10 h", "97%", "1,162 MPa", "0.75 m".
_QUANTITY_RE = re.compile(rf"(?<![\w.,\u2212-])(\d+(?:[.,]\d+)*)\s?({_UNITS})(?![\w\u00b0])")
#: The value is one end of a range: "between 0.5 and 0.75 m", "10-20 h".
_RANGE_NEAR_RE = re.compile(
    r"\b(?:between|from)\s+[\d.,]+\s?\S*\s*$|^\s*(?:\S+\s+)?(?:and|to|\u2013|-)\s*[\d.,]+|"
    r"[\d.,]+\s?\S*\s*(?:\u2013|-|to)\s*$",
    re.IGNORECASE,
)
#: A value compared with another in the statement: "below 130 mm Hg rather than 140".
_COMPARED_RE = re.compile(
    r"\b(?:rather than|than|compared (?:with|to)|versus|vs\.?|instead of)\b", re.IGNORECASE
)
#: A share in parentheses right after the count it is the share of.
_SHARE_OF_A_COUNT_RE = re.compile(
    r"(?:\d+|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b)"
    r"(?:\s+[\w-]+){0,2}\s*\(\s*$",
    re.IGNORECASE,
)
#: How much larger or smaller the other value may be: a value far off is guessed wrong,
#: and one within a tenth of it reads as the same value, rounded.
MAX_RATIO = 5.0
MIN_RATIO = 1.1


@dataclass(frozen=True)
class QuantityMove:
    statement: str  # the false statement
    said: str  # the value the text gives ("10 h")
    put: str  # the text's other value, put in its place ("17 h")


def _value(number: str) -> float | None:
    try:
        return float(number.replace(",", ""))
    except ValueError:
        return None


def _decimals(number: str) -> int:
    """Digits after the decimal point: "0.75" 2, "1,162" 0."""
    _, dot, tail = number.rpartition(".")
    return len(tail) if dot else 0


def _unit(unit: str) -> str:
    return "%" if unit.lower() in ("%", "per cent", "percent") else unit


def quantity_moves(statement: str, sentences: Sequence[str]) -> list[QuantityMove]:
    """A way to make ``statement`` false by giving one of its values another value of the
    same unit from ``sentences`` (the nearest in size), or none."""
    found = list(_QUANTITY_RE.finditer(statement))
    for match in found:
        if sum(1 for m in found if _unit(m.group(2)) == _unit(match.group(2))) > 1:
            continue  # "at 0.1%, 0.3% and 0.5%": a list or a comparison of values, not one
        moved = _move(statement, match, sentences)
        if moved:
            return [moved]
    return []


def _move(statement: str, match: re.Match[str], sentences: Sequence[str]) -> QuantityMove | None:
    number, unit = match.group(1), _unit(match.group(2))
    value = _value(number)
    if value is None or value == 0:
        return None
    before, after = statement[: match.start()], statement[match.end() :]
    if _RANGE_NEAR_RE.search(before[-30:]) or _RANGE_NEAR_RE.match(after[:30]):
        return None
    if before.rfind("(") > before.rfind(")"):
        return None  # "levels were low (2 %)": the figure an aside to the claim, which stays true
    if _SHARE_OF_A_COUNT_RE.search(before[-30:]):
        return None  # "Five patients (12.5%)": the share follows from the count and the total
    if _COMPARED_RE.search(before[-40:]) or _COMPARED_RE.search(after[:25]):
        return None  # "below 130 rather than 140 mm Hg": a compared value moved may still hold
    others: dict[str, float] = {}
    for sentence in sentences:
        for other in _QUANTITY_RE.finditer(sentence):
            if _unit(other.group(2)) != unit or other.group(1) == number:
                continue
            other_value = _value(other.group(1))
            if not other_value or _decimals(other.group(1)) != _decimals(number):
                continue  # "129.4 mm Hg" for "130 mm Hg": a measured mean for a set target
            ratio = max(other_value, value) / min(other_value, value)
            if MIN_RATIO <= ratio <= MAX_RATIO:
                others[other.group(1)] = other_value
    # (not a value the statement already gives: "60% show …, with 60% warming")
    others = {
        n: v
        for n, v in others.items()
        if not re.search(rf"(?<![\d.,]){re.escape(n)}(?![\d])", statement)
    }
    if not others:
        return None
    put_number = min(others, key=lambda n: (abs(others[n] - value), n))
    put = f"{put_number}{match.group(0)[len(number) :]}"
    return QuantityMove(before + put + after, match.group(0), put)
