"""Exports: annotations as W3C Web Annotation JSON-LD and Markdown, quotes as CSV and Markdown."""

from __future__ import annotations

from summitreader.export.filenames import safe_filename, unique_filename
from summitreader.export.markdown import annotations_to_markdown, article_annotations_to_markdown
from summitreader.export.quotes import CSV_HEADER, quotes_to_csv, quotes_to_markdown
from summitreader.export.records import ArticleRef, group_by_article
from summitreader.export.w3c import ImportedAnnotation, from_jsonld, to_jsonld

__all__ = [
    "CSV_HEADER",
    "ArticleRef",
    "ImportedAnnotation",
    "annotations_to_markdown",
    "article_annotations_to_markdown",
    "from_jsonld",
    "group_by_article",
    "quotes_to_csv",
    "quotes_to_markdown",
    "safe_filename",
    "to_jsonld",
    "unique_filename",
]
