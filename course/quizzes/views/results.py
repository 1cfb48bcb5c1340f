"""After a quiz: a student's results for a submitted attempt, and the course staff's queue of
answers graded by hand."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from course.catalog.access import get_course_for_editor
from course.catalog.models import Concept, Lesson
from course.http import AuthedRequest
from course.quizzes import attempts as attempt_services
from course.quizzes.forms import GradeForm
from course.quizzes.models import Attempt, AttemptItem
from course.quizzes.views.attempts import attempt_context, get_attempt_for


@require_GET
@login_required
def attempt_results(request: AuthedRequest, attempt_id: int) -> HttpResponse:
    attempt = get_attempt_for(request, attempt_id)
    if attempt.is_open:
        return redirect("quizzes:attempt", attempt_id=attempt.pk)
    context = attempt_context(attempt)
    context["passed"] = (attempt.score or 0) * 100 >= attempt.quiz.pass_mark
    context["percent"] = round((attempt.score or 0) * 100)
    context["review"] = lessons_to_review([entry["item"] for entry in context["items"]])
    return render(request, "quizzes/attempt_results.html", context)


# Answers that show what to read again: wrong, partly right, or left empty. An essay waiting
# for its grade is none of them yet.
MISSED = frozenset({AttemptItem.Status.INCORRECT, AttemptItem.Status.PARTIAL,
                    AttemptItem.Status.UNANSWERED})  # fmt: skip


@dataclass(frozen=True)
class LessonLink:
    pk: int
    title: str


def lessons_to_review(items: Sequence[AttemptItem]) -> list[tuple[Concept, list[LessonLink]]]:
    """The concepts of the questions missed, each with the lessons whose sentences mention
    it, in two queries whatever the number of questions (none when nothing was missed)."""
    missed = [item.pk for item in items if item.status in MISSED]
    if not missed:
        return []
    concepts = list(
        Concept.objects.filter(questions__versions__items__in=missed)
        .distinct()
        .order_by("rank", "term")
    )
    lessons: dict[int, list[LessonLink]] = {concept.pk: [] for concept in concepts}
    # A row per lesson and concept its sentences mention.
    mentions = (
        Lesson.objects.filter(sentences__concepts__in=concepts)
        .order_by("position", "pk")
        .values_list("sentences__concepts", "pk", "title")
        .distinct()
    )
    for concept_id, pk, title in mentions:
        lessons[concept_id].append(LessonLink(pk=pk, title=title))
    return [(concept, lessons[concept.pk]) for concept in concepts]


@require_GET
@login_required
def grading_queue(request: AuthedRequest, slug: str) -> HttpResponse:
    course = get_course_for_editor(request.user, slug)
    items = list(
        AttemptItem.objects.filter(
            attempt__quiz__course=course, status=AttemptItem.Status.NEEDS_GRADING
        )
        .select_related("version", "attempt__user", "attempt__quiz")
        .order_by("attempt__submitted_at", "pk")
    )
    return render(
        request, "quizzes/grading.html", {"course": course, "items": items, "form": GradeForm()}
    )


@require_POST
@login_required
def grade_item(request: AuthedRequest, slug: str, item_id: int) -> HttpResponse:
    course = get_course_for_editor(request.user, slug)
    item = get_object_or_404(
        AttemptItem,
        pk=item_id,
        attempt__quiz__course=course,
        attempt__state=Attempt.State.SUBMITTED,
    )
    form = GradeForm(request.POST)
    if form.is_valid():
        attempt_services.item_grade(
            item=item,
            fraction=form.cleaned_data["percent"] / 100,
            comment=form.cleaned_data["comment"],
            by=request.user,
        )
        messages.success(request, "Grade saved.")
    else:
        messages.error(request, "Give a score from 0 to 100.")
    return redirect("quizzes:grading", slug=course.slug)
