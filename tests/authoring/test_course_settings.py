"""The course's settings page for its instructors: title, description, address (old ones
redirect), completion rule, guest access; unpublishing; deleting a draft; adding, deleting
and reordering lessons and concepts. Each service checks the user's permission too."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from course.authoring.services import course_import_abstract
from course.catalog import services as catalog_services
from course.catalog.models import Concept, Course, CourseSlugAlias, Lesson
from tests import factories
from tests.authoring.test_restore import PAGE, line

pytestmark = pytest.mark.django_db


def url(name: str, course: Course, **kwargs: object) -> str:
    return reverse(f"catalog:{name}", kwargs={"slug": course.slug, **kwargs})


def settings_data(course: Course, **changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "title": course.title,
        "summary": course.summary,
        "slug": course.slug,
        "completion_rule": course.completion_rule,
    }
    if course.guest_access:
        data["guest_access"] = "on"
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


@pytest.fixture
def drafted(instructor) -> Course:
    course, _ = course_import_abstract(text=PAGE, instructors=[instructor])
    return course


# --- the page ----------------------------------------------------------------------------


def test_it_shows_the_settings_to_the_courses_instructor(
    as_user, instructor, course, django_assert_max_num_queries
):
    factories.grow_course(course)
    client = as_user(instructor)
    client.get(url("settings", course))  # the session and CSRF cookie
    # Session, user, course, can_edit, lessons, concepts (a draft adds its enrollment count,
    # for whether it may be deleted): the same for 3 lessons or 53.
    with django_assert_max_num_queries(7):
        response = client.get(url("settings", course))
    assert response.status_code == 200
    assert 'value="Unions and the Plan"' in response.text
    assert 'name="slug"' in response.text
    assert "Unpublish" in response.text


@pytest.mark.parametrize(("persona", "status"), [("student", 403), ("other_instructor", 403)])
def test_it_refuses_the_settings_to_others(as_user, request, course, persona, status):
    client = as_user(request.getfixturevalue(persona))
    assert client.get(url("settings", course)).status_code == status
    data = settings_data(course, title="Taken over")
    assert client.post(url("settings", course), data).status_code == status
    course.refresh_from_db()
    assert course.title == "Unions and the Plan"


def test_it_hides_a_drafts_settings_from_other_instructors(as_user, other_instructor, draft_course):
    assert as_user(other_instructor).get(url("settings", draft_course)).status_code == 404


# --- title, description, completion rule, guest access ----------------------------------


def test_it_saves_the_title_description_rule_and_guest_access(as_user, instructor, course):
    data = settings_data(
        course,
        title="Unions, revised",
        summary="A new description.",
        completion_rule=Course.Completion.LESSONS,
        guest_access=None,
    )
    response = as_user(instructor).post(url("settings", course), data)
    assert response.status_code == 302
    course.refresh_from_db()
    assert course.title == "Unions, revised"
    assert course.summary == "A new description."
    assert course.completion_rule == Course.Completion.LESSONS
    assert course.guest_access is False


def test_it_recounts_completion_when_the_rule_changes(as_user, instructor, course, monkeypatch):
    sent: list[int] = []
    monkeypatch.setattr(
        "course.catalog.services.course_requirements_changed.send",
        lambda sender, course_id: sent.append(course_id),
    )
    data = settings_data(course, completion_rule=Course.Completion.ALL)
    as_user(instructor).post(url("settings", course), data)
    assert sent == [course.pk]


def test_it_re_renders_an_invalid_settings_form_with_its_errors(as_user, instructor, course):
    data = settings_data(course, title="", completion_rule="whenever")
    response = as_user(instructor).post(url("settings", course), data)
    assert response.status_code == 400
    assert "This field is required." in response.text
    assert "Select a valid choice." in response.text
    course.refresh_from_db()
    assert course.title == "Unions and the Plan"


def test_it_opens_new_and_generated_courses_to_nobody_but_their_students(instructor):
    assert Course._meta.get_field("guest_access").default is False
    generated, _ = course_import_abstract(text=PAGE, instructors=[instructor])
    assert generated.guest_access is False
    assert Course.objects.create(title="Plain", slug="plain", source_text="x").guest_access is False


# --- the address -------------------------------------------------------------------------


def test_it_redirects_the_old_address_permanently_after_a_rename(as_user, instructor, course):
    lesson = course.lessons.in_order().first()
    data = settings_data(course, slug="unions-and-plan")
    response = as_user(instructor).post(url("settings", course), data)
    assert response["Location"] == "/courses/unions-and-plan/settings/"
    assert CourseSlugAlias.objects.filter(course=course, slug="unions").exists()
    visitor = as_user(factories.UserFactory())
    old = visitor.get(f"/courses/unions/lessons/{lesson.pk}/?from=bookmark")
    assert old.status_code == 301
    assert old["Location"] == f"/courses/unions-and-plan/lessons/{lesson.pk}/?from=bookmark"
    assert visitor.get("/courses/unions/").status_code == 301
    assert visitor.get(old["Location"]).status_code == 200


def test_it_keeps_a_drafts_new_address_from_people_who_cannot_see_it(
    as_user, instructor, other_instructor, draft_course
):
    data = settings_data(draft_course, slug="wip-renamed")
    as_user(instructor).post(url("settings", draft_course), data)
    assert as_user(other_instructor).get("/courses/wip/").status_code == 404
    assert as_user(instructor).get("/courses/wip/").status_code == 301


@pytest.mark.parametrize("taken", ["another", "old-another"])
def test_it_refuses_an_address_another_course_has_or_had(
    as_user, instructor, course, other_course, taken
):
    CourseSlugAlias.objects.create(course=other_course, slug="old-another")
    response = as_user(instructor).post(url("settings", course), settings_data(course, slug=taken))
    assert response.status_code == 400
    assert "Another course uses or used this address." in response.text
    course.refresh_from_db()
    assert course.slug == "unions"


def test_it_refuses_the_sites_own_addresses_as_a_slug(as_user, instructor, course):
    response = as_user(instructor).post(url("settings", course), settings_data(course, slug="new"))
    assert response.status_code == 400
    course.refresh_from_db()
    assert course.slug == "unions"


def test_it_lets_a_course_take_back_its_own_old_address(instructor, course):
    fields = settings_data(course)
    del fields["guest_access"]
    catalog_services.course_settings_update(
        course=course, by=instructor, **{**fields, "slug": "renamed", "guest_access": True}
    )
    catalog_services.course_settings_update(
        course=course, by=instructor, **{**fields, "slug": "unions", "guest_access": True}
    )
    course.refresh_from_db()
    assert course.slug == "unions"
    assert list(course.slug_aliases.values_list("slug", flat=True)) == ["renamed"]


def test_it_gives_a_new_course_no_slug_another_course_had(instructor, course):
    CourseSlugAlias.objects.create(course=course, slug="reef-fish-at-their-thermal-limits")
    generated, _ = course_import_abstract(text=PAGE, instructors=[instructor])
    assert generated.slug == "reef-fish-at-their-thermal-limits-2"


def test_it_keeps_old_slugs_unique_in_the_database(course, other_course):
    CourseSlugAlias.objects.create(course=course, slug="gone")
    with pytest.raises(IntegrityError), transaction.atomic():
        CourseSlugAlias.objects.create(course=other_course, slug="gone")


# --- unpublish ---------------------------------------------------------------------------


def test_it_unpublishes_a_course_keeping_its_students(as_user, instructor, student, course):
    response = as_user(instructor).post(url("unpublish", course))
    assert response.status_code == 302
    course.refresh_from_db()
    assert not course.is_published
    assert course.enrollments.filter(user=student).exists()
    assert as_user(student).get(course.get_absolute_url()).status_code == 404


def test_it_refuses_unpublishing_to_a_student(as_user, student, course):
    assert as_user(student).post(url("unpublish", course)).status_code == 403
    course.refresh_from_db()
    assert course.is_published


# --- deleting the course -----------------------------------------------------------------


def test_it_asks_before_deleting_a_draft_on_a_page_without_javascript(as_user, instructor, drafted):
    response = as_user(instructor).get(url("course-delete", drafted))
    assert response.status_code == 200
    assert "<dialog" not in response.text
    assert f'action="{url("course-delete", drafted)}"' in response.text
    assert Course.objects.filter(pk=drafted.pk).exists()


def test_it_asks_in_a_dialog_with_htmx(as_user, instructor, drafted, htmx_headers):
    response = as_user(instructor).get(url("course-delete", drafted), **htmx_headers)
    assert response.text.lstrip().startswith("<dialog")
    assert "data-modal" in response.text
    assert 'method="dialog"' in response.text
    assert response["Vary"].count("HX-Request") == 1


def test_it_deletes_a_draft_course_with_everything_in_it(as_user, instructor, drafted):
    assert drafted.questions.exists()
    response = as_user(instructor).post(url("course-delete", drafted))
    assert response.status_code == 302
    assert not Course.objects.filter(pk=drafted.pk).exists()
    assert not Lesson.objects.filter(course_id=drafted.pk).exists()


def test_it_refuses_to_delete_a_published_course(as_user, instructor, course):
    client = as_user(instructor)
    assert "unpublish it first" in client.get(url("course-delete", course)).text
    assert client.post(url("course-delete", course)).status_code == 302
    assert Course.objects.filter(pk=course.pk).exists()


def test_it_refuses_to_delete_a_draft_students_are_enrolled_in(
    as_user, instructor, student, course
):
    course.unpublish()
    as_user(instructor).post(url("course-delete", course))
    assert Course.objects.filter(pk=course.pk).exists()
    with pytest.raises(ValidationError):
        catalog_services.course_delete(course=course, by=instructor)


def test_it_refuses_deleting_to_another_instructor(as_user, other_instructor, drafted):
    assert as_user(other_instructor).post(url("course-delete", drafted)).status_code == 404
    assert Course.objects.filter(pk=drafted.pk).exists()


# --- lessons -----------------------------------------------------------------------------


def test_it_adds_a_lesson_at_the_end(as_user, instructor, drafted):
    before = drafted.lessons.count()
    data = {"title": "Further reading", "body": "Read more."}
    response = as_user(instructor).post(url("settings-lesson-add", drafted), data)
    assert response.status_code == 302
    last = drafted.lessons.in_order().last()
    assert (last.title, last.position) == ("Further reading", before + 1)


def test_it_re_renders_an_invalid_new_lesson(as_user, instructor, drafted):
    response = as_user(instructor).post(url("settings-lesson-add", drafted), {"title": ""})
    assert response.status_code == 400
    assert "This field is required." in response.text


def test_it_deletes_a_lesson_of_a_draft_keeping_its_sentences_and_questions(
    as_user, instructor, drafted
):
    lessons = list(drafted.lessons.in_order())
    first = lessons[0]
    sentences = list(first.sentences.values_list("pk", flat=True))
    questions = list(first.questions.values_list("pk", flat=True))
    client = as_user(instructor)
    asked = client.get(url("settings-lesson-delete", drafted, lesson_id=first.pk))
    assert asked.status_code == 200
    assert Lesson.objects.filter(pk=first.pk).exists()
    response = client.post(url("settings-lesson-delete", drafted, lesson_id=first.pk))
    assert response.status_code == 302
    assert not Lesson.objects.filter(pk=first.pk).exists()
    assert drafted.sentences.filter(pk__in=sentences, lesson=None).count() == len(sentences)
    assert drafted.questions.filter(pk__in=questions).count() == len(questions)
    positions = list(drafted.lessons.in_order().values_list("position", flat=True))
    assert positions == list(range(1, len(lessons)))


def test_it_refuses_to_delete_a_lesson_of_a_published_course(as_user, instructor, course):
    lesson = course.lessons.in_order().first()
    as_user(instructor).post(url("settings-lesson-delete", course, lesson_id=lesson.pk))
    assert Lesson.objects.filter(pk=lesson.pk).exists()


def test_it_moves_a_lesson_down_and_up(as_user, instructor, drafted):
    first, second = list(drafted.lessons.in_order())[:2]
    client = as_user(instructor)
    move = url("settings-lesson-move", drafted, lesson_id=first.pk)
    assert client.post(move, {"direction": "down"}).status_code == 302
    assert list(drafted.lessons.in_order())[:2] == [second, first]
    client.post(move, {"direction": "up"})
    assert list(drafted.lessons.in_order())[:2] == [first, second]


# --- concepts ----------------------------------------------------------------------------


def test_it_moves_a_concept_in_the_glossary(as_user, instructor, drafted):
    concepts = list(drafted.concepts.order_by("rank", "term", "pk"))
    data = {"concept": concepts[0].pk, "direction": "down"}
    assert as_user(instructor).post(url("settings-concept-move", drafted), data).status_code == 302
    moved = list(drafted.concepts.order_by("rank", "term", "pk"))
    assert moved[:2] == [concepts[1], concepts[0]]
    assert [c.rank for c in moved] == list(range(1, len(moved) + 1))


def test_it_asks_then_deletes_a_concept(as_user, instructor, drafted):
    concept = drafted.concepts.first()
    client = as_user(instructor)
    delete = url("settings-concept-delete", drafted)
    asked = client.get(delete, {"concept": concept.pk})
    assert asked.status_code == 200
    assert concept.term in asked.text
    assert Concept.objects.filter(pk=concept.pk).exists()
    assert client.post(delete, {"concept": concept.pk}).status_code == 302
    assert not Concept.objects.filter(pk=concept.pk).exists()


def test_it_finds_concepts_only_in_the_course_in_the_url(as_user, instructor, drafted, course):
    other = course.concepts.first()
    delete = url("settings-concept-delete", drafted)
    assert as_user(instructor).post(delete, {"concept": other.pk}).status_code == 404
    assert Concept.objects.filter(pk=other.pk).exists()


# --- the services check permission themselves ---------------------------------------------


def test_it_refuses_every_settings_service_to_a_non_editor(student, drafted):
    lesson = drafted.lessons.in_order().first()
    concept = drafted.concepts.first()
    fields = {
        "title": "x", "summary": "", "slug": "x", "completion_rule": "lessons",
        "guest_access": False,
    }  # fmt: skip
    report = drafted.cleaning_report
    calls = [
        lambda: catalog_services.course_settings_update(course=drafted, by=student, **fields),
        lambda: catalog_services.course_unpublish(course=drafted, by=student),
        lambda: catalog_services.course_publish(course=drafted, by=student),
        lambda: catalog_services.course_delete(course=drafted, by=student),
        lambda: catalog_services.course_lesson_add(course=drafted, by=student, title="x"),
        lambda: catalog_services.course_lesson_delete(lesson=lesson, by=student),
        lambda: catalog_services.course_lesson_move(lesson=lesson, by=student, direction="up"),
        lambda: catalog_services.course_concept_delete(concept=concept, by=student),
        lambda: catalog_services.course_concept_move(concept=concept, by=student, direction="up"),
        lambda: catalog_services.course_restore_removed(
            course=drafted, by=student, **line(drafted, report[0]["text"])
        ),
    ]
    for call in calls:
        with pytest.raises(PermissionDenied):
            call()
    drafted.refresh_from_db()
    assert drafted.title != "x"
    assert Lesson.objects.filter(pk=lesson.pk).exists()
    assert Concept.objects.filter(pk=concept.pk).exists()


# --- the wrong method --------------------------------------------------------------------


@pytest.mark.parametrize("name", ["unpublish", "settings-lesson-add", "settings-concept-move"])
def test_it_refuses_get_on_settings_actions(as_user, instructor, drafted, name):
    assert as_user(instructor).get(url(name, drafted)).status_code == 405


def test_it_refuses_get_on_moving_a_lesson(as_user, instructor, drafted):
    lesson = drafted.lessons.first()
    move = url("settings-lesson-move", drafted, lesson_id=lesson.pk)
    assert as_user(instructor).get(move).status_code == 405


@pytest.mark.parametrize(
    "name", ["settings", "publish", "course-delete", "settings-concept-delete"]
)
def test_it_refuses_put_on_settings_pages(as_user, instructor, drafted, name):
    assert as_user(instructor).put(url(name, drafted)).status_code == 405


def test_it_refuses_put_on_deleting_a_lesson(as_user, instructor, drafted):
    lesson = drafted.lessons.first()
    delete = url("settings-lesson-delete", drafted, lesson_id=lesson.pk)
    assert as_user(instructor).put(delete).status_code == 405
    assert Lesson.objects.filter(pk=lesson.pk).exists()
