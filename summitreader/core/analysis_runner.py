"""Runs the language analysis over articles that need it and stores the results.

The analyser (spaCy and its model) is loaded once, on first use, so opening a library or listing
articles never pays for it.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from summitreader.nlp.corrections import Corrections, shipped_corrections_path
from summitreader.store.analysis import AnalysisStore
from summitreader.store.articles import ArticleStore

if TYPE_CHECKING:  # spaCy loads on first analysis, not when a library opens
    from summitreader.nlp.analyser import Analyser

log = logging.getLogger(__name__)

# Below this many articles a second process costs more to start than it saves.
PARALLEL_THRESHOLD = 64
BATCH = 64


class AnalysisRunner:
    def __init__(
        self,
        articles: ArticleStore,
        analysis: AnalysisStore,
        corrections_file: Path,
        processes: int = 1,
    ) -> None:
        self.articles = articles
        self.analysis = analysis
        self.corrections_file = corrections_file
        self.processes = processes
        self._analyser: Analyser | None = None
        self._corrections: Corrections | None = None
        self._lock = threading.Lock()

    @property
    def analyser(self) -> Analyser:
        corrections = self.corrections()
        with self._lock:
            if self._analyser is None:
                from summitreader.nlp.analyser import Analyser

                self._analyser = Analyser(corrections)
            return self._analyser

    def corrections(self) -> Corrections:
        """The shipped list and the library's own, read once (every article open votes types)."""
        with self._lock:
            if self._corrections is None:
                self._corrections = Corrections.load(
                    shipped_corrections_path(), self.corrections_file
                )
            return self._corrections

    def reload_corrections(self) -> None:
        """Corrections changed: the next analysis uses them (results are recomputed on demand)."""
        with self._lock:
            self._analyser = None
            self._corrections = None

    def pending(self, ids: Iterable[int] | None = None) -> list[int]:
        from summitreader.nlp.analyser import ANALYSER_VERSION

        return self.analysis.needing_analysis(ANALYSER_VERSION, ids)

    def run(
        self,
        ids: list[int],
        *,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> set[int]:
        """Analyse these articles in batches; returns the ids whose results were stored."""
        done: set[int] = set()
        processes = self.processes if len(ids) >= PARALLEL_THRESHOLD else 1
        for start in range(0, len(ids), BATCH):
            if cancelled is not None and cancelled():
                break
            batch = [a for a in (self.articles.get(i) for i in ids[start : start + BATCH]) if a]
            results = self.analyser.analyse_many([a.text for a in batch], n_process=processes)
            for article, result in zip(batch, results, strict=True):
                self.analysis.save(article.id, article.content_hash, result)
                done.add(article.id)
            if progress is not None:
                progress(min(start + BATCH, len(ids)), len(ids))
        if done:
            done |= self.merge_people()
        return done

    def merge_people(self) -> set[int]:
        """One person, one name across the library ("Ibáñez" → "Tomás Ibáñez")."""
        from summitreader.nlp.corrections import vote_type
        from summitreader.store.people import merge_short_names

        corrections = self.corrections()
        return merge_short_names(
            self.analysis.db, lambda name, counts: vote_type(counts, corrections, name)
        )
