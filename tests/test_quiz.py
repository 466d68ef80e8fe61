"""Prove-it questions: records check their input, the rendered quiz is deterministic, offline and accessible."""

import json
import re

import pytest

from ketamine_sim import receptors
from ketamine_sim.quiz import MultipleChoice, Numeric, prove_it, questions, render

MC = dict(question="Q?", options=("a", "b"), correct=0, explanations=("why a", "why not b"))
NUM = dict(question="Q?", answer=6.0, tolerance=1.0, unit="%", explanation="because")


@pytest.mark.parametrize("change, name", [
    (dict(question=""), "question"), (dict(options=("only",), explanations=("x",)), "options"),
    (dict(options=("a", "")), "options\\[1\\]"), (dict(correct=2), "correct=2"), (dict(correct=-1), "correct"),
    (dict(explanations=("one",)), "explanations"), (dict(question="cost $5?"), "question"),
])
def test_multiple_choice_checks_its_input(change, name):
    with pytest.raises(ValueError, match=name):
        MultipleChoice(**{**MC, **change})


@pytest.mark.parametrize("change, name", [
    (dict(answer=float("nan")), "answer"), (dict(tolerance=0.0), "tolerance"), (dict(tolerance=-1), "tolerance"),
    (dict(unit=None), "unit"), (dict(explanation=" "), "explanation"),
    (dict(mistakes=((5, 1, "backwards"),)), "mistakes\\[0\\]"),
])
def test_numeric_checks_its_input(change, name):
    with pytest.raises(ValueError, match=name):
        Numeric(**{**NUM, **change})


def test_render_checks_slug_and_questions():
    with pytest.raises(ValueError, match="slug"):
        render("Bad-Slug", [MultipleChoice(**MC)])
    with pytest.raises(ValueError, match="questions"):
        render("ok", [])
    with pytest.raises(ValueError, match=r"questions\[0\]"):
        render("ok", ["not a question"])
    with pytest.raises(ValueError, match="slug='no_such_chapter'"):
        questions("no_such_chapter")


def test_ids_are_the_same_on_every_render_and_derive_from_the_slug():
    qs = questions("antagonist_paradox")
    first, second = render("antagonist_paradox", qs), render("antagonist_paradox", qs)
    assert first == second
    assert 'id="jq_antagonist_paradox"' in first.html
    assert 'const id = container.id + "q" + index;' in first.javascript and "makeid(8);" not in first.javascript


def test_the_script_never_names_an_outside_host_nor_sees_mathjax():
    js = render("antagonist_paradox", questions("antagonist_paradox")).javascript
    assert "://" not in js and "jsdelivr" not in js.lower()
    assert js.startswith("(function () {\nvar MathJax;")


def test_numeric_label_is_attached_and_feedback_is_announced():
    js = render("antagonist_paradox", questions("antagonist_paradox")).javascript
    assert 'lab.htmlFor = id + "-0";' in js
    assert "setAttribute('aria-live', 'polite')" in js


def test_a_changed_jupyterquiz_fails_loudly(monkeypatch):
    import ketamine_sim.quiz as quiz

    monkeypatch.setattr(quiz, "_PATCHES", [*quiz._PATCHES, ("no such code", "", 1)])
    with pytest.raises(RuntimeError, match="jupyterquiz changed"):
        render("antagonist_paradox", questions("antagonist_paradox"))


def test_contrast_colours_are_the_fixed_ones():
    html = render("antagonist_paradox", questions("antagonist_paradox")).html
    assert "--jq-correct-color: #005c0c" in html and "--jq-incorrect-color: #a00000" in html


def test_numeric_record_accepts_the_answer_and_explains_mistakes():
    rec = Numeric(**{**NUM, "mistakes": ((0, 1, "fraction"),)}).record()
    right, mistake, default = rec["answers"]
    assert right["range"] == [5.0, 7.0] and right["correct"] and right["feedback"].startswith("Correct. ")
    assert mistake["range"] == [0.0, 1.0] and not mistake["correct"]
    assert default["type"] == "default" and default["feedback"].startswith("Not quite. ")
    assert "in %" in rec["label"]


def test_text_is_html_escaped():
    rec = MultipleChoice(**{**MC, "question": "Is 1 < 2 & 3 > 2?"}).record()
    assert rec["question"] == "Is 1 &lt; 2 &amp; 3 &gt; 2?"


def test_the_chapter_quiz_has_both_kinds_and_a_computed_answer():
    qs = questions("antagonist_paradox")
    assert len(qs) >= 3
    assert any(isinstance(q, MultipleChoice) for q in qs) and any(isinstance(q, Numeric) for q in qs)
    numeric = next(q for q in qs if isinstance(q, Numeric))
    assert abs(numeric.answer - 100 * float(receptors.mg_unblock(-65.0))) < numeric.tolerance
    assert any("Hebb" in q.question for q in qs)  # learning objective 2


def test_prove_it_displays_html_then_javascript(monkeypatch):
    shown = []
    monkeypatch.setattr("IPython.display.display", lambda obj: shown.append(obj))
    prove_it("antagonist_paradox")
    assert [type(o).__name__ for o in shown] == ["HTML", "Javascript"]
    data = re.search(r"var questionsjq_antagonist_paradox=(.*?);\n", shown[1].data).group(1)
    assert len(json.loads(data)) == len(questions("antagonist_paradox"))
