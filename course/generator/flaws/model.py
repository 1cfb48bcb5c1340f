"""Flaws and their catalog: the codes, the rubric criterion each fails, and how sure a
finding is (see the package docstring)."""

from __future__ import annotations

from dataclasses import dataclass

CRITERIA = ("grounded", "unambiguous", "well-formed", "worth asking", "fair distractors")

#: A finding is a flaw at least this sure: the instructor is told of it, and the generator
#: never returns an item with one. Weaker flaws are doubts: they lower the generator's
#: confidence in a candidate but are not shown, so a good question is not nagged about.
REPORTED = 0.5


@dataclass(frozen=True)
class FlawInfo:
    """What a flaw code means, for instructors and for the README's list."""

    criterion: str  # the rubric criterion it fails, one of CRITERIA
    title: str  # a few words
    explanation: str  # why it matters, one sentence
    suggestion: str  # what to change, one imperative sentence
    example: str = ""  # a question that has it
    needs_text: bool = False  # judged against the source text, so only for items that cite it


def _info(
    criterion: str,
    title: str,
    explanation: str,
    suggestion: str,
    example: str = "",
    needs_text: bool = False,
) -> FlawInfo:
    return FlawInfo(criterion, title, explanation, suggestion, example, needs_text)


#: Every flaw the checker reports. The codes are stable: the review workspace, the bank's
#: filter and ``lint_questions --json`` refer to them. The classic item-writing flaws come
#: first (Haladyna, Downing & Rodriguez 2002; Moore et al. 2023), then the checks against
#: the source text that generated items cite.
CATALOG: dict[str, FlawInfo] = {
    # --- the options give the answer away ---------------------------------------------
    "longest-option": _info(
        "fair distractors",
        "Key is the longest option",
        "Test-wise students pick the longest, most qualified option.",
        "Make the options similar in length and detail.",
        "Why do leaves look green? {=Because chlorophyll reflects green light while it absorbs "
        "red and blue light ~Heat ~Water ~Soil}",
    ),
    "word-repeat": _info(
        "fair distractors",
        "Stem word repeated in the key only",
        "A distinctive word of the stem that reappears only in the key points to it "
        "(clang association).",
        "Move the shared word into the stem, use it in the distractors too, or reword the key.",
        "Which gland produces thyroxine? {=The thyroid gland ~The pancreas ~The adrenal "
        "cortex ~The pituitary}",
    ),
    "answer-in-stem": _info(
        "fair distractors",
        "Stem gives the answer",
        "The stem already contains the answer, so the question tests reading, not knowing.",
        "Reword the stem so that it does not contain the answer.",
        "Aspirin, or acetylsalicylic acid, is a derivative of which acid? {=salicylic acid}",
    ),
    "grammar-cue": _info(
        "well-formed",
        "Only the key fits the grammar",
        "An article, a number or an agreement in the stem rules options out without knowledge.",
        "Make every option fit the stem: move the article into the options or make all "
        "options agree.",
        "Atoms of one element that differ in their number of neutrons are called {~an "
        "allotrope =isotopes ~a cation ~a radical}",
    ),
    "convergence-cue": _info(
        "fair distractors",
        "Key combines the parts the options share",
        "When the options mix a few parts, the key is often the one combining the most "
        "frequent ones, and students can converge on it.",
        "Vary the distractors so that no option is the crossing point of the others.",
        "Which gives the capital and the official language of Brazil? {=Bras\u00edlia, "
        "Portuguese ~Bras\u00edlia, Spanish ~Rio de Janeiro, Portuguese "
        "~S\u00e3o Paulo, Portuguese}",
    ),
    "absolute-terms": _info(
        "fair distractors",
        "Absolute terms",
        "Options (or true/false statements) with always, never, all or none are rarely "
        "true, and students know it.",
        "Remove the absolute word or qualify the statement precisely.",
        "What do antibiotics treat? {=Bacterial infections ~Always viral infections ~Every "
        "fungal disease ~Allergies}",
    ),
    "vague-terms": _info(
        "unambiguous",
        "Vague frequency words",
        "Often, usually, sometimes, rarely mean different things to different readers, so "
        "the key can be argued.",
        "State the frequency or condition precisely, or drop the word.",
        "What do mitochondria do? {=Produce ATP ~Usually store DNA ~Make proteins ~Divide cells}",
    ),
    "all-of-the-above": _info(
        "fair distractors",
        "All of the above",
        "A student who sees two correct options can pick it without knowing the others.",
        "Replace it with another plausible option, or make the item multiple response.",
        "Which of these are mammals? {=All of the above ~Whale ~Bat ~Dolphin}",
    ),
    "none-of-the-above": _info(
        "fair distractors",
        "None of the above",
        "It tests whether a student can spot wrong answers, not whether they know the right one.",
        "Replace it with a plausible option naming a specific answer.",
        "What is the capital of Australia? {=Canberra ~Sydney ~Melbourne ~None of the above}",
    ),
    "combination-options": _info(
        "fair distractors",
        "Combination options",
        "Options such as “A and B” or “neither” (K-type) test logic "
        "rather than the content, and partial knowledge gets the answer.",
        "Make it a multiple-response item, or write options that stand alone.",
        "Which are noble gases? (a) neon (b) argon (c) nitrogen {=(a) and (b) ~(a) and (c) "
        "~(b) and (c) ~(c) only}",
    ),
    "near-duplicate-options": _info(
        "fair distractors",
        "Options that say the same thing",
        "Two options that mean the same can both be ruled out (or both be right).",
        "Make every option distinct in content.",
        "Which command undoes a commit by adding a new one? {=git revert ~git reset --hard "
        "~git rebase ~git reset in hard mode}",
    ),
    "mixed-kinds": _info(
        "fair distractors",
        "Options of different kinds",
        "An option of another kind (a year among names) is implausible and gives itself away.",
        "Draw all options from the same kind as the key.",
        "Who wrote Hamlet? {=William Shakespeare ~Christopher Marlowe ~1601 ~Ben Jonson}",
    ),
    "non-parallel-options": _info(
        "fair distractors",
        "Options not parallel in form",
        "One option is written as a sentence while the others are names or terms: it stands "
        "out, and readers pick or dismiss it for its form.",
        "Write every option in the same form: all terms, or all sentences.",
        "Which element has the symbol Fe? {=Iron ~Lead ~Tin ~It is the symbol for fluorine.}",
    ),
    "numeric-order": _info(
        "fair distractors",
        "Numeric options out of order",
        "Numbers in a jumbled order slow students down and hide the sequence they reason on.",
        "List numeric options in ascending (or descending) order.",
        "How many chromosomes does a human body cell have? {=46 ~23 ~92 ~44}",
    ),
    "few-distractors": _info(
        "fair distractors",
        "Too few distractors",
        "With one or two options to choose from, guessing pays.",
        "Add plausible distractors up to three.",
        "Which planet is the largest? {=Jupiter ~Mars}",
    ),
    "matching-free-pair": _info(
        "fair distractors",
        "Matching with as many answers as prompts",
        "When every answer is used once, the last pair is free by elimination.",
        "Add an answer or two that match no prompt (in GIFT: = -> extra answer).",
        "Match each organ with its system. {=Heart -> circulatory =Lung -> respiratory "
        "=Stomach -> digestive}",
    ),
    "opposite-options": _info(
        "fair distractors",
        "Key is one of a pair of opposites",
        "When only two options are opposites (rises, falls), test-wise students take one of "
        "them for the key and ignore the rest.",
        "Replace the opposite distractor, or make the options pair up alike.",
        "What happens to a gas heated at constant pressure? {=It expands ~It contracts "
        "~It turns blue ~It becomes magnetic}",
    ),
    # --- the stem ---------------------------------------------------------------------
    "negative-stem": _info(
        "unambiguous",
        "Negative stem",
        "Students misread NOT and EXCEPT under time pressure, and the item tests reading "
        "more than knowledge.",
        "Ask positively; if you must ask for the exception, write NOT or EXCEPT in capitals "
        "and bold.",
        "Which of the following is not a mammal? {=Shark ~Whale ~Bat ~Seal}",
    ),
    "negative-statement": _info(
        "unambiguous",
        "True/false built on negation",
        "A negated (or doubly negated) statement is judged by untangling the grammar, not by "
        "knowing the fact.",
        "State the fact positively; make false statements false in content.",
        "It is not untrue that the Treaty of Versailles was signed in 1919. {T}",
    ),
    "unfocused-stem": _info(
        "well-formed",
        "Stem poses no question",
        "A stem that is only a topic (“Mitochondria.”) or asks only what is true of it "
        "does not say what is asked; the options have to carry the question.",
        "Write the stem as a direct question on one point, or a statement to complete.",
        "Mitochondria. {=Produce ATP ~Store DNA ~Make ribosomes ~Digest food}",
    ),
    "which-without-options": _info(
        "well-formed",
        "“Which of the following” with no options",
        "The stem points to options that the question does not show.",
        "Ask directly (“What is …?”), or list the options and make it a choice question.",
        "Which of the following is the largest planet in the solar system? {=Jupiter}",
    ),
    "wordy-stem": _info(
        "well-formed",
        "Wall of words around the question",
        "Text the question does not need costs reading time and hides what is asked.",
        "Cut the stem to what the question needs.",
        "Many students find chemistry hard at first, and teachers have long debated how best to "
        "introduce it, some preferring laboratory work and others lectures, while textbooks vary "
        "widely in approach and length and curricula differ from country to country. Which "
        "element has atomic number 1? {=Hydrogen ~Helium ~Lithium ~Carbon}",
    ),
    "duplicate-question": _info(
        "worth asking",
        "Duplicate question",
        "The same question twice in a bank or quiz tests the same thing twice.",
        "Delete one, or change what it asks.",
        "Who wrote the play Hamlet? {=Shakespeare}\n\nName the playwright who wrote Hamlet. "
        "{=Shakespeare}",
    ),
    "malformed-item": _info(
        "well-formed",
        "Broken item",
        "The key is missing or not among the options.",
        "Add the answer, or tick it among the options.",
    ),
    # --- checks against the source text (generated items, or items that cite it) ------
    "dangling-reference": _info(
        "well-formed",
        "Reference without its referent",
        "“This”, “they” or “as a result” points to a sentence the student does not see.",
        "Name what the word refers to.",
        needs_text=True,
    ),
    "fragment-stem": _info(
        "well-formed",
        "Stem is a fragment",
        "The stem is cut out of a sentence and does not stand alone.",
        "Make the stem a whole sentence or question.",
        needs_text=True,
    ),
    "fragment-option": _info(
        "well-formed",
        "Option is a fragment",
        "An option is cut at a comma or an “and” and does not say anything whole.",
        "Make every option a whole clause.",
        needs_text=True,
    ),
    "citation-marks": _info(
        "well-formed",
        "Reference numbers left in",
        "The text's citation marks mean nothing to a student.",
        "Remove them.",
        needs_text=True,
    ),
    "generic-key": _info(
        "worth asking",
        "Key is not a concept",
        "The key is an everyday word or a modifier, not something the text teaches.",
        "Ask about a concept, a named entity or a stated relation.",
        needs_text=True,
    ),
    "framing": _info(
        "worth asking",
        "Built on the article's framing",
        "“The aim of this paper is…” says what the article does, not what it finds.",
        "Ask about a finding or a stated relation.",
        needs_text=True,
    ),
    "citation-number": _info(
        "worth asking",
        "Number from a citation",
        "A year or number that only dates a reference is not worth knowing.",
        "Ask about a finding.",
        needs_text=True,
    ),
    "page-matter": _info(
        "worth asking",
        "Built on page matter",
        "A journal name, an author or a page label is not course content.",
        "Delete the item.",
        needs_text=True,
    ),
    "presentation-order": _info(
        "worth asking",
        "Asks the order of presentation",
        "The order in which the text mentions things is not knowledge.",
        "Ask about a sequence the text states.",
        needs_text=True,
    ),
    "coreferent-distractor": _info(
        "unambiguous",
        "Distractor is the key under another name",
        "The text uses the distractor and the key for the same thing, so both are right.",
        "Replace the distractor with a term the text keeps apart from the key.",
        needs_text=True,
    ),
    "false-matches-source": _info(
        "unambiguous",
        "False statement the text supports",
        "The statement keyed false says what the text says.",
        "Change a term or a value so that the text contradicts it.",
        needs_text=True,
    ),
    "ordering-unfixed": _info(
        "unambiguous",
        "Order the text does not fix",
        "The text does not say in which order these came.",
        "Choose statements whose order it states.",
        needs_text=True,
    ),
    "multiple-keys": _info(
        "unambiguous",
        "More than one right answer",
        "The text supports a distractor as well as the key.",
        "Replace that distractor.",
        needs_text=True,
    ),
    "kind-mismatch": _info(
        "fair distractors",
        "Distractor of another kind than the key",
        "Judged against the text, a distractor names another kind of thing than the key.",
        "Draw distractors of the key's kind.",
        needs_text=True,
    ),
    "negation-false": _info(
        "fair distractors",
        "False made by adding “not”",
        "A statement falsified by negation is recognisable without reading the text.",
        "Make the statement false in content: swap a term or a value.",
        needs_text=True,
    ),
    "same-year-range": _info(
        "fair distractors",
        "Impossible range",
        "A range whose ends are equal or reversed gives a false statement away.",
        "Keep ranges ordered.",
    ),
    "key-not-in-source": _info(
        "grounded",
        "Key not in the text",
        "The text the item cites does not contain its answer.",
        "Cite the sentence that does, or change the key.",
        needs_text=True,
    ),
    "true-not-in-source": _info(
        "grounded",
        "True statement not in the text",
        "The statement keyed true is not what the cited text says.",
        "Quote or paraphrase the text closely.",
        needs_text=True,
    ),
}

