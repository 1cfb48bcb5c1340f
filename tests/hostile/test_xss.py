"""Script injection through authored text, checked in a real browser with JavaScript on.

Every field an instructor or a student writes (course, lessons, glossary, questions, quiz,
discussion prompts and posts, a student's essay answer) holds every payload below. Each page
that shows them is then visited as the persona who sees it, and must:

* leave `window.__xss` undefined and open no dialog (after focusing and hovering the glossary
  terms, where a broken attribute would fire `onmouseover`);
* carry no event-handler attribute and no `javascript:` URL anywhere in its DOM;
* show the payload as text (so it was escaped, not dropped or parsed), `{{ 7*7 }}` literally;
* report no Content-Security-Policy violation: escaped payloads never reach the CSP, so any
  violation means our own markup breaks the policy or a payload was parsed as markup.

The non-browser tests at the end pin the Markdown + glossary rendering itself.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

import pytest
from django.http import QueryDict
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from course.accounts.models import User
from course.catalog.models import Concept, Course, Lesson, SourceSentence
from course.catalog.rendering import (
    ALLOWED_TAGS,
    GlossaryTerm,
    mark_terms,
    render_markdown,
)
from course.discussions.models import Prompt
from course.discussions.services import post_create
from course.quizzes import attempts as attempt_services
from course.quizzes.models import Attempt, Question, Quiz
from tests import factories

SCRIPT = "<script>window.__xss=1</script>"
PAYLOADS = [
    SCRIPT,
    '<img src=x onerror="window.__xss=1">',
    "<svg onload=window.__xss=1>",
    '"><script>window.__xss=1</script>',
    "[x](javascript:window.__xss=1)",
    '<a href="javascript:window.__xss=1">x</a>',
    "{{ 7*7 }}",
    "{% debug %}",
    "</textarea><script>window.__xss=1</script>",
    "' onmouseover='window.__xss=1",
    '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
    "javascript:window.__xss=1",
]
ALL = " ".join(PAYLOADS)
# The term the glossary marks in the lesson body: it occurs there as plain text.
QUOTE_TERM = "' onmouseover='window.__xss=1"
TEMPLATE_LITERAL = "{{ 7*7 }}"
# For fields limited to 200 or 300 characters: the payloads a page must show as text first.
SHORT = f"{PAYLOADS[0]} {TEMPLATE_LITERAL} {ALL}"

# Collect CSP violations with their details; an init script runs outside the page's CSP.
CSP_LISTENER = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__csp.push([e.violatedDirective, e.blockedURI, e.sample].join(' | '));
});
"""

# Markup a payload would need in order to run: handlers and script URLs, anywhere in the DOM.
DOM_AUDIT = """
() => {
  const found = [];
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      const value = attr.value.replace(/[\\s\\u0000-\\u001f]/g, '').toLowerCase();
      if (name.startsWith('on')) found.push(el.tagName + ' ' + name);
      if (['href', 'src', 'action', 'formaction', 'srcdoc', 'xlink:href', 'data'].includes(name)
          && (value.startsWith('javascript:') || name === 'srcdoc')) {
        found.push(el.tagName + ' ' + name + '=' + attr.value);
      }
    }
    if (['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED'].includes(el.tagName)
        && !(el.tagName === 'SCRIPT' && el.src)) {
      found.push('element ' + el.tagName);
    }
  }
  return found;
}
"""


# --- the browser ----------------------------------------------------------------------------


@pytest.fixture
def chromium(browser: Any) -> Any:
    """The shared Debian Chromium (tests/conftest.py): one Playwright instance per run."""
    return browser


