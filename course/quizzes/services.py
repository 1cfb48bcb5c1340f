"""Workflows on the question bank: store generated questions, edit, delete, regenerate."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from course.catalog.models import Concept, Course, Lesson, SourceSentence
from course.catalog.selectors import concepts_by_term, draft_concepts, source_sentences
from course.catalog.signals import course_requirements_changed
from course.generator import DraftQuestion, Flaw, generate_questions, more_questions
from course.generator.flaws import findings
from course.quizzes.models import AttemptItem, Question, QuestionVersion, Quiz, QuizQuestion
from course.quizzes.shuffle import stored_options

if TYPE_CHECKING:
    from course.quizzes.forms import QuizForm


def _lesson_of(sentences: Sequence[SourceSentence], indexes: Sequence[int]) -> Lesson | None:
    for i in sorted(indexes):
        if 0 <= i < len(sentences) and sentences[i].lesson_id is not None:
            return sentences[i].lesson
    return None


def _link(
    question: Question,
    item: DraftQuestion,
    sentences: Sequence[SourceSentence],
    concepts: dict[str, Concept],
) -> None:
    question.sentences.set([sentences[i] for i in item.sentences if 0 <= i < len(sentences)])
    question.concepts.set(
        [concepts[t.casefold()] for t in item.concepts if t.casefold() in concepts]
    )


def questions_create(
    *,
    course: Course,
    items: Sequence[DraftQuestion],
    sentences: Sequence[SourceSentence],
    concepts: dict[str, Concept],
    origin: str = Question.Origin.GENERATED,
) -> list[Question]:
    """Store generated questions as drafts in the course's bank, after its last question."""
    start = (course.questions.aggregate(n=Max("position"))["n"] or 0) + 1
    created = []
    for offset, item in enumerate(items):
        question = Question.objects.create(
            course=course,
            lesson=_lesson_of(sentences, item.sentences),
            type=item.type,
            prompt=item.prompt,
            options=stored_options(item.type, item.options),
            answer=item.answer,
            explanation=item.explanation,
            origin=origin,
            position=start + offset,
        )
        _link(question, item, sentences, concepts)
        created.append(question)
    return created


def as_draft_question(question: Question) -> DraftQuestion:
    return DraftQuestion(
        type=question.type,
        prompt=question.prompt,
        options=list(question.options),
        answer=question.answer,
        concepts=[c.term for c in question.concepts.all()],
        sentences=sorted(s.position for s in question.sentences.all()),
        explanation=question.explanation,
    )


def question_flaws(
    question: Question, sentences: Sequence[str], aliases: dict[str, list[str]] | None = None
) -> list[Flaw]:
    """The item-writing flaw checker's findings (not its weaker doubts) for a stored
    question, generated or written by hand, read against its course's ``sentences`` (the
    texts, in order) where it cites them. Reads the question's prefetched concepts and
    sentences."""
    item = as_draft_question(question)
    return findings(
        type=item.type,
        prompt=item.prompt,
        options=item.options,
        answer=item.answer,
        sentences=list(sentences),
        cited=item.sentences,
        aliases=aliases,
    )


def question_update(*, question: Question, fields: dict[str, Any]) -> Question:
    """Apply an instructor's edit. The question becomes theirs: origin 'authored'.

    If an attempt has frozen the current version, the edit becomes a new version, so what
    students were shown and graded on stays as it was.
    """
    _new_version_if_used(question)
    for name in ("prompt", "options", "answer", "explanation"):
        setattr(question, name, fields[name])
    question.origin = Question.Origin.AUTHORED
    question.save()
    return question


def _new_version_if_used(question: Question) -> None:
    if QuestionVersion.objects.filter(question=question, number=question.version).exists():
        question.version += 1


def question_accept(*, question: Question) -> Question:
    question.status = Question.Status.ACCEPTED
    question.save(update_fields=["status", "updated_at"])
    return question


@transaction.atomic
def question_delete(*, question: Question) -> None:
    """Delete a question nobody has answered; answered ones stay, so records keep them.

    The question row is locked before its uses are counted, and a quiz start holds a
    share lock on its questions (`attempts.attempt_start`): a start that came first has
    committed its attempt by the time this counts (refused, with the reason); one that
    comes after finds the question gone and leaves it out.
    """
    if not Question.objects.select_for_update().filter(pk=question.pk).exists():
        raise ValidationError("This question was already removed.")
    refusal = question_delete_refusal(question)
    if refusal:
        raise ValidationError(refusal)
    question.delete()


