"""decode_bytes: encodings people save news in, and files that are not text at all."""

from __future__ import annotations

import codecs
import unicodedata
import zipfile
from io import BytesIO

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summitreader.ingest.decode import decode_bytes
from summitreader.ingest.types import IngestError

WESTERN = "“Nous sommes prêts,” said the café owner in Zürich. Señor Peña agreed — “über alles”."
LATIN_1 = "Café Müller à la crème: Ångström, façade, naïve, Æsir, smørrebrød."


def test_plain_utf8() -> None:
    assert decode_bytes(WESTERN.encode("utf-8")) == WESTERN


def test_utf8_with_bom_loses_the_bom() -> None:
    assert decode_bytes(codecs.BOM_UTF8 + WESTERN.encode("utf-8")) == WESTERN


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32(encoding: str) -> None:
    data = WESTERN.encode(encoding)
    if encoding == "utf-16-le":
        data = codecs.BOM_UTF16_LE + data
    elif encoding == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    assert decode_bytes(data) == WESTERN


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom(encoding: str) -> None:
    text = "Talks ended early on Thursday without a deal, officials said."
    assert decode_bytes(text.encode(encoding)) == text


def test_cp1252_curly_quotes_and_accents() -> None:
    data = WESTERN.encode("cp1252")
    assert b"\x93" in data and b"\x94" in data
    assert decode_bytes(data) == WESTERN


def test_cp1252_short_line() -> None:
    text = "He said “no” to the café."
    assert decode_bytes(text.encode("cp1252")) == text


def test_latin1() -> None:
    assert decode_bytes(LATIN_1.encode("latin-1")) == LATIN_1


def test_other_legacy_encoding_is_detected() -> None:
    text = "Переговоры в Ханое завершились досрочно, сообщили официальные лица в четверг."
    assert decode_bytes(text.encode("cp1251")) == text


def test_newlines_are_normalised() -> None:
    assert decode_bytes(b"one\r\ntwo\rthree\n") == "one\ntwo\nthree\n"


def test_control_characters_are_removed_but_tabs_kept() -> None:
    assert decode_bytes(b"a\x07b\tc\x1bd\x7fe\n") == "ab\tcde\n"


def test_text_is_nfc_normalised() -> None:
    decomposed = "Cafe\u0301"
    assert decode_bytes(decomposed.encode("utf-8")) == "Café"


@pytest.mark.parametrize("data", [b"", b"   \r\n\t ", codecs.BOM_UTF8])
def test_empty(data: bytes) -> None:
    with pytest.raises(IngestError, match="the file is empty"):
        decode_bytes(data)


def _zip_bytes() -> bytes:
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("article.txt", "hello " * 100)
    return buffer.getvalue()


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n", id="pdf"),
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64), id="png"),
        pytest.param(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)), id="jpeg"),
        pytest.param(_zip_bytes(), id="zip"),
        pytest.param(b"some text\x00with a NUL byte in the middle", id="nul"),
        pytest.param(bytes(range(32)) * 50, id="control-bytes"),
    ],
)
def test_binary_is_refused_with_a_reason(data: bytes) -> None:
    with pytest.raises(IngestError, match="binary file, not text") as caught:
        decode_bytes(data)
    assert "\n" not in str(caught.value)


def test_random_bytes_are_refused() -> None:
    data = bytes((index * 131 + 17) % 256 for index in range(4000))
    with pytest.raises(IngestError):
        decode_bytes(data)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000))
def test_any_bytes_give_text_or_ingest_error(data: bytes) -> None:
    try:
        text = decode_bytes(data)
    except IngestError as error:
        assert str(error)
        return
    assert text.strip()
    assert "\r" not in text and "\x00" not in text


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1))
def test_utf8_round_trips(text: str) -> None:
    if not text.strip() or "\ufeff" in text or "\ufffd" in text:
        return
    try:
        decoded = decode_bytes(text.encode("utf-8"))
    except IngestError:
        return  # a string of unassigned or private-use code points is not text we import
    assert decoded == unicodedata.normalize("NFC", text)