@dataclass
class Visitor:
    """One signed-in browser tab that checks every page it opens."""

    page: Any
    base_url: str
    dialogs: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)
    visited: list[str] = field(default_factory=list)

    def check(self, path: str, *, shows: tuple[str, ...] = (SCRIPT, TEMPLATE_LITERAL)) -> None:
        response = self.page.goto(self.base_url + path)
        assert response is not None and response.status == 200, (path, response and response.status)
        self.visited.append(path)
        self.audit(path, shows=shows)

    def audit(self, where: str, *, shows: tuple[str, ...] = ()) -> None:
        page = self.page
        for term in page.locator("a.term").all():
            term.focus()
            term.hover()
        assert page.evaluate("typeof window.__xss") == "undefined", f"script ran on {where}"
        assert page.evaluate("typeof window.parent.__xss") == "undefined", where
        assert not self.dialogs, f"a dialog opened on {where}: {self.dialogs}"
        assert page.evaluate(DOM_AUDIT) == [], f"executable markup on {where}"
        text = page.locator("body").inner_text()
        for literal in shows:
            assert literal in text, f"{literal!r} is not shown as text on {where}"
        assert "{% debug %}" not in shows or "{% debug %}" in text
        violations = page.evaluate("window.__csp || []")
        csp_console = [m for m in self.console if "Content Security Policy" in m]
        assert violations == [] and csp_console == [], (where, violations, csp_console)


def open_tab(chromium: Any, live_server: Any, user: User | None) -> Visitor:
    context = chromium.new_context(viewport={"width": 1200, "height": 900})
    context.set_default_timeout(10_000)
    if user is not None:
        client = Client()
        client.force_login(user)
        cookie = client.cookies["sessionid"]
        context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server.url}])
    context.add_init_script(CSP_LISTENER)
    page = context.new_page()
    visitor = Visitor(page=page, base_url=live_server.url)
    page.on("dialog", lambda dialog: (visitor.dialogs.append(dialog.message), dialog.dismiss()))
    page.on(
        "console", lambda msg: visitor.console.append(msg.text) if msg.type == "error" else None
    )
    page.on("pageerror", lambda exc: visitor.console.append(str(exc)))
    return visitor


# --- a course where every authored field is hostile ----------------------------------------


@dataclass
class World:
    course: Course
    lessons: list[Lesson]
    quiz: Quiz
    questions: list[Question]
    prompt: Prompt
    student: User
    instructor: User


