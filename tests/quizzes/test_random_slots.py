"""Random slots ("draw N at random from a concept", Moodle's random question): each attempt
draws its own accepted questions on the slot's concept when it starts, the same ones on every
reload, never a draft, never a question fixed in the quiz, never one twice; a concept with
too few says so in the builder and the publish checklist, and an attempt draws what there is.
Drawn questions are items like any: graded, reviewed, counted in the item analysis."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import resolve, reverse

from course.authoring.selectors import publish_checklist
from course.catalog.models import Concept, Course
from course.progress.analysis import item_analysis
from course.quizzes.attempts import AttemptError, attempt_answer, attempt_start, attempt_submit
from course.quizzes.models import Attempt, Question, Quiz, QuizQuestion
from course.quizzes.slots import (
    draw_pools,
    draw_questions,
    quiz_slots,
    random_slot_add,
    random_slot_remove,
    random_supply,
)
from tests import factories
from tests.authoring.htmx_dom import apply, fields, htmx_forms, parse, split_response, swap_of
from tests.quizzes.test_integrity import needs_postgres, run_each_together

pytestmark = pytest.mark.django_db


# --- helpers -------------------------------------------------------------------------------


def tagged(course: Course, concept: Concept, n: int, *, status: str = "accepted", word: str = "Q"):
    """`n` single-choice questions tagged with `concept`, keyed "right"."""
    made = []
    for i in range(n):
        question = factories.QuestionFactory(
            course=course,
            prompt=f"{word} {concept.term} {i}?",
            options=["right", "wrong"],
            answer="right",
            status=status,
        )
        question.concepts.add(concept)
        made.append(question)
    return made


def add_random(quiz: Quiz, concept: Concept, draw: int, points: str = "1") -> QuizQuestion:
    last = max(quiz.slots.values_list("position", flat=True), default=0)
    return QuizQuestion.objects.create(
        quiz=quiz, concept=concept, draw=draw, points=Decimal(points), position=last + 1
    )


def drawn_prompts(attempt: Attempt) -> list[str]:
    return list(attempt.items.order_by("position").values_list("version__prompt", flat=True))


def fresh_attempt(quiz: Quiz, user) -> Attempt:
    """Start an attempt, submitting any open one first: a new draw each time."""
    open_one = Attempt.objects.filter(quiz=quiz, user=user, state="open").first()
    if open_one is not None:
        attempt_submit(attempt=open_one)
    return attempt_start(quiz=quiz, user=user)


@pytest.fixture
def plan(course) -> Concept:
    return factories.ConceptFactory(course=course, term="plan", core=True)


@pytest.fixture
def purge(course) -> Concept:
    return factories.ConceptFactory(course=course, term="purge", core=True)


@pytest.fixture
def quiz(course, plan) -> Quiz:
    """One fixed question (tagged with "plan" too), then a slot drawing 2 from "plan", of 5
    accepted and 3 draft questions."""
    fixed = factories.QuestionFactory(course=course, prompt="Fixed question?", status="accepted")
    fixed.concepts.add(plan)
    quiz = factories.quiz_with(course, [fixed], title="Plans")
    tagged(course, plan, 5)
    tagged(course, plan, 3, status="draft", word="Draft")
    add_random(quiz, plan, 2, points="3")
    return quiz


def edit_url(quiz: Quiz) -> str:
    return reverse("quizzes:edit", kwargs={"slug": quiz.course.slug, "quiz_id": quiz.pk})


def add_url(quiz: Quiz) -> str:
    return reverse("quizzes:slot-random", kwargs={"slug": quiz.course.slug, "quiz_id": quiz.pk})


def slots_url(quiz: Quiz) -> str:
    return reverse("quizzes:slots", kwargs={"slug": quiz.course.slug, "quiz_id": quiz.pk})


def slots_post(quiz: Quiz, **extra: str) -> dict[str, str]:
    """Every slot's points (and a random slot's draw) as they are, with `extra`."""
    data = {}
    for slot in quiz.slots.all():
        data[f"points-{slot.pk}"] = str(slot.points)
        if slot.is_random:
            data[f"draw-{slot.pk}"] = str(slot.draw)
    return data | extra


# --- drawing -------------------------------------------------------------------------------


def test_it_draws_n_accepted_questions_from_the_concept_after_the_fixed_one(quiz, student):
    attempt = attempt_start(quiz=quiz, user=student)
    items = list(attempt.items.select_related("version__question").order_by("position"))
    assert len(items) == 3
    assert items[0].version.prompt == "Fixed question?" and items[0].points == Decimal("1")
    for item in items[1:]:
        question = item.version.question
        assert question.status == "accepted" and question.prompt.startswith("Q plan")
        assert item.points == Decimal("3")  # the slot's points, per question drawn


def test_it_never_draws_a_draft_a_fixed_question_or_one_twice(course, quiz, student, plan):
    # A second slot on the same concept: together they ask for 4 of the 5 eligible ones.
    add_random(quiz, plan, 2)
    quiz.attempts_allowed = 0
    quiz.save()
    seen: set[str] = set()
    for _ in range(12):
        prompts = drawn_prompts(fresh_attempt(quiz, student))
        assert len(prompts) == 5 and len(set(prompts)) == 5
        assert prompts[0] == "Fixed question?" and "Fixed question?" not in prompts[1:]
        assert not any(p.startswith("Draft") for p in prompts)
        seen |= set(prompts[1:])
    assert len(seen) == 5  # every eligible question comes up across attempts


def test_a_question_tagged_with_two_drawn_concepts_comes_once(course, student, plan, purge):
    both = tagged(course, plan, 1, word="Both")[0]
    both.concepts.add(purge)
    quiz = factories.quiz_with(course, [], title="Overlap")
    add_random(quiz, plan, 1)
    add_random(quiz, purge, 1)
    attempt = attempt_start(quiz=quiz, user=student)
    # "plan" draws the only question it has; "purge" has nothing left to draw.
    assert drawn_prompts(attempt) == ["Both plan 0?"]


def test_it_draws_the_same_questions_for_the_same_attempt(quiz, student):
    attempt = attempt_start(quiz=quiz, user=student)
    slots = quiz_slots(quiz)
    pools = draw_pools(slots)
    once = [q.pk for _, q in draw_questions(slots, pools, attempt_id=attempt.pk)]
    again = [q.pk for _, q in draw_questions(slots, pools, attempt_id=attempt.pk)]
    stored = list(attempt.items.order_by("position").values_list("version__question", flat=True))
    assert once == again == stored
    # A reload resumes the attempt, its draw with it.
    assert attempt_start(quiz=quiz, user=student).pk == attempt.pk
    assert drawn_prompts(attempt) == drawn_prompts(Attempt.objects.get(pk=attempt.pk))


def test_a_question_added_to_the_pool_later_changes_no_draw_it_does_not_win(quiz, student):
    """Each question's rank depends on it and the attempt alone."""
    attempt = attempt_start(quiz=quiz, user=student)
    slots = quiz_slots(quiz)
    before = [q.pk for _, q in draw_questions(slots, draw_pools(slots), attempt_id=attempt.pk)]
    tagged(quiz.course, Concept.objects.get(term="plan"), 1, word="Late")
    after = [q.pk for _, q in draw_questions(slots, draw_pools(slots), attempt_id=attempt.pk)]
    late = Question.objects.get(prompt="Late plan 0?").pk
    assert late in after or after == before


