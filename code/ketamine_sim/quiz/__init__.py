"""Prove it: self-check questions that answer right or wrong with an explanation, on the site and in JupyterLab.

A chapter's questions live in ``ketamine_sim/quiz/<slug>.py`` as ``QUESTIONS = [...]`` of
:class:`MultipleChoice` and :class:`Numeric` records (a numeric answer may be computed from the package, so it
stays right when a model changes); the chapter's "Prove it" cell is ``prove_it("<slug>")``.

The questions are drawn by jupyterquiz (pinned 2.9.6.4), which runs the same inline JavaScript in a built page
(no kernel, no network) and in JupyterLab.  :func:`render` patches its script, each patch checked so that a new
jupyterquiz version fails loudly here instead of silently: element ids are derived from the slug and the
question's position (never random), the numeric answer's label is attached to its input, feedback is announced
by an ``aria-live`` status region, answers are never shuffled, and its jsDelivr MathJax fallback is removed
(the script also sees no ``MathJax`` at all, so it can neither fetch nor fail on the site's own).  Colours pass
WCAG AA, and the quiz sits on an opaque light card, so it looks the same in dark mode and on a phone.
"""

import importlib
import math
import re
from dataclasses import dataclass
from html import escape

from ketamine_sim._checks import in_range

COLORS = {"--jq-correct-color": "#005c0c", "--jq-incorrect-color": "#a00000"}  # 7.8:1 and 7.4:1 on white
INK = "#14181e"
HOW_TO = "Choose an answer, or type a number and press Enter. You can try again as often as you like."


def _text(name, value):
    """A question's text, checked: non-empty; no ``$`` (quizzes do not typeset maths; write it in Unicode)."""
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{name}={value!r} must be a non-empty string")
    if "$" in value:
        raise ValueError(f"{name}={value!r} contains '$': quiz text is not typeset, write maths in Unicode (Mg²⁺)")
    return escape(value.strip(), quote=False)


@dataclass(frozen=True)
class MultipleChoice:
    """One question with 2–6 ``options``; ``correct`` is the index of the right one; one explanation per option.

    Each explanation says why that option is right or wrong; the reader sees it after choosing the option.
    """

    question: str
    options: tuple
    correct: int
    explanations: tuple

    def __post_init__(self):
        _text("question", self.question)
        if not 2 <= len(self.options) <= 6:
            raise ValueError(f"options has {len(self.options)} entries; allowed 2 to 6")
        for i, option in enumerate(self.options):
            _text(f"options[{i}]", option)
        if not isinstance(self.correct, int) or not 0 <= self.correct < len(self.options):
            raise ValueError(f"correct={self.correct!r} must be an option index in [0, {len(self.options) - 1}]")
        if len(self.explanations) != len(self.options):
            raise ValueError(f"explanations has {len(self.explanations)} entries; it needs one per option "
                             f"({len(self.options)})")
        for i, text in enumerate(self.explanations):
            _text(f"explanations[{i}]", text)

    def record(self):
        """The question as jupyterquiz reads it (HTML-escaped text)."""
        answers = [{"answer": _text("option", o), "correct": i == self.correct,
                    "feedback": ("Correct. " if i == self.correct else "Not quite. ") + _text("explanation", e)}
                   for i, (o, e) in enumerate(zip(self.options, self.explanations, strict=True))]
        return {"question": _text("question", self.question), "type": "multiple_choice", "answers": answers}


