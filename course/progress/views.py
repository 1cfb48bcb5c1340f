"""The reader's pages, each showing the reader's progress: the catalog, a course, a lesson
and the dashboard; and recording a lesson's completion.

The catalog, course and lesson pages keep their "catalog:" URL names (see `course/urls.py`):
they show the catalog's content, and sit on this floor because they show progress beside it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import get_conditional_response
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import SafeString
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers

from course.catalog.access import (
    can_create_courses,
    can_edit,
    get_course_for,
    get_lesson_for_reader,
    is_enrolled,
)
from course.catalog.models import Concept, Course, Lesson
from course.catalog.rendering import GlossaryTerm, lesson_body_html
from course.discussions.models import Prompt
from course.http import AuthedRequest, HtmxHttpRequest
from course.pagecache import current_versions, per_person_page, release
from course.progress.dashboard import student_dashboard
from course.progress.selectors import (
    Standing,
    course_standing,
    first_unfinished,
    lessons_with_done,
    quiz_rows,
    standings,
)
from course.progress.services import lesson_complete
from course.quizzes.models import Quiz


@require_GET
@per_person_page(course_kwarg=None)
def index(request: HtmxHttpRequest) -> HttpResponse:
    courses = list(Course.objects.published().with_lesson_count().order_by("title", "pk"))
    mine: dict[int, Standing] = {}
    if request.user.is_authenticated:
        enrolled = Course.objects.published().filter(enrollments__user_id=request.user.pk)
        mine = {s.course.pk: s for s in standings(user_id=request.user.pk, courses=enrolled)}
    # A card's standing is None where the reader is not enrolled.
    cards = [{"course": c, "standing": mine.get(c.pk)} for c in courses]
    return render(request, "catalog/index.html", {"cards": cards})


@require_GET
def course_detail(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    course = get_course_for(request.user, slug)
    enrolled = is_enrolled(request.user, course)
    reader_id = request.user.pk if enrolled else None
    lessons, done = lessons_with_done(course.lessons.in_order(), user_id=reader_id)
    for lesson in lessons:
        lesson.course = course
    editable = can_edit(request.user, course)
    standing = None if reader_id is None else course_standing(user_id=reader_id, course=course)
    context = {
        "course": course,
        "lessons": lessons,
        "enrolled": enrolled,
        "editable": editable,
        "done": done,
        "next_lesson": first_unfinished(lessons, done),
        "standing": standing,
        "quizzes": quiz_rows(course=course, user=request.user, include_drafts=editable),
    }
    return render(request, "catalog/course_detail.html", context)


@require_GET
@per_person_page(course_kwarg="slug", has_standard_design=True)
def lesson_detail(request: HtmxHttpRequest, slug: str, lesson_id: int) -> HttpResponse:
    # Read before rendering: a change committed meanwhile sets a new version, so fragments
    # stored under this one miss from then on (as the page cache's pages do).
    course_version, person_version = current_versions(slug, request.user.pk)
    etag = None
    if settings.PAGE_CACHE == "standard":
        etag = _lesson_etag(request, course_version, person_version)
        # Before the access check, as a page-cache hit is: what access depends on (the
        # course's status, the reader's enrollment, role and account) sets these versions,
        # and a 304 shows nothing the reader's own stored copy does not.
        if etag and (not_modified := get_conditional_response(request, etag=etag)):
            not_modified.headers["ETag"] = etag
            return not_modified
    try:
        lesson, enrolled = get_lesson_for_reader(request.user, slug, lesson_id)
    except PermissionDenied as denied:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        messages.info(request, str(denied))
        return redirect("catalog:course", slug=slug)
    context = lesson_context(request, lesson, enrolled)
    # The course-wide fragments' key: the course's version, and the release (a deploy may
    # change the template or the HTML the body is rendered into).
    context["fragment_version"] = f"{release()}:{course_version}"
    response = render(request, "catalog/lesson_detail.html", context)
    if etag:
        response.headers["ETag"] = etag
    return response


def _lesson_etag(request: HtmxHttpRequest, course_version: str, person_version: str) -> str | None:
    """The lesson page's validator under the standard design: what the page shows changes
    only with the course's version, the reader's, or the release; its forms carry tokens of
    the CSRF secret. Weak: every render masks those tokens afresh. None where a 304 could
    hide something: a guest's page (no version of theirs) or a message waiting to be shown."""
    csrf = request.META.get("CSRF_COOKIE")
    if not request.user.is_authenticated or not csrf or len(messages.get_messages(request)):
        return None
    parts = [release(), course_version, person_version, str(request.user.pk), request.path, csrf]
    return f'W/"{hashlib.sha256(":".join(parts).encode()).hexdigest()[:32]}"'


