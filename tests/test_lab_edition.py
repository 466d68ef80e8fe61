"""The reader copy (tools/lab_edition.py): each MyST construct becomes CommonMark + HTML, unknown syntax fails.

The real JupyterLab rendering of the copies is checked in tests/test_lab.py."""

import copy
import json
import pathlib
import re
import sys

import nbformat
import pytest
from pybtex.database import parse_string

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import lab_edition as le  # noqa: E402

BIB = parse_string(r"""
@article{Jahr1990, author = {Jahr, Craig E. and Stevens, Charles F.}, title = {Voltage dependence},
  journal = {J Neurosci}, year = {1990}}
@article{Bliss1973, author = {Bliss, T. V. P. and L{\o}mo, T.}, title = {Long-lasting potentiation},
  journal = {J Physiol}, year = {1973}}
@article{Many2010, author = {Li, N. and Lee, B. and Duman, R. S.}, title = {mTOR}, journal = {Science}, year = {2010}}
""", "bibtex")
GLOSSARY = {"nmda receptor": ("NMDA receptor", "A glutamate receptor gated by **voltage**."),
            "ltp": ("LTP", "Long-term potentiation {cite}`Bliss1973` of an {term}`LTP` synapse.")}
RAW = re.compile(r"\{[a-z][\w:+-]*\}`|```\{|:::\{")


def ctx(**kw):
    base = dict(glue={"x": {"data": {"text/plain": "0.0596"}}, "v": {"data": {"text/plain": "-20.525"}},
                      "name": {"data": {"text/plain": "'racemic'"}}},
                bibliography=BIB, glossary=GLOSSARY, path="chapters/demo.ipynb",
                docs={"validation": ("How the models are checked", True), "glossary": ("Glossary", False)})
    base.update(kw)
    return le.Context(**base)


def md(text, c=None):
    return le.convert_markdown_text(text, c or ctx())


def notebook(*cells):
    nb = nbformat.v4.new_notebook()
    for i, (kind, source, meta) in enumerate(cells):
        cell = (nbformat.v4.new_markdown_cell if kind == "md" else nbformat.v4.new_code_cell)(source, metadata=meta)
        cell.id = f"c{i}"
        nb.cells.append(cell)
    return nb


def test_glue_text_uses_the_format_spec_like_the_site():
    assert md("only {glue:text}`x:.0%` at {glue:text}`v:.1f` mV, {glue}`name`") == "only 6% at -20.5 mV, racemic"


def test_a_missing_glue_key_names_it():
    with pytest.raises(ValueError, match="'nope'"):
        md("{glue:text}`nope:.1f`")


def test_a_glued_value_that_cannot_be_formatted_names_the_key():
    c = ctx(glue={"h": {"data": {"text/plain": "np.float64(3.47)"}}})
    with pytest.raises(ValueError, match=r"glue key 'h' = 'np.float64\(3.47\)'.*float\(\.\.\.\)"):
        md("{glue:text}`h:.1f`", c)


def test_citations_are_author_year_links_to_a_references_cell():
    c = ctx()
    text = md("seen {cite}`Jahr1990,Many2010`; {cite:t}`Bliss1973` showed it", c)
    assert ">Jahr and Stevens, 1990</a>; <a" in text and ">Li et al., 2010</a>)" in text
    assert text.startswith('seen (<a href="#ref-Jahr1990" title="Craig')
    assert ">Bliss and Lømo (1973)</a> showed" in text
    refs = le.references_cell(c)
    assert refs.startswith("## References")
    assert [m for m in re.findall(r'id="ref-(\w+)"', refs)] == ["Bliss1973", "Jahr1990", "Many2010"]


def test_an_unknown_citation_key_names_it():
    with pytest.raises(ValueError, match="'Nobody2000'"):
        md("{cite:p}`Nobody2000`")


@pytest.mark.parametrize("kind, colour", [("success", "#1a7f37"), ("warning", "#8a5a00"), ("danger", "#b3261e"),
                                          ("info", "#0a6a8a")])
def test_grades_become_coloured_labels(kind, colour):
    text = md(f"| a | {{bdg-{kind}}}`established` |")
    assert f'<span style="background-color: {colour}; color: #ffffff;' in text and ">established</span> |" in text