def test_it_draws_what_there_is_when_the_concept_has_fewer(course, student, purge):
    tagged(course, purge, 2)
    tagged(course, purge, 4, status="draft", word="Draft")
    quiz = factories.quiz_with(course, [], title="Short")
    slot = add_random(quiz, purge, 5)
    supply = random_supply(quiz_slots(quiz))[slot.pk]
    assert (supply.eligible, supply.drawn, supply.short) == (2, 2, True)
    assert len(drawn_prompts(attempt_start(quiz=quiz, user=student))) == 2


def test_it_starts_no_attempt_when_a_random_slot_has_nothing_to_draw(course, student, purge):
    tagged(course, purge, 2, status="draft")
    quiz = factories.quiz_with(course, [], title="Nothing yet")
    add_random(quiz, purge, 2)
    with pytest.raises(AttemptError, match="no questions yet"):
        attempt_start(quiz=quiz, user=student)
    assert not Attempt.objects.exists()


def test_it_grades_drawn_questions_with_the_slots_points(quiz, student):
    attempt = attempt_start(quiz=quiz, user=student)
    items = list(attempt.items.select_related("version").order_by("position"))
    # The fixed question wrong (1 point), the two drawn ones right (3 points each).
    for item in items:
        shown = [item.version.options[i] for i in item.option_order]
        pick = "right" if item.position > 1 else "Grant"
        attempt_answer(
            attempt=attempt,
            position=item.position,
            data={"choice": str(shown.index(pick))},
            check=False,
        )
    attempt = attempt_submit(attempt=attempt)
    assert attempt.score == pytest.approx(6 / 7)
    statuses = list(attempt.items.order_by("position").values_list("status", flat=True))
    assert statuses == ["incorrect", "correct", "correct"]


