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


class SignupForm(_UserCreationForm):
    email = forms.EmailField(
        required=True, help_text="For password resets. Never shown to other students."
    )

    class Meta:
        model = User
        fields = ("username", "email")

    def clean_email(self) -> str:
        email: str = self.cleaned_data["email"].strip()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError("An account with this email address already exists.")
        return email


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