@pytest.mark.parametrize("cls", ["tip", "note", "hint", "predict", "anchor"])
def test_admonitions_become_titled_boxes(cls):
    text = md(f"```{{admonition}} Learning objectives\n:class: {cls}\nYou can\n\n1. explain {{glue:text}}`x:.0%`\n```")
    assert text.startswith(f'<div style="border-left: 0.3em solid {le.BOX_COLOURS[cls]};')
    assert "\n\n**Learning objectives**\n\nYou can\n\n1. explain 6%\n\n</div>" in text


def test_named_admonitions_and_colon_fences():
    assert "**Note**\n\nCareful." in md(":::{note}\nCareful.\n:::")


def test_dropdowns_fold():
    for source in ("```{admonition} What you should have seen\n:class: dropdown\nA straight line.\n```",
                   "```{dropdown} What you should have seen\nA straight line.\n```"):
        text = md(source)
        assert text.startswith("<details") and "<summary><strong>What you should have seen</strong></summary>" in text
        assert "\n\nA straight line.\n\n</details>" in text and " open" not in text


def test_nested_directives_and_code_fences_inside_them():
    text = md("````{exercise} Outer\n:label: ex-a\nText.\n```python\n{cite}`not_a_role`\n```\n"
              "```{note}\nInner.\n```\n````")
    assert "**Exercise 1 (Outer)**" in text and "**Note**\n\nInner." in text
    assert "```python\n{cite}`not_a_role`\n```" in text  # code is left as typed


def test_a_gated_solution_split_across_cells_is_folded_with_its_code():
    nb = notebook(("md", "````{exercise} More magnesium\n:label: ex-mg\nFind it.\n````\n\n"
                         "````{solution-start} ex-mg\n:class: dropdown\n````", {}),
                  ("code", "receptors.half_unblock_voltage_mV(2.0)", {}),
                  ("md", "It moves by {glue:text}`v:.0f` mV.\n\n````{solution-end}\n````", {}),
                  ("md", "## Key takeaways", {}))
    out = le.convert_notebook(nb, ctx())
    sources = [c.source for c in out.cells]
    assert "**Exercise 1 (More magnesium)**" in sources[0]
    assert sources[1].startswith("<details") and "Solution to Exercise 1 (More magnesium)</strong>" in sources[1]
    code = out.cells[2]
    assert code.cell_type == "code" and code.metadata["jupyter"] == {"source_hidden": True, "outputs_hidden": True}
    assert code.source.startswith("# Solution to Exercise 1 (More magnesium)") and code.source.endswith("(2.0)")
    assert "Exercise 1 (More magnesium), continued</strong></summary>\n\nIt moves by -21 mV." in sources[3]
    assert sources[4] == "## Key takeaways"
    assert le.solution_parts(nb) == [{"label": "ex-mg", "texts": ["It moves by {glue:text}`v:.0f` mV."],
                                      "codes": ["receptors.half_unblock_voltage_mV(2.0)"]}]


def test_an_unclosed_solution_fails():
    nb = notebook(("md", "```{solution-start} ex\n```", {}), ("code", "1", {}))
    with pytest.raises(ValueError, match="no matching"):
        le.convert_notebook(nb, ctx())


def test_terms_show_their_definition_on_hover():
    text = md("the {term}`NMDA receptor` and {term}`potentiation <LTP>`")
    assert '<abbr title="A glutamate receptor gated by voltage.">NMDA receptor</abbr>' in text
    assert '<abbr title="Long-term potentiation (Bliss and Lømo, 1973) of an LTP synapse.">potentiation</abbr>' in text


def test_terms_without_a_glossary_are_plain_text_and_unknown_terms_fail():
    assert md("the {term}`NMDA receptor`", ctx(glossary={})) == "the NMDA receptor"
    with pytest.raises(ValueError, match="'AMPA receptor'"):
        md("the {term}`AMPA receptor`")