def test_the_item_analysis_counts_the_drawn_questions_under_their_concept(quiz, student):
    attempt = attempt_start(quiz=quiz, user=student)
    attempt_submit(attempt=attempt)
    stats = item_analysis(quiz)
    drawn = [s for s in stats if s.drawn_from]
    assert stats[0].question.prompt == "Fixed question?" and not stats[0].drawn_from
    assert len(drawn) == 2 and {s.drawn_from for s in drawn} == {"plan"}
    assert all(s.answers == 1 for s in stats)


def test_the_student_reviews_and_sees_results_of_drawn_questions(as_user, quiz, student):
    attempt = attempt_start(quiz=quiz, user=student)
    client = as_user(student)
    page = client.get(reverse("quizzes:attempt", kwargs={"attempt_id": attempt.pk})).text
    for prompt in drawn_prompts(attempt):
        assert prompt in page
    client.post(reverse("quizzes:submit", kwargs={"attempt_id": attempt.pk}))
    results = client.get(reverse("quizzes:results", kwargs={"attempt_id": attempt.pk}))
    assert results.status_code == 200
    assert drawn_prompts(attempt)[1] in results.text


def test_the_quiz_page_counts_the_questions_an_attempt_gets(as_user, quiz, student):
    url = reverse("quizzes:quiz", kwargs={"slug": quiz.course.slug, "quiz_id": quiz.pk})
    assert "<dt>Questions</dt><dd>3</dd>" in as_user(student).get(url).text


def test_starting_an_attempt_with_a_random_slot_takes_constant_queries(
    course, student, plan, django_assert_max_num_queries
):
    counts = []
    for draw, size in ((1, 3), (6, 12)):
        Attempt.objects.all().delete()
        QuizQuestion.objects.all().delete()
        questions = tagged(course, plan, size, word=f"Size{size}")
        quiz = factories.quiz_with(course, questions[:2], title=f"Size {size}")
        add_random(quiz, plan, draw)
        # Inside the workflow's savepoint (two): the enrollment (locked), the open attempt,
        # the student's override, their attempts so far; on PostgreSQL the share lock on
        # the questions; the slots with their questions, the random slots' pools; the
        # attempt (in a savepoint of its own: three); the versions read, made, read again;
        # the items.
        with (
            django_assert_max_num_queries(16),
            CaptureQueriesContext(connection) as queries,
        ):
            attempt = attempt_start(quiz=quiz, user=student)
        assert attempt.items.count() == 2 + draw
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_a_slot_is_fixed_or_random_never_both_nor_neither(course, plan):
    quiz = factories.quiz_with(course, [], title="Constraint")
    question = factories.QuestionFactory(course=course)
    for bad in (
        {"question": question, "concept": plan, "draw": 1},
        {},
        {"concept": plan},
        {"concept": plan, "draw": 0},
    ):
        with pytest.raises(IntegrityError), transaction.atomic():
            QuizQuestion.objects.create(quiz=quiz, **bad)


# --- the services' own checks ---------------------------------------------------------------


def test_adding_a_random_slot_puts_it_last(quiz, instructor, purge):
    slot = random_slot_add(quiz=quiz, concept=purge, draw=3, points=Decimal("2"), by=instructor)
    assert [s.pk for s in quiz_slots(quiz)][-1] == slot.pk
    assert (slot.draw, slot.points, slot.position) == (3, Decimal("2"), 3)


