"""The learning path's Python side, the cast cards' files and the figure of "Questions readers ask"."""

import json
import pathlib
import re
import xml.etree.ElementTree as ET

import numpy as np
import pytest

from ketamine_sim import circuit, learning_path, pharmacokinetics, plots, style
from ketamine_sim.plots.questions import glutamate_over_dose_and_time
from ketamine_sim.quiz import questions, render

ROOT = pathlib.Path(__file__).resolve().parents[1]
CAST = ROOT / "book" / "cast"
SVG = "{http://www.w3.org/2000/svg}"
# each card's drawing is in the colour of its actor (ketamine_sim.style)
CARD_ACTOR = {"serotonin": "serotonin", "gaba": "gaba", "glutamate": "glutamate", "nmda_receptor": "glutamate",
              "ampa_receptor": "ampa", "pyramidal_interneurons": "pyramidal", "ketamine": "ketamine",
              "bdnf": "bdnf", "mtor_eef2": "bdnf", "spines_sv2a": "pyramidal"}


def _book(tmp_path, toc_chapters, titles=None):
    """A minimal book: _toc.yml listing the cards and ``toc_chapters``, with chapter notebooks titled ``titles``."""
    files = [f"book/cast/{c.slug}" for c in learning_path.CARDS] + [f"book/chapters/{c}" for c in toc_chapters]
    (tmp_path / "_toc.yml").write_text("format: jb-book\nroot: book/intro\nparts:\n  - chapters:\n" +
                                       "".join(f"      - file: {f}\n" for f in files))
    (tmp_path / "book" / "chapters").mkdir(parents=True)
    (tmp_path / "book" / "cast").mkdir()
    for name in toc_chapters:
        title = (titles or {}).get(name, name)
        nb = {"cells": [{"cell_type": "markdown", "source": f"# {title}\n\n*hook*"}]}
        (tmp_path / "book" / "chapters" / f"{name}.ipynb").write_text(json.dumps(nb))
    return tmp_path


def _pages(stages):
    return {step.slug: doc for _, steps in stages for step, doc in steps}


def test_a_chapter_is_linked_when_the_toc_lists_it_and_coming_soon_otherwise(tmp_path):
    root = _book(tmp_path, ["antagonist_paradox"])
    pages = _pages(learning_path.resolve(root))
    assert pages["antagonist_paradox"] == "book/chapters/antagonist_paradox"
    assert pages["in_the_clinic"] is None and pages["monoamine_time_lag"] is None
    assert all(pages[c.slug] == f"book/cast/{c.slug}" for c in learning_path.CARDS)


def test_a_chapter_under_another_file_name_is_found_by_its_title_and_an_unplanned_one_is_still_listed(tmp_path):
    root = _book(tmp_path, ["releasing_brakes", "ketamine_and_sleep"],
                 {"releasing_brakes": "Releasing the brakes", "ketamine_and_sleep": "Ketamine and sleep"})
    stages = learning_path.resolve(root)
    pages = _pages(stages)
    assert pages["disinhibition"] == "book/chapters/releasing_brakes"
    mechanism = dict(stages)["The mechanism"]
    assert (mechanism[-1][0].title, mechanism[-1][1]) == ("Ketamine and sleep", "book/chapters/ketamine_and_sleep")


def test_links_end_in_html_on_the_site_and_in_ipynb_in_jupyterlab(tmp_path, monkeypatch):
    root = _book(tmp_path, ["antagonist_paradox"])
    here = root / "book" / "cast"
    monkeypatch.setenv("KETAMINE_SIM_STATIC", "1")
    site = learning_path.path_html(root, here)
    assert 'href="../chapters/antagonist_paradox.html"' in site and 'href="gaba.html"' in site
    monkeypatch.delenv("KETAMINE_SIM_STATIC")
    lab = learning_path.connects_html(["antagonist_paradox", "in_the_clinic"], root, here)
    assert 'href="../chapters/antagonist_paradox.ipynb"' in lab
    assert "In the clinic (coming soon)" in lab and lab.count("<a ") == 2  # the chapter and the whole path


def test_every_linked_step_has_one_toggle_button_and_coming_soon_has_none(tmp_path):
    root = _book(tmp_path, ["antagonist_paradox"])
    page = learning_path.path_html(root, root / "book" / "cast")
    linked = sum(doc is not None for _, steps in learning_path.resolve(root) for _, doc in steps)
    assert page.count('aria-pressed="false"') == linked == len(learning_path.CARDS) + 1
    assert page.count('aria-live="polite"') == 1
    assert page.count("coming soon") == sum(len(s) for _, s in learning_path.STAGES) - linked


