"""Moodle's GIFT question format: `parse_gift` reads a file, `export_gift` writes one.

The reading follows Moodle's own importer (question/format/gift/format.php) so that files
written for, or exported by, Moodle come in as Moodle would read them:

* questions are separated by blank lines; a line starting with `//` is a comment wherever it
  is (`http://` inside a line is not);
* `$CATEGORY: path` sets the category of the questions after it;
* `::title::` names a question; `[html]`, `[moodle]`, `[plain]` or `[markdown]` in front of a
  text gives its format (HTML is reduced to plain text, the others are kept as written);
* `\\~ \\= \\# \\{ \\} \\:` are literal characters, `\\n` a new line and `\\\\` a backslash;
* one answer block `{...}` per question; its content decides the type, in Moodle's order:
  empty -> essay, starts with `#` -> numerical, contains `~` -> multiple choice, `=` and `->`
  -> matching, `T`/`TRUE`/`F`/`FALSE` -> true/false, otherwise short answer;
* text after the block makes a "missing word" question: the block becomes `_____` in the
  prompt (a short answer with a blank is stored as `cloze`);
* `####text` at the end of a block is general feedback, `#text` after an answer its feedback,
  `%50%` in front of an answer its credit.

Where Moodle would silently read nonsense (an unclosed brace, a matching pair without `->`),
the question is reported as an error with its line instead, and the others still parse.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Iterable

from course.quizzes.interchange.model import (
    BankQuestion,
    ExportResult,
    ParseError,
    ParseResult,
)

BLANK = "_____"

# Escaped characters are swapped for private-use placeholders before any splitting (as
# Moodle's escapedchar_pre does with "&&058;" and friends), so `\=` can never split answers.
_ESCAPES = {
    "\\": "\ue000",
    ":": "\ue001",
    "#": "\ue002",
    "=": "\ue003",
    "{": "\ue004",
    "}": "\ue005",
    "~": "\ue006",
    "n": "\ue007",
}
_ESCAPE_RE = re.compile(r"\\([\\:#={}~n])")
_UNPLACE = {ph: ("\n" if ch == "n" else ch) for ch, ph in _ESCAPES.items()}
_UNPLACE_RE = re.compile("[\ue000-\ue007]")
# Placeholders already in the input would be turned into syntax characters on the way out;
# such code points never occur in real question text, so they are replaced up front.
_FOREIGN_PLACEHOLDER_RE = _UNPLACE_RE

_FORMAT_RE = re.compile(r"\[(html|moodle|plain|markdown)\]", re.IGNORECASE)
# Moodle's own pattern is ^%\-*([0-9]{1,2})\.?([0-9]*)%; this is the same set written plainly.
_WEIGHT_RE = re.compile(r"%(-?\d{1,3}(?:\.\d*)?)%")
_NUMBER_RE = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
_CATEGORY = "$CATEGORY:"
_TRUE_FALSE = {"T": True, "TRUE": True, "F": False, "FALSE": False}


class _GiftError(Exception):
    """A question that cannot be read; the message is shown to the instructor as is."""


def _protect(text: str) -> str:
    return _ESCAPE_RE.sub(lambda m: _ESCAPES[m.group(1)], text)


def _restore(text: str) -> str:
    return _UNPLACE_RE.sub(lambda m: _UNPLACE[m.group(0)], text)


def _html_to_text(text: str) -> str:
    """Reduce an [html] text to plain text: breaks and block ends become new lines.

    Conservative on purpose: only things that look like tags go, so "a < b" survives.
    """
    text = re.sub(r"(?is)<(script|style)\b[^>]*>.*?</\1\s*>", "", text)
    text = re.sub(r"(?i)<br\s*/?>", "\n", text)
    text = re.sub(r"(?i)</(?:p|div|li|h[1-6]|tr|blockquote|pre)\s*>", "\n", text)
    text = re.sub(r"</?[A-Za-z][^<>]*>|<!--.*?-->", "", text, flags=re.DOTALL)
    text = html.unescape(text)
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _text(raw: str, default_format: str = "moodle") -> tuple[str, str]:
    """A protected text as plain text, and its format (inherited when none is given)."""
    raw = raw.strip()
    fmt = default_format
    match = _FORMAT_RE.match(raw)
    if match:
        fmt = match.group(1).lower()
        raw = raw[match.end() :]
    text = _restore(raw)
    if fmt == "html":
        text = _html_to_text(text)
    return text.strip(), fmt


def _weight(body: str) -> tuple[float | None, str]:
    """Split a leading `%50%` off an answer: (fraction or None, rest)."""
    match = _WEIGHT_RE.match(body)
    if not match:
        return None, body
    percent = float(match.group(1))
    if not -100 <= percent <= 100:
        raise _GiftError(
            f"The credit %{match.group(1)}% is out of range: use a percentage from -100 to 100."
        )
    return percent / 100, body[match.end() :]


def _answer_and_feedback(body: str, fmt: str) -> tuple[str, str]:
    # Moodle's commentparser: the first unescaped # starts the answer's feedback.
    text, _, feedback = body.partition("#")
    return _text(text, fmt)[0], _text(feedback, fmt)[0]


def _quote(text: str, limit: int = 40) -> str:
    text = " ".join(_restore(text).split())
    return "\u201c" + (text if len(text) <= limit else text[: limit - 1] + "\u2026") + "\u201d"


def _split_answers(answer_text: str, markers: str) -> list[tuple[str, str]]:
    """(marker, body) for each answer; text before the first marker gets marker ""."""
    parts = re.split(f"([{re.escape(markers)}])", answer_text)
    answers = [("", parts[0].strip())] if parts[0].strip() else []
    answers += [(parts[i], parts[i + 1].strip()) for i in range(1, len(parts), 2)]
    return answers


def _number(text: str, what: str) -> float:
    text = text.strip()
    if not _NUMBER_RE.fullmatch(text):
        raise _GiftError(f"{what} {_quote(text)} is not a number.")
    value = float(text)
    if not math.isfinite(value):
        raise _GiftError(f"{what} {_quote(text)} is not a finite number.")
    return value


def _format_number(value: float) -> str:
    # Shortest text that reads back to the same float; whole numbers without ".0".
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


def numerical_key(answer: dict[str, float]) -> str:
    """The key of a numerical answer in `option_feedback`: "3.14:0.01" or "1..5"."""
    if "min" in answer:
        return f"{_format_number(answer['min'])}..{_format_number(answer['max'])}"
    return f"{_format_number(answer['value'])}:{_format_number(answer.get('tolerance', 0.0))}"


# ----------------------------------------------------------------------------- reading


def parse_gift(text: str) -> ParseResult:
    """Read GIFT text into questions, errors (with lines) and skipped descriptions.

    Never raises on bad input: anything unreadable becomes a `ParseError`.
    """
    result = ParseResult()
    if not isinstance(text, str):
        # A caller handing bytes is a bug, but an upload must never crash the import page.
        text = text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)
    text = _FOREIGN_PLACEHOLDER_RE.sub("\ufffd", text.lstrip("\ufeff"))
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")

    category = ""
    block: list[tuple[int, str]] = []

    def flush() -> None:
        if block:
            _read_block(block, category, result)
            block.clear()

    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line:
            flush()
        elif line.startswith("//"):
            # Moodle drops comment lines even in the middle of a question.
            continue
        elif line[: len(_CATEGORY)].upper() == _CATEGORY:
            flush()
            category = _restore(_protect(line[len(_CATEGORY) :])).strip()
        else:
            block.append((number, line))
    flush()
    return result


def _read_block(block: list[tuple[int, str]], category: str, result: ParseResult) -> None:
    start = block[0][0]
    try:
        question = _read_question("\n".join(line for _, line in block))
    except _GiftError as error:
        result.errors.append(ParseError(start, str(error)))
        return
    except Exception:
        # A parser bug must not lose the rest of the file: report this question and go on.
        result.errors.append(ParseError(start, "This question could not be read."))
        return
    if question is None:
        result.skipped.append(
            ParseError(
                start,
                "Text without an answer block {\u2026} is a description, not a question; "
                "it was not imported.",
            )
        )
        return
    question.category = category
    question.line = start
    result.questions.append(question)


def _read_question(text: str) -> BankQuestion | None:
    text = _protect(text)
    title = ""
    if text.startswith("::"):
        end = text.find("::", 2)
        if end < 0:
            raise _GiftError("The title is opened with :: but not closed with ::.")
        title = _restore(text[2:end]).strip()
        text = text[end + 2 :].strip()

    opening, closing = text.find("{"), text.find("}")
    if opening < 0 and closing < 0:
        return None
    if opening >= 0 and closing < 0:
        raise _GiftError("The answer block opened with { is never closed with }.")
    if opening < 0 or closing < opening:
        raise _GiftError(
            "A closing brace } comes without an opening {. Write a literal brace as \\}."
        )
    inner = text[opening + 1 : closing]
    if "{" in inner:
        raise _GiftError(
            "An answer block {\u2026} contains another {. Write a literal brace as \\{."
        )
    after = text[closing + 1 :]
    if "{" in after or "}" in after:
        raise _GiftError(
            "A question can have only one answer block {\u2026}: is a blank line missing "
            "between two questions? Write literal braces as \\{ and \\}."
        )

    # Answers at the very end are shown after the prompt; anywhere else they fill a blank.
    prompt_raw = text[:opening] + (BLANK + after if after.strip() else "")
    prompt, fmt = _text(prompt_raw)
    answer_text = inner.strip()
    explanation = ""
    general = answer_text.rfind("####")
    if general >= 0:
        explanation = _text(answer_text[general + 4 :], fmt)[0]
        answer_text = answer_text[:general].strip()

    question = BankQuestion(type="", prompt=prompt, explanation=explanation, title=title)
    if answer_text == "":
        question.type = "essay"
    elif answer_text.startswith("#"):
        _read_numerical(question, answer_text[1:], fmt)
    elif "~" in answer_text:
        _read_choice(question, answer_text, fmt)
    elif "=" in answer_text and "->" in answer_text:
        _read_matching(question, answer_text, fmt)
    elif answer_text.partition("#")[0].strip().upper() in _TRUE_FALSE:
        _read_true_false(question, answer_text, fmt)
    else:
        _read_short_answer(question, answer_text, fmt)
    return question


def _read_choice(question: BankQuestion, answer_text: str, fmt: str) -> None:
    answers = _split_answers(answer_text, "~=")
    if len(answers) < 2:
        raise _GiftError("A multiple-choice question needs at least 2 answers.")
    options: list[str] = []
    weights: dict[str, float] = {}
    feedback: dict[str, str] = {}
    marked: list[str] = []
    for marker, body in answers:
        weight, body = _weight(body)
        option, option_feedback = _answer_and_feedback(body, fmt)
        if not option:
            raise _GiftError("An answer is empty: a ~ or = with nothing after it.")
        if option in options:
            raise _GiftError(f"The answer {_quote(option)} appears twice.")
        options.append(option)
        if option_feedback:
            feedback[option] = option_feedback
        if weight == (1.0 if marker == "=" else 0.0):
            # %100% on "=" or %0% on "~" says what the marker says; storing it would only
            # make the same question compare unequal.
            weight = None
        if marker == "=":
            marked.append(option)
            # A second "=" is also fully right (Moodle gives every "=" 100%); only the first
            # can be `answer`, so the others keep their credit in `weights`.
            if weight is None and len(marked) > 1:
                weight = 1.0
        if weight is not None:
            weights[option] = weight

    question.options = options
    question.weights = weights
    question.option_feedback = feedback
    if marked:
        # Moodle: any "=" makes a one-answer question; %n% on the others is partial credit.
        question.type = "single_choice"
        question.answer = marked[0]
    else:
        # No "=": Moodle's "multiple answers allowed"; the positively weighted ones are right.
        question.type = "multiple_response"
        question.answer = [option for option in options if weights.get(option, 0.0) > 0]
        if not question.answer:
            raise _GiftError(
                "No answer marked correct (=) in a multiple-choice question, "
                "and no answer has a positive weight such as ~%50%."
            )


def _read_matching(question: BankQuestion, answer_text: str, fmt: str) -> None:
    pairs: list[list[str]] = []
    rights: list[str] = []
    for _, body in _split_answers(answer_text, "="):
        if "->" not in body:
            raise _GiftError(
                f"A matching pair has no \u2018->\u2019: {_quote(body)}. "
                "Write each pair as =left -> right."
            )
        left_raw, _, right_raw = body.partition("->")
        left = _text(left_raw, fmt)[0]
        # Moodle keeps the right-hand side as plain text, without a format of its own.
        right = _restore(right_raw).strip()
        if not right:
            raise _GiftError(f"The matching pair {_quote(body)} has nothing after ->.")
        if right not in rights:
            rights.append(right)
        if not left:
            # "= -> extra" is Moodle's way to add a right-hand item that matches nothing.
            continue
        if any(left == pair[0] for pair in pairs):
            raise _GiftError(f"The left item {_quote(left)} appears in two matching pairs.")
        pairs.append([left, right])
    if len(pairs) < 2:
        raise _GiftError("A matching question needs at least 2 pairs written =left -> right.")
    question.type = "matching"
    question.options = rights
    question.answer = pairs


def _read_true_false(question: BankQuestion, answer_text: str, fmt: str) -> None:
    # {T#feedback if wrong#feedback if right}: the first # is for a wrong response.
    bits = answer_text.split("#", 2)
    value = _TRUE_FALSE[bits[0].strip().upper()]
    wrong = _text(bits[1], fmt)[0] if len(bits) > 1 else ""
    right = _text(bits[2], fmt)[0] if len(bits) > 2 else ""
    on_true, on_false = (right, wrong) if value else (wrong, right)
    question.type = "true_false"
    question.options = ["True", "False"]
    question.answer = value
    question.option_feedback = {k: v for k, v in (("True", on_true), ("False", on_false)) if v}


def _read_short_answer(question: BankQuestion, answer_text: str, fmt: str) -> None:
    answers: list[str] = []
    weights: dict[str, float] = {}
    feedback: dict[str, str] = {}
    for _, body in _split_answers(answer_text, "="):
        weight, body = _weight(body)
        answer, answer_feedback = _answer_and_feedback(body, fmt)
        if not answer:
            raise _GiftError("An answer is empty: an = with nothing after it.")
        if answer in answers:
            raise _GiftError(f"The answer {_quote(answer)} appears twice.")
        answers.append(answer)
        if weight is not None and weight != 1.0:  # %100% is what "=" means anyway
            weights[answer] = weight
        if answer_feedback:
            feedback[answer] = answer_feedback
    if not any(weights.get(answer, 1.0) > 0 for answer in answers):
        raise _GiftError("No correct answer: every answer has 0% or negative credit.")
    # A blank in the prompt (missing word, or one written literally) makes it fill-in.
    question.type = "cloze" if BLANK in question.prompt else "short_answer"
    question.answer = answers
    question.weights = weights
    question.option_feedback = feedback


def _read_numerical(question: BankQuestion, answer_text: str, fmt: str) -> None:
    feedback: dict[str, str] = {}
    # "~#text" is Moodle's feedback for any other (wrong) number.
    answer_text, tilde, wrong = answer_text.partition("~")
    if tilde:
        wrong_feedback = _text(wrong.partition("#")[2], fmt)[0]
        if wrong_feedback:
            feedback["*"] = wrong_feedback
    answers: list[dict[str, float]] = []
    for _, body in _split_answers(answer_text, "="):
        weight, body = _weight(body)
        value_text, _, answer_feedback = body.partition("#")
        value_text = _restore(value_text).strip()
        if not value_text:
            raise _GiftError("A numerical answer is empty.")
        answer: dict[str, float]
        if value_text.find("..") > 0:
            low, _, high = value_text.partition("..")
            answer = {
                "min": _number(low, "The range start"),
                "max": _number(high, "The range end"),
            }
            if answer["min"] > answer["max"]:
                raise _GiftError(f"The range {_quote(value_text)} ends before it starts.")
        elif value_text.find(":") > 0:
            value, _, tolerance = value_text.partition(":")
            answer = {
                "value": _number(value, "The answer"),
                "tolerance": _number(tolerance, "The tolerance"),
            }
            if answer["tolerance"] < 0:
                raise _GiftError(f"The tolerance in {_quote(value_text)} is negative.")
        else:
            answer = {"value": _number(value_text, "The answer"), "tolerance": 0.0}
        answer["weight"] = 1.0 if weight is None else weight
        answers.append(answer)
        text = _text(answer_feedback, fmt)[0]
        if text:
            feedback[numerical_key(answer)] = text
    if not answers:
        raise _GiftError("A numerical question needs an answer, such as {#3.14:0.01}.")
    question.type = "numerical"
    question.answer = answers
    question.option_feedback = feedback


# ----------------------------------------------------------------------------- writing

_EXPORT_ESCAPES = str.maketrans(
    {
        "\\": "\\\\",
        "~": "\\~",
        "=": "\\=",
        "#": "\\#",
        "{": "\\{",
        "}": "\\}",
        ":": "\\:",
        "\n": "\\n",
        "\r": "",
    }
)


def _escape_raw(text: str) -> str:
    return str(text).translate(_EXPORT_ESCAPES)


def _escape(text: str) -> str:
    escaped = _escape_raw(text)
    # A text that would read as a format marker or a comment is marked plain explicitly.
    if _FORMAT_RE.match(escaped) or escaped.startswith("//"):
        escaped = "[plain]" + escaped
    return escaped


def _escape_answer(text: str, weight: float | None, default: float) -> str:
    escaped = _escape(text)
    # GIFT cannot escape %; an answer that starts like a weight gets an explicit one first
    # (the marker's own credit, which the parser does not store).
    if weight is None and _WEIGHT_RE.match(escaped):
        weight = default
    return (f"%{_format_percent(weight)}%" if weight is not None else "") + escaped


def _format_percent(fraction: float) -> str:
    # Five decimals: Moodle matches imported grades to its list (33.33333, 14.28571...).
    text = f"{fraction * 100:.5f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def _feedback(text: str) -> str:
    return f"#{_escape(text)}" if text else ""


def _general(question: BankQuestion) -> list[str]:
    return [f"####{_escape(question.explanation)}"] if question.explanation else []


def _place(prompt: str, block: str) -> str:
    """Put the answer block in the prompt's blank, or after the prompt.

    A blank with nothing after it could not be told apart from answers after the prompt, so
    it stays literal and the block goes after it (the parser reads either back the same).
    """
    escaped = _escape(prompt.strip())
    at = escaped.find(BLANK)
    if at >= 0 and escaped[at + len(BLANK) :].strip():
        return escaped[:at] + block + escaped[at + len(BLANK) :]
    return f"{escaped} {block}" if escaped else block


def _block(lines: Iterable[str]) -> str:
    return "{\n\t" + "\n\t".join(lines) + "\n}"


def _choice_lines(question: BankQuestion) -> list[str]:
    lines = []
    for option in question.options:
        weight = question.weights.get(option)
        if question.type == "single_choice":
            marker = "=" if option == question.answer else "~"
        else:
            marker = "~"
            if not question.weights:
                # No weights stored: the right options share +100%, the wrong ones -100%.
                right = [o for o in question.options if o in question.answer]
                wrong = [o for o in question.options if o not in question.answer]
                weight = 1 / len(right) if option in right else -1 / len(wrong)
        line = marker + _escape_answer(option, weight, 1.0 if marker == "=" else 0.0)
        lines.append(line + _feedback(question.option_feedback.get(option, "")))
    return lines


def _export_one(question: BankQuestion) -> str:
    """The GIFT text of one question; raises ValueError when GIFT cannot express it."""
    kind = question.type
    answer = question.answer
    if kind in ("single_choice", "multiple_response"):
        if len(question.options) < 2:
            raise ValueError("a choice question needs at least 2 options")
        if kind == "single_choice" and answer not in question.options:
            raise ValueError("its answer is not one of its options")
        if kind == "multiple_response" and (
            not answer or any(a not in question.options for a in answer)
        ):
            raise ValueError("its answers are not among its options")
        body = _block(_choice_lines(question) + _general(question))
        return _place(question.prompt, body)
    if kind == "true_false":
        is_true = bool(answer)
        on_true = question.option_feedback.get("True", "")
        on_false = question.option_feedback.get("False", "")
        wrong, right = (on_false, on_true) if is_true else (on_true, on_false)
        inner = "TRUE" if is_true else "FALSE"
        if wrong or right:
            inner += f"#{_escape(wrong)}" + (f"#{_escape(right)}" if right else "")
        general = "".join(_general(question))
        return _place(question.prompt, "{" + inner + general + "}")
    if kind in ("short_answer", "cloze"):
        answers = [answer] if isinstance(answer, str) else list(answer or [])
        if not answers:
            raise ValueError("it has no accepted answer")
        if any("->" in str(a) for a in answers):
            # "=" with "->" is how GIFT tells a matching question from a short answer.
            raise ValueError("an answer contains \u2018->\u2019, which GIFT reads as matching")
        lines = [
            "="
            + _escape_answer(a, question.weights.get(a), 1.0)
            + _feedback(question.option_feedback.get(a, ""))
            for a in answers
        ]
        return _place(question.prompt, _block(lines + _general(question)))
    if kind == "matching":
        pairs = [(str(left), str(right)) for left, right in answer or []]
        if len(pairs) < 2:
            raise ValueError("a matching question needs at least 2 pairs")
        if any("->" in left for left, _ in pairs):
            raise ValueError("a left-hand item contains \u2018->\u2019, which GIFT cannot escape")
        # The right-hand side is read without a format marker, so it is escaped bare.
        lines = [f"={_escape(left)} -> {_escape_raw(right)}" for left, right in pairs]
        used = {right for _, right in pairs}
        lines += [f"= -> {_escape_raw(extra)}" for extra in question.options if extra not in used]
        return _place(question.prompt, _block(lines + _general(question)))
    if kind == "numerical":
        lines = []
        for item in answer or []:
            weight = float(item.get("weight", 1.0))
            if "min" in item:
                value = f"{_format_number(item['min'])}..{_format_number(item['max'])}"
            else:
                value = numerical_key(item)
            prefix = "" if weight == 1.0 else f"%{_format_percent(weight)}%"
            feedback = question.option_feedback.get(numerical_key(item), "")
            lines.append(f"={prefix}{value}{_feedback(feedback)}")
        if not lines:
            raise ValueError("it has no numerical answer")
        if question.option_feedback.get("*"):
            lines.append(f"~{_feedback(question.option_feedback['*'])}")
        return _place(question.prompt, "{#\n\t" + "\n\t".join(lines + _general(question)) + "\n}")
    if kind == "essay":
        return _place(question.prompt, _block(_general(question)) if question.explanation else "{}")
    if kind == "ordering":
        raise ValueError("GIFT has no ordering type")
    raise ValueError(f"GIFT has no {kind} type")


def _one_line(text: str, limit: int = 80) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def export_gift(questions: list[BankQuestion]) -> ExportResult:
    """Write questions as GIFT that `parse_gift` (and Moodle) reads back to the same questions.

    Questions GIFT cannot express (ordering, or broken ones) are left out: a `//` comment marks
    their place in the text, and `skipped` says why, for the instructor.
    """
    chunks: list[str] = []
    skipped: list[str] = []
    category = ""
    for question in questions:
        try:
            body = _export_one(question)
        except (ValueError, TypeError, AttributeError, KeyError) as error:
            reason = str(error) if isinstance(error, ValueError) else "its answer is malformed"
            note = f"{question.type} question not exported: {reason}: {_one_line(question.prompt)}"
            if question.type == "ordering":
                note = "ordering question not exported: GIFT has no ordering type: " + _one_line(
                    question.prompt
                )
            skipped.append(note)
            chunks.append("// " + note)
            continue
        if question.category != category:
            category = question.category
            # Only backslashes need escaping: the parser unescapes category paths.
            path = " ".join(category.replace("\\", "\\\\").split())
            chunks.append(f"{_CATEGORY} {path}".rstrip())
        title = f"::{_escape_raw(question.title)}::" if question.title.strip() else ""
        chunks.append(title + body)
    return ExportResult(text="\n\n".join(chunks) + "\n" if chunks else "", skipped=skipped)
