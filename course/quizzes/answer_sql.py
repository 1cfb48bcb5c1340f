"""The statements of one answer (`attempts.attempt_answer`), written out once per process.

Checking an answer is the busiest write a student makes. Through the ORM it took a query to
lock the attempt, one to lock the item, one for mastery, one to save the item and one for the
question states shown after it, each compiled afresh on every request. Here it is two
statements between BEGIN and COMMIT, their SQL built once from the models' metadata:

- `lock_item`: locks the attempt, then the item, and reads them with the question version,
  the quiz, the course, the attempt's owner (the user row Django's authentication would
  load, verified by the view: `views.attempts.attempt_answer`) and the question's first
  source sentences (quoted under a revealed key). The attempt is locked in a CTE the
  item's rows are joined to, so no item row reaches the item's lock before the attempt's is
  held: attempt first, then item, the order `attempt_submit` and `item_grade` take. The
  item is locked too (FOR UPDATE OF i), which makes PostgreSQL return its newest
  committed row after any wait: a second Check of the same answer sees the first one's
  result, never the row as it was before.
- `item_save`: saves the item and, on PostgreSQL, applies the answer to mastery in the same
  statement (a data-modifying CTE), and returns every item's state for the counter the
  page shows. It runs while the attempt is locked, and every workflow that changes an item
  holds its attempt's lock, so the other items' states cannot change before the commit.

On PostgreSQL both are prepared statements, per connection (`_cursor`): planning the
locking query took longer than running it, on every answer.

Elsewhere (SQLite, which locks the whole database on write), the same reads without row
locks, and the save as separate statements.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import connection
from django.db.models import Field, Model

from course.accounts.models import User
from course.catalog.models import Course, Lesson, SourceSentence
from course.quizzes.models import Attempt, AttemptItem, Question, QuestionVersion, Quiz

# What an answer writes to its item.
SAVED_FIELDS = ("response", "answered_at", "status", "score", "checked", "mastery_applied")
# The quiz's rules an answer and its feedback follow (`attempts.answers_revealed`).
QUIZ_FIELDS = ("id", "course", "title", "status", "feedback_mode", "reveal", "attempts_allowed")
# The source sentences quoted under a revealed key: enough to find the place in the lesson.
MAX_SOURCES = 2
# psycopg prepares a statement after this many runs on a connection, or at once when asked
# (`_cursor_classes`); None, Django's default, turns preparing off altogether. Django's own
# cursors bind parameters on the client and are never prepared, whatever the threshold:
# with this one, the statements below are prepared on their first run and nothing else ever.
_PREPARE_ONLY_WHEN_ASKED = 2**31 - 1


@functools.cache
def _cursor_classes() -> tuple[type[Any], type[Any]]:
    """A psycopg cursor that binds parameters on the server and prepares every statement it
    runs, and the wrapper that logs its statements where Django logs queries (imported
    here: the PostgreSQL backend needs psycopg)."""
    from django.db.backends.postgresql.base import (  # type: ignore[attr-defined]
        CursorDebugWrapper,
        ServerBindingCursor,
    )
    from django.db.backends.utils import CursorWrapper

    class PreparingCursor(ServerBindingCursor):  # type: ignore[misc]
        def execute(self, query: Any, params: Any = None, **kwargs: Any) -> Any:
            return super().execute(query, params, prepare=True)

    class LoggedCursor(CursorDebugWrapper):
        """Django's query log (DEBUG, tests counting queries) reads what psycopg kept of
        the query it last sent, which it keeps of no prepared statement: each statement is
        logged with its parameters in place, as Django logs them with server-side binding."""

        def execute(self, sql: Any, params: Any = None) -> Any:
            logged = self.db.ops.compose_sql(sql, params)
            with self.debug_sql(logged, use_last_executed_query=False):
                return CursorWrapper.execute(self, sql, params)

    return PreparingCursor, LoggedCursor


def _cursor() -> Any:
    """A cursor for this module's statements: on PostgreSQL, one that prepares them, made
    and wrapped as `connection.cursor()` makes and wraps Django's own (the health check, the
    errors, the query log). Their SQL is fixed, so PostgreSQL plans each once per connection
    instead of on every answer (the locking query took about 0.3 ms to plan and 0.1 ms to
    run). psycopg keeps the prepared statements per connection and forgets them on a
    rollback (it deallocates them and they are prepared again on their next run)."""
    if connection.vendor != "postgresql":
        return connection.cursor()
    connection.close_if_health_check_failed()
    connection.ensure_connection()
    connection.validate_thread_sharing()
    preparing, logged = _cursor_classes()
    with connection.wrap_database_errors:
        raw = connection.connection
        if raw.prepare_threshold is None:
            raw.prepare_threshold = _PREPARE_ONLY_WHEN_ASKED
        cursor = preparing(raw)
    return (
        logged(cursor, connection) if connection.queries_logged else connection.make_cursor(cursor)
    )


@dataclass(frozen=True)
class _Part:
    """One model's columns in the locking query: what to select, and how to make them an
    instance (the field names, and each value's converters as the ORM would apply them)."""

    model: type[Model]
    alias: str
    fields: tuple[Field[Any, Any], ...]
    converters: tuple[tuple[int, tuple[Callable[..., Any], ...], Any], ...]

    def columns(self) -> list[str]:
        return [f'{self.alias}."{field.column}"' for field in self.fields]

    def build(self, row: Sequence[Any]) -> Model:
        values = list(row)
        for index, functions, expression in self.converters:
            for function in functions:
                values[index] = function(values[index], expression, connection)
        return self.model.from_db(
            connection.alias, [field.attname for field in self.fields], values
        )


def _part(model: type[Model], alias: str, only: Sequence[str] = ()) -> _Part:
    fields = tuple(f for f in model._meta.concrete_fields if not only or f.name in only)
    converters = []
    for index, field in enumerate(fields):
        expression = field.get_col(alias)
        # As the ORM's compiler converts a column: the backend's converters, then the
        # field's (JSON decoded, SQLite's booleans and datetimes). Not in django-stubs.
        own = field.get_db_converters(connection)  # type: ignore[attr-defined]
        functions = connection.ops.get_db_converters(expression) + own
        if functions:
            converters.append((index, tuple(functions), expression))
    return _Part(model, alias, fields, tuple(converters))


@dataclass(frozen=True)
class _LockQuery:
    sql: str
    parts: tuple[_Part, ...]


def _sources_sql(vendor: str) -> str:
    """The question's first source sentences with their lessons, as one JSON array of
    [id, position, text, lesson id, lesson title, lesson position]."""
    sentences = SourceSentence._meta.db_table
    links = Question.sentences.through._meta.db_table
    lessons = Lesson._meta.db_table
    rows = (
        "SELECT s.id, s.position, s.text, "  # noqa: S608 - our own tables
        "l.id AS lesson_id, l.title, l.position AS lesson_position "
        f'FROM "{sentences}" s JOIN "{links}" qs ON qs.sourcesentence_id = s.id '
        f'LEFT JOIN "{lessons}" l ON l.id = s.lesson_id '
        f"WHERE qs.question_id = v.question_id ORDER BY s.position, s.id LIMIT {MAX_SOURCES}"
    )
    fields = "x.id, x.position, x.text, x.lesson_id, x.title, x.lesson_position"
    if vendor == "postgresql":
        return f"(SELECT json_agg(json_build_array({fields}))::text FROM ({rows}) x)"  # noqa: S608
    return f"(SELECT json_group_array(json_array({fields})) FROM ({rows}) x)"  # noqa: S608


@functools.cache
def _lock_query(vendor: str) -> _LockQuery:
    parts = (
        _part(Attempt, "a"),
        _part(AttemptItem, "i"),
        _part(QuestionVersion, "v"),
        # What an answer and its feedback read of the quiz and the course; the rest is
        # deferred, as `only()` would leave it (each column read costs, on both sides).
        _part(Quiz, "q", only=QUIZ_FIELDS),
        _part(Course, "c", only=("id", "slug", "title")),
        # The owner, whole: the user the view verifies and signs the request in as, as
        # Django's authentication would have loaded it (`views.attempts.attempt_answer`).
        _part(User, "u"),
    )
    locking = vendor == "postgresql"
    select = ", ".join(column for part in parts for column in part.columns())
    sql = (
        f"WITH a AS {'MATERIALIZED ' if locking else ''}"  # noqa: S608 - our own tables
        f'(SELECT * FROM "{Attempt._meta.db_table}" WHERE id = %s AND user_id = %s'
        f"{' FOR UPDATE' if locking else ''}) "
        f"SELECT {select}, {_sources_sql(vendor)} FROM a "
        f'JOIN "{AttemptItem._meta.db_table}" i ON i.attempt_id = a.id '
        f'JOIN "{QuestionVersion._meta.db_table}" v ON v.id = i.version_id '
        f'JOIN "{Quiz._meta.db_table}" q ON q.id = a.quiz_id '
        f'JOIN "{Course._meta.db_table}" c ON c.id = q.course_id '
        f'JOIN "{User._meta.db_table}" u ON u.id = a.user_id '
        f"WHERE i.position = %s{' FOR UPDATE OF i' if locking else ''}"
    )
    return _LockQuery(sql, parts)


@dataclass(frozen=True)
class Locked:
    """The locked item (its `attempt`, with `quiz` and `quiz.course`, and its `version`
    set), the attempt's owner, and its question's first source sentences with their
    lessons."""

    item: AttemptItem
    owner: User
    sources: list[SourceSentence]


def _sources(value: str | None) -> list[SourceSentence]:
    sources = []
    for pk, position, text, lesson_id, title, lesson_position in json.loads(value or "[]"):
        lesson = None
        if lesson_id is not None:
            lesson = Lesson(pk=lesson_id, title=title, position=lesson_position)
        sources.append(SourceSentence(pk=pk, position=position, text=text, lesson=lesson))
    return sorted(sources, key=lambda s: (s.position, s.pk))


def lock_item(*, attempt_id: int, user_id: int, position: int) -> Locked | None:
    """The item at `position` of the student's attempt, locked with its attempt (inside a
    transaction), with the version, quiz and course (the fields an answer reads; any other
    is deferred), the owner and sources; None when the attempt is not the student's or has
    no such item."""
    query = _lock_query(connection.vendor)
    with _cursor() as cursor:
        cursor.execute(query.sql, [attempt_id, user_id, position])
        row = cursor.fetchone()
    if row is None:
        return None
    instances = []
    start = 0
    for part in query.parts:
        instances.append(part.build(row[start : start + len(part.fields)]))
        start += len(part.fields)
    attempt, item, version, quiz, course, owner = instances
    quiz.course = course  # type: ignore[attr-defined]
    attempt.quiz, attempt.user = quiz, owner  # type: ignore[attr-defined]
    item.attempt, item.version = attempt, version  # type: ignore[attr-defined]
    return Locked(item=item, owner=owner, sources=_sources(row[start]))  # type: ignore[arg-type]


@functools.cache
def _saved_fields() -> tuple[Field[Any, Any], ...]:
    return tuple(f for f in AttemptItem._meta.concrete_fields if f.name in SAVED_FIELDS)


@functools.cache
def _update_sql() -> str:
    table = AttemptItem._meta.db_table
    assignments = ", ".join(f'"{field.column}" = %s' for field in _saved_fields())
    return f'UPDATE "{table}" SET {assignments} WHERE id = %s'  # noqa: S608 - our own table


def _update_params(item: AttemptItem) -> list[Any]:
    values = [f.get_db_prep_save(getattr(item, f.attname), connection) for f in _saved_fields()]
    return [*values, item.pk]


def _states_sql() -> str:
    table = AttemptItem._meta.db_table
    return f'SELECT position, status FROM "{table}" WHERE attempt_id = %s'  # noqa: S608


def item_save(
    *, item: AttemptItem, mastery: tuple[str, list[Any]] | None
) -> tuple[int, list[tuple[int, str]]]:
    """Save the answer's fields of the locked `item`, running the `mastery` statement first
    when there is one (`progress.services.mastery_statement`: the caller passes it, the one
    call from this floor to the one above, README "Layout"). Returns the rows the mastery
    statement wrote, and every item of the attempt as (position, status), in position
    order, as they stand after this save."""
    if connection.vendor == "postgresql":
        ctes = [f"u AS ({_update_sql()})"]
        params: list[Any] = []
        counted = "0"
        if mastery is not None:
            ctes.insert(0, f"m AS ({mastery[0]} RETURNING 1)")
            params += mastery[1]
            counted = "(SELECT count(*) FROM m)"
        params += [*_update_params(item), item.attempt_id]
        # The SELECT sees the items as they were before this statement: this item's own
        # state is replaced below by the one just saved.
        sql = f"WITH {', '.join(ctes)} SELECT {counted}, s.position, s.status FROM ({_states_sql()}) s"  # noqa: E501, S608
        with _cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        written = rows[0][0] if rows else 0
        states = [(position, status) for _, position, status in rows]
    else:
        with connection.cursor() as cursor:
            written = 0
            if mastery is not None:
                cursor.execute(*mastery)
                written = cursor.rowcount
            cursor.execute(_update_sql(), _update_params(item))
            cursor.execute(_states_sql(), [item.attempt_id])
            states = list(cursor.fetchall())
    states = [(p, item.status if p == item.position else s) for p, s in states]
    return written, sorted(states)
