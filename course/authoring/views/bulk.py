"""The question bank's bulk actions on the questions ticked in it: accept, tag with a
concept, move to a category, delete.

Here rather than in the quizzes app because deleting keeps what it removes as the review
workspace does (`RemovedItem`, restored from the review page), which only this floor may
compose. The bank's page (templates/quizzes/bank.html) posts here; every action comes back
to the bank as it was filtered, with a message. Delete asks first on a page of its own.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseRedirect, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from course.authoring import services
from course.catalog.access import get_course_for_editor
from course.catalog.models import Course
from course.http import AuthedRequest
from course.quizzes.bank import (
    bank_chosen,
    questions_accept,
    questions_move,
    questions_tag_concept,
)
from course.quizzes.models import Quiz
from course.quizzes.services import question_delete_refusal

KEPT = "Each is kept under “Removed and replaced” on the review page, where Restore puts it back."
# The bank's own filters: what the page comes back to after an action.
BANK_FILTERS = ("q", "type", "tag", "flaw")


def _back(course: Course, posted: str) -> HttpResponseRedirect:
    """The bank again, filtered as it was: only its own filters are read from the post, so
    the redirect cannot lead anywhere else."""
    query = QueryDict(posted[:1000])
    kept = {name: query[name] for name in BANK_FILTERS if query.get(name)}
    url = reverse("quizzes:bank", kwargs={"slug": course.slug})
    return redirect(f"{url}?{urlencode(kept)}" if kept else url)


def _ids(values: list[str]) -> list[int]:
    if not all(value.isdigit() for value in values):
        raise ValidationError("The form named a question that does not exist; nothing changed.")
    return [int(value) for value in values]


@require_POST
@login_required
def bank_bulk(request: AuthedRequest, slug: str) -> HttpResponse:
    course = get_course_for_editor(request.user, slug)
    action = request.POST.get("action", "")
    back = request.POST.get("back", "")
    try:
        ids = _ids(request.POST.getlist("question"))
        if action == "accept":
            count = questions_accept(course=course, ids=ids, by=request.user)
            messages.success(request, f"Accepted {count} draft question(s) into the bank.")
        elif action == "tag":
            concept_id = request.POST.get("concept", "")
            if not concept_id.isdigit():
                raise ValidationError("Choose the concept to tag the questions with.")
            concept, count = questions_tag_concept(
                course=course, ids=ids, concept_id=int(concept_id), by=request.user
            )
            messages.success(request, f"Tagged {count} question(s) with “{concept.term}”.")
        elif action == "move":
            category = request.POST.get("category", "")
            count = questions_move(course=course, ids=ids, category=category, by=request.user)
            where = (
                f"the category “{' '.join(category.split())}”"
                if category.strip()
                else "no category"
            )
            messages.success(request, f"Moved {count} question(s) to {where}.")
        elif action == "delete":
            if request.POST.get("confirm") != "yes":
                return _ask_delete(request, course, ids, back)
            kept = services.questions_remove(course=course, ids=ids, by=request.user)
            named = ", ".join(item.short_label.split(" ·")[0] for item in kept)
            messages.success(request, f"Deleted {named}. {KEPT}")
        else:
            raise ValidationError("Choose what to do with the ticked questions.")
    except ValidationError as refusal:
        messages.error(request, " ".join(refusal.messages))
    return _back(course, back)


def _ask_delete(request: AuthedRequest, course: Course, ids: list[int], back: str) -> HttpResponse:
    """The page that asks before deleting: which questions, the quizzes that lose them, and
    any that cannot go (answered), in which case there is nothing to confirm."""
    chosen = bank_chosen(course=course, ids=ids, lock=False)
    refusals = [(q, reason) for q in chosen if (reason := question_delete_refusal(q))]
    quizzes = Quiz.objects.filter(slots__question__in=chosen).distinct().order_by("title")
    context = {
        "course": course,
        "chosen": chosen,
        "refusals": refusals,
        "quizzes": list(quizzes),
        "back": back,
        "back_url": _back(course, back).url,
        "kept": KEPT,
    }
    return render(request, "quizzes/bank_delete.html", context)