def test_the_services_check_permission_themselves(quiz, other_instructor, plan):
    slot = quiz.slots.random().get()
    with pytest.raises(PermissionDenied):
        random_slot_add(quiz=quiz, concept=plan, draw=1, points=Decimal(1), by=other_instructor)
    with pytest.raises(PermissionDenied):
        random_slot_remove(quiz=quiz, slot_id=slot.pk, by=other_instructor)
    assert quiz.slots.count() == 2


def test_it_refuses_a_concept_of_another_course_and_draws_out_of_range(
    quiz, instructor, other_course
):
    foreign = factories.ConceptFactory(course=other_course, term="elsewhere")
    with pytest.raises(ValidationError, match="this course"):
        random_slot_add(quiz=quiz, concept=foreign, draw=1, points=Decimal(1), by=instructor)
    plan = Concept.objects.get(term="plan")
    for draw in (0, 51):
        with pytest.raises(ValidationError, match="from 1 to 50"):
            random_slot_add(quiz=quiz, concept=plan, draw=draw, points=Decimal(1), by=instructor)


def test_removing_refuses_a_fixed_slot(quiz, instructor):
    fixed = quiz.slots.fixed().get()
    with pytest.raises(ValidationError, match="no longer in this quiz"):
        random_slot_remove(quiz=quiz, slot_id=fixed.pk, by=instructor)


def test_saving_the_quiz_settings_keeps_its_random_slots_in_place(as_user, instructor, quiz):
    client = as_user(instructor)
    random = quiz.slots.random().get()
    client.post(slots_url(quiz), slots_post(quiz, move=f"{random.pk}:up"))
    extra = factories.QuestionFactory(course=quiz.course, prompt="Extra?", status="accepted")
    questions = [*quiz.slots.fixed().values_list("question_id", flat=True), extra.pk]
    data = {"title": "Plans", "status": "published", "attempts_allowed": 0,
            "grading_method": "highest", "feedback_mode": "immediate", "reveal": "after_each",
            "pass_mark": 50, "questions": questions}  # fmt: skip
    assert client.post(edit_url(quiz), data).status_code == 302
    assert [s.label for s in quiz_slots(quiz)] == ["2 at random from “plan”", "Fixed question?",
                                                    "Extra?"]  # fmt: skip


# --- the builder ---------------------------------------------------------------------------


def test_the_builder_shows_the_random_slot_with_its_draw_and_points(as_user, instructor, quiz):
    text = as_user(instructor).get(edit_url(quiz)).text
    slot = quiz.slots.random().get()
    assert "at random from “plan”" in text
    assert f'name="draw-{slot.pk}"' in text and f'name="points-{slot.pk}"' in text
    assert "Total: <strong>7</strong> points" in text  # 1 + 2 times 3
    assert "Add a random slot" in text and "plan (6 accepted questions)" in text
    assert "can be drawn" not in text  # 5 eligible, 2 asked for


def test_the_builder_says_when_a_concept_has_too_few(as_user, instructor, quiz):
    slot = quiz.slots.random().get()
    as_user(instructor).post(slots_url(quiz), slots_post(quiz, **{f"draw-{slot.pk}": "7"}))
    slot.refresh_from_db()
    assert slot.draw == 7
    text = as_user(instructor).get(edit_url(quiz)).text
    assert "Only 5 questions can be drawn: each attempt gets 5." in text
    assert "Total: <strong>16</strong> points" in text  # 1 + 5 drawn times 3


def test_it_adds_a_random_slot_without_javascript(as_user, instructor, quiz, purge):
    data = {"random-draw": "2", "random-concept": str(purge.pk), "random-points": "1.5"}
    response = as_user(instructor).post(add_url(quiz), data)
    assert response.status_code == 302 and response["Location"].endswith("/edit/#slots")
    slot = quiz.slots.random().get(concept=purge)
    assert (slot.draw, slot.points) == (2, Decimal("1.5"))


