"""`Library`: the one door to a reader's collection, for the CLI and the window alike.

Everything a caller can do to the library goes through here; every mutating call returns a
`Changes` record (or a report holding one) so the window can refresh exactly what changed.
"""

from __future__ import annotations

import builtins
import json
import logging
import os
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from summitreader.core import textnorm
from summitreader.core.analysis_runner import AnalysisRunner
from summitreader.core.library_lock import LibraryLock
from summitreader.core.models import Article, ArticleSummary, Changes, ImportReport
from summitreader.ingest.files import expand_paths, read_file
from summitreader.ingest.types import ParsedArticle
from summitreader.nlp.corrections import vote_type
from summitreader.nlp.types import ArticleAnalysis, EntityResult
from summitreader.paths import LibraryLayout, resolve_library_dir
from summitreader.store.analysis import AnalysisStore, LibraryQuote, SpeakerSummary
from summitreader.store.annotations import AnnotationStore
from summitreader.store.articles import ArticleFilter, ArticleStore
from summitreader.store.database import Database

if TYPE_CHECKING:  # the index is imported on first search, not when a library opens
    from summitreader.annotate.model import Annotation
    from summitreader.core.backup import BackupArticle
    from summitreader.core.notes_exchange import NotesExchange, NotesImportReport
    from summitreader.core.search_sync import IndexCheck, SearchSync
    from summitreader.coverage import CoMention, CoverageTimeline, RemarkGroup, SpeakerGrid
    from summitreader.index.search_index import RelatedHit, SearchResults
    from summitreader.store.backups import BackupInfo

log = logging.getLogger(__name__)

# progress(done, total, what) — total is 0 when unknown.
Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]


@dataclass(frozen=True, slots=True)
class EntitySummary:
    """One canonical name across the library, with its voted type."""

    name: str
    type: str
    articles: int
    mentions: int
    by_source: dict[str, int]