def question_delete_refusal(question: Question) -> str:
    """Why the question cannot be deleted ("" when it can)."""
    used = AttemptItem.objects.filter(version__question=question).count()
    if used:
        return (
            f"Students have answered this question {used} time(s), so it stays in the bank "
            "and their records keep it. Remove it from quizzes instead."
        )
    return ""


def question_regenerate_refusal(question: Question) -> str:
    """Why regenerating would overwrite someone's work ("" when it would not): only what the
    generator wrote, that no quiz holds and no student has answered, is replaced in place."""
    if question.origin == Question.Origin.AUTHORED:
        return "An instructor wrote or edited this question, so it is not replaced."
    if question.origin == Question.Origin.IMPORTED:
        return "This question was imported, so it is not replaced."
    quizzes = list(Quiz.objects.filter(slots__question=question).values_list("title", flat=True))
    if quizzes:
        named = ", ".join(f"“{title}”" for title in quizzes)
        return f"The quiz {named} uses this question, so it is not replaced."
    if AttemptItem.objects.filter(version__question=question).exists():
        return "Students have answered this question, so it is not replaced."
    return ""


def _replacement_for(question: Question) -> tuple[DraftQuestion, list[SourceSentence]] | None:
    """Another question on the same concepts, of the same type if possible."""
    course = question.course
    sentences = source_sentences(course)
    existing = [as_draft_question(q) for q in course.questions.with_sources()]
    focus = [c.term for c in question.concepts.all()] or None
    pool = generate_questions(
        [s.text for s in sentences], draft_concepts(course), focus=focus, exclude=existing
    )
    same_type = [item for item in pool if item.type == question.type]
    choice = next(iter(same_type or pool), None)
    return None if choice is None else (choice, list(sentences))


@transaction.atomic
def question_regenerate(*, question: Question) -> bool:
    """Replace a generated question by another one on the same concepts, of the same type if
    possible. Returns False (and changes nothing) when the generator has no different one.

    Raises ValidationError, changing nothing, for a question an instructor wrote, edited or
    imported, or one a quiz or an attempt uses (`question_regenerate_copy` makes a new draft
    beside it instead).
    """
    refusal = question_regenerate_refusal(question)
    if refusal:
        raise ValidationError(refusal)
    found = _replacement_for(question)
    if found is None:
        return False
    choice, sentences = found
    _new_version_if_used(question)
    question.type = choice.type
    question.prompt = choice.prompt
    question.options = stored_options(choice.type, choice.options)
    question.answer = choice.answer
    question.explanation = choice.explanation
    question.lesson = _lesson_of(sentences, choice.sentences)
    question.status = Question.Status.DRAFT
    question.save()
    _link(question, choice, sentences, concepts_by_term(question.course))
    return True


@transaction.atomic
def question_regenerate_copy(*, question: Question) -> Question | None:
    """A new generated draft on the same concepts, right after this question, which stays as
    it is; None when the generator has no different question."""
    found = _replacement_for(question)
    if found is None:
        return None
    choice, sentences = found
    new = Question.objects.create(
        course=question.course,
        lesson=_lesson_of(sentences, choice.sentences),
        type=choice.type,
        prompt=choice.prompt,
        options=stored_options(choice.type, choice.options),
        answer=choice.answer,
        explanation=choice.explanation,
        # Same position, higher id: it sorts right after the question it was made beside.
        position=question.position,
    )
    _link(new, choice, sentences, concepts_by_term(question.course))
    return new


#: The tag on questions drafted from below the draft's bar, shown on the review page.
LOWER_CONFIDENCE_TAG = "lower confidence"


@transaction.atomic
def questions_draft_more(*, course: Course, count: int = 5) -> list[Question]:
    """Draft up to ``count`` more questions from the generator's next-best candidates.

    They are drafts tagged "lower confidence": the generator held them back from the first
    draft, so the instructor reads each before accepting it.
    """
    course = Course.objects.select_for_update().get(pk=course.pk)
    sentences = source_sentences(course)
    existing = [as_draft_question(q) for q in course.questions.with_sources()]
    items = more_questions(
        [s.text for s in sentences],
        draft_concepts(course),
        exclude=existing,
        count=count,
        title=course.title,
    )
    created = questions_create(
        course=course, items=items, sentences=sentences, concepts=concepts_by_term(course)
    )
    for question in created:
        question.tags = [*question.tags, LOWER_CONFIDENCE_TAG]
        question.save(update_fields=["tags", "updated_at"])
    return created


