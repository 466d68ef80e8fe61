"""The chapter kit on the built site, in Debian's Chromium with every outside host blocked.

The antagonist-paradox chapter's Prove-it quiz answers a wrong and then the right multiple-choice option, a
numeric answer and a keyboard answer with feedback in an ``aria-live`` region; the quiz and the cascade map pass
axe-core (from ``node_modules``) in light and dark mode; both fit and stay legible on a 390-px phone; no
request leaves 127.0.0.1.
"""

import pytest

import browser as site
from ketamine_sim.diagrams import circuit_diagram
from ketamine_sim.quiz import MultipleChoice, Numeric, questions

pytestmark = pytest.mark.book

SLUG = "antagonist_paradox"
PAGE = f"book/chapters/{SLUG}.html"
QUIZ = f"#jq_{SLUG}"
BLOCKING = {"serious", "critical"}
QUESTIONS = questions(SLUG)
MC_INDEX = next(i for i, q in enumerate(QUESTIONS) if isinstance(q, MultipleChoice))
NUM_INDEX = next(i for i, q in enumerate(QUESTIONS) if isinstance(q, Numeric))
_AXE = """(sel) => axe.run({include: sel}, {resultTypes: ["violations"]}).then(r => r.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 4).map(n => n.target.join(" "))})))"""
# the smallest text of the SVG as drawn on screen, in CSS px
_SMALLEST_SVG_TEXT = """(svg) => {
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  const sizes = Array.from(svg.querySelectorAll("text")).map(t => parseFloat(t.getAttribute("font-size")));
  return Math.min(...sizes) * scale;
}"""


@pytest.fixture
def chapter(served):
    """Open the chapter with outside hosts blocked; yields a function (scheme, width) -> page; checks on exit."""
    base, chromium, _ = served
    pages = site.OfflinePages(chromium, base)

    def open_page(scheme="light", width=1280):
        page = pages.open(PAGE, scheme, width)
        page.wait_for_selector(f"{QUIZ} .Quiz")
        return page

    yield open_page
    pages.close(settle_ms=700)  # past jupyterquiz's 500 ms MathJax timer


def _feedback(page, index):
    return page.locator(f"#fb{QUIZ[1:]}q{index}")


def _answer_mc(page, index, option):
    page.locator(f"#quizWrap{QUIZ[1:]}q{index} label.MCButton", has_text=QUESTIONS[index].options[option]).click()


def _answer_numeric(page, index, text):
    box = page.locator(f"#{QUIZ[1:]}q{index}-0")
    box.fill(text)
    box.press("Enter")


def test_a_wrong_then_the_right_choice_gets_feedback_with_its_explanation_in_a_live_region(chapter):
    page = chapter()
    q = QUESTIONS[MC_INDEX]
    feedback = _feedback(page, MC_INDEX)
    # the live region is in the page before anything is answered, so screen readers announce what appears in it
    assert feedback.get_attribute("aria-live") == "polite" and feedback.get_attribute("role") == "status"
    assert feedback.text_content() == ""
    wrong = next(i for i in range(len(q.options)) if i != q.correct)
    _answer_mc(page, MC_INDEX, wrong)
    assert feedback.text_content().startswith("Not quite.") and q.explanations[wrong] in feedback.text_content()
    _answer_mc(page, MC_INDEX, q.correct)
    assert feedback.text_content() == f"Correct. {q.explanations[q.correct]}"
    assert "correct" in feedback.get_attribute("class").split()
    group = page.locator(f"#quizAns{QUIZ[1:]}q{MC_INDEX}{MC_INDEX}")
    assert group.get_attribute("role") == "radiogroup"
    assert q.question.split()[0] in page.locator(f"#{group.get_attribute('aria-labelledby')}").text_content()


