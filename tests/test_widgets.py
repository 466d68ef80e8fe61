"""The widget helper: live ipywidgets in a kernel, working kernel-free frames for the static site."""

import html
import json
import re

import pytest

from ketamine_sim import plots, widgets
from ketamine_sim.widgets import frames
from ketamine_sim.widgets import receptors as receptor_widgets


def _toy_controls():
    return [widgets.Slider("a", "First knob", 0, 2, 0.5, 1.0, (0.0, 1.0, 2.0)),
            widgets.Slider("b", "Second knob", 0, 1, 0.1, 0.0, (0.0, 1.0), "mV")]


def _toy_model(a, b):
    return {"a": a, "b": b}


def _toy_plot(fig, res):
    fig.subplots().plot([0, 1], [res["a"], res["b"]])


def _toy_describe(res):
    return f"Line from {res['a']:g} to {res['b']:g}."


def _static_html(monkeypatch):
    monkeypatch.setenv(widgets.STATIC_ENV, "1")
    return widgets.interactive_figure(_toy_controls(), _toy_model, _toy_plot, _toy_describe, "Toy").data


def test_static_mode_follows_the_environment(monkeypatch):
    monkeypatch.delenv(widgets.STATIC_ENV, raising=False)
    assert not widgets.static_mode()
    monkeypatch.setenv(widgets.STATIC_ENV, "1")
    assert widgets.static_mode()


def test_static_figure_has_one_frame_per_combination_each_with_its_own_alt(monkeypatch):
    page = _static_html(monkeypatch)
    data = json.loads(re.search(r'<script type="application/json">(.*?)</script>', page, re.S).group(1))
    assert data["shape"] == [3, 2] and len(data["frames"]) == 6
    assert len(set(data["frames"])) == 6, "every combination must look different"
    # index = i_a * 2 + i_b: the last control varies fastest
    assert data["alts"][1] == "Line from 0 to 1." and data["alts"][5] == "Line from 2 to 1."
    assert data["labels"] == [["0", "1", "2"], ["0 mV", "1 mV"]]  # default format .3g


def test_static_figure_starts_at_the_default_values(monkeypatch):
    page = _static_html(monkeypatch)
    assert 'alt="Line from 1 to 0."' in page
    assert re.search(r'<input type="range" id="[^"]+-a" min="0" max="2" step="1" value="1"', page)


def test_every_static_slider_is_labelled(monkeypatch):
    page = _static_html(monkeypatch)
    ids = re.findall(r'<input type="range" id="([^"]+)"', page)
    labels = re.findall(r'<label for="([^"]+)">([^<]+)</label>', page)
    assert len(ids) == 2 and sorted(ids) == sorted(i for i, _ in labels)
    assert {html.unescape(t) for _, t in labels} == {"First knob", "Second knob"}


def test_too_many_frames_is_refused():
    many = [widgets.Slider(n, n, 0, 10, 1, 0, tuple(range(11))) for n in "abc"]
    with pytest.raises(ValueError, match=r"frames=1331 .*allowed range \[1, 120\]"):
        frames.render(many, lambda v: (b"", ""), "too many")


def test_live_widget_redraws_when_a_slider_moves(monkeypatch):
    monkeypatch.delenv(widgets.STATIC_ENV, raising=False)
    box = widgets.interactive_figure(_toy_controls(), _toy_model, _toy_plot, _toy_describe, "Toy")
    sliders = [w for w in box.children if hasattr(w, "min") and hasattr(w, "max")]
    image = next(w for w in box.children if "<img" in str(getattr(w, "value", "")))
    before = image.value
    assert 'alt="Line from 1 to 0."' in before
    sliders[0].value = 2.0
    assert image.value != before and 'alt="Line from 2 to 0."' in image.value


def test_live_widget_shows_a_revisited_position_without_running_the_model_again(monkeypatch):
    monkeypatch.delenv(widgets.STATIC_ENV, raising=False)
    calls = []
    box = widgets.interactive_figure(_toy_controls(), lambda **v: calls.append(v) or _toy_model(**v), _toy_plot,
                                     _toy_describe, "Toy")
    slider = next(w for w in box.children if hasattr(w, "min") and hasattr(w, "max"))
    image = next(w for w in box.children if "<img" in str(getattr(w, "value", "")))
    first = image.value
    slider.value = 2.0
    slider.value = 1.0
    assert image.value == first and len(calls) == 2  # the start and 2.0; back at 1.0 from memory


def test_frame_memory_keeps_the_most_recent_frames(monkeypatch):
    from ketamine_sim.widgets import core

    monkeypatch.setattr(core, "FRAMES_KEPT", 2)
    drawn = []
    memory = core._FrameMemory(lambda v: drawn.append(v["a"]) or (b"png", str(v["a"])))
    for a in (1, 2, 1, 3, 2, 1):  # 3 pushes out 2 (1 was shown more recently); then 2 pushes out 1
        assert memory({"a": a}) == (b"png", str(a))
    assert drawn == [1, 2, 3, 2, 1]


def test_live_sliders_cannot_leave_their_range(monkeypatch):
    monkeypatch.delenv(widgets.STATIC_ENV, raising=False)
    slider = _toy_controls()[0].widget()
    slider.value = 99.0
    assert slider.value == 2.0


@pytest.mark.parametrize("explorer", [receptor_widgets.explore_nmda, receptor_widgets.explore_use_dependent_block])
def test_chapter_explorers_build_live(explorer, monkeypatch):
    monkeypatch.delenv(widgets.STATIC_ENV, raising=False)
    box = explorer()
    assert any("<img" in str(getattr(w, "value", "")) for w in box.children)


def test_compact_png_shrinks_a_figure_and_stays_a_png():
    fig = plots.figure((6, 3))
    fig.subplots().plot(range(50), [x * x for x in range(50)])
    png = plots.png_bytes(fig)
    small = frames.compact_png(png)
    assert small[:8] == b"\x89PNG\r\n\x1a\n" and len(small) < len(png)
