"""What one line of a saved news page is: body text, or furniture that carries (or hides) metadata.

Every rule looks at a single stripped line and only accepts short lines whose whole shape matches,
so body sentences that happen to start with "By" or "Published" stay in the body. All patterns
are anchored and bounded: a 5 MB file must classify in linear time.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from enum import Enum, auto

from summitreader.ingest._textdates import is_date_line, is_date_shaped, parse_news_date
from summitreader.ingest._textnames import join_names, person_name, person_names
from summitreader.ingest._textsources import (
    OUTLET_WORDS,
    canonical_outlet,
    is_known_outlet,
    outlet_from_domain,
)


class LineKind(Enum):
    CONTENT = auto()
    BREADCRUMB = auto()  # "• World": a section trail, meaningful before the headline
    DATE = auto()  # a line shaped like a date only; parsed by the caller where it matters
    PUBLISHED = auto()  # "Updated: ... | Originally published: ..."
    BYLINE = auto()
    CONTACT = auto()  # "Write to NAME at EMAIL"
    TRAILER = auto()  # "Reporting by X; Editing by Y"
    COPYRIGHT = auto()
    CAPTION = auto()
    FURNITURE = auto()  # buttons, ads, reading time: nothing to keep
    LIST_HEADING = auto()  # "More Must-Reads from TIME", "Related": links to other stories follow


class DatePriority(int, Enum):
    """Which of several dates on a page is the publication date."""

    UPDATED = 0
    DATE_LINE = 1
    PUBLISHED = 2
    ORIGINAL = 3


@dataclass(frozen=True, slots=True)
class LineFacts:
    kind: LineKind
    text: str
    author: str | None = None
    source: str | None = None
    published: str | None = None
    date_priority: DatePriority = DatePriority.UPDATED
    label: str | None = None  # a breadcrumb's item without its bullet


_MAX_FURNITURE_WORDS = 25
_MAX_LINE_FOR_RULES = 300

_BULLETS = "•·▪◦‣∙"
_TRAIL_SEPARATORS = (" > ", " › ", " » ")
_DATE_LABEL_WORDS = frozenset(
    {"last", "updated", "originally", "first", "published", "posted", "modified"}
)
_BYLINE_WORDS = frozenset({"by", "words", "story", "written"})
_TRAILER_WORDS = frozenset({"reporting", "additional", "writing", "editing", "compiled", "edited"})
_BULLET = re.compile(r"[•·▪◦‣∙]\s*(?P<item>\S.{0,80})")
_TRAIL = re.compile(r"[^>›»]{1,40}(?:\s[>›»]\s[^>›»]{1,40}){1,5}")
_READING_TIME = re.compile(
    r"(?:(?:\d{1,3}|an?|one)[\s-]*min(?:ute)?s?\.?[\s-]+read|reading time:?\s*\d{1,3}\s*min\w*)",
    re.IGNORECASE,
)
_DATE_LABEL = re.compile(
    r"(?P<label>last\s+updated|updated|originally\s+published|first\s+published|published|"
    r"posted|last\s+modified|modified)\b\s*(?:on\b|at\b)?\s*:?\s*(?P<rest>.{0,120})",
    re.IGNORECASE,
)
_BYLINE = re.compile(
    r"(?:by|words\s+by|story\s+by|written\s+by)\s+(?P<rest>\S.{0,160})", re.IGNORECASE
)
_BY_WORD = re.compile(r"\s+by\s+", re.IGNORECASE)
_BYLINE_PARTS = re.compile(r"\s+[|•·]\s+|\s+[-–—]\s+")
_CONTACT = re.compile(r"(?:write\s+to|contact|e-?mail|reach)\s+(?P<rest>\S.{0,300})", re.IGNORECASE)
_NAME_AT_EMAIL = re.compile(
    r"(?P<name>[^,;@]{2,80}?)\s+at\s+(?P<email>[\w.+\-]{1,64}@(?P<domain>[\w\-]{1,63}(?:\.[\w\-]{1,63}){1,5}))"
)
_EMAIL_DOMAIN = re.compile(r"[\w.+\-]{1,64}@(?P<domain>[\w\-]{1,63}(?:\.[\w\-]{1,63}){1,5})")
_ENDS_WITH_EMAIL = re.compile(r"@[\w\-]{1,63}(?:\.[\w\-]{1,63}){1,5}\W{0,3}$")
_MAX_CONTACT_WORDS = 30
_TRAILER = re.compile(
    r"\(?\s*(?:(?:additional\s+)?reporting|writing|editing|compiled|edited)\s+by\s+\S.{0,300}",
    re.IGNORECASE,
)
_REPORTING_BY = re.compile(r"(?<!additional )reporting\s+by\s+(?P<names>[^;()]{1,200})", re.I)
_NAME_QUALIFIER = re.compile(r"\s+(?:in|at|from)\s+[A-Z].*$")
_COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright\b)\s*(?P<rest>.{0,200})", re.IGNORECASE)
_COPYRIGHT_NOISE = re.compile(
    r"©|\(c\)|\bcopyright\b|\b(?:19|20)\d\d\b(?:\s*[-–]\s*(?:19|20)\d\d\b)?|"
    r"all rights reserved\.?|\bthe copyright owner\b",
    re.IGNORECASE,
)
_SENTENCE_BREAK = re.compile(r"\.\s|\s\|\s|;")
_MAX_OUTLET_WORDS = 8
_MORE_FROM = re.compile(r"more\s+(?:[\w-]+\s+){0,2}from\s+(?P<outlet>\S.{0,60}?)\s*:?", re.I)
_CAPTION_LABEL = re.compile(
    r"(?:(?:image|media|video|photo|picture)\s+(?:caption|source|copyright|credit)s?\b|"
    r"(?:photo|photograph|picture|caption|credit|image|file\s+photo|pictured)\s*:)",
    re.IGNORECASE,
)
_PHOTO_AGENCIES = (
    r"(?:getty\s+images|ap\s+photo|afp|reuters|epa(?:-efe)?|shutterstock|pa\s+media|ap)"
)
_CREDIT_ONLY = re.compile(
    rf"\(?(?:[\w.\- ]{{1,40}}/)?{_PHOTO_AGENCIES}(?:\s+via\s+getty\s+images)?"
    rf"(?:/[\w.\- ]{{1,40}})?\)?\.?",
    re.IGNORECASE,
)
_CREDIT_AT_END = re.compile(
    r"(?:\((?:AP|AFP|Reuters|EPA)?\s*Photo\b[^()]{0,80}\)|\(Photo(?:graph)?:[^()]{0,80}\)|"
    r"\((?:[^()]{0,60}/)?Getty Images\))\.?$"
)
_FURNITURE_PREFIX = re.compile(
    r"(?:read\s+more|read\s+next|related|see\s+also|also\s+read|watch|listen)\s*:|"
    r"(?:sign\s+up|subscribe)\s+(?:for|to|now|here)\b|follow\s+(?:us|\w+)\s+on\b|click\s+here\b|"
    r"download\s+the\s+\w+\s+app\b|this\s+(?:article|story)\s+(?:was|has\s+been)\s+"
    r"(?:updated|amended|corrected)\b",
    re.IGNORECASE,
)
_FURNITURE_EXACT = frozenset(
    {
        "advertisement",
        "advertisements",
        "ad",
        "sponsored",
        "sponsored content",
        "story continues below advertisement",
        "article continues below advertisement",
        "article continues below",
        "continue reading below",
        "continue reading",
        "continue reading the main story",
        "skip advertisement",
        "skip to content",
        "skip to main content",
        "share",
        "share this",
        "share this article",
        "share this story",
        "share article",
        "share on facebook",
        "share on twitter",
        "share on linkedin",
        "share via email",
        "tweet",
        "email",
        "print",
        "copy link",
        "link copied",
        "save",
        "save article",
        "listen",
        "listen to this article",
        "comments",
        "view comments",
        "show comments",
        "back to top",
        "top of page",
        "watch",
        "watch live",
        "follow",
        "subscribe",
        "newsletter",
        "loading",
        "close",
        "menu",
        "search",
        "all rights reserved",
        "this material may not be published, broadcast, rewritten or redistributed",
        "media playback is unsupported on your device",
    }
)
_LIST_HEADINGS = frozenset(
    {
        "related",
        "related articles",
        "related stories",
        "related topics",
        "related content",
        "related coverage",
        "more on this story",
        "more stories",
        "read more",
        "read next",
        "most read",
        "most popular",
        "top stories",
        "you may also like",
        "recommended",
        "recommended stories",
        "trending",
    }
)


@functools.lru_cache(maxsize=4096)
def classify_line(line: str) -> LineFacts:
    """Classify one stripped, whitespace-collapsed line (cached: furniture repeats)."""
    if not line or len(line) > _MAX_LINE_FOR_RULES:
        return LineFacts(LineKind.CONTENT, line)  # furniture is short; long lines are body text
    key = line.lower().strip(" .:!")
    if key in _LIST_HEADINGS:
        return LineFacts(LineKind.LIST_HEADING, line)
    if key in _FURNITURE_EXACT or _READING_TIME.fullmatch(line):
        return LineFacts(LineKind.FURNITURE, line)
    first_word = _first_word(line)
    for rule in _RULES:
        facts = rule(line, first_word)
        if facts is not None:
            return facts
    return LineFacts(LineKind.CONTENT, line)


def _first_word(line: str) -> str:
    """Rules key on the first word, so most body lines are ruled out by a set lookup."""
    words = line.split(maxsplit=1)
    return words[0].lower().strip("(:,") if words else ""


def _breadcrumb(line: str, first_word: str) -> LineFacts | None:
    if line[0] not in _BULLETS and not any(sep in line for sep in _TRAIL_SEPARATORS):
        return None
    bullet = _BULLET.fullmatch(line)
    if bullet is not None and len(bullet.group("item").split()) <= 6:
        return LineFacts(LineKind.BREADCRUMB, line, label=bullet.group("item").strip())
    if _TRAIL.fullmatch(line) and len(line.split()) <= 12:
        return LineFacts(LineKind.BREADCRUMB, line, label=line)
    return None


def _date_only(line: str, first_word: str) -> LineFacts | None:
    if not is_date_shaped(line):
        return None
    return LineFacts(LineKind.DATE, line, date_priority=DatePriority.DATE_LINE)


def _labelled_dates(line: str, first_word: str) -> LineFacts | None:
    """ "Updated: X | Originally published: Y": the original date wins; no date, no guess."""
    if first_word not in _DATE_LABEL_WORDS or _DATE_LABEL.match(line) is None:
        return None
    best: tuple[DatePriority, str] | None = None
    author: str | None = None
    for segment in line.split("|"):
        segment = segment.strip()
        if not segment:
            continue
        labelled = _DATE_LABEL.fullmatch(segment)
        if labelled is None:
            return None
        date_and_author = _BY_WORD.split(labelled.group("rest"), maxsplit=1)
        rest = date_and_author[0].strip(" :;,.-–—")
        by_whom = date_and_author[1] if len(date_and_author) > 1 else ""
        if by_whom:
            names = person_names(by_whom.strip(" ."))
            if names is None:
                return None  # "Posted on Monday by the river ..." is a sentence
            author = join_names(names)
        if not rest:
            continue
        if not is_date_line(rest):
            return None
        published = parse_news_date(rest)
        priority = _label_priority(labelled.group("label"))
        if published is not None and (best is None or priority > best[0]):
            best = (priority, published)
    if best is None:
        return LineFacts(LineKind.PUBLISHED, line, author=author)
    return LineFacts(
        LineKind.PUBLISHED, line, author=author, published=best[1], date_priority=best[0]
    )


def _label_priority(label: str) -> DatePriority:
    label = " ".join(label.lower().split())
    if label in ("originally published", "first published"):
        return DatePriority.ORIGINAL
    if label in ("published", "posted"):
        return DatePriority.PUBLISHED
    return DatePriority.UPDATED


def _byline(line: str, first_word: str) -> LineFacts | None:
    """ "By Jane Doe", "By A and B", "By Jane Doe, Reuters", "By Jane Doe | March 1, 2019"."""
    if first_word not in _BYLINE_WORDS:
        return None
    match = _BYLINE.fullmatch(line)
    if match is None:
        return None
    parts = _BYLINE_PARTS.split(match.group("rest"))
    published: str | None = None
    for extra in parts[1:]:
        if is_date_line(extra):
            published = parse_news_date(extra)
        elif not _is_outlet(extra) and extra.split():
            return None
    source = next((canonical_outlet(part) for part in parts[1:] if _is_outlet(part)), None)
    names, outlet = _names_and_outlet(parts[0])
    if not names and outlet is None:
        return None
    return LineFacts(
        LineKind.BYLINE,
        line,
        author=join_names(names) if names else None,
        source=outlet or source,
        published=published,
        date_priority=DatePriority.PUBLISHED,
    )


def outlet_line(line: str) -> LineFacts | None:
    """A line naming only an outlet ("BBC News", "BBC News, Seoul"), as printed under a byline."""
    outlet, _, place = line.partition(",")
    if not _is_outlet(outlet) or len(place.split()) > 3:
        return None
    return LineFacts(LineKind.BYLINE, line, source=canonical_outlet(outlet))


def _names_and_outlet(text: str) -> tuple[list[str], str | None]:
    """Split "Jane Doe, John Roe and Ann Poe, Reuters" into names and an outlet."""
    pieces = [piece.strip() for piece in text.split(",") if piece.strip()]
    names: list[str] = []
    outlet: str | None = None
    for index, piece in enumerate(pieces):
        found = None if _is_outlet(piece) else person_names(piece)
        if found is not None:
            names.extend(found)
        elif _is_outlet(piece):
            outlet = canonical_outlet(piece)
        elif index > 0 and (piece[:1].islower() or any(w.islower() for w in piece.split()[1:])):
            continue  # a role or place: "political correspondent", "in Hanoi"
        else:
            return [], None
    return names, outlet


def _is_outlet(text: str) -> bool:
    words = text.split()
    if not words or len(words) > 5:
        return False
    if is_known_outlet(text):
        return True
    if len(words) == 1 and words[0].isupper() and words[0].isalpha() and len(words[0]) <= 6:
        return True
    return all(w[:1].isupper() for w in words) and words[-1].lower() in OUTLET_WORDS


def _contact(line: str, first_word: str) -> LineFacts | None:
    if "@" not in line:
        return None
    match = _CONTACT.fullmatch(line)
    if match is None or len(line.split()) > _MAX_CONTACT_WORDS:
        return None
    if _ENDS_WITH_EMAIL.search(line[-140:]) is None:
        return None  # "Contact the office at x@y.org for tickets." is a body sentence
    rest = match.group("rest")
    names: list[str] = []
    domain: str | None = None
    for pair in _NAME_AT_EMAIL.finditer(rest):
        candidate = re.sub(r"^\s*(?:and|&)\s+", "", pair.group("name"))
        name = person_name(candidate)
        if name is not None:
            names.append(name)
        domain = domain or pair.group("domain")
    if domain is None:
        email = _EMAIL_DOMAIN.search(rest)
        if email is None:
            return None
        domain = email.group("domain")
    return LineFacts(
        LineKind.CONTACT,
        line,
        author=join_names(names) if names else None,
        source=outlet_from_domain(domain),
    )


def _trailer(line: str, first_word: str) -> LineFacts | None:
    if first_word not in _TRAILER_WORDS or _TRAILER.fullmatch(line) is None:
        return None
    return LineFacts(LineKind.TRAILER, line, author=author_from_trailer(line))


def author_from_trailer(text: str) -> str | None:
    """ "Reporting by Jane Doe in Hanoi; Editing by X" -> "Jane Doe"."""
    match = _REPORTING_BY.search(text)
    if match is None:
        return None
    names_text = _NAME_QUALIFIER.sub("", match.group("names").strip(" .)"))
    names = person_names(names_text)
    return join_names(names) if names else None


def _copyright(line: str, first_word: str) -> LineFacts | None:
    if not (line.startswith("©") or first_word in ("(c)", "c)", "copyright")):
        return None
    match = _COPYRIGHT.fullmatch(line)
    if match is None:
        return None
    remainder = _COPYRIGHT_NOISE.sub(" ", line)
    owner = _SENTENCE_BREAK.split(remainder, maxsplit=1)[0].strip(" .,;:-")
    if not owner or len(owner.split()) > _MAX_OUTLET_WORDS:
        return LineFacts(LineKind.COPYRIGHT, line)
    return LineFacts(LineKind.COPYRIGHT, line, source=canonical_outlet(owner))


def _more_from(line: str, first_word: str) -> LineFacts | None:
    if first_word != "more":
        return None
    match = _MORE_FROM.fullmatch(line)
    if match is None or len(line.split()) > 8:
        return None
    return LineFacts(LineKind.LIST_HEADING, line, source=canonical_outlet(match.group("outlet")))


def _caption(line: str, first_word: str) -> LineFacts | None:
    if _CAPTION_LABEL.match(line) or (len(line) <= 60 and _CREDIT_ONLY.fullmatch(line)):
        return LineFacts(LineKind.CAPTION, line)
    if line.endswith((")", ").")) and len(line.split()) <= 60 and _CREDIT_AT_END.search(line):
        return LineFacts(LineKind.CAPTION, line)
    return None


def _furniture(line: str, first_word: str) -> LineFacts | None:
    if _FURNITURE_PREFIX.match(line) and len(line.split()) <= _MAX_FURNITURE_WORDS:
        return LineFacts(LineKind.FURNITURE, line)
    return None


_RULES = (
    _breadcrumb,
    _labelled_dates,
    _date_only,
    _byline,
    _contact,
    _trailer,
    _copyright,
    _more_from,
    _caption,
    _furniture,
)
