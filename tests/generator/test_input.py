"""Bad input is refused with a clear, user-facing InputError."""

from __future__ import annotations

import codecs

import pytest

from course.generator import MAX_INPUT_BYTES, InputError, build_draft, decode_text

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06"


def _message(excinfo: pytest.ExceptionInfo[InputError]) -> str:
    message = str(excinfo.value)
    # A whole sentence a form can show as is.
    assert message[0].isupper() and message.endswith(".")
    return message


def test_it_rejects_empty_bytes() -> None:
    with pytest.raises(InputError) as excinfo:
        decode_text(b"")
    assert _message(excinfo) == "The file is empty."


def test_it_rejects_whitespace_only_bytes_and_text() -> None:
    with pytest.raises(InputError) as excinfo:
        decode_text(b" \r\n\t \n")
    assert "only whitespace" in _message(excinfo)
    with pytest.raises(InputError) as excinfo:
        build_draft("   \n\n\t  ")
    assert "only whitespace" in _message(excinfo)


def test_it_rejects_empty_text() -> None:
    with pytest.raises(InputError) as excinfo:
        build_draft("")
    assert _message(excinfo) == "The text is empty."


def test_it_rejects_binary_bytes() -> None:
    with pytest.raises(InputError) as excinfo:
        decode_text(PNG)
    assert "binary" in _message(excinfo)


def test_it_rejects_binary_pasted_as_text() -> None:
    with pytest.raises(InputError) as excinfo:
        build_draft("Some words. \x00\x01\x02 More words here.")
    assert "control characters" in _message(excinfo)


def test_it_rejects_five_megabytes() -> None:
    data = b"word " * (5 * 1024 * 1024 // 5)
    with pytest.raises(InputError) as excinfo:
        decode_text(data)
    message = _message(excinfo)
    assert message == "The text is too long: 5,242,880 bytes; the limit is 200,000."
    with pytest.raises(InputError) as excinfo:
        build_draft(data.decode("ascii"))
    assert "too long" in _message(excinfo)


def test_it_counts_the_limit_in_utf8_bytes() -> None:
    text = "é" * (MAX_INPUT_BYTES // 2 + 1)  # fewer characters than the limit, more bytes
    assert len(text) < MAX_INPUT_BYTES
    with pytest.raises(InputError, match="too long"):
        build_draft(text)


def test_it_rejects_text_that_is_only_boilerplate() -> None:
    page = "Show more\nDownload PDF\n\nCite | Share\n\nOpen/Close abstract\n"
    with pytest.raises(InputError) as excinfo:
        build_draft(page)
    assert _message(excinfo) == (
        "Nothing is left after removing page boilerplate: no sentences found."
    )


def test_it_rejects_invalid_utf8_that_is_not_plausible_text() -> None:
    with pytest.raises(InputError) as excinfo:
        decode_text(bytes(range(0x80, 0x100)) * 4)
    assert "not valid UTF-8" in _message(excinfo)


def test_it_decodes_utf8_with_and_without_bom() -> None:
    text = "Curly “quotes” and a café."
    assert decode_text(text.encode("utf-8")) == text
    assert decode_text(codecs.BOM_UTF8 + text.encode("utf-8")) == text


def test_it_decodes_utf16_with_a_bom() -> None:
    text = "A Notepad file. It has two sentences."
    assert decode_text(text.encode("utf-16")) == text


def test_it_falls_back_to_windows_1252_for_plain_western_text() -> None:
    data = "The caf\xe9 served cr\xe8me br\xfbl\xe9e. It was good.".encode("cp1252")
    assert decode_text(data) == "The café served crème brûlée. It was good."


def test_it_rejects_labels_alone_even_in_the_texts_own_script() -> None:
    # A lone UI label is the whole text, so it is not "another script" than the body;
    # it is still not an abstract.
    with pytest.raises(InputError) as excinfo:
        build_draft("초록 열기/닫기 버튼\n\n초록 열기/닫기 버튼\n")
    assert "only short labels or headings" in _message(excinfo)


def test_it_accepts_a_single_short_sentence() -> None:
    assert build_draft("Unions changed.").sentences == ["Unions changed."]


def test_a_one_letter_unit_after_a_number_ends_its_sentence() -> None:
    from course.generator.sentences import split_paragraph

    assert split_paragraph(
        "The boulders rest for approximately 17 h. This exponential decay suggests that "
        "grains move one at a time. See p. 5 of the report."
    ) == [
        "The boulders rest for approximately 17 h.",
        "This exponential decay suggests that grains move one at a time.",
        "See p. 5 of the report.",
    ]
