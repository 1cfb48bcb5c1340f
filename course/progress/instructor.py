"""Instructor views of a course's students: roster, a student's detail (with their quiz
overrides, granted and removed there), the class-by-concept mastery heatmap, quiz item
analysis and the CSV exports. Staff of the course and admins only: every view starts with
`get_course_for_editor`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import SafeString
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers

from course.accounts.models import Enrollment, User
from course.catalog.access import get_course_for_editor
from course.catalog.models import Course
from course.http import AuthedRequest
from course.pagecache import page_depends_on, per_person_page
from course.progress.analysis import item_analysis
from course.progress.gradebook import SORTS, gradebook_rows, item_analysis_rows, roster
from course.progress.models import ConceptMastery, QuizGrade
from course.progress.roster_cache import ROSTER_MODELS, roster_parts
from course.progress.selectors import course_standing
from course.quizzes.forms import QuizOverrideForm
from course.quizzes.models import Attempt, Quiz, QuizOverride
from course.quizzes.overrides import (
    QuizRules,
    quiz_override_delete,
    quiz_override_set,
    rules_with,
)
from course.text import search_text

PAGE_SIZE = 50


def _course_for_staff(user: User, slug: str) -> Course:
    """The course, for its staff and admins, in one query (the roster is their most visited
    page); anyone else gets what `get_course_for_editor` decides (404 or 403)."""
    # The slug is unique: no ORDER BY (the model's ordering would sort the one row).
    found = Course.objects.editable_by(user).defer(*Course.BULKY_FIELDS).filter(slug=slug)
    course = next(iter(found.order_by()[:1]), None)
    return course if course is not None else get_course_for_editor(user, slug)


@require_GET
@login_required
@vary_on_headers("HX-Request")
@per_person_page(course_kwarg="slug", own_versions_cover=ROSTER_MODELS)
def course_students(request: AuthedRequest, slug: str) -> HttpResponse:
    """The roster. Its plain address (first page, by name) is kept whole per reader by the
    page cache while the class, the course and the reader's roles stay as they were; any
    other sort or page, and a search, renders around the cached table (not a search's)."""
    # Who may see it is decided here, on every render; a page-cache hit is served only to
    # the reader it was rendered for, and losing the role sets their version anew.
    course = _course_for_staff(request.user, slug)
    query = search_text(request.GET.get("q", ""), limit=100)
    sort = request.GET.get("sort", "name")
    sort = sort if sort in SORTS else "name"

    def table() -> SafeString:
        page = Paginator(roster(course, query=query, sort=sort), PAGE_SIZE).get_page(
            request.GET.get("page")
        )
        context = {"course": course, "page": page, "query": query, "sort": sort}
        return render_to_string("progress/students.html#roster", context, request)

    def links() -> SafeString:
        quizzes = Quiz.objects.filter(course=course).order_by("title", "pk").only("pk", "title")
        context = {"course": course, "quizzes": quizzes}
        return render_to_string("progress/students.html#analysis-links", context, request)

    # A search is rendered each time: one entry per typed string would fill the cache.
    parts = roster_parts(
        course_id=course.pk, slug=course.slug, sort=sort, page_number=request.GET.get("page"),
        render_table=table, cache_table=not query, render_links=None if request.htmx else links,
    )  # fmt: skip
    page_depends_on(request, parts.version_key, parts.version)
    if request.htmx:
        return HttpResponse(parts.table)
    context = {"course": course, "query": query, "sort": sort, "table": parts.table,
               "links": parts.links}  # fmt: skip
    return render(request, "progress/students.html", context)


def _get_student_for(course: Course, user_id: int) -> User:
    """A student of this course (404 for anyone else): only they can be given overrides."""
    enrollment = get_object_or_404(
        Enrollment.objects.select_related("user"), course=course, user_id=user_id
    )
    return enrollment.user


@dataclass(frozen=True)
class OverrideRow:
    """A quiz on a student's page: its rules for them, and the form that changes them."""

    quiz: Quiz
    used: int  # the student's attempts
    rules: QuizRules
    form: QuizOverrideForm

    @property
    def attempts_left(self) -> int | None:
        return self.rules.attempts_left(self.used)


def override_rows(
    course: Course, student: User, *, bound: QuizOverrideForm | None = None
) -> list[OverrideRow]:
    """Every quiz of the course with the student's attempts and override, in three queries
    whatever the number of quizzes; `bound`, a form that did not validate, stands in for
    its quiz's own."""
    quizzes = list(Quiz.objects.filter(course=course).order_by("title", "pk"))
    used = dict(
        Attempt.objects.filter(quiz__course=course, user=student)
        .order_by()
        .values("quiz")
        .annotate(n=Count("pk"))
        .values_list("quiz", "n")
    )
    overrides = {
        override.quiz_id: override
        for override in QuizOverride.objects.filter(
            quiz__course=course, student=student
        ).select_related("granted_by")
    }
    rows = []
    for quiz in quizzes:
        override = overrides.get(quiz.pk)
        form = bound
        if form is None or form.quiz.pk != quiz.pk:
            initial = {}
            if override is not None:
                initial = {"extra_attempts": override.extra_attempts,
                           "closes_at": override.closes_at}  # fmt: skip
            form = QuizOverrideForm(quiz=quiz, initial=initial)
        rules = rules_with(quiz, override)
        rows.append(OverrideRow(quiz=quiz, used=used.get(quiz.pk, 0), rules=rules, form=form))
    return rows


def student_context(
    course: Course, student: User, *, bound: QuizOverrideForm | None = None
) -> dict[str, Any]:
    user_id = student.pk
    levels = dict(
        ConceptMastery.objects.filter(course=course, user_id=user_id).values_list(
            "concept_id", "level"
        )
    )
    labels = dict(ConceptMastery.Level.choices)
    return {
        "course": course,
        "student": student,
        "standing": course_standing(user_id=user_id, course=course),
        "grades": QuizGrade.objects.filter(course=course, user_id=user_id).select_related("quiz"),
        "attempts": Attempt.objects.filter(quiz__course=course, user_id=user_id)
        .select_related("quiz")
        .order_by("quiz__title", "number"),
        "mastery": [
            (c, labels[levels.get(c.pk, 0)], levels.get(c.pk, 0))
            for c in course.concepts.order_by("rank", "term")
        ],
        "override_rows": override_rows(course, student, bound=bound),
    }


@require_GET
@login_required
def student_detail(request: AuthedRequest, slug: str, user_id: int) -> HttpResponse:
    course = get_course_for_editor(request.user, slug)
    student = _get_student_for(course, user_id)
    return render(request, "progress/student_detail.html", student_context(course, student))


def _overrides_answer(
    request: AuthedRequest, course: Course, student: User, notice: str
) -> HttpResponse:
    """After a change: the overrides region with a notice (htmx), or the page again."""
    if request.htmx:
        context = {"course": course, "student": student, "notice": notice,
                   "override_rows": override_rows(course, student)}  # fmt: skip
        return render(request, "progress/student_detail.html#overrides", context)
    messages.success(request, notice)
    url = reverse("progress:student", kwargs={"slug": course.slug, "user_id": student.pk})
    return redirect(url + "#overrides")


@require_POST
@login_required
@vary_on_headers("HX-Request")
def override_set(request: AuthedRequest, slug: str, user_id: int, quiz_id: int) -> HttpResponse:
    """Grant a student extra attempts or a later close date on a quiz, or change theirs."""
    course = get_course_for_editor(request.user, slug)
    student = _get_student_for(course, user_id)
    quiz = get_object_or_404(Quiz, course=course, pk=quiz_id)
    form = QuizOverrideForm(request.POST, quiz=quiz)
    if form.is_valid():
        try:
            quiz_override_set(
                quiz=quiz,
                student=student,
                by=request.user,
                extra_attempts=form.cleaned_data["extra_attempts"],
                closes_at=form.cleaned_data["closes_at"],
            )
        except ValidationError as refusal:
            form.add_error(None, refusal)
    if form.errors:
        # htmx swaps only a 200: the region with the errors in place; without it, the whole
        # page with the form as it was sent.
        if request.htmx:
            context = {"course": course, "student": student,
                       "override_rows": override_rows(course, student, bound=form)}  # fmt: skip
            return render(request, "progress/student_detail.html#overrides", context)
        context = student_context(course, student, bound=form)
        return render(request, "progress/student_detail.html", context, status=400)
    notice = f"Saved the override of “{quiz.title}” for {student.username}."
    return _overrides_answer(request, course, student, notice)


@require_POST
@login_required
@vary_on_headers("HX-Request")
def override_delete(request: AuthedRequest, slug: str, user_id: int, quiz_id: int) -> HttpResponse:
    """The quiz's own rules again for this student."""
    course = get_course_for_editor(request.user, slug)
    student = _get_student_for(course, user_id)
    quiz = get_object_or_404(Quiz, course=course, pk=quiz_id)
    removed = quiz_override_delete(quiz=quiz, student=student, by=request.user)
    notice = (
        f"Removed the override of “{quiz.title}” for {student.username}: the quiz's own rules "
        "apply again."
        if removed
        else f"{student.username} had no override on “{quiz.title}”."
    )
    return _overrides_answer(request, course, student, notice)


@require_GET
@login_required
def mastery_heatmap(request: AuthedRequest, slug: str) -> HttpResponse:
    course = get_course_for_editor(request.user, slug)
    concepts = list(course.concepts.filter(core=True).order_by("rank", "term"))
    page = Paginator(roster(course, sort="name"), PAGE_SIZE).get_page(request.GET.get("page"))
    students = [row.user for row in page.object_list]
    levels = {
        (user_id, concept_id): level
        for user_id, concept_id, level in ConceptMastery.objects.filter(
            course=course, user__in=students
        ).values_list("user_id", "concept_id", "level")
    }
    grid = [(s, [levels.get((s.pk, c.pk), 0) for c in concepts]) for s in students]
    # The whole class, not just this page: how many students reached each level.
    spread = {
        (concept_id, level): n
        for concept_id, level, n in ConceptMastery.objects.filter(course=course)
        .values_list("concept_id", "level")
        .annotate(n=Count("pk"))
    }
    enrolled = page.paginator.count
    summary = []
    for concept in concepts:
        counted = [spread.get((concept.pk, level), 0) for level in range(5)]
        counted[0] += max(enrolled - sum(counted), 0)  # no row yet: not started
        summary.append((concept, [(n, share_band(n, enrolled)) for n in counted]))
    labels = dict(ConceptMastery.Level.choices)
    context = {"course": course, "concepts": concepts, "page": page, "summary": summary,
               "grid": [(s, [(level, labels[level]) for level in row]) for s, row in grid],
               "levels": ConceptMastery.Level.choices, "shares": SHARE_BANDS}  # fmt: skip
    return render(request, "progress/heatmap.html", context)


# The class summary's shading: how much of the class a count is, in five bands, so a cell
# is as dark as its value is large whichever level's column it sits in.
SHARE_BANDS = ["none", "under a quarter", "a quarter to a half", "a half to three quarters",
               "three quarters or more"]  # fmt: skip


def share_band(count: int, total: int) -> int:
    if count <= 0 or total <= 0:
        return 0
    return min(1 + 4 * count // total, 4)


@require_GET
@login_required
def quiz_analysis(request: AuthedRequest, slug: str, quiz_id: int) -> HttpResponse:
    course = get_course_for_editor(request.user, slug)
    quiz = get_object_or_404(Quiz, course=course, pk=quiz_id)
    stats = item_analysis(quiz)
    return render(
        request, "progress/analysis.html", {"course": course, "quiz": quiz, "stats": stats}
    )


@require_GET
@login_required
def quiz_analysis_csv(request: AuthedRequest, slug: str, quiz_id: int) -> StreamingHttpResponse:
    course = get_course_for_editor(request.user, slug)
    quiz = get_object_or_404(Quiz, course=course, pk=quiz_id)
    response = StreamingHttpResponse(
        item_analysis_rows(item_analysis(quiz)), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="{course.slug}-quiz-{quiz.pk}-items.csv"'
    )
    return response


@require_GET
@login_required
def gradebook_csv(request: AuthedRequest, slug: str) -> StreamingHttpResponse:
    course = get_course_for_editor(request.user, slug)
    response = StreamingHttpResponse(gradebook_rows(course), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{course.slug}-gradebook.csv"'
    return response
