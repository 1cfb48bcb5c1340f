"""manage.py lint_questions: a question file's item-writing flaws, nothing stored."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.cache import cache
from django.core.management import CommandError, call_command

from course.generator.flaws import CATALOG
from course.quizzes import lint as lint_service
from course.quizzes.interchange.gift import parse_gift
from course.quizzes.lint import lint_questions
from course.quizzes.models import Question
from tests.factories import CourseFactory, QuestionFactory

GIFT = """\
// two questions with a flaw each, one clean, two broken, one repeated
Broken first {=unclosed

Which of the following is NOT a mammal? {=Shark ~Whale ~Bat ~Seal}

What is the capital of Australia? {=Canberra ~Sydney ~Melbourne ~Perth}

Broken question {=unclosed

Which city serves as Australia's capital? {=Canberra ~Sydney ~Melbourne ~Perth}

Which of these are mammals? {=All of the above ~Whale ~Bat ~Dolphin}
"""


def lint(path: Path, fmt: str = "gift") -> dict:
    out = StringIO()
    call_command("lint_questions", str(path), "--format", fmt, "--json", stdout=out)
    return json.loads(out.getvalue())


@pytest.mark.django_db
def test_it_reports_each_questions_position_line_type_and_flaws(tmp_path: Path) -> None:
    path = tmp_path / "quiz.gift"
    path.write_text(GIFT, encoding="utf-8")
    report = lint(path)
    rows = {q["index"]: q for q in report["questions"]}
    # the broken questions still count in the positions, and are reported as errors
    assert sorted(rows) == [2, 3, 5, 6]
    assert [e["line"] for e in report["errors"]] == [2, 8]
    assert rows[2]["line"] == 4 and rows[2]["type"] == "single_choice"
    assert [f["code"] for f in rows[2]["flaws"]] == ["negative-stem"]
    # a question asked twice: both copies are flagged, each naming the other
    assert [f["code"] for f in rows[3]["flaws"]] == ["duplicate-question"]
    assert "question 5 of this file" in rows[3]["flaws"][0]["message"]
    assert [f["code"] for f in rows[5]["flaws"]] == ["duplicate-question"]
    assert "question 3 of this file" in rows[5]["flaws"][0]["message"]
    assert "all-of-the-above" in [f["code"] for f in rows[6]["flaws"]]
    assert all(set(f) == {"code", "message"} for q in report["questions"] for f in q["flaws"])
    assert not Question.objects.exists()  # nothing stored


@pytest.mark.django_db
def test_it_reads_aiken_files(tmp_path: Path) -> None:
    path = tmp_path / "quiz.txt"
    path.write_text(
        "How many chromosomes does a human body cell have?\nA. 46\nB. 23\nC. 92\nD. 44\n"
        "ANSWER: A\n",
        encoding="utf-8",
    )
    report = lint(path, "aiken")
    assert [f["code"] for f in report["questions"][0]["flaws"]] == ["numeric-order"]


@pytest.mark.django_db
def test_it_prints_findings_as_text_and_exits_cleanly_whatever_it_finds(tmp_path: Path) -> None:
    path = tmp_path / "quiz.gift"
    path.write_text(GIFT, encoding="utf-8")
    out = StringIO()
    call_command("lint_questions", str(path), "--format", "gift", stdout=out)
    text = out.getvalue()
    assert "4 question(s), 4 with findings." in text
    assert "[negative-stem]" in text and "line 8: not read" in text


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "The file is empty."),
        (b"\x00\x01\x02binary", "binary file"),
        (b"\xff\xfe\xfa not utf-8", "not UTF-8"),
    ],
)
def test_it_fails_with_the_importers_message_when_the_file_cannot_be_read(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "quiz.gift"
    path.write_bytes(content)
    with pytest.raises(CommandError, match=message):
        call_command("lint_questions", str(path), "--format", "gift", stdout=StringIO())


def test_it_fails_on_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="No such file"):
        call_command("lint_questions", str(tmp_path / "nope.gift"), "--format", "gift")


@pytest.mark.parametrize(
    "code", sorted(code for code, info in CATALOG.items() if info.example and not info.needs_text)
)
def test_every_example_the_readme_lists_is_found_with_its_flaw(code: str) -> None:
    result = parse_gift(CATALOG[code].example)
    assert not result.errors
    found = lint_questions(result.questions)
    assert code in {flaw.code for flaw in found[-1]}


@pytest.mark.django_db
def test_the_bank_reads_cached_findings_and_sees_an_edit_at_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cache.clear()
    question = QuestionFactory(
        course=CourseFactory(),
        type="single_choice",
        prompt="Which of the following is not a mammal?",
        options=["Shark", "Whale", "Bat", "Seal"],
        answer="Shark",
    )
    assert [f.code for f in lint_service.lint_stored([question])[question.pk]] == ["negative-stem"]
    checked: list[Any] = []
    original = lint_service._findings
    monkeypatch.setattr(
        lint_service, "_findings", lambda item: checked.append(item) or original(item)
    )
    lint_service.lint_stored([question])
    assert checked == []  # read from the cache
    question.prompt = "Which of the following is a fish?"
    assert lint_service.lint_stored([question]) == {}  # the edit changes the key
    assert checked == [question]


def test_it_flags_every_copy_of_a_question_asked_three_times_in_a_file() -> None:
    result = parse_gift(
        "Which gas makes up most of the air? {=Nitrogen ~Oxygen ~Argon ~Carbon dioxide}\n\n"
        "Who painted the Mona Lisa? {=Leonardo da Vinci ~Raphael ~Titian ~Michelangelo}\n\n"
        "Which gas makes up most of the air? {=Nitrogen ~Oxygen ~Argon ~Carbon dioxide}\n\n"
        "Which gas forms most of Earth's air? {=Nitrogen ~Oxygen ~Argon ~Carbon dioxide}\n"
    )
    found = lint_questions(result.questions, [1, 2, 3, 4])
    messages = [[f.message for f in flaws if f.code == "duplicate-question"] for flaws in found]
    # the first copy names its first repeat once; each repeat names the first copy
    assert len(messages[0]) == 1 and "question 3 of this file" in messages[0][0]
    assert messages[1] == []
    assert all(len(m) == 1 and "question 1 of this file" in m[0] for m in messages[2:])


@pytest.mark.django_db
def test_the_bank_flags_only_the_later_copy_of_a_stored_duplicate() -> None:
    # the bank's flaw filter lists what a bulk delete removes: the copies, not the question
    cache.clear()
    course = CourseFactory()
    spec = dict(
        type="single_choice",
        prompt="Which gas makes up most of the air?",
        options=["Nitrogen", "Oxygen", "Argon", "Carbon dioxide"],
        answer="Nitrogen",
    )
    first, second = QuestionFactory(course=course, **spec), QuestionFactory(course=course, **spec)
    found = lint_service.lint_stored([first, second])
    assert first.pk not in found
    assert [f.code for f in found[second.pk]] == ["duplicate-question"]