def test_it_adds_a_random_slot_with_htmx_and_answers_with_the_section(
    as_user, instructor, quiz, purge, htmx_headers
):
    data = {"random-draw": "1", "random-concept": str(purge.pk), "random-points": "1"}
    response = as_user(instructor).post(add_url(quiz), data, **htmx_headers)
    text = response.text.strip()
    assert text.startswith('<section id="slots"') and "<html" not in text
    assert "Added a random slot: 1 at random from “purge”." in text
    # "purge" has no accepted question yet: the builder says so.
    assert "No question can be drawn" in text
    assert response["Vary"] and "HX-Request" in response["Vary"]


def test_it_refuses_an_invalid_random_slot_in_place(as_user, instructor, quiz, purge, htmx_headers):
    data = {"random-draw": "0", "random-concept": str(purge.pk), "random-points": "1"}
    client = as_user(instructor)
    response = client.post(add_url(quiz), data)
    assert response.status_code == 400
    assert "Fix the random slot marked below" in response.text and "<html" in response.text
    response = client.post(add_url(quiz), data, **htmx_headers)
    assert response.text.strip().startswith('<section id="slots"')
    assert "greater than or equal to 1" in response.text
    assert not quiz.slots.filter(concept=purge).exists()


def test_it_refuses_a_concept_of_another_course_in_the_form(
    as_user, instructor, quiz, other_course
):
    foreign = factories.ConceptFactory(course=other_course, term="elsewhere")
    data = {"random-draw": "1", "random-concept": str(foreign.pk), "random-points": "1"}
    assert as_user(instructor).post(add_url(quiz), data).status_code == 400
    assert not quiz.slots.filter(concept=foreign).exists()


def test_it_removes_a_random_slot_from_the_slots_form(as_user, instructor, quiz, htmx_headers):
    slot = quiz.slots.random().get()
    response = as_user(instructor).post(
        slots_url(quiz), slots_post(quiz, remove=str(slot.pk)), **htmx_headers
    )
    assert "Removed the slot that drew 2 at random from “plan”." in response.text
    assert not quiz.slots.random().exists()


@pytest.mark.parametrize(
    ("persona", "status"),
    [("student", 403), ("other_instructor", 403), ("anonymous", 302), ("admin", 302)],
)
def test_it_keeps_random_slots_to_the_courses_staff(as_user, request, quiz, purge, persona, status):
    data = {"random-draw": "1", "random-concept": str(purge.pk), "random-points": "1"}
    response = as_user(request.getfixturevalue(persona)).post(add_url(quiz), data)
    assert response.status_code == status
    assert quiz.slots.filter(concept=purge).exists() == (persona == "admin")


def test_it_refuses_get_on_adding_a_random_slot(as_user, instructor, quiz):
    assert as_user(instructor).get(add_url(quiz)).status_code == 405


# --- the preview, the checklist, the glossary ----------------------------------------------


def test_the_preview_lists_the_random_slots_and_their_concept(as_user, instructor, quiz):
    url = reverse("quizzes:preview", kwargs={"slug": quiz.course.slug, "quiz_id": quiz.pk})
    text = as_user(instructor).get(url).text
    assert "Drawn at random for each attempt" in text
    assert "2 at random from “plan”, 3 points each" in text


def test_the_checklist_lists_a_random_slot_short_of_questions(course, quiz, purge):
    tagged(course, purge, 1)
    short = add_random(quiz, purge, 4)
    checklist = publish_checklist(course)
    assert [s.slot.pk for s in checklist.short_random_slots] == [short.pk]
    assert checklist.short_random_slots[0].eligible == 1


def test_the_checklist_counts_a_quiz_with_a_drawable_random_slot_as_not_empty(course, plan):
    tagged(course, plan, 1)
    quiz = factories.quiz_with(course, [], title="Random only")
    add_random(quiz, plan, 1)
    checklist = publish_checklist(course)
    assert quiz not in checklist.empty_quizzes
    assert plan not in checklist.untested_core_concepts  # the published quiz draws on it


