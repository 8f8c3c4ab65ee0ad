"""`summitreader --self-test`: prove an installation works end to end, in a throwaway library.

Meant for packagers and support: a wheel, a desktop bundle or a Flatpak runs it to show that the
bundled resources, the language model, the search index and the window all made it in. Each check
prints one line with its time; the exit code is 0 only when every check passed.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from summitreader.core.library import Library

SEARCH_WORD = "water"
# A saved web page, to prove the HTML extractor and its data files made it into the installation.
WEB_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Reservoir levels rise after the summit deal</title>
<meta name="author" content="Ana Pereira">
<meta property="article:published_time" content="2026-11-20T09:30:00Z">
</head><body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Reservoir levels rise after the summit deal</h1>
<p>Reservoirs along the river rose for a third week on Friday, officials said, as the first
releases agreed at the summit reached the border dams.</p>
<p>"The water is arriving as promised," said Maria Costa, who chairs the river commission.
"Farmers downstream will see it within days."</p>
<p>Engineers in Lisbon and Madrid will publish the next measurements on Monday, according to
the commission, which meets again at the end of the month.</p>
</article><footer>Copyright 2026 The Example Courier</footer></body></html>
"""
WEB_PAGE_TITLE = "Reservoir levels rise after the summit deal"
# A rendered window has text, borders and highlights: far more colours than a blank surface.
MIN_WINDOW_COLOURS = 8


class CheckFailed(Exception):
    """A check ran but found something wrong; the message is the one line shown to the user."""


@dataclass
class SelfTestState:
    """What the checks hand on to each other."""

    workdir: Path
    library: Library | None = None
    article_ids: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class CheckResult:
    name: str
    ok: bool
    seconds: float
    detail: str

    def line(self) -> str:
        status = "ok  " if self.ok else "FAIL"
        detail = " ".join(self.detail.split())  # one line, whatever the error message held
        return f"{status} {self.name:<16} {self.seconds:6.2f} s  {detail}"


Check = Callable[[SelfTestState], str]


def check_resources(state: SelfTestState) -> str:
    from summitreader.resources import resource_dir, resource_path, sample_files

    samples = sample_files()
    if not samples:
        raise CheckFailed(f"no sample articles in {resource_dir()}")
    corrections = resource_path("corrections.tsv")
    if not corrections.is_file():
        raise CheckFailed(f"the corrections list is missing: {corrections}")
    styles = resource_path("styles", "app.qss")
    if not styles.is_file():
        raise CheckFailed(f"the window style sheet is missing: {styles}")
    return f"{len(samples)} samples, corrections and styles in {resource_dir()}"


def check_import(state: SelfTestState) -> str:
    from summitreader.core.library import Library
    from summitreader.resources import sample_files

    state.library = Library(state.workdir / "library")
    report = state.library.import_samples()
    if report.failed:
        path, error = report.failed[0]
        raise CheckFailed(f"{len(report.failed)} samples failed, first {path}: {error}")
    state.article_ids = [article_id for _path, article_id, _title in report.imported]
    expected = len(sample_files())
    if len(state.article_ids) + len(report.duplicates) != expected:
        raise CheckFailed(f"imported {len(state.article_ids)} of {expected} samples")
    return f"{len(state.article_ids)} articles imported, analysed and indexed"


def check_web_page(state: SelfTestState) -> str:
    library = _library(state)
    page = state.workdir / "reservoir-levels.html"
    page.write_text(WEB_PAGE, encoding="utf-8")
    report = library.import_paths([page])
    if report.failed:
        raise CheckFailed(f"a saved web page could not be imported: {report.failed[0][1]}")
    if not report.imported:
        raise CheckFailed("a saved web page was not imported")
    _path, article_id, title = report.imported[0]
    article = library.get(article_id)
    if title != WEB_PAGE_TITLE or article is None or "Maria Costa" not in article.text:
        raise CheckFailed(f"the web page was read wrongly: title {title!r}")
    if "Home" in article.text or "Copyright" in article.text:
        raise CheckFailed("the page's navigation or footer was kept as article text")
    return f"{len(article.text.split())} words of article text from a saved web page"


def check_model(state: SelfTestState) -> str:
    library = _library(state)
    analyser = library.analysis_runner.analyser
    description = analyser.model_description
    if not description.startswith("spaCy "):
        raise CheckFailed(f"{description}{_model_failure()}")
    return description


def _model_failure() -> str:
    """Why spaCy or its model cannot be loaded, for a packager to act on."""
    from summitreader.nlp.model import MODEL_NAMES

    try:
        import spacy
    except ImportError as exc:
        return f" (import spacy: {type(exc).__name__}: {exc})"
    reasons = []
    for name in MODEL_NAMES:
        try:
            spacy.load(name)
        except (OSError, ImportError) as exc:
            reasons.append(f"{name}: {type(exc).__name__}: {exc}")
        else:
            return f" ({name} loads when asked directly)"
    return f" ({'; '.join(reasons)})"


