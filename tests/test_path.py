"""The learning path and a cast card on the built site, in Debian's Chromium with every outside host blocked.

A reader marks steps done by mouse and by keyboard: ``aria-pressed`` flips, the change is announced in an
``aria-live`` region, the next step unlocks, and after a reload the marks are still there.  Locked steps keep
working links.  The page passes axe-core (from ``node_modules``) in light and dark mode and fits a phone.  A
card's Prove-it quiz answers with the network switched off.
"""

import urllib.parse

import pytest

import browser as site
from ketamine_sim.learning_path import CARDS, STAGES
from ketamine_sim.quiz import MultipleChoice, questions

pytestmark = pytest.mark.book

PATH_PAGE = "book/cast/index.html"
CARD = "glutamate"
BLOCKING = {"serious", "critical"}
_AXE = """() => axe.run(document, {resultTypes: ["violations"]}).then(r => r.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 4).map(n => n.target.join(" "))})))"""


@pytest.fixture
def browse(served):
    """Open pages in fresh profiles with outside hosts blocked; yields open(name, scheme, width) -> page."""
    base, chromium, _ = served
    pages = site.OfflinePages(chromium, base)

    def open_page(name=PATH_PAGE, scheme="light", width=1280):
        return pages.open(name, scheme, width)

    yield open_page
    pages.close()


def _step(page, slug, kind="card"):
    return page.locator(f'#ks-path li[data-step="{kind}:{slug}"]')


def _button(page, slug):
    return _step(page, slug).locator("button.ks-done")


def _status(page):
    return page.locator("#ks-path-status")


def test_the_path_shows_every_stage_and_card_and_links_only_pages_that_exist(browse, served):
    page = browse()
    html_dir = served[2]
    stages = page.locator("#ks-path h2.ks-stage").all_text_contents()
    assert [s.split(": ", 1)[1] for s in stages] == [name for name, _ in STAGES]
    for card in CARDS:
        link = _step(page, card.slug).locator("a")
        assert link.text_content() == card.title
    hrefs = page.eval_on_selector_all("#ks-path a[href]", "links => links.map(a => a.href)")
    for href in hrefs:
        target = html_dir / urllib.parse.urlsplit(href).path.lstrip("/")
        assert target.is_file(), f"the path links to a missing page: {href}"
    # the existing chapter is a step; a chapter not yet written is named, without a link or a button
    assert _step(page, "antagonist_paradox", "chapter").locator("a").count() == 1
    soon = page.locator("#ks-path li.ks-soon")
    for i in range(soon.count()):
        assert soon.nth(i).locator("a, button").count() == 0
        assert "coming soon" in soon.nth(i).text_content()


def test_marking_done_by_click_and_keyboard_is_announced_unlocks_the_next_and_survives_a_reload(browse):
    page = browse()
    first, second, third, fourth = (c.slug for c in CARDS[:4])
    assert _step(page, first).get_attribute("data-state") == "open"
    assert _step(page, second).get_attribute("data-state") == "locked"
    assert _status(page).get_attribute("aria-live") == "polite"
    assert _status(page).text_content() == ""

    _button(page, first).click()  # by mouse
    assert _button(page, first).get_attribute("aria-pressed") == "true"
    assert _step(page, second).get_attribute("data-state") == "open"
    announced = _status(page).text_content()
    assert f"{CARDS[0].title} marked done." in announced and f"Unlocked: {CARDS[1].title}." in announced
    assert "1 of " in announced

    _button(page, second).focus()  # by keyboard: Space, then Tab to the next step's button and Enter
    page.keyboard.press("Space")
    assert _button(page, second).get_attribute("aria-pressed") == "true"
    assert f"Unlocked: {CARDS[2].title}." in _status(page).text_content()
    page.keyboard.press("Tab")  # from the button to the next step's link, then to its button
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('li').dataset.step") == f"card:{third}"
    page.keyboard.press("Enter")
    assert _button(page, third).get_attribute("aria-pressed") == "true"

    page.reload()
    page.wait_for_load_state("networkidle")
    for slug in (first, second, third):
        assert _button(page, slug).get_attribute("aria-pressed") == "true", slug
        assert _step(page, slug).get_attribute("data-state") == "done"
    assert _step(page, fourth).get_attribute("data-state") == "open"
    assert _step(page, CARDS[4].slug).get_attribute("data-state") == "locked"
    assert page.locator("#ks-path-count").text_content().startswith("3 of ")

    _button(page, third).focus()  # and un-marking works the same way
    page.keyboard.press("Enter")
    assert _button(page, third).get_attribute("aria-pressed") == "false"
    assert f"{CARDS[2].title} marked not done." in _status(page).text_content()
    assert _step(page, fourth).get_attribute("data-state") == "locked"


def test_a_locked_step_is_still_a_working_link(browse):
    page = browse()
    last = _step(page, CARDS[-1].slug)
    assert last.get_attribute("data-state") == "locked"
    assert "locked" in last.text_content()
    link = last.locator("a")
    assert link.get_attribute("aria-disabled") is None and link.get_attribute("tabindex") is None
    link.click()
    page.wait_for_load_state("networkidle")
    assert page.url.endswith(f"book/cast/{CARDS[-1].slug}.html")
    assert CARDS[-1].title in page.locator("h1").first.text_content()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_path_passes_axe_before_and_after_marking(browse, scheme):
    page = browse(scheme=scheme)
    assert page.evaluate("document.documentElement.dataset.theme") == scheme
    page.add_script_tag(path=str(site.AXE))
    found = [v for v in page.evaluate(_AXE) if v["impact"] in BLOCKING]
    assert not found, f"before marking [{scheme}]: {found}"
    _button(page, CARDS[0].slug).click()
    _button(page, CARDS[1].slug).click()
    found = [v for v in page.evaluate(_AXE) if v["impact"] in BLOCKING]
    assert not found, f"after marking [{scheme}]: {found}"


def test_the_path_fits_a_phone_with_large_enough_buttons(browse):
    page = browse(width=390)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    box = _button(page, CARDS[0].slug).bounding_box()
    assert box["height"] >= 44 and box["x"] + box["width"] <= 390


def test_a_card_shows_its_drawing_and_its_prove_it_answers_with_the_network_off(browse):
    page = browse(f"book/cast/{CARD}.html")
    img = page.locator(f'.bd-article img[src$="{CARD}.svg"]')
    assert img.count() == 1
    assert img.evaluate("i => i.complete && i.naturalWidth > 0")
    assert len((img.get_attribute("alt") or "").split()) >= 8
    page.context.set_offline(True)
    slug = f"cast_{CARD}"
    q = questions(slug)[0]
    assert isinstance(q, MultipleChoice)
    quiz = f"#jq_{slug}"
    page.wait_for_selector(f"{quiz} .Quiz")
    feedback = page.locator(f"#fb{quiz[1:]}q0")
    assert feedback.get_attribute("aria-live") == "polite"
    wrong = (q.correct + 1) % len(q.options)
    page.locator(f"#quizWrap{quiz[1:]}q0 label.MCButton", has_text=q.options[wrong]).click()
    assert feedback.text_content().startswith("Not quite.") and q.explanations[wrong] in feedback.text_content()
    page.locator(f"#quizWrap{quiz[1:]}q0 label.MCButton", has_text=q.options[q.correct]).click()
    assert feedback.text_content() == f"Correct. {q.explanations[q.correct]}"
    page.context.set_offline(False)
