"""A small original corpus about invented harbour talks, and an index built from it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from summitreader.index.documents import IndexDocument
from summitreader.index.search_index import SearchIndex


def make_doc(article_id: int, title: str, body: str, **fields: object) -> IndexDocument:
    values: dict[str, object] = {
        "source": None,
        "author": None,
        "published": None,
        "dateline": None,
        "section": None,
    }
    values.update(fields)
    return IndexDocument(id=article_id, title=title, body=body, **values)  # type: ignore[arg-type]


CORPUS: tuple[IndexDocument, ...] = (
    make_doc(
        1,
        "Envoys walk out of the harbour talks",
        "The envoys walked out of the harbour talks on Tuesday afternoon. "
        "\u201cWe came for the right deal and we did not get it,\u201d said Sung-Yoon Lee. "
        "Officials said the reactor at Yongbyon had been on the table.\n\n"
        "Delegates left the venue before the working lunch was served.",
        source="Associated Press",
        author="Tom Reed",
        published="2019-02-28",
        dateline="HANOI",
        section="World",
        speakers=("Sung-Yoon Lee",),
        entities=("Sung-Yoon Lee", "Yongbyon", "Hanoi"),
        quotes=("We came for the right deal and we did not get it",),
    ),
    make_doc(
        2,
        "Walking back the promise of sanctions relief",
        "Officials were walking back earlier statements about sanctions relief. "
        "A spokesman said the right deal was still possible.",
        source="AP",
        published="2019-03-01T10:00:00+00:00",
        section="Politics",
        speakers=("Mara Quell",),
        entities=("Mara Quell", "Hanoi"),
        tags=("follow-up",),
        notes=("check the spokesman's name",),
    ),
    make_doc(
        3,
        "Markets shrug off the summit",
        "Stocks rose as traders ignored the summit. Oil prices were flat.",
        source="Reuters",
        author="Ana Cortes",
        published="2018-06-12",
        section="Business",
        entities=("Singapore",),
    ),
    make_doc(
        4,
        "A quiet morning in the capital",
        "Residents queued for bread. Nobody mentioned the negotiations at all.",
        source="Harbour Times",
        published="2019-02-10",
        dateline="PYONGYANG",
        annotated=("queued for bread",),
    ),
    make_doc(
        5,
        "Analysis: why the talks failed",
        "The talks failed because each side wanted the other to move first. "
        "Sung-Yoon Lee argued that the reactor offer was never enough. "
        "Negotiators from both sides walked away without a joint statement.",
        source="Reuters",
        published="2019-03-02",
        speakers=("Sung-Yoon Lee",),
        entities=("Sung-Yoon Lee", "Yongbyon"),
    ),
)


@pytest.fixture
def index(tmp_path: Path) -> Iterator[SearchIndex]:
    built = SearchIndex(tmp_path / "index")
    built.rebuild(CORPUS, stamp="gen-1", total=len(CORPUS))
    yield built
    built.close()


@pytest.fixture
def corpus() -> tuple[IndexDocument, ...]:
    return CORPUS


@pytest.fixture(name="make_doc")
def make_doc_fixture() -> object:
    return make_doc