@dataclass(frozen=True)
class LessonMatter:
    """What a lesson page shows of its course, the same for every reader: read only when
    the page's template fragments miss (lazily, through `lesson_context`)."""

    body: SafeString
    prompts: list[Prompt]
    lesson_concepts: list[Concept]
    other_concepts: list[Concept]
    quizzes: list[Quiz]  # published, practising what the lesson teaches


def _in_lesson(concept: object) -> bool:
    """Set by ``with_mentions_in`` (an annotation the type checker cannot follow here)."""
    return bool(getattr(concept, "in_lesson", False))


def _lesson_matter(lesson: Lesson) -> LessonMatter:
    """In three queries: the glossary, marked where the lesson mentions it; the prompts;
    the published quizzes that cover the lesson's concepts."""
    concepts = list(
        lesson.course.concepts.with_mentions_in(lesson).order_by("-in_lesson", "rank", "term")
    )
    terms = [
        GlossaryTerm(anchor=f"concept-{c.pk}", definition=c.definition, forms=tuple(c.forms))
        for c in concepts
    ]
    return LessonMatter(
        body=lesson_body_html(lesson, terms),
        prompts=list(lesson.prompts.in_order()),
        lesson_concepts=[c for c in concepts if _in_lesson(c)],
        other_concepts=[c for c in concepts if not _in_lesson(c)],
        quizzes=list(Quiz.objects.published().covering(lesson).order_by("title", "pk")),
    )


def lesson_context(request: HtmxHttpRequest, lesson: Lesson, enrolled: bool) -> dict[str, object]:
    """Everything the lesson page and its completion partial show: in two queries, the
    lessons with the reader's completions and their standing; the course's matter, in three
    more, only where a fragment of it is rendered."""
    course = lesson.course
    reader_id = request.user.pk if enrolled else None
    lessons, done = lessons_with_done(
        course.lessons.in_order().only("pk", "course_id", "position", "title"), user_id=reader_id
    )
    for other in lessons:
        other.course = course
    index = next(i for i, other in enumerate(lessons) if other.pk == lesson.pk)
    # Read after `lesson_complete` refreshed it, when the completion partial is rendered.
    standing = None if reader_id is None else course_standing(user_id=reader_id, course=course)
    return {
        "course": course,
        "lesson": lesson,
        "lessons": lessons,
        "previous": lessons[index - 1] if index > 0 else None,
        "next": lessons[index + 1] if index + 1 < len(lessons) else None,
        "matter": SimpleLazyObject(lambda: _lesson_matter(lesson)),
        "enrolled": enrolled,
        "completed": lesson.pk in done,
        "standing": standing,
    }


@require_GET
@login_required
@per_person_page(course_kwarg=None)
def dashboard(request: AuthedRequest) -> HttpResponse:
    teaching = list(Course.objects.taught_by(request.user).order_by("title", "pk"))
    context = {
        "cards": student_dashboard(user_id=request.user.pk),
        "teaching": teaching,
        "can_create": can_create_courses(request.user, teaches=bool(teaching)),
    }
    return render(request, "progress/dashboard.html", context)


@require_POST
@login_required
@vary_on_headers("HX-Request")
def lesson_complete_view(request: AuthedRequest, slug: str, lesson_id: int) -> HttpResponse:
    lesson, enrolled = get_lesson_for_reader(request.user, slug, lesson_id)
    if not enrolled:
        raise PermissionDenied("Only enrolled students record progress.")
    created = lesson_complete(user=request.user, lesson=lesson)
    if request.htmx:
        context = lesson_context(request, lesson, enrolled)
        return render(request, "catalog/lesson_detail.html#completion", context)
    if created:
        messages.success(request, f"“{lesson.title}” marked complete.")
    return redirect(lesson)