def check_analysis(state: SelfTestState) -> str:
    library = _library(state)
    quotes = entities = with_both = 0
    for article_id in state.article_ids:
        analysis = library.analysis(article_id)
        if analysis is None:
            continue
        quotes += len(analysis.quotes)
        entities += len(analysis.entities)
        if analysis.quotes and analysis.entities:
            with_both += 1
    if with_both == 0:
        raise CheckFailed("no article has both quotes and named entities")
    return f"{quotes} quotes, {entities} names; {with_both} articles with both"


def check_search(state: SelfTestState) -> str:
    library = _library(state)
    results = library.search(SEARCH_WORD)
    if results.total == 0 or not results.hits:
        raise CheckFailed(f"searching for {SEARCH_WORD!r} found nothing")
    return f"{results.total} articles match {SEARCH_WORD!r}, best: {results.hits[0].title!r}"


def check_window(state: SelfTestState) -> str:
    # The window opens its own handle on the library; this one has done its work.
    if state.library is not None:
        state.library.close()
        state.library = None
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings

    # Window preferences go to the throwaway folder, never to the user's settings.
    settings_dir = state.workdir / "settings"
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(settings_dir))
    out = state.workdir / "window.png"
    code = _render_window(state.workdir / "library", out)
    if code != 0 or not out.is_file():
        raise CheckFailed(f"the window could not be rendered (code {code})")
    width, height, colours = _image_summary(out)
    if colours < MIN_WINDOW_COLOURS:
        raise CheckFailed(f"the rendered window looks blank ({colours} colours)")
    return f"{width}x{height} window rendered offscreen, {colours} colours sampled"


def _render_window(library_dir: Path, out: Path) -> int:
    try:
        from summitreader.ui.screenshot import render_screenshot
    except ImportError:
        return _grab_main_window(library_dir, out)
    return render_screenshot(
        library_dir=str(library_dir),
        out=str(out),
        article_id=None,
        search=None,
        theme="light",
        load_samples=False,
    )


def _grab_main_window(library_dir: Path, out: Path) -> int:
    """Build the main window directly, for installations without the screenshot module."""
    from PySide6.QtWidgets import QApplication

    from summitreader.core.library import Library
    from summitreader.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    library = Library(library_dir)
    try:
        window = MainWindow(library, theme="light")
        window.show()
        window.wait_until_idle()
        app.processEvents()
        saved = window.grab().save(str(out), "PNG")
        window.shut_down()
        window.deleteLater()
        app.processEvents()
        return 0 if saved else 1
    finally:
        library.close()


def _image_summary(path: Path) -> tuple[int, int, int]:
    """Width, height and the number of distinct colours on a 64 x 64 grid of samples."""
    from PySide6.QtGui import QImage

    image = QImage(str(path))
    if image.isNull():
        raise CheckFailed(f"the rendered image cannot be read: {path}")
    width, height = image.width(), image.height()
    colours = {image.pixel(x * width // 64, y * height // 64) for x in range(64) for y in range(64)}
    return width, height, len(colours)


def _library(state: SelfTestState) -> Library:
    if state.library is None:
        raise CheckFailed("no library: the import check did not pass")
    return state.library


CHECKS: list[tuple[str, Check]] = [
    ("resources", check_resources),
    ("import samples", check_import),
    ("web page", check_web_page),
    ("language model", check_model),
    ("quotes, names", check_analysis),
    ("search", check_search),
    ("window", check_window),
]


def run_checks(checks: list[tuple[str, Check]], workdir: Path, out: IO[str]) -> list[CheckResult]:
    """Run each check in order, printing its line as soon as it ends."""
    state = SelfTestState(workdir=workdir)
    results = []
    try:
        for name, check in checks:
            started = time.perf_counter()
            try:
                detail, ok = check(state), True
            except CheckFailed as exc:
                detail, ok = str(exc), False
            except Exception as exc:  # a crash is a failed check; the trace helps a bug report
                detail, ok = f"{type(exc).__name__}: {exc}", False
                traceback.print_exc(file=sys.stderr)
            result = CheckResult(name, ok, time.perf_counter() - started, detail)
            print(result.line(), file=out, flush=True)
            results.append(result)
    finally:
        if state.library is not None:
            state.library.close()
    return results


def run_self_test(out: IO[str] | None = None) -> int:
    """Check this installation in a temporary library; 0 when every check passed, else 1."""
    from summitreader import __version__

    stream = out if out is not None else sys.stdout
    print(f"SummitReader {__version__} self-test (Python {sys.version.split()[0]})", file=stream)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="summitreader-selftest-") as tmp:
        results = run_checks(CHECKS, Path(tmp), stream)
    failed = [r.name for r in results if not r.ok]
    total = time.perf_counter() - started
    if failed:
        print(f"self-test FAILED in {total:.1f} s: {', '.join(failed)}", file=stream)
        return 1
    print(f"self-test passed: {len(results)} checks in {total:.1f} s", file=stream)
    return 0


if __name__ == "__main__":
    raise SystemExit(run_self_test())