#: The rubric criterion of each code.
CODES: dict[str, str] = {code: info.criterion for code, info in CATALOG.items()}

CHOICE_TYPES = ("single_choice", "multiple_response")
#: Types whose stem is a statement with a gap for the key.
GAP_TYPES = ("cloze", "single_choice", "short_answer")


@dataclass(frozen=True)
class Flaw:
    """One reason an instructor would not give the item to students unchanged."""

    code: str  # stable id, a key of CODES
    criterion: str  # the rubric criterion it fails, one of CRITERIA
    message: str  # one sentence an instructor can act on
    severity: float  # 0..1: how sure we are it makes the item unacceptable
    suggestion: str = ""  # what to change, from the catalog

    @property
    def title(self) -> str:
        return CATALOG[self.code].title

    @property
    def reported(self) -> bool:
        """A finding (shown to instructors), not a doubt (see REPORTED)."""
        return self.severity >= REPORTED


def confidence(flaws: list[Flaw]) -> float:
    """1.0 for a clean item, falling with each flaw: the product of (1 - severity).

    Independent doubts multiply: two likely flaws (0.5 each) leave 0.25.
    """
    result = 1.0
    for flaw in flaws:
        result *= 1.0 - min(1.0, max(0.0, flaw.severity))
    return round(result, 4)


def make_flaw(code: str, message: str, severity: float) -> Flaw:
    info = CATALOG[code]
    return Flaw(code, info.criterion, message, round(min(1.0, severity), 2), info.suggestion)


def word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())