def hostile_course(course: Course, student: User, instructor: User) -> World:
    Course.objects.filter(pk=course.pk).update(
        title=SHORT[:200],  # CharField(200): PostgreSQL enforces it
        summary=ALL,
        source_text=ALL,
        cleaning_report=[{"kind": "boilerplate", "text": ALL}],
    )
    course.refresh_from_db()
    lessons = list(course.lessons.in_order())
    sentences = []
    for position, lesson in enumerate(lessons):
        lesson.title = SHORT[:200]
        lesson.objective = SHORT[:300]
        lesson.body = f"{ALL}\n\nThe shock work movement spurred production.\n\n- {ALL}\n\n> {ALL}"
        lesson.save()
        sentences.append(
            SourceSentence.objects.create(course=course, position=position, text=ALL, lesson=lesson)
        )
    concepts = [
        Concept.objects.get(course=course, term="shock work"),
        Concept.objects.create(course=course, term=QUOTE_TERM, core=True, rank=2),
        Concept.objects.create(course=course, term=PAYLOADS[2], core=True, rank=3),
    ]
    aliases = [PAYLOADS[:3], [PAYLOADS[3], TEMPLATE_LITERAL], [PAYLOADS[5], PAYLOADS[8]]]
    for concept, its_aliases in zip(concepts, aliases, strict=True):
        concept.aliases = its_aliases
        concept.definition = ALL
        concept.core = True
        concept.save()
        concept.sentences.set(sentences)

    feedback = {option: ALL for option in PAYLOADS}
    shapes: list[dict[str, Any]] = [
        {"type": "single_choice", "options": PAYLOADS, "answer": PAYLOADS[0]},
        {"type": "multiple_response", "options": PAYLOADS, "answer": PAYLOADS[:2]},
        {"type": "ordering", "options": PAYLOADS[:4], "answer": PAYLOADS[:4]},
        {
            "type": "matching",
            "options": PAYLOADS[4:8],
            "answer": [
                [left, right] for left, right in zip(PAYLOADS[:4], PAYLOADS[4:8], strict=True)
            ],
        },
        {"type": "true_false", "options": ["True", "False"], "answer": True},
        {"type": "short_answer", "options": [], "answer": [ALL, PAYLOADS[0]]},
        {"type": "cloze", "options": [], "answer": [PAYLOADS[1]]},
        {"type": "numerical", "options": [], "answer": [{"value": 7, "tolerance": 0}]},
        {"type": "essay", "options": [], "answer": None},
    ]
    questions = []
    for shape in shapes:
        prompt = f"{ALL} _____" if shape["type"] == "cloze" else ALL
        question = factories.QuestionFactory(
            course=course,
            lesson=lessons[0],
            prompt=prompt,
            explanation=ALL,
            option_feedback={**feedback, "True": ALL, "False": ALL, "*": ALL},
            title=SHORT[:200],
            category=ALL[:200],
            tags=[ALL],
            **shape,
        )
        question.concepts.set(concepts)
        question.sentences.set(sentences[:1])
        questions.append(question)
    quiz = factories.quiz_with(
        course,
        questions,
        title=SHORT[:200],
        description=ALL,
        lesson=lessons[0],
        feedback_mode=Quiz.Feedback.DEFERRED,
        reveal=Quiz.Reveal.AFTER_SUBMIT,
        shuffle_options=False,
    )
    prompt = Prompt.objects.create(course=course, lesson=lessons[0], text=ALL, position=1)
    prompt.concepts.set(concepts)
    prompt.sentences.set(sentences[:1])
    post = post_create(prompt=prompt, author=student, body=ALL, as_staff=False)
    post_create(prompt=prompt, author=instructor, body=ALL, as_staff=True, parent=post)
    return World(course, lessons, quiz, questions, prompt, student, instructor)


@pytest.fixture
def world(course: Course, student: User, instructor: User) -> World:
    return hostile_course(course, student, instructor)


def answer_everything(attempt: Attempt) -> None:
    """The student's own text is authored too: essay and short answers carry payloads."""
    for item in attempt.items.select_related("version"):
        data = QueryDict(mutable=True)
        if item.version.type in ("essay", "short_answer", "cloze", "numerical"):
            data["answer"] = ALL
        else:
            data["choice"] = "0"
        attempt_services.attempt_answer(
            attempt=attempt, position=item.position, data=data, check=False
        )


