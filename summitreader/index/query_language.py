"""The search language: what users type, turned into a Whoosh query or a one-line QueryError.

Whoosh's parser does the grammar; the checks around it exist because it is silently forgiving
where a user would rather be told (an unbalanced quote or parenthesis, an unknown field, a bad
date) and strict where a user expects tolerance (curly quotes, `Speaker:`, `-word`, `O"Brien`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from whoosh import query as wq
from whoosh.fields import Schema
from whoosh.qparser import (
    AndGroup,
    FuzzyTermPlugin,
    MultifieldParser,
    SingleQuotePlugin,
)
from whoosh.reading import IndexReader

from summitreader.index.errors import QueryError
from summitreader.index.schema import DEFAULT_FIELD_BOOSTS

QUERY_HELP = """\
Search every article at once. Case and accents do not matter.
  walk                 words are stemmed: finds walk, walked, walking
  nuclear talks        all the words (AND is implied)
  "right deal"         an exact phrase (straight or curly quotes)
  sanctions OR tariffs either word; AND, OR, NOT must be capitals
  summit -Trump        leave out articles with a word (same as NOT Trump)
  (Hanoi OR Singapore) AND summit      group with parentheses
  Yongbion~            fuzzy: also finds near spellings (Yongbyon); Yongbion~2 for more
  negotiat*            prefix: negotiate, negotiation, negotiators
  title:summit         a field: title, source, author, speaker, entity, tag, note,
                       quote, annotated, dateline, section
  speaker:"Sung-Yoon Lee"   source:AP   source:"Associated Press"
  published:2019       a year, a month (published:2019-02) or a day (published:2019-02-28)
  published:[2019-02-01 to 2019-03-01]   a date range; [2019-02-01 to] is open-ended