def test_a_copy_outside_the_repository_links_like_the_book_it_mirrors(tmp_path, monkeypatch):
    copy = tmp_path / "cast"  # a JupyterLab reader copy of book/cast, with no _toc.yml above it
    copy.mkdir()
    monkeypatch.chdir(copy)
    monkeypatch.delenv("KETAMINE_SIM_STATIC", raising=False)
    assert learning_path.book_root() == ROOT
    links = learning_path.connects_html(["antagonist_paradox", "gaba"])
    assert 'href="../chapters/antagonist_paradox.ipynb"' in links and 'href="gaba.ipynb"' in links


def test_unknown_slugs_and_folders_outside_the_book_raise(tmp_path):
    root = _book(tmp_path, [])
    with pytest.raises(ValueError, match="slug='nope'"):
        learning_path.connects_html(["nope"], root, root)
    with pytest.raises(ValueError, match="_toc.yml"):
        learning_path.book_root(tmp_path.parent)


def test_the_real_book_lists_every_card_in_the_toc_with_a_notebook_a_drawing_and_a_quiz():
    toc = learning_path.toc_files(ROOT)
    assert "book/cast/index" in toc and "book/questions" in toc and "book/preface" in toc
    for card in learning_path.CARDS:
        assert card.docname in toc, card.slug
        assert (CAST / f"{card.slug}.ipynb").is_file() and (CAST / "img" / f"{card.slug}.svg").is_file()
        qs = questions(f"cast_{card.slug}")
        assert len(qs) >= 1 and render(f"cast_{card.slug}", qs).html
        text = "\n".join(c["source"] for c in json.loads((CAST / f"{card.slug}.ipynb").read_text())["cells"])
        for part in ("{cite}", ":class: anchor", "## Prove it", f'prove_it("cast_{card.slug}")', "## This connects to",
                     f"img/{card.slug}.svg", "not medical advice"):
            assert part in text, f"{card.slug}: {part}"


@pytest.mark.parametrize("slug", sorted(CARD_ACTOR))
def test_each_drawing_is_accessible_on_an_opaque_light_card_in_its_actors_colour(slug):
    path = CAST / "img" / f"{slug}.svg"
    svg = ET.parse(path).getroot()
    assert svg.get("role") == "img"
    title, desc = svg.find(f"{SVG}title"), svg.find(f"{SVG}desc")
    assert title is not None and title.text.strip() and desc is not None and len(desc.text.split()) >= 12
    assert set(svg.get("aria-labelledby").split()) == {title.get("id"), desc.get("id")}
    width, height = svg.get("viewBox").split()[2:]
    background = svg.find(f"{SVG}rect")
    assert (background.get("width"), background.get("height"), background.get("fill")) == (width, height, "#ffffff")
    assert style.color(CARD_ACTOR[slug]).lower() in path.read_text().lower()
    assert not re.search(r"<(script|image|foreignObject)\b|href=", path.read_text()), "self-contained, no scripts"


def test_the_glutamate_answer_figure_draws_both_panels_from_the_models():
    conc = np.logspace(-2, 2, 41)
    t_h = np.linspace(0.0, 8.0, 81)
    brain = pharmacokinetics.simulate(pharmacokinetics.standard_infusion(), t_h).brain_uM
    fig = glutamate_over_dose_and_time(plots.figure((7.2, 3.4)), circuit.steady_state(conc),
                                       circuit.simulate(t_h, brain), brain,
                                       {"antidepressant_uM": 1.0, "anaesthetic_uM": (5.0, 10.0), "mrs": (1.0, 0.13),
                                        "infusion": "one 0.5 mg/kg infusion"})
    dose_ax, time_ax, drug_ax = fig.axes
    assert dose_ax.get_xscale() == "log" and "µM" in dose_ax.get_xlabel() and "%" in dose_ax.get_ylabel()
    assert "(h)" in time_ax.get_xlabel() and "µM" in drug_ax.get_ylabel()
    model = next(line for line in dose_ax.get_lines() if line.get_label() == "model")
    assert model.get_color().lower() == style.color("glutamate").lower()
    y = model.get_ydata()
    assert y.max() > 0 > y[-1], "the inverted U: up at low, down at high concentration"
