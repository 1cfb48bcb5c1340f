"""Workflows on discussions: store generated prompts, edit, delete, regenerate them;
write, edit and delete posts; moderate posts and prompts."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from typing import Literal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from course.accounts.models import Enrollment, User
from course.catalog.models import Concept, Course, SourceSentence
from course.catalog.selectors import concepts_by_term, draft_concepts, source_sentences
from course.catalog.signals import course_requirements_changed
from course.discussions.models import BODY_MAX_LENGTH, Post, Prompt
from course.generator import DraftPrompt, generate_prompts

# The one import from a floor above (README, "Layout"): a post is the student's own activity,
# and progress counts it at once. Changes to the course itself are announced instead.
from course.progress.services import progress_refresh
from course.text import has_visible_text, strip_control

# A second identical submit within this window is the same post (a double click, a retry).
DUPLICATE_WINDOW = timedelta(seconds=10)


def _link(
    prompt: Prompt,
    item: DraftPrompt,
    sentences: Sequence[SourceSentence],
    concepts: dict[str, Concept],
) -> None:
    prompt.sentences.set([sentences[i] for i in item.sentences if 0 <= i < len(sentences)])
    prompt.concepts.set([concepts[t.casefold()] for t in item.concepts if t.casefold() in concepts])
    lessons = [sentences[i].lesson for i in sorted(item.sentences) if 0 <= i < len(sentences)]
    prompt.lesson = next((lesson for lesson in lessons if lesson is not None), None)
    prompt.save(update_fields=["lesson"])


def prompts_create(
    *,
    course: Course,
    items: Sequence[DraftPrompt],
    sentences: Sequence[SourceSentence],
    concepts: dict[str, Concept],
) -> list[Prompt]:
    start = (course.prompts.aggregate(n=Max("position"))["n"] or 0) + 1
    created = []
    for offset, item in enumerate(items):
        prompt = Prompt.objects.create(course=course, text=item.text, position=start + offset)
        _link(prompt, item, sentences, concepts)
        created.append(prompt)
    if created:  # a new prompt to join
        course_requirements_changed.send(sender=Prompt, course_id=course.pk)
    return created


def prompt_update(*, prompt: Prompt, text: str) -> Prompt:
    """Apply an instructor's edit. The prompt becomes theirs: regenerating no longer replaces
    it (`prompt_regenerate_refusal`)."""
    prompt.text = text
    prompt.origin = Prompt.Origin.AUTHORED
    prompt.save(update_fields=["text", "origin", "updated_at"])
    return prompt


@transaction.atomic
def prompt_delete(*, prompt: Prompt) -> None:
    """Delete a prompt and its posts; students' standing is recounted without it
    (`course_requirements_changed`)."""
    course_id = prompt.course_id
    prompt.delete()
    course_requirements_changed.send(sender=Prompt, course_id=course_id)


def prompt_regenerate_refusal(prompt: Prompt) -> str:
    """Why regenerating would overwrite someone's work ("" when it would not): only what the
    generator wrote and nobody has answered is replaced in place."""
    if prompt.origin != Prompt.Origin.GENERATED:
        return "An instructor wrote or edited this prompt, so it is not replaced."
    posts = prompt.posts.count()
    if posts:
        return f"{posts} post(s) answer this prompt, so it is not replaced."
    return ""


def _replacement_for(prompt: Prompt) -> tuple[DraftPrompt, list[SourceSentence]] | None:
    course = prompt.course
    sentences = source_sentences(course)
    existing = list(course.prompts.values_list("text", flat=True))
    pool = generate_prompts([s.text for s in sentences], draft_concepts(course), exclude=existing)
    return (pool[0], sentences) if pool else None


@transaction.atomic
def prompt_regenerate(*, prompt: Prompt) -> bool:
    """Replace a generated prompt by a different generated one; False when there is none.

    Raises ValidationError, changing nothing, for a prompt an instructor wrote or one that
    students have answered (`prompt_regenerate_copy` makes a new one beside it instead).
    """
    refusal = prompt_regenerate_refusal(prompt)
    if refusal:
        raise ValidationError(refusal)
    found = _replacement_for(prompt)
    if found is None:
        return False
    choice, sentences = found
    prompt.text = choice.text
    prompt.save(update_fields=["text", "updated_at"])
    _link(prompt, choice, sentences, concepts_by_term(prompt.course))
    return True


@transaction.atomic
def prompt_regenerate_copy(*, prompt: Prompt) -> Prompt | None:
    """A new generated prompt right after this one, which stays as it is; None when the
    generator has no different prompt."""
    found = _replacement_for(prompt)
    if found is None:
        return None
    choice, sentences = found
    # Same position, higher id: it sorts right after the prompt it was made beside.
    new = Prompt.objects.create(course=prompt.course, text=choice.text, position=prompt.position)
    _link(new, choice, sentences, concepts_by_term(prompt.course))
    course_requirements_changed.send(sender=Prompt, course_id=prompt.course_id)  # a new prompt
    return new


# --- posts -------------------------------------------------------------------------------


def _clean_body(body: str) -> str:
    """The body to store; a body that shows nothing (blank, zero-width characters, blank
    letters) is refused here too, so no caller can make one count as taking part."""
    body = strip_control(body).strip()
    if not has_visible_text(body):
        raise ValidationError("Write something first.")
    if len(body) > BODY_MAX_LENGTH:
        raise ValidationError(f"Keep it under {BODY_MAX_LENGTH:,} characters.")
    return body


def _refresh_progress(user: User, course_id: int) -> None:
    # Participation counts toward a student's progress; staff have no progress to keep.
    if Enrollment.objects.filter(user=user, course_id=course_id).exists():
        progress_refresh(user_id=user.pk, course_id=course_id)


def post_create(
    *, prompt: Prompt, author: User, body: str, as_staff: bool, parent: Post | None = None
) -> Post:
    """Write a post, or a reply when `parent` is given. The caller has checked that the
    author may read the thread (and the parent); this checks the thread's own rules.

    An identical post by the same author in the same place within DUPLICATE_WINDOW is
    returned instead of stored again.
    """
    body = _clean_body(body)
    with transaction.atomic():
        # Lock the prompt: concurrent submits then see each other (duplicates) and the
        # current lock state.
        locked_prompt = Prompt.objects.select_for_update().get(pk=prompt.pk)
        if locked_prompt.locked and not as_staff:
            raise PermissionDenied("This discussion is locked.")
        if parent is not None:
            if parent.prompt_id != prompt.pk:
                raise ValidationError("That post is in another discussion.")
            if parent.parent_id is not None:
                raise ValidationError("Reply to the post itself: replies have no replies.")
            if parent.deleted:
                raise ValidationError("That post was deleted.")
            if (
                locked_prompt.post_first
                and not as_staff
                and not Post.objects.filter(prompt=prompt, author=author, deleted=False).exists()
            ):
                raise ValidationError("Post your own answer before replying to others.")
        duplicate = (
            Post.objects.filter(
                prompt=prompt,
                author=author,
                parent=parent,
                body=body,
                deleted=False,
                created_at__gte=timezone.now() - DUPLICATE_WINDOW,
            )
            .order_by("-created_at")
            .first()
        )
        if duplicate is not None:
            return duplicate
        post = Post.objects.create(prompt=prompt, author=author, parent=parent, body=body)
    _refresh_progress(author, prompt.course_id)
    return post


def _check_own(post: Post, user: User) -> None:
    if post.deleted or post.author_id != user.pk:
        raise PermissionDenied("You can only change your own posts.")


def post_update(*, post: Post, editor: User, body: str, as_staff: bool) -> Post:
    _check_own(post, editor)
    if post.prompt.locked and not as_staff:
        raise PermissionDenied("This discussion is locked.")
    body = _clean_body(body)
    if body != post.body:
        post.body = body
        post.edited_at = timezone.now()
        post.save(update_fields=["body", "edited_at"])
    return post


def post_delete(*, post: Post, user: User) -> None:
    """Delete one's own post. A top-level post with replies stays as a blank placeholder
    (no body, no author) so the replies keep their context; the placeholder goes when its
    last reply does. Participation is recounted: a deleted post no longer counts."""
    with transaction.atomic():
        post = Post.objects.select_for_update().select_related("prompt").get(pk=post.pk)
        _check_own(post, user)
        if post.parent_id is None and post.replies.exists():
            post.deleted = True
            post.body = ""
            post.author = None
            post.pinned = post.endorsed = False
            post.save(update_fields=["deleted", "body", "author", "pinned", "endorsed"])
        else:
            parent_id = post.parent_id
            post.delete()
            if parent_id is not None:
                Post.objects.filter(pk=parent_id, deleted=True, replies__isnull=True).delete()
    _refresh_progress(user, post.prompt.course_id)


PostFlag = Literal["pinned", "endorsed", "hidden"]
PromptFlag = Literal["locked", "post_first"]


def post_moderate(*, post: Post, flag: PostFlag, value: bool) -> Post:
    """Pin, endorse or hide a post (or undo it). Staff only: the caller checks."""
    if flag not in ("pinned", "endorsed", "hidden"):
        raise ValueError(flag)
    if value and post.deleted:
        raise ValidationError("That post was deleted.")
    if flag == "pinned" and value and post.parent_id is not None:
        raise ValidationError("Only top-level posts can be pinned.")
    setattr(post, flag, value)
    post.save(update_fields=[flag])
    return post


def prompt_moderate(*, prompt: Prompt, flag: PromptFlag, value: bool) -> Prompt:
    """Lock a prompt or make it "post first" (or undo it). Staff only: the caller checks."""
    if flag not in ("locked", "post_first"):
        raise ValueError(flag)
    setattr(prompt, flag, value)
    prompt.save(update_fields=[flag, "updated_at"])
    return prompt
