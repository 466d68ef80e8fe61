"""The book builds with -W, and its static pages reference nothing outside the site.

The pages themselves are exercised in a real browser by tests/test_site.py.
"""

import json
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parents[1]
CHAPTERS = sorted((ROOT / "book" / "chapters").glob("*.ipynb"))


def _explorer_calls(path):
    return sum(len(re.findall(r"\bexplore_\w+\(", "".join(c["source"])))
               for c in json.loads(path.read_text())["cells"] if c["cell_type"] == "code")


def test_book_builds_without_warnings(built_book):
    assert (built_book / "index.html").is_file()
    assert (built_book / "book" / "references.html").is_file()
    for chapter in CHAPTERS:
        assert (built_book / "book" / "chapters" / f"{chapter.stem}.html").is_file(), chapter.name
        assert (built_book / "book" / "instructor" / f"{chapter.stem}.html").is_file(), chapter.name


def test_pages_reference_no_other_host(built_book):
    for page in built_book.rglob("*.html"):
        text = page.read_text()
        external = re.findall(r'<(?:script|link|img)[^>]+(?:src|href)="(https?://[^"]+)"', text)
        assert not external, f"{page.relative_to(built_book)} loads {external}"


def test_chapter_pages_embed_kernel_free_figures_not_widget_state(built_book):
    for chapter in CHAPTERS:
        text = (built_book / "book" / "chapters" / f"{chapter.stem}.html").read_text()
        assert text.count('class="ks-frames"') >= _explorer_calls(chapter), f"{chapter.stem}: an explorer has no figure"
        assert "application/vnd.jupyter.widget-state+json" not in text, chapter.stem
        assert "THEBE_JS_URL" not in text, chapter.stem


def test_figure_frames_load_from_files_not_the_page(built_book):
    """The page carries each figure's first frame only; the rest come from _static/ks-frames when needed."""
    for page in built_book.rglob("*.html"):
        text = page.read_text()
        for src in re.findall(r'<script type="application/json" data-src="([^"]+)"></script>', text):
            assert (page.parent / src).is_file(), f"{page.relative_to(built_book)}: missing {src}"
        assert text.count('class="ks-frames"') == text.count("data-src="), f"{page.relative_to(built_book)}"


def test_every_page_has_a_description_for_search_engines(built_book):
    for page in built_book.rglob("*.html"):
        if "_static" in page.parts or page.name == "index.html" and page.parent == built_book:
            continue  # the root index.html is a one-line redirect
        match = re.search(r'<meta name="description" content="([^"]{40,})"', page.read_text())
        assert match, f"{page.relative_to(built_book)} has no meaningful meta description"