@dataclass(frozen=True)
class Numeric:
    """A question whose answer is a number: right within ``answer`` ± ``tolerance`` (in ``unit``).

    ``explanation`` is shown with a right answer, ``hint`` with a wrong one; ``mistakes`` lists
    ``(low, high, feedback)`` ranges for common wrong answers (e.g. a forgotten factor), checked after the answer.
    """

    question: str
    answer: float
    tolerance: float
    unit: str
    explanation: str
    hint: str = "Check your working and try again."
    mistakes: tuple = ()

    def __post_init__(self):
        _text("question", self.question)
        if not math.isfinite(float(self.answer)):
            raise ValueError(f"answer={self.answer!r} must be a finite number")
        in_range("tolerance", self.tolerance, 1e-12, math.inf)
        if not isinstance(self.unit, str):
            raise ValueError(f"unit={self.unit!r} must be a string ('' for a pure number)")
        _text("explanation", self.explanation)
        _text("hint", self.hint)
        for i, mistake in enumerate(self.mistakes):
            if len(mistake) != 3 or not float(mistake[0]) < float(mistake[1]):
                raise ValueError(f"mistakes[{i}]={mistake!r} must be (low, high, feedback) with low < high")
            _text(f"mistakes[{i}] feedback", mistake[2])

    def record(self):
        """The question as jupyterquiz reads it: one right range, the mistakes, then the hint."""
        low, high = float(self.answer) - self.tolerance, float(self.answer) + self.tolerance
        answers = [{"type": "range", "range": [low, high], "correct": True,
                    "feedback": "Correct. " + _text("explanation", self.explanation)}]
        answers += [{"type": "range", "range": [float(lo), float(hi)], "correct": False,
                     "feedback": "Not quite. " + _text("mistake", text)} for lo, hi, text in self.mistakes]
        answers.append({"type": "default", "feedback": "Not quite. " + _text("hint", self.hint)})
        unit = f" in {escape(self.unit)}" if self.unit else ""
        return {"question": _text("question", self.question), "type": "numeric", "answers": answers,
                "label": f"Your answer{unit} (then press Enter):"}


# (what to find in jupyterquiz 2.9.6.4's script, what to put instead, how many times it must occur)
_PATCHES = [
    # ids from the container id (the slug) and the question's position, never random
    ("const id = makeid(8);", 'const id = container.id + "q" + index;', 1),
    # the numeric answer's label names its input (axe: label), and says which unit to type
    ('lab.innerHTML = "Type numeric answer here:";',
     'lab.innerHTML = qa.label || "Type numeric answer here:"; lab.htmlFor = id + "-0";', 1),
    # feedback is announced to screen readers
    ("this.fbDiv.className = 'Feedback';",
     "this.fbDiv.className = 'Feedback'; this.fbDiv.setAttribute('role', 'status');"
     " this.fbDiv.setAttribute('aria-live', 'polite');", 1),
    # the options form one radio group named by the question
    ("this.fbDiv.dataset.numcorrect = numCorrect;",
     "this.fbDiv.dataset.numcorrect = numCorrect; this.aDiv.setAttribute('role', 'radiogroup');"
     " this.aDiv.setAttribute('aria-labelledby', this.qDiv.id);", 1),
    # the MathJax fallback that would fetch MathJax from jsDelivr: gone
    ("script.src = 'https://cdn.jsdelivr.net/npm/mathjax@3/es5/tex-svg.js';", "", 2),
    ("document.head.appendChild(script);", "", 2),
]


def _patch(script):
    for old, new, count in _PATCHES:
        found = script.count(old)
        if found != count:
            raise RuntimeError(f"jupyterquiz changed: expected {count}× {old!r} in its script, found {found}; "
                               "re-check the patches in ketamine_sim/quiz/__init__.py")
        script = script.replace(old, new)
    if "://" in script:
        raise RuntimeError("the quiz script still names an outside URL")
    return script


def _style(div_id):
    """The light card and the book's overrides, scoped to this quiz."""
    q = f"#{div_id}"
    return f"""<style>
{q} {{ background: #ffffff; color: {INK}; border: 1px solid #9ca4af; padding: 0.5em 0.75em 1em; margin: 1em 0;
       color-scheme: light; }}
{q} .ks-quiz-howto {{ margin: 0.25em 0 0; font-size: 0.95em; color: {INK}; }}
{q} .Quiz {{ font-size: 1.1rem; line-height: 1.35; }}
{q} .Feedback {{ font-size: 1.05rem; text-align: left; margin: 0.5em 0 1em; }}
{q} .MCButton {{ font-size: 1rem; color: #1f1f1f; text-align: left; justify-content: flex-start; }}
{q} .MCButton input.sr-only {{ position: static; width: auto; height: auto; clip: auto; overflow: visible;
       white-space: normal; margin: 0 0.6em 0 0; flex: none; }}
{q} .MCButton:focus-within {{ outline: 3px solid #0072B2; outline-offset: 2px; }}
{q} .InpLabel {{ float: none; display: block; font-size: 1rem; line-height: 1.4; color: {INK}; }}
{q} .Input-text {{ background: #ffffff; color: {INK}; border: 2px solid #5f6670; margin: 0.4em 0; }}
{q} .correctButton, {q} .incorrectButton {{ color: #fafafa; }}  /* on the answer colours */
@media (max-width: 480px) {{ {q} {{ padding: 0.4em 0.5em 0.75em; }} }}
</style>"""