def test_read_glossary_takes_terms_with_shared_definitions(tmp_path):
    path = tmp_path / "glossary.md"
    path.write_text("# Glossary\n\n```{glossary}\n:sorted:\n\narketamine\nR-ketamine\n  The R enantiomer.\n  Debated."
                    "\n\nBDNF\n  A growth factor.\n```\n")
    terms = le.read_glossary(path)
    assert terms["r-ketamine"] == ("R-ketamine", "The R enantiomer. Debated.")
    assert terms["arketamine"][1] == terms["r-ketamine"][1] == "The R enantiomer. Debated."
    assert terms["bdnf"] == ("BDNF", "A growth factor.")
    assert le.read_glossary(tmp_path / "missing.md") == {}


def test_references_to_exercises_headings_and_documents():
    nb = notebook(("md", "(sec-gate)=\n## A gate\n\nSee {ref}`ex-b`, {numref}`Exercise %s <ex-b>`, {ref}`sec-gate`, "
                         "{doc}`../validation`, {doc}`the glossary <../glossary>`.", {}),
                  ("md", "````{exercise}\n:label: ex-b\nDo it.\n````", {}))
    out = le.convert_notebook(nb, ctx())
    assert out.cells[0].source == ("## A gate\n\nSee Exercise 1, Exercise 1, A gate, "
                                   "[How the models are checked](../validation.ipynb), the glossary.")


def test_maths_code_spans_and_plain_fences_are_kept():
    source = "$B(V) = \\frac{1}{1+e^{-V}}$ and `{cite}` in code\n\n$$\nx_{1}\n$$\n\n```python\nglue('x', 1)\n```"
    assert md(source) == source


@pytest.mark.parametrize("source, name", [("a {unknownrole}`x` b", "{unknownrole}"),
                                          ("```{figure} a.png\n:alt: x\n```", "{figure}"),
                                          (":::{sidebar}\nx\n:::", "{sidebar}"),
                                          ("text {{ subst }}", "substitution")])
def test_unknown_syntax_fails_naming_it(source, name):
    with pytest.raises(le.UnknownSyntax, match=re.escape(name)):
        md(source)


def test_cell_tags_collapse_code_and_drop_markdown():
    nb = notebook(("code", "glue('x', 1)", {"tags": ["remove-cell"]}),
                  ("code", "from x import y", {"tags": ["hide-input"]}),
                  ("code", "explore()", {}),
                  ("md", "speaker text", {"tags": ["slide-only"]}),
                  ("md", "hidden", {"tags": ["remove-cell"]}),
                  ("md", "kept", {"slideshow": {"slide_type": "slide"}}))
    nb.cells[2].outputs = [nbformat.v4.new_output("stream", text="stale")]
    out = le.convert_notebook(nb, ctx())
    assert [c.cell_type for c in out.cells] == ["code", "code", "code", "markdown"]
    assert out.cells[0].metadata["jupyter"] == {"source_hidden": True, "outputs_hidden": True}
    assert out.cells[1].metadata["jupyter"] == {"source_hidden": True}
    assert "jupyter" not in out.cells[2].metadata and out.cells[2].outputs == []
    assert out.cells[3].source == "kept" and out.cells[3].metadata["slideshow"] == {"slide_type": "slide"}
    assert out.metadata[le.MARKER]["source"] == "book/chapters/demo.ipynb"


def test_a_cell_that_displays_myst_becomes_its_converted_markdown():
    nb = notebook(("code", "Markdown(table)", {"tags": ["remove-input"], "mystnb": {"markdown_format": "myst"}}))
    ran = copy.deepcopy(nb)
    ran.cells[0].outputs = [nbformat.v4.new_output("display_data", {"text/markdown": "| a | {cite:p}`Jahr1990` |"})]
    c = ctx()
    out = le.convert_notebook(nb, c, ran)
    assert out.cells[0].cell_type == "markdown" and ">Jahr and Stevens, 1990</a>) |" in out.cells[0].source
    assert out.cells[-1].source.startswith("## References")


