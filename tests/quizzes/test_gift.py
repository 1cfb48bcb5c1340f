"""GIFT: reading Moodle's documented examples, errors with lines, writing and reading back."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import pytest

from course.quizzes.interchange import BankQuestion, ParseResult, export_gift, parse_gift

DATA = Path(__file__).parent / "data"
US = "$course$/top/US history"
FEEDBACK = "$course$/top/Feedback and formats"


def read(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


def without_lines(questions: list[BankQuestion]) -> list[BankQuestion]:
    return [replace(q, line=0) for q in questions]


EXPECTED = [
    BankQuestion(
        type="single_choice",
        prompt="Who's buried in Grant's tomb?",
        options=["Grant", "Jefferson", "no one"],
        answer="no one",
        title="Grant's tomb",
        category=US,
        line=7,
    ),
    BankQuestion(
        type="true_false",
        prompt="Grant is buried in Grant's tomb.",
        options=["True", "False"],
        answer=False,
        title="Grant true or false",
        category=US,
        line=9,
    ),
    BankQuestion(
        type="short_answer",
        prompt="Two plus two equals",
        answer=["four", "4"],
        category=US,
        line=11,
    ),
    BankQuestion(
        type="true_false",
        prompt="The sun rises in the east.",
        options=["True", "False"],
        answer=True,
        category=US,
        line=13,
    ),
    BankQuestion(
        type="short_answer",
        prompt=(
            "Grant's tomb is described at http://example.org/grant; what is its official name?"
        ),
        answer=["General Grant National Memorial"],
        title="Source link",
        category=US,
        line=15,
    ),
    BankQuestion(
        type="single_choice",
        prompt="Moodle costs _____ to download from moodle.org.",
        options=["lots of money", "nothing", "a small amount"],
        answer="nothing",
        title="Missing word",
        category=US,
        line=18,
    ),
    BankQuestion(
        type="cloze",
        prompt="The capital of France is _____ and it lies on the Seine.",
        answer=["Paris", "paris city"],
        title="Blank to fill",
        category=US,
        line=20,
    ),
    BankQuestion(
        type="matching",
        prompt="Match the following countries with their corresponding capitals.",
        options=["Ottawa", "Rome", "Tokyo", "New Delhi", "Canberra"],
        answer=[
            ["Canada", "Ottawa"],
            ["Italy", "Rome"],
            ["Japan", "Tokyo"],
            ["India", "New Delhi"],
        ],
        explanation="Canberra is the capital of Australia.",
        category=US,
        line=22,
    ),
    BankQuestion(
        type="numerical",
        prompt="When was Ulysses S. Grant born?",
        answer=[{"value": 1822.0, "tolerance": 5.0, "weight": 1.0}],
        category=US,
        line=32,
    ),
    BankQuestion(
        type="numerical",
        prompt="What is the value of pi (to 3 decimal places)?",
        answer=[{"min": 3.141, "max": 3.142, "weight": 1.0}],
        category=US,
        line=34,
    ),
    BankQuestion(
        type="numerical",
        prompt="When was Ulysses S. Grant born?",
        answer=[
            {"value": 1822.0, "tolerance": 0.0, "weight": 1.0},
            {"value": 1822.0, "tolerance": 2.0, "weight": 0.5},
        ],
        option_feedback={
            "1822:0": "Correct! Full credit.",
            "1822:2": "He was born in 1822. Half credit for being close.",
            "*": "Look it up.",
        },
        title="Grant born, partial credit",
        category=US,
        line=36,
    ),
    BankQuestion(
        type="multiple_response",
        prompt="What two people are entombed in Grant's tomb?",
        options=["No one", "Grant", "Grant's wife", "Grant's father"],
        answer=["Grant", "Grant's wife"],
        weights={"No one": -1.0, "Grant": 0.5, "Grant's wife": 0.5, "Grant's father": -1.0},
        category=US,
        line=42,
    ),
    BankQuestion(
        type="single_choice",
        prompt="What's the answer to this multiple-choice question?",
        options=["wrong answer", "another wrong answer", "right answer"],
        answer="right answer",
        option_feedback={
            "wrong answer": "feedback comment on the wrong answer",
            "another wrong answer": "further comment on this wrong answer",
            "right answer": "Very good!",
        },
        explanation="The right answer is the one marked right.",
        category=FEEDBACK,
        line=51,
    ),
    BankQuestion(
        type="short_answer",
        prompt="Who's buried in Grant's tomb?",
        answer=["no one", "nobody", "Grant"],
        weights={"nobody": 0.5, "Grant": 0.0},
        option_feedback={
            "no one": "excellent answer!",
            "nobody": 'partial credit: "no one" is better.',
            "Grant": "Grant is not buried there.",
        },
        category=FEEDBACK,
        line=58,
    ),
    BankQuestion(
        type="true_false",
        prompt="Grant was buried in a tomb in New York City.",
        options=["True", "False"],
        answer=True,
        # {T#if wrong#if right}: "False" is the wrong response here.
        option_feedback={"True": "Yes, Manhattan.", "False": "No, he is in New York."},
        category=FEEDBACK,
        line=64,
    ),
    BankQuestion(
        type="single_choice",
        prompt="Which answer equals 5?",
        options=["= 2 + 2", "= 2 + 3", "= 2 + 4"],
        answer="= 2 + 3",
        category=FEEDBACK,
        line=66,
    ),
    BankQuestion(
        type="short_answer",
        prompt="Braces { and } and a tilde ~ and a hash # are literal;\nthis is a second line.",
        answer=["yes"],
        title="GIFT escapes: a title",
        category=FEEDBACK,
        line=72,
    ),
    BankQuestion(
        type="single_choice",
        prompt="Which city is the capital of <Italy>?",
        options=["Rome", "Milan"],
        answer="Rome",
        option_feedback={"Rome": "Right."},
        category=FEEDBACK,
        line=74,
    ),
    BankQuestion(
        type="essay",
        prompt="Write a short **biography** of Dag Hammarskjöld.",
        category=FEEDBACK,
        line=79,
    ),
]


# ------------------------------------------------------------------------------ reading


def test_it_reads_every_documented_example_exactly() -> None:
    result = parse_gift(read("grant.gift"))
    assert result.errors == []
    assert len(result.questions) == len(EXPECTED)
    for got, expected in zip(result.questions, EXPECTED, strict=True):
        assert got == expected, f"question at line {expected.line}"


def test_a_description_is_reported_as_skipped_not_dropped() -> None:
    result = parse_gift(read("grant.gift"))
    assert [s.line for s in result.skipped] == [81]
    assert "description" in result.skipped[0].message


def test_errors_have_lines_and_messages_and_valid_questions_still_come_back() -> None:
    result = parse_gift(read("with_errors.gift"))
    assert [(q.line, q.title, q.type) for q in result.questions] == [
        (4, "ok 1", "single_choice"),
        (10, "ok 2", "true_false"),
        (26, "ok 3", "short_answer"),
    ]
    assert all(q.category == "Week 1" for q in result.questions)
    errors = {e.line: e.message for e in result.errors}
    assert sorted(errors) == [6, 8, 12, 18, 20, 24, 28, 30, 32]
    assert "never closed with }" in errors[6]
    assert errors[8].startswith("No answer marked correct (=) in a multiple-choice question")
    assert "has no \u2018->\u2019" in errors[12] and "Italy, Rome" in errors[12]
    assert "eighteen twenty-two" in errors[18] and "not a number" in errors[18]
    assert "empty" in errors[20]
    assert "closing brace } comes without an opening {" in errors[24]
    assert "empty" in errors[28]
    assert "%150%" in errors[30]
    assert "blank line missing" in errors[32]
    assert [s.line for s in result.skipped] == [22]


@pytest.mark.parametrize(
    ("gift", "message"),
    [
        ("Q {=a -> b =c}", "has no \u2018->\u2019"),
        ("Q {=a -> b}", "at least 2 pairs"),
        ("Q {=a -> b =a -> c}", "appears in two matching pairs"),
        ("Q {#}", "needs an answer"),
        ("Q {#1..x}", "not a number"),
        ("Q {#5..1}", "ends before it starts"),
        ("Q {#3:-1}", "negative"),
        ("Q {#nan}", "not a number"),
        ("Q {~a ~a =b}", "appears twice"),
        ("Q {~only}", "at least 2 answers"),
        ("Q {=%0%a =%-50%b}", "No correct answer"),
        ("::title without end Q {=a}", "not closed with ::"),
        ("Q {a {=b}", "contains another {"),
    ],
)
def test_each_broken_question_gets_a_clear_error(gift: str, message: str) -> None:
    result = parse_gift("// first line\n\n" + gift)
    assert result.questions == []
    assert len(result.errors) == 1
    assert result.errors[0].line == 3
    assert message in result.errors[0].message


def test_lines_count_crlf_bom_comments_and_categories() -> None:
    text = "\ufeff// c\r\n$CATEGORY: A\r\n\r\n// c\r\n// c\r\nQ1 {T}\r\n\r\n\r\nQ2\r\nmore {F}"
    result = parse_gift(text)
    assert [(q.line, q.category, q.prompt) for q in result.questions] == [
        (6, "A", "Q1"),
        (9, "A", "Q2\nmore"),
    ]


def test_a_category_line_directly_above_a_question_applies_to_it() -> None:
    result = parse_gift("$CATEGORY: top/One\nQ {T}\n$CATEGORY: top/Two\nR {F}")
    assert [(q.prompt, q.category, q.line) for q in result.questions] == [
        ("Q", "top/One", 2),
        ("R", "top/Two", 4),
    ]


def test_weights_on_a_single_answer_question_are_partial_credit() -> None:
    # Moodle writes partially right options of a one-answer question this way.
    (question,) = parse_gift("Q {=right ~%50%close ~wrong =%100%also right}").questions
    assert question.type == "single_choice"
    assert question.answer == "right"
    assert question.weights == {"close": 0.5, "also right": 1.0}


def test_short_answer_with_partial_credit_weights() -> None:
    (question,) = parse_gift("Capital of France? {=Paris =%50%paris city#close}").questions
    assert question.type == "short_answer"
    assert question.answer == ["Paris", "paris city"]
    assert question.weights == {"paris city": 0.5}
    assert question.option_feedback == {"paris city": "close"}


def test_multiple_response_without_equals_and_with_decimal_weights() -> None:
    (question,) = parse_gift("Q {~%33.33333%a ~%33.33333%b ~%33.33334%c ~%-100%d}").questions
    assert question.type == "multiple_response"
    assert question.answer == ["a", "b", "c"]
    assert question.weights["d"] == -1.0
    assert question.weights["a"] == pytest.approx(1 / 3, abs=1e-6)


def test_missing_word_short_answer_is_cloze_and_true_false_accepts_long_forms() -> None:
    result = parse_gift("{=Paris} is the capital.\n\nIs it? {TRUE#no}\n\nIs it? {false}")
    assert [(q.type, q.prompt, q.answer) for q in result.questions] == [
        ("cloze", "_____ is the capital.", ["Paris"]),
        ("true_false", "Is it?", True),
        ("true_false", "Is it?", False),
    ]
    assert result.questions[1].option_feedback == {"False": "no"}


def test_format_markers_html_and_general_feedback() -> None:
    text = (
        "::t::[html]<p>Line one<br>line <em>two</em> &amp; more</p>"
        "<script>alert(1)</script>{=a#<b>good</b> ~b ####<p>Because &quot;a&quot;.</p>}"
    )
    (question,) = parse_gift(text).questions
    assert question.prompt == "Line one\nline two & more"
    assert question.option_feedback == {"a": "good"}
    assert question.explanation == 'Because "a".'
    (plain,) = parse_gift("[plain]a <b>bold</b> claim {T}").questions
    assert plain.prompt == "a <b>bold</b> claim"


def test_essay_with_general_feedback_and_numerical_without_tolerance() -> None:
    result = parse_gift("Write. {####Look at the rubric.}\n\nHow many? {#42}")
    essay, number = result.questions
    assert (essay.type, essay.answer, essay.explanation) == ("essay", None, "Look at the rubric.")
    assert number.answer == [{"value": 42.0, "tolerance": 0.0, "weight": 1.0}]


def test_numerical_with_several_weighted_answers_and_a_moodle_format_marker() -> None:
    (question,) = parse_gift("[moodle]Pi? {# =%100%3.14:0.01 =%50%3:0.5}").questions
    assert question.prompt == "Pi?"
    assert question.answer == [
        {"value": 3.14, "tolerance": 0.01, "weight": 1.0},
        {"value": 3.0, "tolerance": 0.5, "weight": 0.5},
    ]


def test_backslash_escapes_and_a_literal_backslash() -> None:
    (question,) = parse_gift(r"Path C:\\temp\\new uses \\n? {=yes\: really}").questions
    assert question.prompt == "Path C:\\temp\\new uses \\n?"
    assert question.answer == ["yes: really"]


# ------------------------------------------------------------------------------ writing

ROUND_TRIP = [
    BankQuestion(
        type="single_choice",
        prompt="Who's buried in Grant's tomb?",
        options=["Grant", "Jefferson", "no one"],
        answer="no one",
        weights={"Grant": 0.25},
        option_feedback={"Grant": "Not quite.", "no one": "Yes: it's a mausoleum."},
        explanation="He is entombed, not buried.",
        title="Grant's tomb",
        category="US history",
    ),
    BankQuestion(
        type="single_choice",
        prompt="Moodle costs _____ to download.",
        options=["lots of money", "nothing"],
        answer="nothing",
        category="US history",
    ),
    BankQuestion(
        type="multiple_response",
        prompt="What two people are entombed in Grant's tomb?",
        options=["No one", "Grant", "Grant's wife", "Grant's father"],
        answer=["Grant", "Grant's wife"],
        weights={"No one": -1.0, "Grant": 0.5, "Grant's wife": 0.5, "Grant's father": -1.0},
        option_feedback={"No one": "Two people are."},
        category="US history",
    ),
    BankQuestion(
        type="true_false",
        prompt="Grant is buried in Grant's tomb.",
        options=["True", "False"],
        answer=False,
        option_feedback={"True": "He is entombed.", "False": "Right."},
        explanation="Entombed above ground.",
        category="Science",
    ),
    BankQuestion(
        type="true_false",
        prompt="The sun rises in the east.",
        options=["True", "False"],
        answer=True,
        option_feedback={"True": "Right."},
        category="Science",
    ),
    BankQuestion(
        type="short_answer",
        prompt="Two plus two equals",
        answer=["four", "4", "for"],
        weights={"for": 0.5},
        option_feedback={"for": "Spelling!"},
        category="Science",
    ),
    BankQuestion(
        type="cloze",
        prompt="The capital of France is _____ and it lies on the Seine.",
        answer=["Paris"],
        category="Science",
    ),
    BankQuestion(
        type="cloze",
        prompt="The capital of Italy is _____",
        answer=["Rome", "Roma"],
        title="blank at the end",
    ),
    BankQuestion(
        type="matching",
        prompt="Match the countries with their capitals.",
        options=["Ottawa", "Rome", "Tokyo", "Canberra"],
        answer=[["Canada", "Ottawa"], ["Italy", "Rome"], ["Japan", "Tokyo"]],
        explanation="Canberra is a distractor.",
    ),
    BankQuestion(
        type="numerical",
        prompt="When was Ulysses S. Grant born?",
        answer=[
            {"value": 1822.0, "tolerance": 0.0, "weight": 1.0},
            {"value": 1822.0, "tolerance": 2.0, "weight": 0.5},
            {"min": -1.5, "max": 2.25e-05, "weight": 0.1},
        ],
        option_feedback={"1822:0": "Exactly.", "1822:2": "Close.", "*": "Look it up."},
    ),
    BankQuestion(type="essay", prompt="Write a short biography of Dag Hammarskjöld."),
    BankQuestion(type="essay", prompt="Explain.", explanation="See the rubric.", title="E"),
]


def test_every_exportable_type_round_trips() -> None:
    exported = export_gift(ROUND_TRIP)
    assert exported.skipped == []
    result = parse_gift(exported.text)
    assert result.errors == []
    assert without_lines(result.questions) == ROUND_TRIP


def test_the_export_reads_like_moodle_gift() -> None:
    text = export_gift(ROUND_TRIP[:2]).text
    assert text.startswith("$CATEGORY: US history\n\n::Grant's tomb::Who's buried")
    assert "=no one#Yes\\: it's a mausoleum." in text
    assert "~%25%Grant#Not quite." in text
    assert "Moodle costs {\n\t~lots of money\n\t=nothing\n} to download." in text
    assert text.count("$CATEGORY") == 1


def test_the_parsed_documentation_file_round_trips() -> None:
    questions = parse_gift(read("grant.gift")).questions
    again = parse_gift(export_gift(questions).text)
    assert again.errors == []
    assert without_lines(again.questions) == without_lines(questions)


def test_special_characters_round_trip() -> None:
    nasty = "a {b} ~c =d #e :f \\g \\n h -> i %50% j\nsecond line // not a comment"
    questions = [
        BankQuestion(
            type="single_choice",
            prompt=nasty,
            options=[nasty, "%50%looks like a weight", "[html]<b>x</b>", "// y"],
            answer="%50%looks like a weight",
            option_feedback={nasty: nasty},
            explanation=nasty,
            title="t: {x} ::y::",
            category="a/b\\c",
        ),
        BankQuestion(type="short_answer", prompt="// starts like a comment", answer=[nasty[:20]]),
        BankQuestion(type="essay", prompt="[markdown] looks like a format"),
        BankQuestion(
            type="matching",
            prompt="m",
            options=["-> x {y}", "=z"],
            answer=[["p: q", "-> x {y}"], ["r#s", "=z"]],
        ),
    ]
    exported = export_gift(questions)
    result = parse_gift(exported.text)
    assert result.errors == [] and exported.skipped == []
    assert without_lines(result.questions) == questions


def test_ordering_is_skipped_with_a_comment() -> None:
    ordering = BankQuestion(
        type="ordering",
        prompt="Put in order:\nbirth, war",
        options=["war", "birth"],
        answer=["birth", "war"],
    )
    essay = BankQuestion(type="essay", prompt="Why?")
    exported = export_gift([ordering, essay])
    assert exported.skipped == [
        "ordering question not exported: GIFT has no ordering type: Put in order: birth, war"
    ]
    assert exported.text.startswith(
        "// ordering question not exported: GIFT has no ordering type: Put in order: birth, war"
    )
    assert without_lines(parse_gift(exported.text).questions) == [essay]


def test_unweighted_multiple_response_exports_default_weights() -> None:
    question = BankQuestion(
        type="multiple_response",
        prompt="Which are prime?",
        options=["2", "3", "4", "5", "6"],
        answer=["2", "3", "5"],
    )
    text = export_gift([question]).text
    assert "~%33.33333%2" in text and "~%-50%4" in text and "~%-50%6" in text
    (back,) = parse_gift(text).questions
    assert back.type == "multiple_response"
    assert back.answer == ["2", "3", "5"]
    assert back.weights["4"] == -0.5


def test_questions_gift_cannot_hold_are_skipped_not_written_broken() -> None:
    broken = [
        BankQuestion(type="single_choice", prompt="Q", options=["a", "b"], answer="c"),
        BankQuestion(type="matching", prompt="Q", answer=[["a->b", "c"], ["d", "e"]]),
        BankQuestion(type="short_answer", prompt="Q", answer=["a->b"]),
        BankQuestion(type="numerical", prompt="Q", answer=[{"nonsense": 1}]),
        BankQuestion(type="hotspot", prompt="Q"),
    ]
    exported = export_gift(broken)
    assert len(exported.skipped) == len(broken)
    result = parse_gift(exported.text)
    assert result.questions == [] and result.errors == []


# ------------------------------------------------------------------------------ garbage


def test_random_garbage_never_raises() -> None:
    rng = random.Random(20240601)
    alphabet = "{}~=#:\\->%[]/$ \n\r\tTFabc123.\x00\ufeff\ue003\u00e9"
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80)))
        result = parse_gift(text)
        assert isinstance(result, ParseResult)
        for error in result.errors:
            assert error.line >= 1 and error.message
    for _ in range(200):
        blob = bytes(rng.randrange(256) for _ in range(rng.randint(0, 200)))
        assert isinstance(parse_gift(blob.decode("latin-1")), ParseResult)


def test_huge_input_is_linear_enough() -> None:
    text = "\n\n".join(f"Q{i} {{~a ~b =c ~%50%d#fb}}" for i in range(5000))
    result = parse_gift(text + "\n\n" + "{" * 50_000 + "=" * 50_000 + "%" * 50_000)
    assert len(result.questions) == 5000
    assert len(result.errors) == 1
