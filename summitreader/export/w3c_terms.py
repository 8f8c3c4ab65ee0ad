"""The vocabulary of the W3C Web Annotation export, shared by writer and reader.

Extension properties are written as `summitreader:name`. With the plain anno.jsonld context
(the only context the model lets a single-context document use), JSON-LD reads an undefined
prefix as an absolute IRI in the `summitreader:` scheme, so the extensions stay namespaced and
the document stays valid; other tools ignore them.
"""

from __future__ import annotations

from typing import Final

ANNO_CONTEXT: Final = "http://www.w3.org/ns/anno.jsonld"
URN_UUID: Final = "urn:uuid:"
NS: Final = "summitreader:"

COLOR: Final = NS + "color"
DELETED: Final = NS + "deleted"
ORPHAN: Final = NS + "orphan"
ARTICLE_ID: Final = NS + "articleId"
CONTENT_HASH: Final = NS + "contentHash"
TITLE: Final = NS + "title"
OUTLET: Final = NS + "outlet"
PUBLISHED: Final = NS + "published"
URL: Final = NS + "url"

HIGHLIGHTING: Final = "highlighting"
COMMENTING: Final = "commenting"
BOOKMARKING: Final = "bookmarking"
TAGGING: Final = "tagging"
