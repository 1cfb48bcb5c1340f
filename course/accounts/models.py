"""People and their roles.

Roles are relations, not flags: a student is a user with an Enrollment in a course, an
instructor is a user on a course's staff (CourseStaff), an admin is a superuser and sees
everything. One person can be a student in one course and an instructor in another.
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models.functions import Lower

from course.pagecache import InvalidatingQuerySet


class AccountManager(UserManager["User"]):
    def get_queryset(self) -> InvalidatingQuerySet[User]:
        return InvalidatingQuerySet(self.model, using=self._db)


class User(AbstractUser):
    email = models.EmailField("email address", unique=True)
    display_name = models.CharField(max_length=150, blank=True)

    objects: ClassVar[AccountManager] = AccountManager()

    class Meta:
        constraints = [
            models.UniqueConstraint(Lower("email"), name="accounts_user_email_ci_unique"),
        ]

    def __str__(self) -> str:
        return self.display_name or self.get_full_name() or self.username

    @property
    def is_site_admin(self) -> bool:
        return self.is_active and self.is_superuser


class Enrollment(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrollments"
    )
    course = models.ForeignKey(
        "catalog.Course", on_delete=models.CASCADE, related_name="enrollments"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = InvalidatingQuerySet["Enrollment"].as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "course"], name="enrollment_once_per_course"),
        ]
        indexes = [models.Index(fields=["course", "created_at"])]

    def __str__(self) -> str:
        return f"{self.user} in {self.course}"


class CourseStaff(models.Model):
    """An instructor of one course: they see and change that course and no other."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="staff_roles"
    )
    course = models.ForeignKey("catalog.Course", on_delete=models.CASCADE, related_name="staff")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = InvalidatingQuerySet["CourseStaff"].as_manager()

    class Meta:
        verbose_name = "course instructor"
        constraints = [
            models.UniqueConstraint(fields=["user", "course"], name="course_staff_once_per_course"),
        ]

    def __str__(self) -> str:
        return f"{self.user} teaches {self.course}"
