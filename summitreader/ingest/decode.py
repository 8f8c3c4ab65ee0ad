"""Bytes from a saved file -> clean text, whatever encoding the file was saved in.

UTF-8 and BOM-marked UTF-16/32 are read directly; anything else goes to charset-normalizer.
Binary files are refused early with a reason the user can act on, because decoding a PDF or an
image "successfully" would import garbage.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from charset_normalizer import from_bytes

from summitreader.ingest.types import IngestError

_BINARY_REASON = "looks like a binary file, not text"

# Signatures of formats people drop into an import dialog by mistake.
_BINARY_MAGIC: tuple[bytes, ...] = (
    b"%PDF-",
    b"PK\x03\x04",  # zip, docx, epub, odt
    b"\x89PNG\r\n\x1a\n",
    b"\xff\xd8\xff",  # JPEG
    b"GIF87a",
    b"GIF89a",
    b"\x1f\x8b",  # gzip
    b"\xfd7zXZ\x00",
    b"7z\xbc\xaf\x27\x1c",
    b"Rar!\x1a\x07",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",  # old MS Office
    b"\x7fELF",
    b"SQLite format 3\x00",
    b"RIFF",
    b"OggS",
    b"\x00\x00\x01\x00",  # ICO
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Legacy single-byte encodings that charset-normalizer often cannot tell apart on short Western
# text; browsers (WHATWG) read all of them as cp1252, and so do we when they explain the bytes.
_WESTERN_ALIASES = frozenset({"cp1252", "latin_1", "iso8859_15", "windows-1252", "iso-8859-1"})

_SAMPLE_SIZE = 64 * 1024
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufeff\ufffe\uffff]")
_ALLOWED_CONTROL_BYTES = frozenset(b"\t\n\r\x0c\x1b")
_MAX_CONTROL_BYTE_RATIO = 0.05
_MAX_UNPRINTABLE_CHAR_RATIO = 0.05
_STRAY_CONTROLS_ALLOWED = 4  # a stray BEL or ESC in a short note is not a binary file


def decode_bytes(data: bytes) -> str:
    """Decode a text file's bytes to clean, NFC-normalised text with "\\n" newlines.

    Raises IngestError for empty, binary or undecodable data.
    """
    if not data or not data.strip(b" \t\r\n\x00"):
        raise IngestError("the file is empty")
    text = _decode_by_bom(data)
    if text is None:
        _refuse_binary(data)
        text = _decode_utf16_without_bom(data)
    if text is None:
        text = _decode_utf8(data)
    if text is None:
        text = _decode_legacy(data)
    if _too_many_unprintable(text):
        raise IngestError(_BINARY_REASON)
    cleaned = clean_text(text)
    if not cleaned.strip():
        raise IngestError("the file is empty")
    return cleaned


def clean_text(text: str) -> str:
    """Normalise newlines to "\\n", drop control characters but "\\n" and "\\t", apply NFC."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n").replace("\x0c", "\n")
    text = _CONTROL_CHARS.sub("", text)
    return unicodedata.normalize("NFC", text)


def _decode_by_bom(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as error:
                reason = f"the file says it is {encoding} but is not: {error.reason}"
                raise IngestError(reason) from None
    return None


def _refuse_binary(data: bytes) -> None:
    if data.startswith(_BINARY_MAGIC):
        raise IngestError(_BINARY_REASON)
    sample = data[:_SAMPLE_SIZE]
    if _looks_like_utf16(sample):
        return
    if b"\x00" in sample:
        raise IngestError(_BINARY_REASON)
    controls = sum(1 for byte in sample if byte < 0x20 and byte not in _ALLOWED_CONTROL_BYTES)
    if controls > max(_STRAY_CONTROLS_ALLOWED, len(sample) * _MAX_CONTROL_BYTE_RATIO):
        raise IngestError(_BINARY_REASON)


def _looks_like_utf16(sample: bytes) -> bool:
    """UTF-16 without a BOM: ASCII-heavy text leaves a NUL in every other byte."""
    return _utf16_byte_order(sample) is not None


def _utf16_byte_order(sample: bytes) -> str | None:
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    if odd_nuls >= pairs * 0.6 and even_nuls <= pairs * 0.05:
        return "utf-16-le"
    if even_nuls >= pairs * 0.6 and odd_nuls <= pairs * 0.05:
        return "utf-16-be"
    return None


def _decode_utf16_without_bom(data: bytes) -> str | None:
    encoding = _utf16_byte_order(data[:_SAMPLE_SIZE])
    if encoding is None:
        return None
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise IngestError(_BINARY_REASON) from None


def _decode_utf8(data: bytes) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _decode_legacy(data: bytes) -> str:
    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise IngestError("cannot tell which text encoding the file uses")
    lowest_mess = min(match.chaos for match in matches)
    for match in matches:
        if match.chaos > lowest_mess + 0.01:
            continue
        candidates = {name.lower() for name in match.could_be_from_charset}
        if candidates & _WESTERN_ALIASES:
            return _decode_western(data)
    return str(best)


def _decode_western(data: bytes) -> str:
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        # Bytes cp1252 leaves undefined (0x81, 0x8d, ...) only exist in ISO-8859-1.
        return data.decode("latin-1")


def _too_many_unprintable(text: str) -> bool:
    sample = text[:_SAMPLE_SIZE]
    bad = sum(1 for char in sample if _is_unprintable(char))
    return bad > max(_STRAY_CONTROLS_ALLOWED, len(sample) * _MAX_UNPRINTABLE_CHAR_RATIO)


def _is_unprintable(char: str) -> bool:
    if char == "\ufffd":
        return True
    return unicodedata.category(char) in ("Cc", "Co", "Cn") and char not in "\t\n\r\x0c\x1b"
