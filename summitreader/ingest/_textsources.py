"""Outlet names from the clues a saved text leaves: agency codes, e-mail domains, copyright lines.

The maps only tidy well-known spellings; any outlet not listed still gets a readable name.
"""

from __future__ import annotations

import re

# Domains whose outlet name cannot be read off the domain itself.
_DOMAIN_OUTLETS: dict[str, str] = {
    "time.com": "TIME",
    "nytimes.com": "The New York Times",
    "washingtonpost.com": "The Washington Post",
    "wsj.com": "The Wall Street Journal",
    "latimes.com": "Los Angeles Times",
    "usatoday.com": "USA Today",
    "bbc.co.uk": "BBC",
    "bbc.com": "BBC",
    "reuters.com": "Reuters",
    "thomsonreuters.com": "Reuters",
    "ap.org": "AP",
    "apnews.com": "AP",
    "afp.com": "AFP",
    "theguardian.com": "The Guardian",
    "guardian.co.uk": "The Guardian",
    "cnn.com": "CNN",
    "ft.com": "Financial Times",
    "bloomberg.net": "Bloomberg",
    "bloomberg.com": "Bloomberg",
    "npr.org": "NPR",
    "economist.com": "The Economist",
    "aljazeera.net": "Al Jazeera",
    "aljazeera.com": "Al Jazeera",
    "nbcnews.com": "NBC News",
    "cbsnews.com": "CBS News",
    "abcnews.com": "ABC News",
    "foxnews.com": "Fox News",
    "theatlantic.com": "The Atlantic",
    "newyorker.com": "The New Yorker",
    "vox.com": "Vox",
    "scmp.com": "South China Morning Post",
    "koreaherald.com": "The Korea Herald",
    "koreatimes.co.kr": "The Korea Times",
    "japantimes.co.jp": "The Japan Times",
    "yna.co.kr": "Yonhap",
    "xinhuanet.com": "Xinhua",
    "independent.co.uk": "The Independent",
    "telegraph.co.uk": "The Telegraph",
    "dw.com": "DW",
    "france24.com": "France 24",
}

# Spellings of the same outlet in bylines, datelines and copyright lines.
_OUTLET_ALIASES: dict[str, str] = {
    "ap": "AP",
    "associated press": "AP",
    "the associated press": "AP",
    "reuters": "Reuters",
    "thomson reuters": "Reuters",
    "afp": "AFP",
    "agence france-presse": "AFP",
    "agence france presse": "AFP",
    "time": "TIME",
    "time inc": "TIME",
    "time usa, llc": "TIME",
    "bbc": "BBC",
    "cnn": "CNN",
}

# Country-code second levels: "co.uk" means the outlet's name is one label further left.
_SECOND_LEVELS = frozenset({"co", "com", "org", "net", "ac", "gov", "news", "ne", "or"})
_SHORT_NAME_LENGTH = 4
_TRAILING_COMPANY = re.compile(r"[,\s]+(?:inc|llc|ltd|plc|limited|corp|gmbh)\.?$", re.IGNORECASE)

OUTLET_WORDS = frozenset(
    {
        "news",
        "press",
        "times",
        "post",
        "journal",
        "herald",
        "tribune",
        "guardian",
        "telegraph",
        "agency",
        "wire",
        "daily",
        "gazette",
        "chronicle",
        "observer",
        "independent",
        "magazine",
        "radio",
        "television",
        "tv",
    }
)


def canonical_outlet(name: str) -> str | None:
    """A tidy outlet name from a free-text one ("The Associated Press" -> "AP")."""
    tidy = " ".join(name.split()).strip(" .,;:-|\u2013\u2014")
    if not tidy:
        return None
    known = _OUTLET_ALIASES.get(tidy.lower())
    if known is not None:
        return known
    without_company = _TRAILING_COMPANY.sub("", tidy)
    return _OUTLET_ALIASES.get(without_company.lower(), without_company or tidy)


def is_known_outlet(name: str) -> bool:
    return " ".join(name.split()).lower() in _OUTLET_ALIASES


def outlet_from_domain(domain: str) -> str | None:
    """ "time.com" -> "TIME"; an unknown "example-news.org" -> "Example News"."""
    labels = [label for label in domain.lower().strip(". ").split(".") if label]
    if len(labels) < 2:
        return None
    for start in range(len(labels) - 1):
        known = _DOMAIN_OUTLETS.get(".".join(labels[start:]))
        if known is not None:
            return known
    if len(labels) >= 3 and labels[-2] in _SECOND_LEVELS and len(labels[-1]) == 2:
        name = labels[-3]
    else:
        name = labels[-2]
    words = name.replace("-", " ").replace("_", " ").split()
    if not words:
        return None
    if len(words) == 1 and len(words[0]) <= _SHORT_NAME_LENGTH:
        return words[0].upper()
    return " ".join(word.capitalize() for word in words)
