from __future__ import annotations

from django.conf import settings
from django.contrib.auth import login
from django.db import IntegrityError, transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_http_methods

from course.accounts.forms import SignupFinishForm, SignupForm
from course.accounts.models import User
from course.accounts.services import (
    email_has_account,
    signup_invitation,
    signup_start,
    user_signup,
)
from course.http import HtmxHttpRequest, safe_next


@require_http_methods(["GET", "POST"])
def signup(request: HtmxHttpRequest) -> HttpResponse:
    """The address, then the same answer for every address: "check your e-mail"."""
    if request.user.is_authenticated:
        return redirect("progress:dashboard")
    next_url = safe_next(request)
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        signup_start(
            email=form.cleaned_data["email"],
            next_url=next_url,
            absolute_url=request.build_absolute_uri,
        )
        return redirect("signup_sent")
    return render(request, "registration/signup.html", {"form": form, "next": next_url})


@require_GET
def signup_sent(request: HtmxHttpRequest) -> HttpResponse:
    days = settings.PASSWORD_RESET_TIMEOUT // 86_400  # how long a link works
    return render(request, "registration/signup_sent.html", {"days": days})


@require_http_methods(["GET", "POST"])
def signup_finish(request: HtmxHttpRequest, token: str) -> HttpResponse:
    """The e-mailed link: a username and a password, then signed in and on to where the
    sign-up began. The link works until an account uses its address, so it makes one."""
    if request.user.is_authenticated:
        return redirect("progress:dashboard")
    invitation = signup_invitation(token)
    if invitation is None:
        return render(request, "registration/signup_finish.html", {"invalid": True})
    context: dict[str, object] = {"email": invitation.email}
    if email_has_account(invitation.email):
        return render(request, "registration/signup_finish.html", {**context, "taken": True})
    form = SignupFinishForm(request.POST or None, instance=User(email=invitation.email))
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                user = user_signup(
                    username=form.cleaned_data["username"],
                    email=invitation.email,
                    password=form.cleaned_data["password1"],
                )
        except IntegrityError:
            # The same link sent twice at once (or a username taken meanwhile): the
            # database's unique constraints let one through.
            if email_has_account(invitation.email):
                return render(
                    request, "registration/signup_finish.html", {**context, "taken": True}
                )
            form.add_error("username", "A user with that username already exists.")
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            next_url = invitation.next_url
            if not url_has_allowed_host_and_scheme(
                next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
            ):
                next_url = ""
            return redirect(next_url or "catalog:index")
    return render(request, "registration/signup_finish.html", {**context, "form": form})
