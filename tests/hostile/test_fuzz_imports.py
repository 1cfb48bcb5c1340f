"""Hostile input for every importer: an abstract (text, file, management command, upload form)
and a question file (GIFT, Aiken, upload form). Each property says what any input may do —
succeed with a consistent result, or be refused with the importer's own error — and that a
refusal leaves the database as it found it.

Hypothesis runs many examples inside one test function, so the DB fixtures are made once per
test; each example runs in a savepoint that is rolled back (`_isolated`) so examples neither
see each other's rows nor depend on their order.
"""

from __future__ import annotations

import tempfile
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from io import StringIO
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import transaction
from django.urls import resolve, reverse
from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st

from course.accounts.models import CourseStaff
from course.authoring.jobs import generation_job_run
from course.authoring.models import GenerationJob
from course.authoring.services import course_import_abstract
from course.catalog.models import Concept, Course, Lesson, SourceSentence
from course.discussions.models import Prompt
from course.generator import MAX_INPUT_BYTES, InputError, decode_text
from course.quizzes.bank import ImportRefused, parse_questions, questions_import
from course.quizzes.interchange.model import ParseResult
from course.quizzes.models import Question

FUZZ = settings(
    max_examples=80,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
FEW = settings(
    max_examples=60,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)

TABLES = (Course, Lesson, SourceSentence, Concept, Question, Prompt, CourseStaff)


def row_counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in TABLES}


class _Rollback(Exception):
    """Raised to leave the example's savepoint without keeping anything."""


@contextmanager
def _isolated() -> Iterator[None]:
    try:
        with transaction.atomic():
            yield
            raise _Rollback
    except _Rollback:
        pass


# --- strategies: text that looks like an abstract, then gets worse ----------------------

WORDS = [
    "the", "workers", "of", "shock", "work", "brigades", "raised", "production", "in", "Soviet",
    "factories", "during", "first", "Five-Year", "Plan", "trade", "unions", "purge", "norms",
    "Stakhanovite", "movement", "historians", "argue", "that", "policy", "collectivization",
    "1929", "1932", "(NEP)", "New", "Economic", "Policy", "state", "industrial", "labour",
]  # fmt: skip

HOSTILE_FRAGMENTS = [
    "\u200f", "\u200e", "\u202e", "\u2066", "\u2069", "\ufeff", "\u00a0", "\u200b",
    "\U0001f600", "\U0001f469\u200d\U0001f52c", "e\u0301", "\ufffd", "\ue000", "\ue004",
    "<script>window.__xss=1</script>", "<img src=x onerror=alert(1)>", "**bold**", "# Heading",
    "1. item", "- item", "> quote", "```", "`code`", "[x](javascript:alert(1))", "&amp;", "&lt;",
    "{{ 7*7 }}", "{% if %}", "|", "---", "***", "!!!", "...", "?!?!", ";;;", "\\", "\t",
    "\r", "\r\n", "\n\n", "\x0b", "\x0c", "\x1b[31m", "\x7f", "\x85", "\u2028", "\u2029",
]  # fmt: skip

sentence = st.lists(st.sampled_from(WORDS), min_size=4, max_size=16).map(
    lambda words: " ".join(words).capitalize() + "."
)
fragment = st.one_of(
    st.sampled_from(HOSTILE_FRAGMENTS),
    st.text(min_size=1, max_size=12),
    # a line of only punctuation
    st.text(alphabet=".,;:!?-_*#=~`'\"()[]{}<>/\\|", min_size=1, max_size=40),
)
separator = st.sampled_from([" ", "\n", "\r", "\r\n", "\n\n", "\r\r", "  \n", "\u2029"])