class Library:
    def __init__(self, root: Path, *, processes: int = 1) -> None:
        self.root = root
        self.layout = LibraryLayout(root)
        root.mkdir(parents=True, exist_ok=True)
        self.db = Database(self.layout.database)
        self.articles_store = ArticleStore(self.db)
        self.analysis_store = AnalysisStore(self.db)
        self.annotation_store = AnnotationStore(self.db)
        self.analysis_runner = AnalysisRunner(
            self.articles_store, self.analysis_store, self.layout.corrections, processes
        )
        self._search: SearchSync | None = None
        self._search_lock = threading.Lock()
        # Store + index changes run one at a time, so the index always sees whole operations:
        # across threads with this lock, across processes with the library's lock file.
        self._writer = threading.RLock()
        self.lock = LibraryLock(self.layout.lock, holder="command")
        self.lock_timeout = 10.0

    def hold_lock(self, holder: str) -> None:
        """Keep the library's writer lock for this object's lifetime (the window does)."""
        self.lock.holder = holder
        self.lock.acquire()

    @contextmanager
    def _exclusive(self) -> Iterator[None]:
        with self._writer:
            taken_here = not self.lock.held
            if taken_here:
                self.lock.acquire(timeout=self.lock_timeout)
            try:
                yield
            finally:
                if taken_here:
                    self.lock.release()

    @classmethod
    def open(cls, explicit: str | os.PathLike[str] | None = None) -> Library:
        """The library named by `--library`, $SUMMITREADER_LIBRARY, or the user's default."""
        return cls(resolve_library_dir(explicit))

    def close(self) -> None:
        if self._search is not None:
            self._search.close()
        self.db.close()
        self.lock.release()

    @property
    def search_sync(self) -> SearchSync:
        with self._search_lock:
            if self._search is None:
                from summitreader.core.search_sync import SearchSync

                self._search = SearchSync(
                    self.layout.index_dir,
                    self.db,
                    self.articles_store,
                    self.analysis_store,
                    self.annotation_store,
                )
            return self._search

    @contextmanager
    def _writing(self, progress: Progress | None = None) -> Iterator[Callable[[Changes], None]]:
        """One whole change to store and index; the index follows the store when it ends.

        Yields a function the body calls with what it changed. Whether the index was in step
        before is checked first: if not, it is rebuilt rather than patched.
        """
        with self._exclusive():
            in_sync = self.search_sync.check().ok
            collected: builtins.list[Changes] = []
            try:
                yield collected.append
            finally:
                total = Changes()
                for change in collected:
                    total = total.merged(change)
                if total or not in_sync:
                    self.search_sync.apply(
                        changed=total.added | total.updated,
                        removed=total.removed,
                        in_sync_before=in_sync,
                        progress=_phase(progress, "Indexing"),
                    )

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- import -----------------------------------------------------------------------------------

    def import_paths(
        self,
        paths: Iterable[str | os.PathLike[str]],
        *,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> ImportReport:
        """Import files and folders (recursively). Bad files are reported, never fatal."""
        report = ImportReport()
        items = list(expand_paths(paths))
        with self._writing(progress) as record:
            changes = Changes()
            for done, item in enumerate(items):
                if cancelled is not None and cancelled():
                    report.cancelled = True
                    break
                if isinstance(item, tuple):
                    report.failed.append(item)
                    continue
                if progress is not None:
                    progress(done, len(items), item.name)
                result = read_file(item)
                if result.error is not None:
                    report.failed.append((result.path, result.error))
                    continue
                for parsed in result.articles:
                    changes = changes.merged(self._store_one(parsed, result.path, report))
            record(changes)
            report.changes = changes.merged(self._analyse_changed(changes, progress, cancelled))
        if progress is not None:
            progress(len(items), len(items), "")
        return report

    def import_samples(
        self, *, progress: Progress | None = None, cancelled: Cancelled | None = None
    ) -> ImportReport:
        from summitreader.resources import sample_files

        return self.import_paths(sample_files(), progress=progress, cancelled=cancelled)

    def import_parsed(self, articles: Sequence[ParsedArticle], *, origin: str) -> ImportReport:
        """Store articles another importer already parsed (a feed fetched from a URL, a backup)."""
        report = ImportReport()
        with self._writing() as record:
            changes = Changes()
            for parsed in articles:
                changes = changes.merged(self._store_one(parsed, origin, report))
            record(changes)
            report.changes = changes.merged(self._analyse_changed(changes, None, None))
        return report

    def import_url(self, url: str, *, timeout: float = 20.0) -> ImportReport:
        """Fetch a page or feed (http/https, bounded in time and size) and import it."""
        from summitreader.ingest.fetch import fetch_url
        from summitreader.ingest.files import parse_bytes
        from summitreader.ingest.types import IngestError

        try:
            page = fetch_url(url, timeout=timeout)
            kind = (page.content_type or "").lower()
            suffix = ".xml" if any(k in kind for k in ("rss", "atom", "xml")) else ".html"
            if "text/plain" in kind:
                suffix = ".txt"
            parsed = parse_bytes(page.data, suffix=suffix, url=page.final_url)
        except IngestError as exc:
            report = ImportReport()
            report.failed.append((url, str(exc)))
            return report
        return self.import_parsed(parsed, origin=url)

    def export_library(self, path: Path) -> int:
        """Write every article to one portable file; returns how many."""
        from summitreader.core.backup import write_backup

        return write_backup(path, self.articles_store.iter_all(), self.notes.backup_records())

    def import_library(self, path: Path, *, progress: Progress | None = None) -> ImportReport:
        """Merge a backup in: known articles (same uid or same text) are not duplicated."""
        from summitreader.core.backup import backup_article, read_backup
        from summitreader.ingest.types import IngestError

        report = ImportReport()
        origin = str(path)
        try:
            with self._writing(progress) as record:
                changes = Changes()
                notes = []
                for item in read_backup(path):
                    if item.get("type") == "article":
                        changes = changes.merged(
                            self._restore_one(backup_article(item), origin, report)
                        )
                    elif item.get("type") == "annotation":
                        notes.append(item.get("w3c"))
                if notes:
                    merged = self.notes.merge(notes, origin=origin)
                    report.failed.extend(merged.failed)
                    changes = changes.merged(
                        Changes(updated=frozenset(merged.article_ids), annotations=True)
                    )
                record(changes)
                report.changes = changes.merged(self._analyse_changed(changes, progress, None))
        except IngestError as exc:
            report.failed.append((origin, str(exc)))
        return report

    def _restore_one(self, item: BackupArticle, origin: str, report: ImportReport) -> Changes:
        store = self.articles_store
        with self.db.write() as conn:
            known = store.find_uid(item.uid) or store.find_same_text(
                textnorm.normalized_hash(item.parsed.text)
            )
            if known is not None:
                if store.content_hash_of(known) == textnorm.content_hash(item.parsed.text):
                    report.duplicates.append((origin, known))
                    return Changes()
                store.replace(conn, known, item.parsed, origin=origin)
                self.annotation_store.reanchor_article(
                    conn, known, item.parsed.text, textnorm.content_hash(item.parsed.text)
                )
                report.updated.append((origin, known))
                return Changes(updated=frozenset({known}))
            new_id = store.insert(
                conn,
                item.parsed,
                origin=origin,
                uid=item.uid,
                imported_at=item.imported_at,
                unread=item.unread,
                starred=item.starred,
            )
            self.annotation_store.relink(conn, new_id, item.uid)
        report.imported.append((origin, new_id, item.parsed.title))
        return Changes(added=frozenset({new_id}))

    def _analyse_changed(
        self, changes: Changes, progress: Progress | None, cancelled: Cancelled | None
    ) -> Changes:
        ids = sorted(changes.added | changes.updated)
        if not ids:
            return Changes()
        done = self.analysis_runner.run(
            self.analysis_runner.pending(ids),
            progress=_phase(progress, "Finding quotes and names"),
            cancelled=cancelled,
        )
        return Changes(updated=frozenset(done) - changes.added, analysis=bool(done))

    def _store_one(self, parsed: ParsedArticle, origin: str, report: ImportReport) -> Changes:
        """One article, one transaction: a duplicate, a corrected version, or a new article."""
        store = self.articles_store
        normalized = textnorm.normalized_hash(parsed.text)
        with self.db.write() as conn:
            same = store.find_same_text(normalized)
            if same is not None:
                report.duplicates.append((origin, same))
                return Changes()
            earlier = store.find_earlier_version(parsed, origin)
            if earlier is not None:
                store.replace(conn, earlier, parsed, origin=origin)
                self.annotation_store.reanchor_article(
                    conn, earlier, parsed.text, textnorm.content_hash(parsed.text)
                )
                report.updated.append((origin, earlier))
                return Changes(updated=frozenset({earlier}))
            new_id = store.insert(conn, parsed, origin=origin)
        report.imported.append((origin, new_id, parsed.title))
        return Changes(added=frozenset({new_id}))

    # -- reading ----------------------------------------------------------------------------------

    def get(self, article_id: int) -> Article | None:
        return self.articles_store.get(article_id)

    def list(
        self, flt: ArticleFilter | None = None, *, limit: int = -1, offset: int = 0
    ) -> builtins.list[ArticleSummary]:
        return self.articles_store.summaries(flt, limit=limit, offset=offset)

    def count(self, flt: ArticleFilter | None = None) -> int:
        return self.articles_store.count(flt)

    def sources(self) -> builtins.list[tuple[str, int]]:
        """Outlets with their article counts, most covered first."""
        return self.articles_store.sources()

    # -- changing ---------------------------------------------------------------------------------

    def delete(self, ids: Iterable[int]) -> Changes:
        with self._writing() as record, self.db.write() as conn:
            changes = Changes(removed=frozenset(self.articles_store.delete(conn, list(ids))))
            record(changes)
        return changes

    def mark_read(self, ids: Iterable[int], read: bool = True) -> Changes:
        ids = list(ids)
        self.articles_store.set_flags(ids, unread=not read)
        return Changes(updated=frozenset(ids))

    def set_starred(self, ids: Iterable[int], starred: bool) -> Changes:
        ids = list(ids)
        self.articles_store.set_flags(ids, starred=starred)
        return Changes(updated=frozenset(ids))

    # -- annotations ------------------------------------------------------------------------------

    def annotate(
        self,
        article_id: int,
        start: int,
        end: int,
        *,
        kind: str = "highlight",
        note: str = "",
        tags: Iterable[str] | str = (),
        color: str = "yellow",
    ) -> tuple[Annotation, Changes]:
        """Highlight or bookmark `text[start:end]` (code points); a bookmark may be a point."""
        from summitreader.annotate.model import new_annotation

        article = self.get(article_id)
        if article is None:
            raise KeyError(f"there is no article {article_id} in this library")
        annotation = new_annotation(
            article.id,
            article.uid,
            article.text,
            start,
            end,
            article.content_hash,
            kind=kind,
            note=note,
            tags=tags,
            color=color,
        )
        return annotation, self._save_annotation(annotation)

    def annotate_text(
        self, article_id: int, passage: str, **body: object
    ) -> tuple[Annotation, Changes]:
        """Highlight the first place the article says `passage` (quote style and case folded)."""
        from summitreader.annotate.locate import locate_passage

        article = self.get(article_id)
        if article is None:
            raise KeyError(f"there is no article {article_id} in this library")
        span = locate_passage(article.text, passage)
        if span is None:
            raise ValueError(f"article {article_id} does not contain {passage!r}")
        return self.annotate(article_id, span[0], span[1], **body)  # type: ignore[arg-type]

    def update_annotation(
        self,
        annotation_id: str,
        *,
        note: str | None = None,
        tags: Iterable[str] | str | None = None,
        color: str | None = None,
    ) -> tuple[Annotation, Changes]:
        from summitreader.annotate.model import edited

        changed = edited(self._annotation(annotation_id), note=note, tags=tags, color=color)
        return changed, self._save_annotation(changed)

    def delete_annotation(self, annotation_id: str, *, deleted: bool = True) -> Changes:
        """Mark deleted (kept until purged, so it can be undone); deleted=False undoes it."""
        from summitreader.annotate.model import marked_deleted

        return self._save_annotation(marked_deleted(self._annotation(annotation_id), deleted))

    def reattach_annotation(self, annotation_id: str, start: int, end: int) -> Changes:
        """Give an orphan (or any annotation) a new place in its article's current text."""
        from dataclasses import replace

        from summitreader.annotate.model import quote_context, utc_now

        old = self._annotation(annotation_id)
        article = self.get(old.article_id)
        if article is None:
            raise KeyError("the annotation's article is no longer in this library")
        prefix, exact, suffix = quote_context(article.text, start, end)
        moved = replace(
            old,
            exact=exact,
            prefix=prefix,
            suffix=suffix,
            start=start,
            end=end,
            content_hash=article.content_hash,
            orphan=False,
            modified=utc_now(),
        )
        return self._save_annotation(moved)

    def purge_deleted_annotations(self) -> Changes:
        with self._exclusive():
            count = self.annotation_store.purge_deleted()
        return Changes(annotations=bool(count))

    def annotations(
        self,
        *,
        article_id: int | None = None,
        include_deleted: bool = False,
        kind: str | None = None,
    ) -> builtins.list[Annotation]:
        return self.annotation_store.list(
            article_id=article_id, include_deleted=include_deleted, kind=kind
        )

    @property
    def notes(self) -> NotesExchange:
        from summitreader.core.notes_exchange import NotesExchange

        return NotesExchange(self.db, self.articles_store, self.annotation_store)

    def export_annotations(self, fmt: str, *, article_ids: Iterable[int] | None = None) -> str:
        """Annotations as Markdown or W3C Web Annotation JSON-LD (deleted ones left out)."""
        found = self.annotations()
        if article_ids is not None:
            wanted = set(article_ids)
            found = [a for a in found if a.article_id in wanted]
        return self.notes.render(fmt, found)

    def export_annotations_to(
        self, fmt: str, path: Path, *, per_article: bool = False
    ) -> builtins.list[Path]:
        """Write an export; with per_article, `path` is a folder of one Markdown file each."""
        if per_article:
            if fmt != "markdown":
                raise ValueError("one file per article is for Markdown")
            return self.notes.write_per_article(path, self.annotations())
        text = self.export_annotations(fmt)
        partial = path.with_name(path.name + ".part")
        partial.write_text(text, encoding="utf-8")
        partial.replace(path)
        return [path]

    def import_annotations(self, path: Path) -> NotesImportReport:
        """Merge a W3C JSON-LD file: ids kept, nothing duplicated, the newer edit wins."""
        from summitreader.core.notes_exchange import NotesImportReport

        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            report = NotesImportReport()
            reason = exc.strerror if isinstance(exc, OSError) else f"not JSON ({exc})"
            report.failed.append((str(path), str(reason)))
            return report
        with self._writing() as record:
            report = self.notes.merge(data, origin=str(path))
            record(Changes(updated=frozenset(report.article_ids), annotations=True))
        return report

    def _annotation(self, annotation_id: str) -> Annotation:
        found = self.annotation_store.get(annotation_id)
        if found is None:
            raise KeyError(f"there is no annotation {annotation_id}")
        return found

    def _save_annotation(self, annotation: Annotation) -> Changes:
        with self._writing() as record, self.db.write() as conn:
            self.annotation_store.save(conn, annotation)
            changes = Changes(
                updated=frozenset({annotation.article_id})
                if annotation.article_id
                else frozenset(),
                annotations=True,
            )
            record(changes)
        return changes

    # -- backups ----------------------------------------------------------------------------------

    def backup_if_due(self) -> Path | None:
        """The daily rolling backup, when the library changed since the last one."""
        from summitreader.store.backups import backup_if_due

        return backup_if_due(self.db)

    def backups(self) -> builtins.list[BackupInfo]:
        from summitreader.store.backups import backups_dir, list_backups

        return list_backups(backups_dir(self.db))

    def make_backup(self, reason: str = "manual") -> Path:
        from summitreader.store.backups import make_backup

        return make_backup(self.db, reason=reason)

    def restore_backup(self, backup: Path) -> Path:
        """Bring back a backup (the current state is backed up first); returns that safety copy."""
        from summitreader.store.backups import restore_backup

        with self._exclusive():
            safety = restore_backup(self.db, backup)
            self.analysis_runner.reload_corrections()
        return safety

    # -- analysis ---------------------------------------------------------------------------------

    def analysis(self, article_id: int) -> ArticleAnalysis | None:
        """The article's quotes and entities; entity types are the library-wide vote."""
        found = self.analysis_store.get(article_id)
        if found is None:
            return None
        types = self._voted_types(e.name for e in found.entities)
        entities = tuple(
            EntityResult(name=e.name, type=types.get(e.name, e.type), mentions=e.mentions)
            for e in found.entities
        )
        return ArticleAnalysis(
            quotes=found.quotes, entities=entities, analyser_version=found.analyser_version
        )

    def _voted_types(self, names: Iterable[str]) -> dict[str, str]:
        corrections = self.analysis_runner.corrections()
        return {
            name: vote_type(counts, corrections, name)
            for name, counts in self.analysis_store.type_votes(names).items()
        }

    def analyse(
        self,
        ids: Iterable[int] | None = None,
        *,
        force: bool = False,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> Changes:
        """Analyse articles never analysed, changed, or analysed by an older analyser (or all)."""
        runner = self.analysis_runner
        if force:
            wanted = (
                list(ids)
                if ids is not None
                else [a.id for a in self.list(ArticleFilter(order_by="id", descending=False))]
            )
        else:
            wanted = runner.pending(ids)
        with self._writing(progress) as record:
            done = runner.run(
                wanted, progress=_phase(progress, "Finding quotes and names"), cancelled=cancelled
            )
            changes = Changes(updated=frozenset(done), analysis=bool(done))
            record(changes)
        return changes

    def entities(
        self, *, type: str | None = None, limit: int | None = None
    ) -> builtins.list[EntitySummary]:
        """Every canonical name in the library, most mentioned first."""
        corrections = self.analysis_runner.corrections()
        found = []
        for counts in self.analysis_store.entity_counts():
            voted = vote_type(counts.type_mentions, corrections, counts.name)
            if type is not None and voted != type:
                continue
            found.append(
                EntitySummary(
                    counts.name, voted, counts.articles, counts.mentions, counts.by_source
                )
            )
            if limit is not None and len(found) >= limit:
                break
        return found

    def quotes(
        self, *, speaker: str | None = None, article_id: int | None = None
    ) -> builtins.list[LibraryQuote]:
        return self.analysis_store.quotes(speaker=speaker, article_id=article_id)

    def speakers(self) -> builtins.list[SpeakerSummary]:
        return self.analysis_store.speakers()

    def compare_quotes(
        self, *, speaker: str | None = None, loose: bool = False
    ) -> builtins.list[RemarkGroup[LibraryQuote]]:
        """The same remark as each outlet printed it: groups across articles, biggest first."""
        from summitreader.coverage import DEFAULT_THRESHOLD, LOOSE_THRESHOLD, group_remarks

        quotes = [q for q in self.quotes() if q.kind != "scare"]
        groups = group_remarks(quotes, threshold=LOOSE_THRESHOLD if loose else DEFAULT_THRESHOLD)
        if speaker is not None:
            from summitreader.coverage.speakers import same_speaker, speaker_words

            wanted = speaker_words(speaker)
            groups = [
                g for g in groups if g.speaker and same_speaker(speaker_words(g.speaker), wanted)
            ]
        return groups

    def co_mentions(self, entity: str, *, limit: int | None = 20) -> builtins.list[CoMention]:
        """Who and what is mentioned most with an entity, across outlets."""
        from summitreader.coverage import co_mentions

        return co_mentions(entity, self.analysis_store.entity_names_by_article(), limit=limit)

    def coverage_timeline(self, ids: Iterable[int] | None = None) -> CoverageTimeline:
        """Articles per day by outlet, for the whole library or the given articles."""
        from summitreader.coverage import coverage_by_day

        flt = ArticleFilter(ids=tuple(ids)) if ids is not None else None
        return coverage_by_day(self.list(flt))

    def speaker_grid(
        self, ids: Iterable[int] | None = None, *, top_speakers: int | None = 20
    ) -> SpeakerGrid:
        """How often each outlet quotes each speaker (for the library or the given articles)."""
        from summitreader.coverage import speaker_outlet_grid

        quotes = self.quotes()
        if ids is not None:
            wanted = set(ids)
            quotes = [q for q in quotes if q.article_id in wanted]
        return speaker_outlet_grid(quotes, top_speakers=top_speakers)

    def add_correction(self, name: str, value: str) -> Changes:
        """A type (`Yongbyon`, `FAC`) or an alias (`U.S.`, `United States`) for this library."""
        from summitreader.nlp.corrections import Corrections
        from summitreader.nlp.types import ENTITY_TYPES

        own = Corrections.load(self.layout.corrections)
        if value.upper() in ENTITY_TYPES:
            own.add_type(name, value.upper())
        else:
            own.add_alias(name, value)
        own.save(self.layout.corrections)
        self.analysis_runner.reload_corrections()
        return Changes(analysis=True)

    # -- search -----------------------------------------------------------------------------------

    def search(
        self, query: str, *, limit: int = 20, offset: int = 0, sort: str = "relevance"
    ) -> SearchResults:
        """Search every source; raises QueryError (one line) for a query that cannot be read."""
        return self.search_sync.index.search(query, limit=limit, offset=offset, sort=sort)

    def hit_spans(self, article_id: int, query: str) -> builtins.list[tuple[int, int]]:
        """Where the query matches in the article's text (code points), to highlight in reading."""
        article = self.get(article_id)
        if article is None:
            return []
        return self.search_sync.index.hit_spans(query, article.text)

    def related(self, article_id: int, *, limit: int = 10) -> builtins.list[RelatedHit]:
        return self.search_sync.index.related(article_id, limit=limit)

    def check_index(self) -> IndexCheck:
        return self.search_sync.check()

    def ensure_index(
        self, *, progress: Progress | None = None, cancelled: Cancelled | None = None
    ) -> bool:
        """Rebuild the index when it disagrees with the store; True when it was rebuilt."""
        with self._exclusive():
            if self.search_sync.check().ok:
                return False
            self.search_sync.rebuild(
                progress=_phase(progress, "Rebuilding the search index"), cancelled=cancelled
            )
            return True

    def reindex(
        self, *, progress: Progress | None = None, cancelled: Cancelled | None = None
    ) -> int:
        with self._exclusive():
            return self.search_sync.rebuild(
                progress=_phase(progress, "Rebuilding the search index"), cancelled=cancelled
            )


def _phase(progress: Progress | None, label: str) -> Callable[[int, int], None] | None:
    """Adapt a (done, total, label) progress callback to one phase's (done, total)."""
    if progress is None:
        return None

    def report(done: int, total: int) -> None:
        progress(done, total, label)

    return report
