"""factory_boy factories; tests use them through the fixtures in conftest.py."""

from __future__ import annotations

import factory
from django.utils import timezone

from course.accounts.models import CourseStaff, Enrollment, User
from course.catalog.models import Concept, Course, Lesson, SourceSentence
from course.progress.models import LessonCompletion
from course.quizzes.models import Question, Quiz, QuizQuestion

PASSWORD = "correct horse battery staple"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password(PASSWORD)


class CourseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Course

    title = factory.Sequence(lambda n: f"Course {n}")
    slug = factory.Sequence(lambda n: f"course-{n}")
    summary = "A course about something."
    source_text = "Some text."
    status = Course.Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)
    # The fixture course is open to guests (tests of guest reading rely on it); a new or
    # generated course is not (the model's default).
    guest_access = True


class DraftCourseFactory(CourseFactory):
    status = Course.Status.DRAFT
    published_at = None


class LessonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Lesson

    course = factory.SubFactory(CourseFactory)
    position = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Lesson {n}")
    body = "The **shock work** movement spurred production."


class SourceSentenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SourceSentence

    course = factory.SubFactory(CourseFactory)
    position = factory.Sequence(lambda n: n)
    text = "A sentence."


class ConceptFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Concept

    course = factory.SubFactory(CourseFactory)
    term = factory.Sequence(lambda n: f"term {n}")
    definition = "What the term means."


class EnrollmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Enrollment

    user = factory.SubFactory(UserFactory)
    course = factory.SubFactory(CourseFactory)


class CourseStaffFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CourseStaff

    user = factory.SubFactory(UserFactory)
    course = factory.SubFactory(CourseFactory)


class LessonCompletionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LessonCompletion

    user = factory.SubFactory(UserFactory)
    lesson = factory.SubFactory(LessonFactory)
    course = factory.SelfAttribute("lesson.course")


def grow_course(course: Course, *, completed_by: User | None = None) -> None:
    """Add 50 lessons (each with a concept, each completed by `completed_by`) and 200
    enrolled students who completed the first lesson: the size at which the query-count
    tests check that a page's queries do not grow with the data."""
    first = course.lessons.in_order().first()
    start = course.lessons.count() + 1
    for position in range(start, start + 50):
        lesson = LessonFactory(course=course, position=position)
        ConceptFactory(course=course)
        if completed_by is not None:
            LessonCompletionFactory(user=completed_by, lesson=lesson)
    for other in UserFactory.create_batch(200):
        EnrollmentFactory(user=other, course=course)
        if first is not None:
            LessonCompletionFactory(user=other, lesson=first)


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    course = factory.SubFactory(CourseFactory)
    type = "single_choice"
    prompt = "Who is buried in Grant's tomb?"
    options = factory.LazyFunction(lambda: ["Grant", "Jefferson", "No one", "Lincoln"])
    answer = "No one"
    explanation = "From the text: a tomb holds no one buried underground."
    status = Question.Status.ACCEPTED
    position = factory.Sequence(lambda n: n + 1)


class QuizFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Quiz

    course = factory.SubFactory(CourseFactory)
    title = factory.Sequence(lambda n: f"Quiz {n}")
    status = Quiz.Status.PUBLISHED


def grown_bank(course: Course, questions: list[Question], copies: int) -> list[Question]:
    """``questions`` and as many more again ``copies - 1`` times: the same quiz at several
    sizes, for checks that a page's queries do not grow with its questions."""
    extra = len(questions) * (copies - 1)
    return questions + [QuestionFactory(course=course, prompt=f"Extra {n}?") for n in range(extra)]


def quiz_with(course: Course, questions: list[Question], **settings: object) -> Quiz:
    quiz = QuizFactory(course=course, **settings)
    for position, question in enumerate(questions, start=1):
        QuizQuestion.objects.create(quiz=quiz, question=question, position=position)
    return quiz
