from __future__ import annotations

from typing import TYPE_CHECKING

from django import forms
from django.contrib.auth.forms import UserCreationForm

from course.accounts.models import User

# Django's form classes take no type arguments at run time; django-stubs' do.
if TYPE_CHECKING:
    _UserCreationForm = UserCreationForm[User]
else:
    _UserCreationForm = UserCreationForm


class SignupForm(forms.Form):
    """Sign-up's first step: the address to send the link to. It checks the address's form
    only: whether an account uses it is never said here (`accounts.services`)."""

    email = forms.EmailField(
        max_length=254,
        help_text="We send you a link to finish. Never shown to other students.",
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def clean_email(self) -> str:
        email: str = self.cleaned_data["email"].strip()
        return email


class SignupFinishForm(_UserCreationForm):
    """Sign-up's second step, reached from the e-mailed link: a username and a password for
    the address the link was sent to (the form's instance carries it, so the password is
    checked against it too). A username taken is said here: only to someone who reads the
    address's mail."""

    class Meta:
        model = User
        fields = ("username",)


class EnrollEmailsForm(forms.Form):
    """The admin's bulk action: one address per line, or separated by commas."""

    emails = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="One email address per line (or separated by commas or spaces).",
    )

    def clean_emails(self) -> list[str]:
        raw: list[str] = self.cleaned_data["emails"].replace(",", " ").split()
        field = forms.EmailField()
        bad = []
        for address in raw:
            try:
                field.clean(address)
            except forms.ValidationError:
                bad.append(address)
        if bad:
            raise forms.ValidationError(f"Not email addresses: {', '.join(bad[:10])}")
        if not raw:
            raise forms.ValidationError("Give at least one email address.")
        return raw
