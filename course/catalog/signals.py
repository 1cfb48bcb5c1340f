"""A signal for the floors above the catalog, so that what changes a course need not import
what depends on it (README, "Layout").

`course_requirements_changed` is sent after what a course asks of its students changed: a
lesson, a discussion prompt or a quiz added or removed, a quiz published or unpublished or
given a new pass mark, the completion rule changed. The sender is the model class changed;
the one argument, ``course_id``. `course.progress` recounts every enrolled student's
standing (its receiver is connected in `ProgressConfig.ready`). Receivers run at once, in
the sender's transaction, and an error in one is the sender's error, as if it had called
them itself.
"""

from __future__ import annotations

from django.dispatch import Signal

course_requirements_changed = Signal()
