"""Discussion pages: the course's prompts, one prompt's thread, and the POSTs that write
and moderate posts.

Every POST works as a plain form (redirect back to the thread, at the post's anchor) and
with htmx (the changed post, or the whole `#thread` region when the page's order or
visibility changed). Who may do what is decided here and in services, never in templates.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import retarget

from course.catalog.access import can_edit, get_course_for, is_enrolled
from course.discussions import services
from course.discussions.forms import FlagForm, PostForm
from course.discussions.models import Post, Prompt
from course.discussions.selectors import Reader, Thread, course_prompts, thread_for
from course.http import AuthedRequest

TEMPLATE = "discussions/thread.html"
EDIT_ID = "edit-%s"  # the edit form's field ids, unlike the new-post form's

# --- access ------------------------------------------------------------------------------


def _reader_for(request: AuthedRequest, slug: str) -> Reader:
    """Enrolled students and the course's staff (instructors, admins); 404 for a course the
    user cannot see (drafts), 403 for one they see but have not joined."""
    course = get_course_for(request.user, slug)
    staff = can_edit(request.user, course)
    if not staff and not is_enrolled(request.user, course):
        raise PermissionDenied("Enroll in this course to join its discussions.")
    return Reader(user=request.user, course=course, staff=staff)


def _thread_for(
    request: AuthedRequest, slug: str, prompt_id: int, *, staff_only: bool = False
) -> Thread:
    reader = _reader_for(request, slug)
    if staff_only and not reader.staff:
        raise PermissionDenied("Only the course's instructors and admins moderate discussions.")
    prompt = get_object_or_404(
        Prompt.objects.select_related("lesson"), course=reader.course, pk=prompt_id
    )
    prompt.course = reader.course
    return thread_for(prompt, reader)


def _visible_post(thread: Thread, post_id: int) -> Post:
    """A post of this thread the reader may see: 404 for another prompt's post, a hidden
    one, or any post while a "post first" student has not posted."""
    post = get_object_or_404(thread.visible(), pk=post_id)
    post.prompt = thread.prompt
    return post


def _parse_id(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


# --- rendering ---------------------------------------------------------------------------


def _thread_url(thread: Thread) -> str:
    return reverse(
        "discussions:thread",
        kwargs={"slug": thread.reader.course.slug, "prompt_id": thread.prompt.pk},
    )


def _base_context(thread: Thread, **extra: Any) -> dict[str, Any]:
    return {
        "course": thread.reader.course,
        "prompt": thread.prompt,
        "thread": thread,
        "staff": thread.reader.staff,
        "thread_url": _thread_url(thread),
        **extra,
    }


def _context(thread: Thread, page_number: int | str | None, **extra: Any) -> dict[str, Any]:
    extra.setdefault("post_form", PostForm())
    return _base_context(
        thread,
        page=thread.page(page_number) if thread.sees_posts else None,
        concepts=list(thread.prompt.concepts.all()),
        **extra,
    )


def _render_post(
    request: AuthedRequest, thread: Thread, root_id: int, **extra: Any
) -> HttpResponse:
    """One top-level post with its replies (an htmx swap); empty when it is gone, which
    removes it from the page."""
    post = thread.root_post(root_id)
    if post is None:
        return HttpResponse("")
    return render(request, f"{TEMPLATE}#post", _base_context(thread, post=post, **extra))


def _render_thread(request: AuthedRequest, thread: Thread, page: int, **extra: Any) -> HttpResponse:
    response = render(request, f"{TEMPLATE}#thread", _context(thread, page, **extra))
    # The request may have targeted one post or the post form; the region replaces it all.
    return retarget(response, "#thread")


def _root_id(post: Post) -> int:
    return post.parent_id or post.pk


def _done(
    request: AuthedRequest,
    thread: Thread,
    *,
    root_id: int | None,
    message: str,
    anchor_id: int | None = None,
    whole_thread: bool = False,
) -> HttpResponse:
    """After a successful POST that changed the top-level post `root_id` (or its replies).

    Rebuilds the thread first: posting or deleting can change what a "post first" student
    sees, and then the whole region is due, not one post."""
    thread = thread_for(thread.prompt, thread.reader)
    if request.htmx and root_id and not whole_thread and thread.sees_posts:
        return _render_post(request, thread, root_id)
    messages.success(request, message)
    root = thread.root_post(root_id) if root_id else None
    page = thread.page_of(root.pk) if root is not None else 1
    if request.htmx:
        return _render_thread(request, thread, page)
    query = f"?page={page}" if page > 1 else ""
    anchor = f"#post-{anchor_id or root.pk}" if root is not None else "#thread"
    return redirect(_thread_url(thread) + query + anchor)


def _invalid(
    request: AuthedRequest, thread: Thread, *, root_id: int | None = None, **extra: Any
) -> HttpResponse:
    """A form with errors: htmx gets the form's own region back (status 200, so htmx
    swaps it), a plain form the whole page with the errors, status 400."""
    if request.htmx:
        if root_id is not None:
            return _render_post(request, thread, root_id, **extra)
        return render(request, f"{TEMPLATE}#new-post", _base_context(thread, **extra))
    page = thread.page_of(root_id) if root_id else 1
    return render(request, TEMPLATE, _context(thread, page, **extra), status=400)


# --- pages -------------------------------------------------------------------------------


@require_GET
@login_required
def course_discussions(request: AuthedRequest, slug: str) -> HttpResponse:
    reader = _reader_for(request, slug)
    context = {"course": reader.course, "prompts": course_prompts(reader), "staff": reader.staff}
    return render(request, "discussions/index.html", context)


@require_GET
@login_required
@vary_on_headers("HX-Request")
def thread(request: AuthedRequest, slug: str, prompt_id: int) -> HttpResponse:
    """The thread. With htmx: `?page=N` returns that page's posts (Load more), `?edit=ID`
    one post with its edit form, `?show=ID` one post as it is (Cancel)."""
    thread = _thread_for(request, slug, prompt_id)
    editing = _parse_id(request.GET.get("edit"))
    focus_id = editing or _parse_id(request.GET.get("show"))
    extra: dict[str, Any] = {}
    focus = None
    if focus_id is not None:
        focus = _visible_post(thread, focus_id)
        if editing:
            if focus.deleted or focus.author_id != request.user.pk:
                raise PermissionDenied("You can only edit your own posts.")
            extra = {
                "edit_id": focus.pk,
                "edit_form": PostForm(initial={"body": focus.body}, auto_id=EDIT_ID),
            }
        if request.htmx:
            return _render_post(request, thread, _root_id(focus), **extra)
    page_number: int | str | None = request.GET.get("page")
    if focus is not None and not page_number:
        page_number = thread.page_of(_root_id(focus))
    if request.htmx:
        context = _context(thread, page_number)
        page = context["page"]
        if page is None or str(page.number) != str(page_number):
            # Past the end, or nothing this reader may see: nothing to append.
            return HttpResponse("")
        return render(request, f"{TEMPLATE}#post-list", context)
    return render(request, TEMPLATE, _context(thread, page_number, **extra))


# --- writing -----------------------------------------------------------------------------


def _refuse_if_locked(thread: Thread) -> None:
    if not thread.can_post:
        raise PermissionDenied("This discussion is locked.")


@require_POST
@login_required
@vary_on_headers("HX-Request")
def post_create(request: AuthedRequest, slug: str, prompt_id: int) -> HttpResponse:
    thread = _thread_for(request, slug, prompt_id)
    _refuse_if_locked(thread)
    form = PostForm(request.POST)
    if form.is_valid():
        try:
            post = services.post_create(
                prompt=thread.prompt,
                author=request.user,
                body=form.cleaned_data["body"],
                as_staff=thread.reader.staff,
            )
        except ValidationError as error:
            form.add_error("body", error)
        else:
            return _done(request, thread, root_id=post.pk, message="Posted.", whole_thread=True)
    return _invalid(request, thread, post_form=form)


@require_POST
@login_required
@vary_on_headers("HX-Request")
def reply_create(request: AuthedRequest, slug: str, prompt_id: int, post_id: int) -> HttpResponse:
    thread = _thread_for(request, slug, prompt_id)
    parent = _visible_post(thread, post_id)
    _refuse_if_locked(thread)
    form = PostForm(request.POST)
    if form.is_valid():
        try:
            reply = services.post_create(
                prompt=thread.prompt,
                author=request.user,
                body=form.cleaned_data["body"],
                as_staff=thread.reader.staff,
                parent=parent,
            )
        except ValidationError as error:
            form.add_error("body", error)
        else:
            return _done(
                request, thread, root_id=_root_id(reply), anchor_id=reply.pk, message="Replied."
            )
    return _invalid(request, thread, root_id=_root_id(parent), reply_to=parent.pk, reply_form=form)


@require_POST
@login_required
@vary_on_headers("HX-Request")
def post_edit(request: AuthedRequest, slug: str, prompt_id: int, post_id: int) -> HttpResponse:
    thread = _thread_for(request, slug, prompt_id)
    post = _visible_post(thread, post_id)
    if post.author_id != request.user.pk:
        # Ownership before validation: nobody learns anything by posting a bad edit.
        raise PermissionDenied("You can only edit your own posts.")
    form = PostForm(request.POST, auto_id=EDIT_ID)
    if form.is_valid():
        try:
            services.post_update(
                post=post,
                editor=request.user,
                body=form.cleaned_data["body"],
                as_staff=thread.reader.staff,
            )
        except ValidationError as error:
            form.add_error("body", error)
        else:
            return _done(
                request, thread, root_id=_root_id(post), anchor_id=post.pk, message="Post saved."
            )
    return _invalid(request, thread, root_id=_root_id(post), edit_id=post.pk, edit_form=form)


@require_POST
@login_required
@vary_on_headers("HX-Request")
def post_delete(request: AuthedRequest, slug: str, prompt_id: int, post_id: int) -> HttpResponse:
    thread = _thread_for(request, slug, prompt_id)
    post = _visible_post(thread, post_id)
    root_id = _root_id(post)
    services.post_delete(post=post, user=request.user)
    # The root is now the reply's parent, a "deleted" placeholder, or gone (htmx: removed).
    return _done(request, thread, root_id=root_id, message="Post deleted.")


# --- moderation --------------------------------------------------------------------------

POST_FLAG_DONE = {
    "pinned": ("Post pinned.", "Post unpinned."),
    "endorsed": ("Post endorsed.", "Endorsement removed."),
    "hidden": ("Post hidden from students.", "Post visible again."),
}
PROMPT_FLAG_DONE = {
    "locked": ("Discussion locked.", "Discussion unlocked."),
    "post_first": (
        "Students now see the others' posts only after posting their own.",
        "Students now see every post.",
    ),
}


def _flag_value(request: AuthedRequest) -> bool:
    form = FlagForm(request.POST)
    if not form.is_valid():
        raise ValidationError("Choose on or off.")
    value: bool = form.cleaned_data["value"]
    return value


@require_POST
@login_required
@vary_on_headers("HX-Request")
def post_flag(
    request: AuthedRequest, slug: str, prompt_id: int, post_id: int, flag: services.PostFlag
) -> HttpResponse:
    thread = _thread_for(request, slug, prompt_id, staff_only=True)
    post = _visible_post(thread, post_id)
    try:
        value = _flag_value(request)
        services.post_moderate(post=post, flag=flag, value=value)
    except ValidationError as error:
        if not request.htmx:
            messages.error(request, " ".join(error.messages))
            return redirect(_thread_url(thread) + f"#post-{post.pk}")
        return HttpResponse(" ".join(error.messages), status=400)
    message = POST_FLAG_DONE[flag][0 if value else 1]
    # Pinning reorders the thread; the other flags change one post.
    return _done(
        request,
        thread,
        root_id=_root_id(post),
        anchor_id=post.pk,
        message=message,
        whole_thread=flag == "pinned",
    )


@require_POST
@login_required
@vary_on_headers("HX-Request")
def prompt_flag(
    request: AuthedRequest, slug: str, prompt_id: int, flag: services.PromptFlag
) -> HttpResponse:
    thread = _thread_for(request, slug, prompt_id, staff_only=True)
    try:
        value = _flag_value(request)
    except ValidationError as error:
        return HttpResponse(" ".join(error.messages), status=400)
    services.prompt_moderate(prompt=thread.prompt, flag=flag, value=value)
    message = PROMPT_FLAG_DONE[flag][0 if value else 1]
    return _done(request, thread, root_id=None, message=message, whole_thread=True)