# --- journeys ------------------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_it_shows_hostile_text_as_text_to_a_student(chromium, live_server, world: World) -> None:
    course, student = world.course, world.student
    tab = open_tab(chromium, live_server, student)
    slug = course.slug

    tab.check("/")
    tab.check(course.get_absolute_url())
    for lesson in world.lessons:
        tab.check(lesson.get_absolute_url())
    # The glossary marked the payload-looking term in the body; its tooltip is escaped.
    terms = tab.page.locator(".lesson-body a.term")
    assert terms.count() >= 2
    definitions = [terms.nth(i).get_attribute("data-definition") for i in range(terms.count())]
    assert all(definition == ALL for definition in definitions)

    quiz_url = reverse("quizzes:quiz", kwargs={"slug": slug, "quiz_id": world.quiz.pk})
    tab.check(quiz_url)
    tab.page.get_by_role("button", name="Start the quiz").click()
    tab.page.wait_for_url(re.compile(r"/attempts/\d+/$"))
    tab.audit("attempt page", shows=(SCRIPT, TEMPLATE_LITERAL))
    attempt = Attempt.objects.get(quiz=world.quiz, user=student)
    answer_everything(attempt)
    tab.check(reverse("quizzes:attempt", kwargs={"attempt_id": attempt.pk}))
    tab.check(reverse("quizzes:review", kwargs={"attempt_id": attempt.pk}), shows=())
    attempt_services.attempt_submit(attempt=attempt)
    # Revealed after submit: the key and the explanations are on the results page now.
    tab.check(reverse("quizzes:results", kwargs={"attempt_id": attempt.pk}))

    tab.check(reverse("discussions:index", kwargs={"slug": slug}))
    thread = reverse("discussions:thread", kwargs={"slug": slug, "prompt_id": world.prompt.pk})
    tab.check(thread)
    tab.check(reverse("progress:dashboard"), shows=(TEMPLATE_LITERAL,))
    tab.page.context.close()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_it_shows_hostile_text_as_text_to_an_instructor(
    chromium, live_server, world: World
) -> None:
    course, student = world.course, world.student
    # A submitted attempt with the student's hostile answers, so the instructor's pages
    # (grading, analysis, student detail) have something to show.
    attempt = attempt_services.attempt_start(quiz=world.quiz, user=student)
    answer_everything(attempt)
    attempt_services.attempt_submit(attempt=attempt)

    tab = open_tab(chromium, live_server, world.instructor)
    slug = course.slug
    quiz = {"slug": slug, "quiz_id": world.quiz.pk}
    review = reverse("catalog:review", kwargs={"slug": slug})

    tab.check(course.get_absolute_url())
    tab.check(world.lessons[0].get_absolute_url())
    tab.check(review)
    # Edit forms put the text into <input value> and <textarea>: escaped, not closed early.
    edits = [f"lesson-{world.lessons[0].pk}", f"prompt-{world.prompt.pk}"]
    edits += [f"question-{q.pk}" for q in world.questions]
    for edit in edits:
        tab.check(f"{review}?edit={edit}", shows=(TEMPLATE_LITERAL,))
        fields = tab.page.locator("form textarea, form input[type=text]")
        values = [fields.nth(i).input_value() for i in range(fields.count())]
        assert any(SCRIPT in value for value in values), f"{edit}: payload not in the form"
    tab.check(reverse("quizzes:bank", kwargs={"slug": slug}))
    # Search terms come back into the page (and its search box): reflected, escaped.
    tab.check(reverse("quizzes:bank", kwargs={"slug": slug}) + "?q=" + _quote(PAYLOADS[3]))
    tab.check(reverse("quizzes:bank", kwargs={"slug": slug}) + "?tag=" + _quote(ALL[:200]))
    tab.check(reverse("quizzes:quiz", kwargs=quiz))
    tab.check(reverse("quizzes:preview", kwargs=quiz))
    tab.check(reverse("quizzes:grading", kwargs={"slug": slug}))
    tab.check(reverse("discussions:index", kwargs={"slug": slug}))
    tab.check(reverse("discussions:thread", kwargs={"slug": slug, "prompt_id": world.prompt.pk}))
    tab.check(reverse("progress:dashboard"), shows=(TEMPLATE_LITERAL,))
    tab.check(reverse("progress:instructor", kwargs={"slug": slug}), shows=(TEMPLATE_LITERAL,))
    tab.check(
        reverse("progress:instructor", kwargs={"slug": slug}) + "?q=" + _quote(SCRIPT), shows=()
    )
    tab.check(
        reverse("progress:student", kwargs={"slug": slug, "user_id": student.pk}),
        shows=(TEMPLATE_LITERAL,),
    )
    tab.check(reverse("progress:heatmap", kwargs={"slug": slug}), shows=(TEMPLATE_LITERAL,))
    tab.check(reverse("progress:analysis", kwargs=quiz))

    # A hostile question file: the import preview shows what it parsed, escaped.
    tab.check(reverse("quizzes:bank-import", kwargs={"slug": slug}), shows=())
    gift = "\n\n".join(
        [
            f"::{PAYLOADS[1]}::[html]{SCRIPT} {QUOTE_TERM} {{={TEMPLATE_LITERAL}#{SCRIPT} ~b}}",
            f"[markdown]{SCRIPT} {{=a -> {SCRIPT} =b -> c}}",
            f"{TEMPLATE_LITERAL} {{T####{SCRIPT}}}",
            f"{SCRIPT} {{=broken",
        ]
    )
    tab.page.set_input_files(
        "input[type=file]",
        {"name": "hostile.gift", "mimeType": "text/plain", "buffer": gift.encode()},
    )
    tab.page.locator(
        "form[enctype] button[type=submit], form[enctype] input[type=submit]"
    ).first.click()
    tab.page.wait_for_load_state()
    tab.audit("import preview", shows=(SCRIPT, TEMPLATE_LITERAL))
    tab.page.context.close()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_it_shows_hostile_text_as_text_to_a_guest(chromium, live_server, world: World) -> None:
    tab = open_tab(chromium, live_server, None)
    tab.check("/")
    tab.check(world.course.get_absolute_url())
    tab.check(world.lessons[0].get_absolute_url())
    tab.page.context.close()