@st.composite
def abstract_texts(draw: st.DrawFn) -> str:
    """Mostly sentences (so many examples get past validation and into the generator),
    interleaved with hostile fragments, odd line ends and, sometimes, huge repetition."""
    parts: list[str] = []
    for _ in range(draw(st.integers(min_value=0, max_value=14))):
        parts.append(draw(st.one_of(sentence, sentence, fragment)))
        parts.append(draw(separator))
    text = "".join(parts)
    if draw(st.booleans()) and text:
        # Repeated copies (the cleaner removes them) up to about the size limit.
        times = draw(st.integers(min_value=2, max_value=max(2, MAX_INPUT_BYTES // len(text))))
        text = text * times
    return text


any_text = st.one_of(abstract_texts(), st.text(max_size=400), st.text(max_size=4000))


def _encode(text: str, how: str) -> bytes:
    if how == "utf-8-bom":
        return b"\xef\xbb\xbf" + text.encode("utf-8", "surrogatepass")
    if how == "utf-16":
        return text.encode("utf-16", "surrogatepass")
    if how == "cp1252":
        return text.encode("cp1252", "replace")
    return text.encode("utf-8", "surrogatepass")


any_bytes = st.one_of(
    st.binary(max_size=2000),
    st.tuples(abstract_texts(), st.sampled_from(["utf-8", "utf-8-bom", "utf-16", "cp1252"])).map(
        lambda pair: _encode(*pair)
    ),
    # valid text with a few bytes spliced in
    st.tuples(abstract_texts(), st.binary(min_size=1, max_size=8), st.integers(0, 10_000)).map(
        lambda t: (
            t[0].encode("utf-8", "surrogatepass")[: t[2]]
            + t[1]
            + t[0].encode("utf-8", "surrogatepass")[t[2] :]
        )
    ),
)


# --- what a stored course must look like -------------------------------------------------


def assert_consistent_course(course: Course) -> None:
    sentences = list(course.sentences.order_by("position"))
    assert sentences, "a course without sentences was stored"
    assert [s.position for s in sentences] == list(range(len(sentences)))
    # Every sentence is in exactly one lesson (a FK: at most one; not null: at least one) ...
    assert all(s.lesson_id is not None for s in sentences), "a sentence belongs to no lesson"
    lessons = list(course.lessons.in_order())
    assert lessons
    assert {s.lesson_id for s in sentences} == {lesson.pk for lesson in lessons}
    # ... and lessons take contiguous runs of sentences in lesson order.
    order = [s.lesson_id for s in sentences]
    assert list(dict.fromkeys(order)) == [lesson.pk for lesson in lessons]
    assert [lesson.position for lesson in lessons] == list(range(1, len(lessons) + 1))
    sentence_ids = {s.pk for s in sentences}
    for question in course.questions.prefetch_related("sentences"):
        cited = {s.pk for s in question.sentences.all()}
        assert cited <= sentence_ids, f"question {question.pk} cites foreign sentences"
    for prompt in course.prompts.prefetch_related("sentences"):
        assert {s.pk for s in prompt.sentences.all()} <= sentence_ids
    concept_sentences = SourceSentence.objects.filter(concepts__course=course).values_list(
        "pk", flat=True
    )
    assert set(concept_sentences) <= sentence_ids


def import_or_refuse(attempt: Callable[[], object], refusal: type[BaseException]) -> object:
    """Run an import; a refusal must be `refusal` (nothing else) and write nothing."""
    before = row_counts()
    try:
        result = attempt()
    except refusal:
        event("refused")
        assert row_counts() == before, "a refused import left rows behind"
        return None
    event("imported")
    return result


# --- the abstract importer ----------------------------------------------------------------


@pytest.mark.django_db
@FUZZ
@given(text=any_text, title=st.one_of(st.none(), st.text(max_size=300)))
def test_it_imports_any_text_or_refuses_it_with_input_error(text: str, title: str | None) -> None:
    with _isolated():

        def attempt() -> Course:
            course, _ = course_import_abstract(text=text, title=title)
            return course

        course = import_or_refuse(attempt, InputError)
        if course is not None:
            assert_consistent_course(course)


@pytest.mark.django_db
@FUZZ
@given(data=any_bytes)
def test_it_decodes_and_imports_any_bytes_or_refuses_them_with_input_error(data: bytes) -> None:
    with _isolated():

        def attempt() -> Course:
            course, _ = course_import_abstract(text=decode_text(data))
            return course

        course = import_or_refuse(attempt, InputError)
        if course is not None:
            assert_consistent_course(course)


@pytest.mark.django_db
@FEW
@given(data=any_bytes)
def test_the_import_abstract_command_succeeds_or_raises_command_error(data: bytes) -> None:
    with _isolated(), tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "abstract.txt"
        path.write_bytes(data)
        before = row_counts()
        try:
            call_command("import_abstract", str(path), stdout=StringIO())
        except CommandError:
            event("refused")
            assert row_counts() == before, "a refused import left rows behind"
        else:
            event("imported")
            assert Course.objects.count() == before["Course"] + 1
            assert_consistent_course(Course.objects.order_by("-pk").first())


# --- question files: GIFT and Aiken -----------------------------------------------------

GIFT_PIECES = [
    "{", "}", "{}", "~", "=", "#", "####", "->", "::", "%50%", "%-25%", "%100%", "%0%", "%101%",
    "\\{", "\\}", "\\~", "\\=", "\\#", "\\:", "\\n", "\\\\", "\\", "$CATEGORY: ", "// ", "//",
    "[html]", "[markdown]", "[plain]", "[moodle]", "T", "F", "TRUE", "FALSE", "..", ":", "1.5",
    "3.14:0.01", "1..5", "5..1", "-1", "1e308", "1e999", "nan", "inf", "_____", "<b>", "</p>",
    "<script>x</script>", "&amp;", "\ue000", "\ue007", "\ufeff", " ", "\t", "\n", "\r", "\r\n",
    "\n\n", "Who", "Grant", "tomb", "x", "y", "\u200f", "\U0001f600",
]  # fmt: skip


GIFT_WORDS = ["Grant", "tomb", "Lenin", "1917", "x", "y", "3", "1.5", "2..4", "3:1", "T"]
gift_word = st.one_of(
    st.sampled_from(GIFT_WORDS), st.sampled_from(GIFT_WORDS), st.sampled_from(GIFT_PIECES)
)


@st.composite
def gift_texts(draw: st.DrawFn) -> str:
    """Questions built from GIFT syntax: mostly well-shaped blocks, with pieces shuffled in."""
    questions = []
    for _ in range(draw(st.integers(min_value=0, max_value=5))):
        title = draw(st.sampled_from(["", "", "::T::", "::a\\:b::", "::open", "::::"]))
        prompt = " ".join(draw(st.lists(gift_word, max_size=4)))
        answers = draw(
            st.lists(
                st.tuples(
                    st.sampled_from(["=", "~", "~", "~%50%", "=%-10%", "#", "", "=x -> ", "= -> "]),
                    st.lists(gift_word, min_size=0, max_size=3),
                    st.sampled_from(["", "", "#feedback", "#", "#<b>fb</b>"]),
                ),
                max_size=5,
            )
        )
        body = " ".join(marker + " ".join(words) + feedback for marker, words, feedback in answers)
        general = draw(st.sampled_from(["", "", "####general", "####"]))
        after = " ".join(draw(st.lists(gift_word, max_size=2)))
        open_, close = draw(
            st.sampled_from(
                [("{", "}"), ("{", "}"), ("{#", "}"), ("{T", "}"), ("{", ""), ("", "}")]
            )
        )
        questions.append(f"{title}{prompt} {open_}{body}{general}{close} {after}")
    noise = draw(st.lists(st.sampled_from(GIFT_PIECES), max_size=6))
    separator = draw(st.sampled_from(["\n\n", "\n", "\r\n\r\n", "\r\r", "\n// c\n"]))
    category = draw(st.sampled_from(["", "$CATEGORY: top/sub\n\n", "$category:\n"]))
    return category + separator.join([*questions, "".join(noise)])


GIFT_QUESTIONS = [
    "::Tomb::Who is buried in Grant's tomb? {~Lenin =Grant#Right ~%50%Nobody#Half ####Because.}",
    "Pick two {~%50%a ~%50%b ~%-100%c}",
    "Match {=Lenin -> 1917 =Grant -> 1865 = -> 1900}",
    "Pi to two places {#3.14:0.005 =%50%3.1..3.2#close ~#no}",
    "The sky is blue {T#wrong#right}",
    "Grant is buried in {=Grant's tomb =the tomb} in New York.",
    "Explain the purge {}",
    "[html]<p>Escaped \\{braces\\} and \\~tilde</p> {=a\\=b}",
    "[markdown]**Bold** {=yes ~no}",
]


@st.composite
def mutated_gift(draw: st.DrawFn) -> str:
    """Valid questions of every type with a few GIFT pieces spliced in at random places."""
    texts = draw(st.lists(st.sampled_from(GIFT_QUESTIONS), min_size=1, max_size=4))
    text = "\n\n".join(texts)
    for _ in range(draw(st.integers(min_value=0, max_value=3))):
        at = draw(st.integers(min_value=0, max_value=len(text)))
        text = text[:at] + draw(st.sampled_from(GIFT_PIECES)) + text[at:]
    return text


AIKEN_LINES = [
    "What is it?", "A. one", "B) two", "C. three", "A. one", "a. lower", "D.no space", "ANSWER: A",
    "ANSWER: B", "ANSWER: Z", "ANSWER:", "answer : c", "ANSWER: AB", "", "  ", "\t", "Z) last",
    "<script>x</script>", "\u200f\u202e", "\U0001f600",
]  # fmt: skip


@st.composite
def aiken_texts(draw: st.DrawFn) -> str:
    lines = draw(
        st.lists(st.one_of(st.sampled_from(AIKEN_LINES), st.text(max_size=30)), max_size=30)
    )
    return draw(st.sampled_from(["\n", "\r\n", "\r"])).join(lines)


question_texts = st.one_of(
    st.tuples(gift_texts(), st.just("gift")),
    st.tuples(mutated_gift(), st.just("gift")),
    st.tuples(aiken_texts(), st.just("aiken")),
    st.tuples(st.text(max_size=600), st.sampled_from(["gift", "aiken"])),
)


@FUZZ
@given(pair=question_texts)
def test_the_parsers_never_raise(pair: tuple[str, str]) -> None:
    text, fmt = pair
    result = parse_questions(text, fmt)
    assert isinstance(result, ParseResult)
    for question in result.questions:
        assert question.type
        assert isinstance(question.prompt, str)
        assert question.line >= 1


@FUZZ
@given(text=st.one_of(gift_texts(), mutated_gift()))
def test_the_gift_parser_reports_no_internal_failure(text: str) -> None:
    # `_read_block` turns an unexpected exception into "could not be read" so one broken
    # question cannot lose the file; for these inputs every error should be a worded one.
    result = parse_questions(text, "gift")
    internal = [e for e in result.errors if e.message == "This question could not be read."]
    assert not internal, (text, internal)


@pytest.mark.django_db
@FUZZ
@given(pair=question_texts, accept_valid=st.booleans())
def test_questions_import_takes_exactly_the_valid_questions_or_refuses(
    pair: tuple[str, str], accept_valid: bool, course: Course
) -> None:
    text, fmt = pair
    result = parse_questions(text, fmt)
    with _isolated():
        before = row_counts()
        existing = set(course.questions.values_list("pk", flat=True))
        try:
            report = questions_import(course=course, result=result, accept_valid=accept_valid)
        except ImportRefused:
            event("refused")
            assert result.errors and not accept_valid
            assert row_counts() == before
            return
        assert not result.errors or accept_valid
        assert report.imported == len(result.questions)
        event(f"imported {'some' if result.questions else 'none'}")
        new = list(course.questions.exclude(pk__in=existing).order_by("position", "pk"))
        assert [(q.type, q.prompt) for q in new] == [(q.type, q.prompt) for q in result.questions]
        after = row_counts()
        assert after["Question"] == before["Question"] + len(result.questions)
        assert {k: v for k, v in after.items() if k != "Question"} == {
            k: v for k, v in before.items() if k != "Question"
        }


# --- the upload forms -----------------------------------------------------------------------

upload_bytes = st.one_of(
    any_bytes,
    mutated_gift().map(lambda t: t.encode("utf-8", "surrogatepass")),
    gift_texts().map(lambda t: t.encode("utf-8", "surrogatepass")),
    aiken_texts().map(lambda t: t.encode("utf-8", "surrogatepass")),
)


@pytest.mark.django_db
@FEW
@given(data=upload_bytes, fmt=st.sampled_from(["gift", "aiken"]), accept_valid=st.booleans())
def test_the_bank_import_page_never_fails_on_an_upload(
    data: bytes, fmt: str, accept_valid: bool, as_user, instructor, course: Course
) -> None:
    client = as_user(instructor)
    url = reverse("quizzes:bank-import", kwargs={"slug": course.slug})
    with _isolated():
        before = row_counts()
        upload = SimpleUploadedFile("questions.txt", data, content_type="text/plain")
        response = client.post(url, {"file": upload, "format": fmt})
        assert response.status_code in (200, 400)
        assert row_counts() == before, "the preview step wrote rows"
        confirm = response.context.get("confirm")
        if confirm is None:
            event("upload refused")
            return
        # The second step posts back exactly the text that was previewed.
        text = confirm.initial["text"]
        response = client.post(url, {"text": text, "format": fmt, "accept_valid": accept_valid})
        assert response.status_code in (302, 400, 200)
        result = parse_questions(text, fmt)
        after = row_counts()
        event(f"confirm {response.status_code}")
        if response.status_code == 302:
            assert after["Question"] == before["Question"] + len(result.questions)
        else:
            assert after == before


@pytest.mark.django_db
@FEW
@given(data=upload_bytes)
def test_the_new_course_page_never_fails_on_an_upload(data: bytes, as_user, instructor) -> None:
    client = as_user(instructor)
    url = reverse("catalog:new")
    with _isolated():
        before = row_counts()
        upload = SimpleUploadedFile("abstract.txt", data, content_type="text/plain")
        response = client.post(url, {"file": upload, "title": "", "text": "", "token": _token()})
        assert response.status_code in (200, 302, 400)
        event(f"status {response.status_code}")
        if response.status_code == 302:
            job = _run_background_job(response["Location"])
            if job is not None and job.status == GenerationJob.Status.FAILED:
                # a long file the generator refuses: the job says why and writes no course
                assert job.error and job.course_id is None
                assert Course.objects.count() == before["Course"]
                return
            assert Course.objects.count() == before["Course"] + 1
            assert_consistent_course(Course.objects.order_by("-pk").first())
        else:
            assert row_counts() == before


@pytest.mark.django_db
@FEW
@given(text=any_text)
def test_the_new_course_page_never_fails_on_a_paste(text: str, as_user, instructor) -> None:
    # Form fields cannot carry NUL (the test client refuses them); everything else goes.
    assume("\x00" not in text)
    client = as_user(instructor)
    with _isolated():
        before = row_counts()
        response = client.post(
            reverse("catalog:new"), {"text": text, "title": "", "token": _token()}
        )
        assert response.status_code in (200, 302, 400)
        event(f"status {response.status_code}")
        if response.status_code != 302:
            assert row_counts() == before


def _token() -> str:
    return str(uuid.uuid4())


def _run_background_job(location: str) -> GenerationJob | None:
    """A long file is generated by a job after the request (its thread starts on commit,
    which never comes inside `_isolated`): run it here, as its thread would, and return
    the job (None when the request made the course itself)."""
    match = resolve(urlsplit(location).path)
    if match.url_name != "generation-job":
        return None
    generation_job_run(job_id=match.kwargs["job_id"])
    return GenerationJob.objects.get(pk=match.kwargs["job_id"])


@pytest.mark.django_db
def test_a_long_upload_the_generator_refuses_fails_its_job_and_writes_nothing(
    as_user, instructor
) -> None:
    # Found by the fuzz test above: a file long enough for a background job, of nothing but
    # right-to-left marks, is refused by the generator after the request has redirected.
    client = as_user(instructor)
    before = Course.objects.count()
    upload = SimpleUploadedFile("abstract.txt", ("\u200f " * 12000).encode(), "text/plain")
    response = client.post(
        reverse("catalog:new"), {"file": upload, "title": "", "text": "", "token": _token()}
    )
    assert response.status_code == 302
    job = _run_background_job(response["Location"])
    assert job is not None and job.status == GenerationJob.Status.FAILED and job.error
    assert Course.objects.count() == before
