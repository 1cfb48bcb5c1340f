"""manage.py import_abstract and load_demo: what they store, and what bad input leaves."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from course.accounts.models import User
from course.authoring import services
from course.catalog.models import Concept, Course, Lesson, SourceSentence
from course.quizzes.models import Question
from tests.generator.support import SEED, SHARED_SEED, corpus_files

pytestmark = pytest.mark.django_db

CORPUS = corpus_files()
DEMO = SEED  # the demo course is made from the copy of the reference abstract we ship


def run(*args: str) -> str:
    out = StringIO()
    call_command("import_abstract", *args, stdout=out)
    return out.getvalue()


def assert_nothing_written() -> None:
    assert not Course.objects.exists()
    assert not Lesson.objects.exists()
    assert not SourceSentence.objects.exists()
    assert not Concept.objects.exists()


def assert_covers_every_sentence_once(course: Course) -> None:
    sentences = list(course.sentences.order_by("position"))
    assert sentences, "no sentences stored"
    assert all(s.lesson_id is not None for s in sentences)
    lessons = list(course.lessons.in_order())
    assert [s.position for s in sentences] == list(range(len(sentences)))
    # Lessons take the sentences in order: each lesson's sentences follow the previous one's.
    order = [s.lesson_id for s in sentences]
    assert [lesson.pk for lesson in lessons] == list(dict.fromkeys(order))
    for lesson in lessons:
        for s in lesson.sentences.all():
            assert s.text in lesson.body


def source(path: Path) -> Path:
    assert path.exists(), f"material missing: {path}"
    return path


def test_it_makes_a_draft_course_from_the_raw_seed(tmp_path):
    out = run(str(source(SEED)))
    course = Course.objects.get()
    assert course.status == Course.Status.DRAFT
    assert course.source_text == SEED.read_text(encoding="utf-8")
    assert course.sentences.count() == 12
    assert 3 <= course.lessons.count() <= 6
    assert_covers_every_sentence_once(course)
    kinds = [item["kind"] for item in course.cleaning_report]
    assert kinds.count("navigation") == 1
    assert kinds.count("duplicate") >= 1
    assert "초록" not in " ".join(course.sentences.values_list("text", flat=True))
    assert "navigation: 초록 열기/닫기 버튼" in out
    assert "duplicate:" in out
    assert any("shock work" in body for body in course.lessons.values_list("body", flat=True))


def test_it_takes_the_title_from_the_option(tmp_path):
    run(str(source(SEED)), "--title", "My title")
    assert Course.objects.get().title == "My title"


def test_it_gives_each_import_its_own_slug():
    run(str(source(SEED)), "--title", "Same")
    run(str(source(SEED)), "--title", "Same")
    assert sorted(Course.objects.values_list("slug", flat=True)) == ["same", "same-2"]


@pytest.mark.parametrize("path", CORPUS, ids=[p.name for p in CORPUS])
def test_it_imports_every_corpus_abstract(path):
    run(str(path))
    course = Course.objects.get()
    assert 1 <= course.lessons.count() <= 6
    assert_covers_every_sentence_once(course)
    assert course.title.strip()


BAD_INPUTS = {
    "empty": b"",
    "whitespace": b"  \n\t\r\n   \n",
    "binary": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" * 20,
    "huge": b"The unions were reorganized. " * (5 * 1024 * 1024 // 29),
    "boilerplate only": "초록 열기/닫기 버튼\n\n초록 열기/닫기 버튼\n".encode(),
    "not utf-8": b"\xc3\x28\xa0\xa1" * 100,
    "labels only": b"Show more\nDownload PDF\n",
}


@pytest.mark.parametrize("name", BAD_INPUTS)
def test_it_refuses_bad_input_with_a_message_and_writes_nothing(tmp_path, name):
    path = tmp_path / "abstract.txt"
    path.write_bytes(BAD_INPUTS[name])
    with pytest.raises(CommandError) as error:
        run(str(path))
    message = str(error.value)
    assert str(path) in message
    assert len(message) > len(str(path)) + 10, "the message should say what is wrong"
    assert_nothing_written()


def test_it_refuses_a_missing_file(tmp_path):
    with pytest.raises(CommandError, match="No such file"):
        run(str(tmp_path / "nope.txt"))
    assert_nothing_written()


def test_it_exits_non_zero_with_the_message_from_the_shell(tmp_path):
    import subprocess
    import sys

    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "manage.py", "import_abstract", str(path)],
        cwd=root, capture_output=True, text=True, check=False,
        env={"PATH": "/usr/bin:/bin", "DEBUG": "true", "DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3"},
    )  # fmt: skip
    assert result.returncode != 0
    assert "empty" in result.stderr.lower()


@pytest.mark.parametrize(
    "part",
    [
        (services.Concept.objects, "bulk_create"),  # in the catalog's part
        (services, "prompts_create"),  # after the questions, the last app's part
    ],
)
def test_it_writes_nothing_when_storing_fails_halfway(monkeypatch, part):
    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(*part, broken)
    with pytest.raises(RuntimeError):
        run(str(source(SEED)))
    assert_nothing_written()
    assert not Question.objects.exists()


# --- the demo ------------------------------------------------------------------------------


def test_the_demo_abstract_is_the_reference_abstract():
    assert DEMO.read_bytes() == source(SHARED_SEED).read_bytes()


def test_it_loads_the_demo_course_and_people_once(settings):
    settings.DEBUG = True
    call_command("load_demo", stdout=StringIO())
    call_command("load_demo", stdout=StringIO())
    course = Course.objects.get()
    assert course.is_published
    assert course.sentences.count() == 12
    assert User.objects.filter(is_superuser=True).count() == 1
    assert course.staff.count() == 1
    assert course.enrollments.count() == 3
    assert course.lesson_completions.count() == 3  # "some progress": 1 + 2 + 0


def test_it_creates_no_demo_people_when_debug_is_off(settings):
    settings.DEBUG = False
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert Course.objects.get().is_published
    assert not User.objects.exists()
    assert "no demo people" in out.getvalue()


# --- the whole draft -------------------------------------------------------------------


def test_it_stores_questions_and_prompts_with_their_sources():
    run(str(source(SEED)))
    course = Course.objects.get()
    questions = list(course.questions.prefetch_related("sentences", "concepts"))
    assert {q.type for q in questions} >= {"cloze", "single_choice", "true_false"}
    assert all(q.status == "draft" for q in questions)
    for question in questions:
        assert question.sentences.exists(), question.prompt
        assert question.explanation
    assert any(q.concepts.exists() for q in questions)
    assert 3 <= course.prompts.count() <= 6
    assert all(p.sentences.exists() for p in course.prompts.all())
    assert all(lesson.objective for lesson in course.lessons.all())


def test_it_prints_a_draft_as_json_and_writes_nothing():
    import json

    out = StringIO()
    call_command("generate_course", str(source(SEED)), "--json", stdout=out)
    draft = json.loads(out.getvalue())
    assert set(draft) >= {"title", "source", "lessons", "concepts", "questions", "prompts"}
    assert len(draft["source"]["sentences"]) == 12
    assert {r["kind"] for r in draft["source"]["removed"]} == {"navigation", "duplicate"}
    lesson_keys = {"title", "sentences", "concepts", "objective"}
    assert all(lesson_keys <= set(lesson) for lesson in draft["lessons"])
    question_keys = {"type", "prompt", "options", "answer", "concepts", "sentences", "explanation"}
    assert all(question_keys <= set(q) for q in draft["questions"])
    assert len({q["type"] for q in draft["questions"]}) >= 5
    assert all({"text", "concepts", "sentences"} <= set(p) for p in draft["prompts"])
    assert_nothing_written()


def test_it_refuses_to_print_a_draft_of_bad_input(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(CommandError, match="empty"):
        call_command("generate_course", str(path), "--json", stdout=StringIO())