def test_glue_from_an_executed_notebook_and_from_the_build(tmp_path):
    nb = notebook(("code", "glue('x', 0.5, display=False)", {}))
    nb.cells[0].outputs = [nbformat.v4.new_output(
        "display_data", {"application/papermill.record/text/plain": "0.5"},
        metadata={"scrapbook": {"name": "x", "mime_prefix": "application/papermill.record/"}})]
    assert le.glue_from_notebook(nb)["x"]["data"] == {"text/plain": "0.5"}
    path = tmp_path / "page.glue.json"
    path.write_text(json.dumps({"x": nb.cells[0].outputs[0]}))
    assert le.glue_from_json(path)["x"]["data"] == {"text/plain": "0.5"}
    saved = {"x": {**nb.cells[0].outputs[0], "data": {"text/plain": "0.5"}}}  # as myst-nb 1.4 writes it
    path.write_text(json.dumps(saved))
    assert le.glue_from_json(path)["x"]["data"] == {"text/plain": "0.5"}
    assert le.glue_from_json(tmp_path / "none.glue.json") == {}


def test_a_students_edited_copy_is_moved_aside_not_overwritten(tmp_path):
    target = tmp_path / "chapters" / "demo.ipynb"
    first = notebook(("md", "generated", {}))
    assert le.write_safely(target, first, None) is None
    entry = {"cells": le.cells_hash(first)}
    ran = json.loads(target.read_text())
    ran["cells"][0]["metadata"]["collapsed"] = True  # opening and running is not an edit
    target.write_text(json.dumps(ran))
    assert le.write_safely(target, notebook(("md", "second", {})), entry) is None
    edited = json.loads(target.read_text())
    edited["cells"][0]["source"] = "my own notes"
    target.write_text(json.dumps(edited))
    second = {"cells": le.cells_hash(notebook(("md", "second", {})))}
    moved = le.write_safely(target, notebook(("md", "third", {})), second)
    assert moved.name.startswith("demo.edited-") and "my own notes" in moved.read_text()
    assert "".join(json.loads(target.read_text())["cells"][0]["source"]) == "third"


@pytest.mark.parametrize("path", le.toc_notebooks(), ids=lambda p: p.stem)
def test_every_book_notebook_converts_without_raw_myst(path):
    """Every construct the book's notebooks use today is known to the converter (glue values stubbed)."""
    nb = nbformat.read(path, as_version=4)
    keys = {m.split(":")[0] for c in nb.cells if c.cell_type == "markdown"
            for m in re.findall(r"\{glue(?::\w+)?\}`([^`]+)`", c.source)}
    glue = {k: {"data": {"text/plain": "0.5"}} for k in keys}
    out = le.reader_copy(nb, path.relative_to(le.BOOK).as_posix(), glue)
    for cell in out.cells:
        if cell.cell_type == "markdown":
            assert not RAW.search(le._without_code(cell.source)), cell.source[:300]
    assert len(le.solution_parts(out)) == 0


def test_the_sites_download_button_gives_the_reader_copy(built_book):
    """Every notebook page's ".ipynb" download (sphinx-book-theme: _sources/<page>.ipynb) is its reader copy,
    made by book/_ext/lab_download.py from the build's own executed notebooks: glued numbers, no raw MyST."""
    pages = le.toc_notebooks()
    assert pages
    for path in pages:
        docname = path.relative_to(ROOT).with_suffix("").as_posix()
        page = (built_book / f"{docname}.html").read_text()
        link = re.search(r'<a href="([^"]*_sources/[^"]*\.ipynb)"', page)
        assert link, f"{docname}: no notebook download button"
        download = json.loads((built_book / docname).parent.joinpath(link[1]).resolve().read_text())
        assert download["metadata"][le.MARKER]["source"] == f"{docname}.ipynb"
        for cell in download["cells"]:
            if cell["cell_type"] == "markdown":
                assert not RAW.search(le._without_code("".join(cell["source"]))), f"{docname}: raw MyST in download"
        source = nbformat.read(path, as_version=4)
        keys = [k for c in source.cells if c.cell_type == "markdown" for k in re.findall(r"\{glue:text\}`", c.source)]
        if keys:
            assert not any("{glue" in "".join(c["source"]) for c in download["cells"] if c["cell_type"] == "markdown")


def test_only_notebooks_that_glue_or_display_myst_are_executed():
    assert not le.needs_execution(notebook(("md", "# A card {term}`NMDA receptor`", {}), ("code", "x = 1", {})))
    assert le.needs_execution(notebook(("md", "{glue:text}`x:.0%`", {})))
    assert le.needs_execution(notebook(("code", "Markdown(t)", {"mystnb": {"markdown_format": "myst"}})))