@pytest.mark.browser
def test_the_page_audit_catches_a_payload_that_runs(chromium) -> None:
    # The checks above must be able to fail: an unescaped payload trips them.
    context = chromium.new_context()
    page = context.new_page()
    tab = Visitor(page=page, base_url="")
    page.set_content(f"<p>{PAYLOADS[1]}</p>")
    page.wait_for_function("typeof window.__xss !== 'undefined'")
    with pytest.raises(AssertionError, match="script ran"):
        tab.audit("a page with a live payload")
    page.evaluate("delete window.__xss")
    page.set_content(f"<p>{html.escape(PAYLOADS[1])} <a href='javascript:void(0)'>x</a></p>")
    with pytest.raises(AssertionError, match="executable markup"):
        tab.audit("a page with a script URL")
    context.close()


def _quote(text: str) -> str:
    from urllib.parse import quote

    return quote(text, safe="")


# --- the rendering itself -------------------------------------------------------------------

ALLOWED_ATTRIBUTES = {"href", "title", "rel", "class", "aria-describedby", "data-definition"}


class _Audit(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS:
            self.problems.append(f"tag {tag}")
        for name, value in attrs:
            if name not in ALLOWED_ATTRIBUTES:
                self.problems.append(f"attribute {name} on {tag}")
            if name == "href" and value is not None:
                scheme = value.split(":", 1)[0].lower() if ":" in value else ""
                if scheme not in ("", "http", "https", "mailto"):
                    self.problems.append(f"href {value}")

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def audit(markup: str) -> _Audit:
    parser = _Audit()
    parser.feed(markup)
    parser.close()
    return parser


hostile_markdown = st.lists(
    st.one_of(
        st.sampled_from(PAYLOADS),
        st.sampled_from(["[a](http://x.org 'title > b')", "`code`", "**b**", "&", "<", "\n\n"]),
        st.text(max_size=20),
    ),
    max_size=12,
).map(" ".join)


@settings(
    max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(
    body=hostile_markdown, forms=st.lists(st.sampled_from([*PAYLOADS, "a", "x", "b"]), max_size=4)
)
def test_rendered_lessons_hold_only_allowed_markup(body: str, forms: list[str]) -> None:
    terms = [
        GlossaryTerm(anchor=f"concept-{i}", definition=ALL, forms=(form,))
        for i, form in enumerate(forms)
    ]
    result = audit(mark_terms(render_markdown(body), terms))
    assert result.problems == []


def test_glossary_marking_does_not_change_the_text_of_a_lesson() -> None:
    body = "Salt & pepper raise cyclic AMP levels."
    rendered = render_markdown(body)
    marked = mark_terms(rendered, [GlossaryTerm("concept-1", "Adenosine.", ("AMP",))])
    assert "".join(audit(marked).text) == "".join(audit(rendered).text)
    assert html.unescape(re.sub(r"<[^>]*>", "", marked)).strip() == body