Results are ranked by relevance or sorted newest first; facets count sources, speakers and
entities over all matches."""

# What users may write before a colon, mapped to the schema's field names.
FIELD_ALIASES: dict[str, str] = {
    "title": "title",
    "body": "body",
    "text": "body",
    "source": "source",
    "outlet": "source",
    "author": "author",
    "by": "author",
    "speaker": "speaker",
    "speakers": "speaker",
    "entity": "entity",
    "entities": "entity",
    "tag": "tag",
    "tags": "tag",
    "note": "note",
    "notes": "note",
    "quote": "quote",
    "quotes": "quote",
    "annotated": "annotated",
    "highlight": "annotated",
    "dateline": "dateline",
    "section": "section",
    "published": "published",
    "date": "published",
}
USER_FIELDS = ", ".join(sorted({alias for alias in FIELD_ALIASES.values()}))

_DOUBLE_QUOTES = str.maketrans({c: '"' for c in "\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\uff02"})
_SINGLE_QUOTES = str.maketrans({c: "'" for c in "\u2018\u2019\u201a\u201b\u2032"})
_FIELD_PREFIX = re.compile(r"(?<![\w.:/])([A-Za-z_]\w*):[ \t]*(?=([^\s/])|$)")
_MINUS = re.compile(r"(^|(?<=[\s(]))-(?=[^\s\-])")
BAD_DATE = "Bad date: write published:YYYY, YYYY-MM, YYYY-MM-DD or [start to end]."
_SPACES = re.compile(r"\s+")
_MINUS_BEFORE_PHRASE = re.compile(r"(^|[\s(])-$")


@dataclass(frozen=True, slots=True)
class ParsedQuery:
    """A parsed query with the text it came from, after normalization."""

    text: str
    query: wq.Query


def normalize_quotes(text: str) -> str:
    return text.translate(_DOUBLE_QUOTES).translate(_SINGLE_QUOTES)


def _drop_literal_quotes(text: str) -> str:
    """Remove double quotes a user clearly did not mean as phrase marks.

    A quote inside a word (O"Brien) is always literal. When the quotes still do not pair up, a
    quote right after a digit (a 27" screen) is taken as literal too.
    """
    chars = list(text)
    for i, char in enumerate(chars):
        in_word = 0 < i < len(chars) - 1 and chars[i - 1].isalnum() and chars[i + 1].isalnum()
        if char == '"' and in_word:
            chars[i] = " "
    if chars.count('"') % 2:
        for i, char in enumerate(chars):
            if char == '"' and i > 0 and chars[i - 1].isdigit():
                chars[i] = " "
                break
    return "".join(chars)


def _split_outside_quotes(text: str) -> list[tuple[bool, str]]:
    """[(inside_quotes, piece), ...]; raises QueryError on an unclosed quote."""
    pieces = text.split('"')
    if len(pieces) % 2 == 0:
        raise QueryError('Unbalanced quote: close the phrase with " or remove the quote.')
    return [(index % 2 == 1, piece) for index, piece in enumerate(pieces)]


def _check_parentheses(outside: list[str]) -> None:
    depth = 0
    for piece in outside:
        for char in piece:
            if char == "(":
                depth += 1
            elif char == ")":
                depth -= 1
                if depth < 0:
                    raise QueryError("Unbalanced parentheses: a ')' has no matching '('.")
    if depth:
        raise QueryError("Unbalanced parentheses: a '(' is never closed.")


def _rewrite_fields(piece: str, is_last: bool) -> str:
    """Canonical field names; `Speaker: x` reads as `speaker:x`; unknown names are errors."""

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        field = FIELD_ALIASES.get(name.lower())
        if field is None:
            if match.group(2) is None and not is_last:
                return match.group(0)  # "word:" before a phrase is only a field if we know it
            raise QueryError(f"Unknown field '{name}:'. Fields are: {USER_FIELDS}.")
        if match.group(2) is None and is_last:
            raise QueryError(f"Nothing to search for after '{name}:'.")
        return f"{field}:"

    return _FIELD_PREFIX.sub(replace, piece)


def prepare(text: str) -> str:
    """Normalize what a user typed into text Whoosh's parser reads the way the help says."""
    text = normalize_quotes(text.replace("\x00", " "))
    text = _drop_literal_quotes(text)
    pieces = _split_outside_quotes(text)
    _check_parentheses([piece for quoted, piece in pieces if not quoted])
    rebuilt: list[str] = []
    for index, (quoted, piece) in enumerate(pieces):
        if quoted:
            phrase = _SPACES.sub(" ", piece).strip()
            rebuilt.append(f'"{phrase}"' if phrase else " ")
        else:
            piece = _MINUS.sub("NOT ", _rewrite_fields(piece, index == len(pieces) - 1))
            if index < len(pieces) - 1:  # -"a phrase" leaves the phrase out too
                piece = _MINUS_BEFORE_PHRASE.sub(r"\1NOT ", piece)
            rebuilt.append(piece)
    return _SPACES.sub(" ", "".join(rebuilt)).strip()


def make_parser(schema: Schema) -> MultifieldParser:
    parser = MultifieldParser(
        list(DEFAULT_FIELD_BOOSTS),
        schema,
        fieldboosts=DEFAULT_FIELD_BOOSTS,
        group=AndGroup,
    )
    parser.remove_plugin_class(SingleQuotePlugin)
    parser.add_plugin(FuzzyTermPlugin())
    return parser


def _first_error(q: wq.Query) -> str | None:
    error = getattr(q, "error", None)
    if error:
        return f"{getattr(q, 'fieldname', '') or ''}: {error}"
    if q.is_leaf():
        return None
    for child in q.children():
        found = _first_error(child)
        if found:
            return found
    return None


def _has_search_terms(q: wq.Query) -> bool:
    if isinstance(q, wq.NullQuery.__class__):
        return False
    if q.is_leaf():
        return True
    return any(_has_search_terms(child) for child in q.children())


def parse(text: str, parser: MultifieldParser) -> ParsedQuery:
    """Parse a user's search text or raise QueryError with a one-line reason."""
    if not text or not text.strip():
        raise QueryError('Nothing to search for: type a word, a "phrase" or field:value.')
    prepared = prepare(text)
    try:
        parsed = parser.parse(prepared)
    except QueryError:
        raise
    except Exception as exc:  # Whoosh's parser raises assorted errors on odd input.
        if "published:" in prepared:
            raise QueryError(BAD_DATE) from exc
        raise QueryError(f"Cannot understand the search: {_one_line(exc)}") from exc
    error = _first_error(parsed)
    if error:
        if "date" in error.lower() or "published:" in prepared:
            raise QueryError(BAD_DATE)
        raise QueryError(f"Cannot understand the search: {_one_line(error)}")
    if parsed is wq.NullQuery or not _has_search_terms(parsed):
        raise QueryError(
            "Nothing to search for: the search has only operators or very common words."
        )
    return ParsedQuery(text=prepared, query=parsed)


def _one_line(error: object) -> str:
    return " ".join(str(error).split())[:200]


def positive_leaves(q: wq.Query) -> list[wq.Query]:
    """Leaves a matching document must or may contain: anything under NOT is left out."""
    if isinstance(q, wq.Not):
        return []
    if isinstance(q, wq.AndNot):
        return positive_leaves(q.a)
    if q.is_leaf():
        return [q]
    return [leaf for child in q.children() for leaf in positive_leaves(child)]


def marking_terms(q: wq.Query, reader: IndexReader) -> tuple[set[str], list[tuple[str, ...]]]:
    """Indexed terms (fuzzy and prefix hits expanded) and phrases to mark in snippets."""
    terms: set[str] = set()
    phrases: list[tuple[str, ...]] = []
    for leaf in positive_leaves(q):
        fieldname = getattr(leaf, "fieldname", None)
        if fieldname not in DEFAULT_FIELD_BOOSTS:
            continue
        if isinstance(leaf, wq.Phrase):
            if tuple(leaf.words) not in phrases:  # one phrase is searched in several fields
                phrases.append(tuple(leaf.words))
        elif isinstance(leaf, wq.MultiTerm):
            for field, text in leaf.existing_terms(reader, expand=True):
                if field == fieldname:
                    terms.add(text.decode("utf-8") if isinstance(text, bytes) else text)
        elif isinstance(leaf, wq.Term):
            terms.add(str(leaf.text))
    return terms, phrases


def plain_words(q: wq.Query) -> list[str]:
    """Distinct indexed forms of the plain words (not fuzzy, prefix, phrase or field) searched."""
    words: list[str] = []
    for leaf in positive_leaves(q):
        is_plain = type(leaf) is wq.Term and leaf.fieldname in DEFAULT_FIELD_BOOSTS
        if is_plain and leaf.text not in words:
            words.append(str(leaf.text))
    return words