def test_a_typed_number_is_checked_against_the_model_with_a_labelled_input(chapter):
    page = chapter()
    q = QUESTIONS[NUM_INDEX]
    box_id = f"{QUIZ[1:]}q{NUM_INDEX}-0"
    assert q.unit in page.locator(f"label[for='{box_id}']").text_content()
    feedback = _feedback(page, NUM_INDEX)
    assert feedback.get_attribute("aria-live") == "polite"
    _answer_numeric(page, NUM_INDEX, f"{q.answer + 10 * q.tolerance:g}")
    assert feedback.text_content() == f"Not quite. {q.hint}"
    if q.mistakes:
        low, high, text = q.mistakes[0]
        _answer_numeric(page, NUM_INDEX, f"{(low + high) / 2:g}")
        assert feedback.text_content() == f"Not quite. {text}"
    _answer_numeric(page, NUM_INDEX, f"{q.answer + 0.5 * q.tolerance:g}")
    assert feedback.text_content() == f"Correct. {q.explanation}"


def test_a_choice_can_be_made_with_the_keyboard(chapter):
    page = chapter()
    index = max(i for i, q in enumerate(QUESTIONS) if isinstance(q, MultipleChoice))
    q = QUESTIONS[index]
    page.locator(f"#quizWrap{QUIZ[1:]}q{index} input[type=radio]").nth(q.correct).focus()
    page.keyboard.press("Space")
    assert _feedback(page, index).text_content().startswith("Correct.")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_quiz_and_diagrams_pass_axe(chapter, scheme):
    page = chapter(scheme)
    assert page.evaluate("document.documentElement.dataset.theme") == scheme
    q = QUESTIONS[MC_INDEX]
    _answer_mc(page, MC_INDEX, (q.correct + 1) % len(q.options))  # one wrong, one right: both colours drawn
    _answer_numeric(page, NUM_INDEX, f"{QUESTIONS[NUM_INDEX].answer:g}")
    page.wait_for_timeout(1000)  # the answer buttons' colour animations end
    # the disinhibition chapter's circuit diagram is on no page yet: put it into this one, as a chapter would
    page.evaluate("html => document.querySelector('.bd-article').insertAdjacentHTML('beforeend', html)",
                  circuit_diagram()._repr_html_())
    page.add_script_tag(path=str(site.AXE))
    for selector in (QUIZ, "figure.ks-diagram", "#circuit-disinhibition"):
        assert page.locator(selector).count() >= 1, f"{selector} is not on the page"
        found = [v for v in page.evaluate(_AXE, [selector]) if v["impact"] in BLOCKING]
        assert not found, f"{selector} [{scheme}]: {found}"


def test_on_a_dark_phone_the_map_is_a_light_card_that_fits_with_legible_text(chapter, served):
    page = chapter("dark", width=390)
    figure = page.locator("figure.ks-diagram").first
    figure.scroll_into_view_if_needed()
    assert figure.evaluate("f => getComputedStyle(f).backgroundColor") == "rgb(255, 255, 255)"
    svg = figure.locator("svg")
    label = svg.get_attribute("aria-label")
    assert svg.get_attribute("role") == "img" and "receptor" in label
    assert svg.locator("title").first.text_content() == label
    assert "This chapter covers the receptor stage" in svg.locator("desc").text_content()
    box = svg.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390, box
    assert svg.evaluate(_SMALLEST_SVG_TEXT) >= 11
    quiz = page.locator(QUIZ)
    assert quiz.evaluate("q => getComputedStyle(q).backgroundColor") == "rgb(255, 255, 255)"
    qbox = quiz.bounding_box()
    assert qbox["x"] >= 0 and qbox["x"] + qbox["width"] <= 390, qbox
    assert quiz.evaluate("q => q.scrollWidth <= q.clientWidth"), "the quiz scrolls sideways on a phone"
    shots = served[2].parent / "kit-site"
    shots.mkdir(exist_ok=True)
    figure.screenshot(path=str(shots / "cascade-map-phone-dark.png"))
    quiz.screenshot(path=str(shots / "quiz-phone-dark.png"))
