"""Shared fixtures and the run's order: the built book, built once per run and shared by every worker.

``make test`` runs pytest on two pytest-xdist workers (``-n 2``; pyproject.toml adds ``--dist loadfile
--no-loadscope-reorder``): each file is one unit of work, so a notebook's cells share one kernel and a
module-scoped fixture (a served site, a JupyterLab, the slide decks) is set up once.  Units run in the order set
here: the slow ones that need no book first, the tests of the built book last, while the book builds in the
background from the moment a collection holds one of them (tests/book_build.py).
"""

import os
import pathlib
import uuid

import pytest

import book_build
import browser

ROOT = pathlib.Path(__file__).resolve().parents[1]
# KETAMINE_BUILD_DIR lets two test runs on one machine build into separate folders
OUTPUT = pathlib.Path(os.environ.get("KETAMINE_BUILD_DIR", ROOT))
HTML = OUTPUT / "_build" / "html"
# one id per run: pytest-xdist gives its workers a shared one; a run without xdist is one process
RUN = os.environ.get("PYTEST_XDIST_TESTRUNUID") or uuid.uuid4().hex
FIRST = ("tests/test_lab.py", "tests/test_slides.py")  # the longest units that need no built book


def _needs_book(item):
    return "built_book" in getattr(item, "fixturenames", ())


def _rank(item):
    if _needs_book(item):
        return 2
    path = item.nodeid.split("::")[0]
    return 0 if path in FIRST or path.endswith(".ipynb") else 1


def pytest_collection_modifyitems(items):
    items.sort(key=_rank)  # stable: within a rank the collection order stays


def pytest_collection_finish(session):
    if not session.config.option.collectonly and any(map(_needs_book, session.items)):
        book_build.start(OUTPUT, RUN)


@pytest.fixture(scope="session")
def built_book():
    """The whole book built with -W (warnings are errors) once per run; returns the html folder."""
    stamp = book_build.wait(OUTPUT, RUN)
    assert stamp["returncode"] == 0, f"jupyter-book build failed ({stamp['returncode']}):\n{book_build.log_tail(stamp)}"
    return HTML


@pytest.fixture(scope="module")
def served(built_book):
    """The built site on 127.0.0.1 and a headless Chromium: (base URL, browser, html folder)."""
    browser.require_browser()
    with browser.serve(built_book) as base, browser.chromium() as chromium:
        yield base, chromium, pathlib.Path(built_book)
