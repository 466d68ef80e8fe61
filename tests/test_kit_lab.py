"""The chapter kit in a real JupyterLab: the chapter runs, its cascade map is drawn and a Prove-it question answers.

Uses the helpers of ``tests/lab_client.py`` (a JupyterLab on 127.0.0.1 over a copy of the notebook, Debian's
Chromium).  The quiz and the map are code-cell outputs, so a reader's copy of the notebook shows them the same.
"""

import os

import pytest

import lab_client as lc
from ketamine_sim.quiz import MultipleChoice, questions

SLUG = "antagonist_paradox"
NOTEBOOK = lc.ROOT / "book" / "chapters" / f"{SLUG}.ipynb"


def test_the_chapter_runs_in_jupyterlab_and_a_quiz_question_gives_feedback():
    if lc.chromium_path() is None:
        (pytest.fail if os.environ.get("CI") else pytest.skip)(f"Chromium not found at {lc.CHROMIUM}")
    with lc.lab_server([NOTEBOOK]) as (base, _folder), lc.browser() as b:
        page = lc.open_notebook(b, base, NOTEBOOK.name)
        cs = lc.run_all(page)
        assert not lc.error_outputs(cs), lc.error_outputs(cs)
        svg = page.locator(".jp-OutputArea-output figure.ks-diagram svg[role=img]").first
        svg.wait_for(timeout=30_000)
        assert "receptor" in svg.get_attribute("aria-label")
        quiz = page.locator(f".jp-OutputArea-output #jq_{SLUG}")
        quiz.locator(".Quiz").first.wait_for(timeout=30_000)  # jupyterquiz's script ran in the trusted output
        index, q = next((i, q) for i, q in enumerate(questions(SLUG)) if isinstance(q, MultipleChoice))
        quiz.locator(f"#quizWrapjq_{SLUG}q{index} label.MCButton", has_text=q.options[q.correct]).click()
        feedback = quiz.locator(f"#fbjq_{SLUG}q{index}")
        assert feedback.get_attribute("aria-live") == "polite"
        assert feedback.text_content() == f"Correct. {q.explanations[q.correct]}"
