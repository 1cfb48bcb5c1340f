"""The student dashboard's read model: each course's standing (the stored progress row,
read through `selectors.standings` like every page that shows progress), mastery and what
to do next.

A fixed number of queries however many courses, lessons, concepts or quizzes there are.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Q
from django.db.models.functions import Coalesce

from course.catalog.models import Concept, Course, Lesson
from course.progress.models import ConceptMastery, LessonCompletion
from course.progress.selectors import Standing, standings
from course.quizzes.models import Quiz, QuizQuestion

LEVEL_LABELS = dict(ConceptMastery.Level.choices)


@dataclass
class ConceptLevel:
    concept: Concept
    level: int

    @property
    def label(self) -> str:
        return LEVEL_LABELS[self.level]


@dataclass
class CourseCard:
    standing: Standing
    next_lesson: Lesson | None
    mastery: list[ConceptLevel] = field(default_factory=list)
    weakest: ConceptLevel | None = None
    practice: list[Quiz] = field(default_factory=list)
    # The lessons that teach the weakest concept (its sentences are in them), in order.
    reread: list[Lesson] = field(default_factory=list)
    # Where the weakest concept's glossary entry is when no lesson mentions it: a lesson
    # page shows the course's whole glossary.
    glossary_lesson: Lesson | None = None

    @property
    def course(self) -> Course:
        return self.standing.course


def student_dashboard(*, user_id: int) -> list[CourseCard]:
    enrolled = Course.objects.filter(enrollments__user_id=user_id).order_by("title", "pk")
    course_standings = standings(user_id=user_id, courses=enrolled)
    courses = [standing.course for standing in course_standings]
    done = set(
        LessonCompletion.objects.filter(user_id=user_id, course__in=courses).values_list(
            "lesson_id", flat=True
        )
    )
    next_lesson: dict[int, Lesson] = {}
    first_lesson: dict[int, Lesson] = {}
    all_lessons: dict[int, Lesson] = {}
    for lesson in (
        Lesson.objects.filter(course__in=courses).only("pk", "course_id", "position", "title")
    ).in_order():
        all_lessons[lesson.pk] = lesson
        first_lesson.setdefault(lesson.course_id, lesson)
        if lesson.pk not in done and lesson.course_id not in next_lesson:
            next_lesson[lesson.course_id] = lesson
    by_course = {course.pk: course for course in courses}
    for lesson in all_lessons.values():
        lesson.course = by_course[lesson.course_id]
    levels = dict(
        ConceptMastery.objects.filter(user_id=user_id, course__in=courses).values_list(
            "concept_id", "level"
        )
    )
    concepts: dict[int, list[ConceptLevel]] = {c.pk: [] for c in courses}
    for concept in Concept.objects.filter(course__in=courses, core=True).order_by("rank", "term"):
        concepts[concept.course_id].append(ConceptLevel(concept, levels.get(concept.pk, 0)))
    cards = []
    for standing in course_standings:
        course = standing.course
        upcoming = next_lesson.get(course.pk)
        mastery = concepts[course.pk]
        weak = [c for c in mastery if c.level < ConceptMastery.Level.MASTERED]
        cards.append(
            CourseCard(
                standing=standing,
                next_lesson=upcoming,
                mastery=mastery,
                weakest=min(weak, key=lambda c: (c.level, c.concept.rank)) if weak else None,
                glossary_lesson=first_lesson.get(course.pk),
            )
        )
    _attach_practice(cards)
    _attach_lessons(cards, all_lessons)
    return cards


def _attach_lessons(cards: list[CourseCard], lessons: dict[int, Lesson]) -> None:
    """The lessons whose sentences mention each course's weakest concept (one query: the
    lessons themselves were read already)."""
    weakest = {card.weakest.concept.pk: card for card in cards if card.weakest}
    if not weakest:
        return
    mentions = (
        Concept.sentences.through.objects.filter(
            concept_id__in=list(weakest), sourcesentence__lesson__isnull=False
        )
        .values_list("concept_id", "sourcesentence__lesson_id")
        .distinct()
    )
    found: dict[int, set[int]] = {}
    for concept_id, lesson_id in mentions:
        found.setdefault(concept_id, set()).add(lesson_id)
    for concept_id, card in weakest.items():
        ids = found.get(concept_id, set())
        card.reread = [lessons[pk] for pk in lessons if pk in ids]  # in the course's order


def _attach_practice(cards: list[CourseCard]) -> None:
    """Published quizzes with questions on each course's weakest concept, or a random slot
    drawing from it (one query)."""
    weakest = {card.weakest.concept.pk: card for card in cards if card.weakest}
    if not weakest:
        return
    slots = list(
        QuizQuestion.objects.filter(
            Q(question__concepts__in=list(weakest)) | Q(concept__in=list(weakest)),
            quiz__status=Quiz.Status.PUBLISHED,
        )
        # A random slot has no question (its row's question concept is NULL): its own.
        .values_list(Coalesce("concept", "question__concepts"), "quiz")
        .distinct()
    )
    quizzes = {q.pk: q for q in Quiz.objects.filter(pk__in={quiz for _, quiz in slots})}
    for concept_id, quiz_id in slots:
        card = weakest.get(concept_id)
        quiz = quizzes.get(quiz_id)
        if card is not None and quiz is not None and quiz not in card.practice:
            card.practice.append(quiz)