@dataclass(frozen=True)
class Rendered:
    """The quiz as two outputs: the ``html`` container (with styles) and the ``javascript`` that fills it."""

    div_id: str
    html: str
    javascript: str


def render(slug, questions):
    """The HTML and JavaScript of a quiz; the same ``slug`` and questions give the same bytes on every build."""
    from jupyterquiz.dynamic.loader import load_questions_script
    from jupyterquiz.dynamic.renderer import build_script, build_styles, render_div

    if not re.fullmatch(r"[a-z][a-z0-9_]*", slug):
        raise ValueError(f"slug={slug!r} must be the notebook's name: lower case letters, digits and _")
    if not questions:
        raise ValueError("questions is empty; a chapter's quiz needs at least one question")
    for i, q in enumerate(questions):
        if not isinstance(q, MultipleChoice | Numeric):
            raise ValueError(f"questions[{i}]={q!r} is not a MultipleChoice or Numeric record")
    div_id = f"jq_{slug}"
    prefix, static, url = load_questions_script([q.record() for q in questions], div_id)
    script = _patch(build_script(prefix, static, url, div_id, load_js=True))
    # the container by id (a string), not through the window's named-element property
    call = f"show_questions(questions{div_id}, {div_id});"
    if script.count(call) != 1:
        raise RuntimeError(f"jupyterquiz changed: expected one {call!r}")
    script = script.replace(call, f'show_questions(questions{div_id}, "{div_id}");')
    # its own scope: MathJax and console.log are hidden from it (no CDN fallback, no log noise)
    javascript = ("(function () {\nvar MathJax;\n"
                  "var console = {log: function () {}, error: window.console.error.bind(window.console)};\n"
                  f"{script}\n}})();\n")
    div = render_div(div_id, False, False, False, 1_000_000, 600, 10, "left")
    html = (f'<section class="ks-quiz" aria-label="Self-check questions">{div}'
            f'<p class="ks-quiz-howto">{HOW_TO}</p></div>{build_styles(div_id, {**_DEFAULT_COLORS, **COLORS})}'
            f"{_style(div_id)}</section>")
    return Rendered(div_id, html, javascript)


# jupyterquiz's own default palette, passed whole so the output never depends on its internal defaults changing
_DEFAULT_COLORS = {
    "--jq-multiple-choice-bg": "#392061", "--jq-mc-button-bg": "#fafafa", "--jq-mc-button-border": "#e0e0e0e0",
    "--jq-mc-button-inset-shadow": "#555555", "--jq-many-choice-bg": "#f75c03ff", "--jq-numeric-bg": "#392061ff",
    "--jq-numeric-input-bg": "#c0c0c0", "--jq-numeric-input-label": "#101010", "--jq-numeric-input-shadow": "#999999",
    "--jq-string-bg": "#4c1a57", "--jq-text-color": "#fafafa", "--jq-link-color": "#9abafa",
}


def questions(slug):
    """The ``QUESTIONS`` of ``ketamine_sim/quiz/<slug>.py``."""
    try:
        module = importlib.import_module(f"ketamine_sim.quiz.{slug}")
    except ModuleNotFoundError:
        raise ValueError(f"slug={slug!r} has no question file ketamine_sim/quiz/{slug}.py") from None
    return list(module.QUESTIONS)


def prove_it(slug):
    """Show the chapter's self-check questions (``ketamine_sim/quiz/<slug>.py``) below the cell."""
    from IPython.display import HTML, Javascript, display

    quiz = render(slug, questions(slug))
    display(HTML(quiz.html))
    display(Javascript(quiz.javascript))
