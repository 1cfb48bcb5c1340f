"""Instructor views of a course's students: roster, a student's detail, the class-by-concept
mastery heatmap, quiz item analysis and the CSV exports. Staff of the course and admins only:
every view starts with `get_course_for_editor`."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from course.accounts.models import Enrollment
from course.catalog.access import get_course_for_editor
from course.http import AuthedRequest
from course.progress.analysis import item_analysis
from course.progress.gradebook import SORTS, gradebook_rows, item_analysis_rows, roster
from course.progress.models import ConceptMastery, QuizGrade
from course.progress.selectors import course_standing
from course.quizzes.models import Attempt, Quiz
from course.text import search_text

PAGE_SIZE = 50


@require_GET
@login_required
@vary_on_headers("HX-Request")
def course_students(request: AuthedRequest, slug: str) -> HttpResponse:
    course = get_course_for_editor(request.user, slug)
    query = search_text(request.GET.get("q", ""), limit=100)
    sort = request.GET.get("sort", "name")
    sort = sort if sort in SORTS else "name"
    page = Paginator(roster(course, query=query, sort=sort), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    context = {"course": course, "page": page, "query": query, "sort": sort,
               "quizzes": Quiz.objects.filter(course=course).order_by("title", "pk")}  # fmt: skip
    template = "progress/students.html#roster" if request.htmx else "progress/students.html"
    return render(request, template, context)


@require_GET
@login_required
def student_detail(request: AuthedRequest, slug: str, user_id: int) -> HttpResponse:
    course = get_course_for_editor(request.user, slug)
    enrollment = get_object_or_404(
        Enrollment.objects.select_related("user"), course=course, user_id=user_id
    )
    levels = dict(
        ConceptMastery.objects.filter(course=course, user_id=user_id).values_list(
            "concept_id", "level"
        )
    )
    labels = dict(ConceptMastery.Level.choices)
    context = {
        "course": course,
        "student": enrollment.user,
        "standing": course_standing(user_id=user_id, course=course),
        "grades": QuizGrade.objects.filter(course=course, user_id=user_id).select_related("quiz"),
        "attempts": Attempt.objects.filter(quiz__course=course, user_id=user_id)
        .select_related("quiz")
        .order_by("quiz__title", "number"),
        "mastery": [
            (c, labels[levels.get(c.pk, 0)], levels.get(c.pk, 0))
            for c in course.concepts.order_by("rank", "term")
        ],
    }
    return render(request, "progress/student_detail.html", context)


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
        summary.append((concept, counted))
    context = {"course": course, "concepts": concepts, "grid": grid, "page": page,
               "summary": summary, "levels": ConceptMastery.Level.choices}  # fmt: skip
    return render(request, "progress/heatmap.html", context)


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