def questions_for_concept(*, concept: Concept, limit: int = 2) -> list[Question]:
    """New draft questions testing one concept, of different types where possible."""
    course = concept.course
    sentences = source_sentences(course)
    existing = [as_draft_question(q) for q in course.questions.with_sources()]
    pool = generate_questions(
        [s.text for s in sentences], draft_concepts(course), focus=[concept.term], exclude=existing
    )
    chosen: list[DraftQuestion] = []
    for item in pool:
        if item.type not in {c.type for c in chosen}:
            chosen.append(item)
        if len(chosen) == limit:
            break
    return questions_create(
        course=course, items=chosen, sentences=sentences, concepts=concepts_by_term(course)
    )


#: How far down the generator's next-best candidates a new concept's questions are looked
#: for (the whole pool of a long abstract is a few hundred).
NEW_CONCEPT_POOL = 1000


def questions_for_new_concept(*, concept: Concept, limit: int = 2) -> list[Question]:
    """Draft questions for a concept an instructor added: the generator's best on it or,
    when none of those clears the draft's bar, its next-best on it (`more_questions`),
    tagged "lower confidence" as `questions_draft_more` tags them. [] when the text gives
    none; `concept_draft_refusal` says why."""
    made = questions_for_concept(concept=concept, limit=limit)
    if made:
        return made
    course = concept.course
    sentences = source_sentences(course)
    existing = [as_draft_question(q) for q in course.questions.with_sources()]
    pool = more_questions(
        [s.text for s in sentences],
        draft_concepts(course),
        exclude=existing,
        count=NEW_CONCEPT_POOL,
        title=course.title,
    )
    names = {name.casefold() for name in [concept.term, *concept.aliases]}
    chosen: list[DraftQuestion] = []
    for item in pool:
        tests_it = names & {term.casefold() for term in item.concepts}
        if tests_it and item.type not in {c.type for c in chosen}:
            chosen.append(item)
        if len(chosen) == limit:
            break
    created = questions_create(
        course=course, items=chosen, sentences=sentences, concepts=concepts_by_term(course)
    )
    for question in created:
        question.tags = [*question.tags, LOWER_CONFIDENCE_TAG]
        question.save(update_fields=["tags", "updated_at"])
    return created


def concept_draft_refusal(concept: Concept) -> str:
    """Why no question could be drafted for a concept, in the instructor's terms."""
    sentences = list(concept.sentences.values_list("pk", flat=True))
    cited = Question.objects.filter(sentences__in=sentences).distinct().count()
    where = f"in {len(sentences)} sentence(s) of the text" if sentences else "in no sentence"
    already = (
        f"; {cited} question(s) in the bank already ask about those sentences" if cited else ""
    )
    return (
        f"No question could be drafted for “{concept.term}”: it occurs {where}, and the "
        f"generator found nothing there that asks about it{already}. Write one in the "
        "question bank (New question) and tag it with the concept."
    )


@transaction.atomic
def quiz_save(*, form: QuizForm, course: Course) -> Quiz:
    """Save a quiz's settings and its questions, keeping existing slots' order and points
    (`course.quizzes.slots`), random slots included; questions new to the quiz come after
    them, in bank order. Students' standing is recounted (`course_requirements_changed`)
    when the quiz is new, published, unpublished or given a new pass mark: that changes
    what they have passed."""
    counts_change = form.instance.pk is None or {"status", "pass_mark"} & set(form.changed_data)
    quiz = form.save(commit=False)
    quiz.course = course
    quiz.save()
    chosen = list(form.cleaned_data["questions"].order_by("position", "pk"))
    QuizQuestion.objects.fixed().filter(quiz=quiz).exclude(question__in=chosen).delete()
    existing = list(quiz.slots.order_by("position", "pk"))
    held = {slot.question_id for slot in existing}
    added = [QuizQuestion(quiz=quiz, question=q) for q in chosen if q.pk not in held]
    for position, slot in enumerate([*existing, *added], start=1):
        slot.position = position
        slot.save()
    if counts_change:
        course_requirements_changed.send(sender=Quiz, course_id=course.pk)
    return quiz


def question_create(*, course: Course, kind: str, fields: dict[str, Any]) -> Question:
    """A question an instructor wrote: accepted into the bank as written."""
    position = (course.questions.aggregate(n=Max("position"))["n"] or 0) + 1
    question = Question.objects.create(
        course=course,
        type=kind,
        prompt=fields["prompt"],
        options=fields["options"],
        answer=fields["answer"],
        explanation=fields["explanation"],
        tags=fields.get("tags", []),
        category=(fields.get("tags") or [""])[0][:200],
        origin=Question.Origin.AUTHORED,
        status=Question.Status.ACCEPTED,
        position=position,
    )
    question.concepts.set(fields.get("concepts") or [])
    return question
