"""The tuning table of concept ranking: every weight and threshold in one place.

A concept's score is a product of factors, each 1.0 when its signal is absent,
so a weight reads as "this signal multiplies the score by ...". The signals are
the text's own (how often a term recurs, where it first appears, whether the
text names, abbreviates, defines, lists or contrasts it) plus one from English
at large: how rare its words are (:mod:`course.generator.frequency`). Nothing
here is about any particular subject; change a weight only with a reason that
holds for abstracts in every field.
"""

from __future__ import annotations

# --- word frequency (Zipf scale: 7 = "the", 5 = an everyday noun, 3 = a specialist word)

#: At or above this a word counts as fully everyday for specificity (rarity 0):
#: "development", "government", "model".
ZIPF_COMMON = 5.3
#: At or below this a word counts as fully specialised (rarity 1): "cadastre".
ZIPF_RARE = 2.8
#: A lone word at least this common ("workers", "review", "elections", "domain") is
#: everyday English, not a key concept of one text, unless the text defines it.
COMMON_WORD_ZIPF = 4.3

# --- score factors ------------------------------------------------------------------

#: score *= 1 + FREQUENCY * ln(occurrences): recurrence matters, with diminishing returns.
FREQUENCY = 1.0
#: score *= 1 + EXTRA_WORD * (words - 1), counting up to three words: a multi-word
#: term names one specific thing where its head word alone is broad.
EXTRA_WORD = 0.8
#: score *= 1 + EARLY * (share of the text before its first mention, reversed):
#: abstracts introduce what they are about first.
EARLY = 0.5
#: A capitalised name or a term with an acronym: the author chose to name it.
PROPER = 1.35
#: An acronym, on top of PROPER: authors coin or repeat one only for what they
#: keep talking about.
ACRONYM = 1.5
#: score *= 1 + TITLE * (share of its content words found in the title).
TITLE = 0.6
#: Some mention is a sentence subject: what a sentence is about, not a passing mention.
SUBJECT = 1.5
#: A multi-word item of an enumeration ("took three forms: A; B; C").
LISTED = 1.4
#: ... and "X of the <topic word>": one aspect of what the whole text is about.
ASPECT = 1.3
#: The text defines it ("X is a ...", "X, a ...", "Y (X)", "Y called X").
DEFINED = 1.5
#: The text sets it against another ("X rather than Y", "unlike X", "X versus Y").
CONTRASTED = 1.25
#: The text marks a rare word as its term in quotation marks ("an example of
#: “troilism”"): the author names a concept the text is about.
QUOTED = 2.5
#: score *= 1 + SPECIFIC_WORD * rarity for a lone word, 1 + SPECIFIC_PHRASE * rarity
#: for a phrase (rarity of its rarest word, 0..1). Phrases weigh it less: a term
#: built from everyday words ("shock work", "power struggle") can still be the
#: text's own, and its recurrence and role show that better than its words.
SPECIFIC_WORD = 1.2
SPECIFIC_PHRASE = 0.6
#: A name counts as at least this specific: "Italy" is common English, but an
#: abstract naming it is about it.
NAME_MIN_RARITY = 0.5
#: A lone common noun is usually too broad to teach; frequency can still lift it.
LONE_WORD = 0.75
#: ... and one with an adjective ending ("economic", "digital") even more so.
LONE_ADJECTIVE = 0.5
#: A date or period is context, rarely a concept.
DATE = 0.5

# --- core concepts --------------------------------------------------------------------

#: Share of the glossary marked core (the few the abstract is about) ...
CORE_SHARE = 0.5
#: ... but never fewer than this many.
MIN_CORE = 3