def test_the_publish_page_shows_the_short_random_slot(as_user, instructor, course, quiz, purge):
    course.status = Course.Status.DRAFT
    course.save()
    add_random(quiz, purge, 2)
    text = as_user(instructor).get(reverse("catalog:publish", kwargs={"slug": course.slug})).text
    assert "Random slots short of questions (1)" in text
    assert "draws 2 from “purge”, which has 0 to draw." in text


def test_deleting_a_concept_says_its_random_slots_go_too(as_user, instructor, course, quiz):
    url = reverse("catalog:settings-concept-delete", kwargs={"slug": course.slug})
    plan = Concept.objects.get(term="plan")
    client = as_user(instructor)
    assert (
        "Random slots draw from it in Plans: they go too."
        in client.get(url, {"concept": plan.pk}).text
    )


@pytest.mark.parametrize("which", ["points", "random"])
def test_an_invalid_htmx_post_of_the_builder_keeps_the_rest_of_the_page(
    as_user, instructor, quiz, which
):
    """Both htmx forms of "Order and points", spoiled: the answer replaces the section only,
    with the error in place; every other region stays and every id is unique."""
    client = as_user(instructor)
    page = parse(client.get(edit_url(quiz)).text)
    section = page.find("slots")
    assert section is not None
    outside = set(page.ids()) - set(section.ids())
    form = next(f for f in htmx_forms(page) if resolve(f.attrs["hx-post"]).url_name == {
        "points": "slots", "random": "slot-random"}[which])  # fmt: skip
    data = {f.attrs["name"]: "-1" for f in fields(form) if f.attrs["name"] != "csrfmiddlewaretoken"}
    response = client.post(form.attrs["hx-post"], data, HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and "HX-Request" in response["Vary"]
    assert "nothing was" in response.text  # "nothing was saved" / "nothing was added"
    apply(page, swap_of(form, dict(response.headers)), split_response(response.text))
    ids = page.ids()
    assert len(ids) == len(set(ids)), [i for i in ids if ids.count(i) > 1]
    assert outside <= set(ids) and "slots" in ids


def test_the_dashboard_suggests_a_quiz_that_draws_from_the_weakest_concept(
    as_user, course, student, purge
):
    from course.progress.models import ConceptMastery

    tagged(course, purge, 1)
    quiz = factories.quiz_with(course, [], title="Purge drill")
    add_random(quiz, purge, 1)
    ConceptMastery.objects.create(user=student, concept=purge, course=course, level=1)
    text = as_user(student).get(reverse("progress:dashboard")).text
    assert "Practise <strong>purge</strong>" in text
    assert f'href="/courses/{course.slug}/quizzes/{quiz.pk}/">Purge drill</a>' in text


# --- races (PostgreSQL) ----------------------------------------------------------------------


@needs_postgres
@pytest.mark.django_db(transaction=True)
def test_deleting_a_drawable_question_while_students_start_fails_for_nobody(course, plan):
    """A start holds a share lock on the questions its random slots may draw, as on its
    fixed ones: a delete that comes first leaves the question out of the draw, a start that
    comes first keeps it (the delete is refused). Neither side gets a foreign-key error."""
    from course.quizzes.services import question_delete

    students = []
    for n in range(4):
        user = factories.UserFactory(username=f"drawer{n}")
        factories.EnrollmentFactory(user=user, course=course)
        students.append(user)
    fixed = factories.QuestionFactory(course=course, prompt="Always there?")
    failures: list[object] = []
    for round_ in range(8):
        (doomed,) = tagged(course, plan, 1, word=f"Doomed{round_}")
        quiz = factories.quiz_with(course, [fixed], title=f"Race {round_}")
        add_random(quiz, plan, 1)
        work = [lambda q=doomed: question_delete(question=Question.objects.get(pk=q.pk))]
        work += [lambda u=u, z=quiz: attempt_start(quiz=z, user=u) for u in students]
        failures += [
            r
            for r in run_each_together(work)
            if not isinstance(r, Attempt | ValidationError | AttemptError) and r is not None
        ]
        kept = Question.objects.filter(pk=doomed.pk).exists()
        used = Attempt.objects.filter(items__version__question_id=doomed.pk).exists()
        assert kept or not used
        Question.objects.filter(pk=doomed.pk).update(status="draft")  # out of later pools
    assert failures == []
