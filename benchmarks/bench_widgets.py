"""Widget latency in a real JupyterLab: from a key press on a control to its new figure on screen.

For every live widget of every chapter, each control is moved ``MOVES`` times by one step (keyboard, as a
student would), half one way and half back, turning back early at either end of its range. A probe in the page
stamps the ``keydown`` event, watches the widget's ``<img>`` for a new ``src``, waits until the new image is
decoded and one animation frame has been painted, and reports the difference. The kernel is left idle between
moves, so each move is measured alone. A widget remembers the frames it has shown (``widgets.core.FRAMES_KEPT``),
so moving back shows a remembered frame: the column "new states" gives the median of the moves that reached a
combination of the widget's sliders not shown before, which the kernel had to compute and draw.

Run: ``make bench ONLY=widgets`` (or ``.venv/bin/python benchmarks/bench_widgets.py``).
Environment: ``BENCH_MOVES`` (moves per control, default 20), ``BENCH_CHAPTERS`` (notebook stems, default all),
``BENCH_STYLES`` (default ``"book lecture"``: each table once in the book style, once after ``style.use("lecture")``).
"""

import os
import pathlib
import sys
import time

import numpy as np

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))

from timing import print_table  # noqa: E402

import lab_client as lc  # noqa: E402

MOVES = int(os.environ.get("BENCH_MOVES", "20"))
GOAL_MEDIAN_MS, GOAL_P95_MS = 120, 200

_PROBE = """(el) => {
  const srcs = () => Array.from(el.querySelectorAll('img')).map(i => i.getAttribute('src')).join('|');
  const before = srcs();
  let t0 = null, done = false;
  el.addEventListener('keydown', () => { if (t0 === null) t0 = performance.now(); }, {capture: true, once: true});
  window.__ksProbe = new Promise((resolve, reject) => {
    const obs = new MutationObserver(async () => {
      if (done || srcs() === before) return;
      done = true;
      obs.disconnect();
      await Promise.all(Array.from(el.querySelectorAll('img')).map(i => i.decode().catch(() => null)));
      requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - t0)));
    });
    obs.observe(el, {subtree: true, childList: true, attributes: true, attributeFilter: ['src']});
    setTimeout(() => { if (!done) reject(new Error('no new figure within 30 s')); }, 30000);
  });
}"""


def _next_key(control, key):
    """Keep stepping ``key``'s way, turning back at either end (a two-position switch turns back every move)."""
    now, low, high = lc.slider_position(control)
    if key == "ArrowRight" and now >= high:
        return "ArrowLeft"
    if key == "ArrowLeft" and now <= low:
        return "ArrowRight"
    return key


def _state(sliders):
    return tuple(lc.slider_position(c)[0] for c in sliders)


def _measure_control(page, output, control, moves, sliders, seen):
    """Times of ``moves`` key presses on ``control``, and whether each reached a state of the widget's sliders
    not shown before (``seen``, shared by the widget's controls: a state shown before comes from the widget's
    frame memory, without a redraw)."""
    handle = control.locator(".noUi-handle").first
    times, new, key = [], [], "ArrowRight"
    for i in range(moves):
        lc.wait_idle(page)
        page.wait_for_timeout(150)
        key = _next_key(control, "ArrowLeft" if i == moves // 2 and key == "ArrowRight" else key)
        output.evaluate(_PROBE)
        handle.focus()
        page.keyboard.press(key)
        times.append(page.evaluate("() => window.__ksProbe"))
        state = _state(sliders)
        new.append(state not in seen)
        seen.add(state)
    return np.array(times), np.array(new)


def bench(chapters, moves=MOVES, style="book"):
    """Return rows (chapter, widget title, control, times, new) for every slider of every widget; ``new`` marks
    the moves to a state of the widget not shown before."""
    rows = []
    first = None if style == "book" else f"from ketamine_sim import style\nstyle.use({style!r})"
    with lc.lab_server(chapters, first_cell=first) as (base, _), lc.browser() as b:
        for path in chapters:
            page = lc.open_notebook(b, base, path.name)
            errors = lc.error_outputs(lc.run_all(page))
            if errors:
                raise RuntimeError("\n".join(errors))
            for output in lc.widget_outputs(page):
                title = output.locator(".widget-html-content strong").first.text_content() or "?"
                found, _ = lc.controls(output)
                sliders = [c for c in found if "widget-slider" in (c.get_attribute("class") or "")]
                seen = {_state(sliders)}
                for control in sliders:
                    try:
                        t, new = _measure_control(page, output, control, moves, sliders, seen)
                    except Exception as err:  # name the control; the run itself should not hide which one hung
                        raise RuntimeError(f"{path.stem} / {title} / {lc.describe_control(control)}: {err}") from err
                    rows.append((path.stem, title, lc.describe_control(control), t, new))
            page.evaluate("() => window.jupyterapp.shell.currentWidget.sessionContext.shutdown()")
            page.close()
    return rows


def _row(chapter, widget, control, t, new):
    med, p95 = float(np.median(t)), float(np.percentile(t, 95))
    fresh = f"{np.median(t[new]):.0f} ({new.sum()})" if new.any() else "–"
    return (chapter, widget, control, len(t), f"{med:.0f}", f"{p95:.0f}", f"{t.max():.0f}", fresh,
            "yes" if med <= GOAL_MEDIAN_MS and p95 <= GOAL_P95_MS else "no")


def main(argv, style="book"):
    chapters = [p for p in lc.NOTEBOOKS if not argv or p.stem in argv]
    load = os.getloadavg()
    t0 = time.perf_counter()
    rows = bench(chapters, style=style)
    table = [_row(*r) for r in rows]
    by_widget = {}
    for c, w, _ctl, t, new in rows:
        by_widget.setdefault((c, w), []).append((t, new))
    for (c, w), parts in by_widget.items():
        table.append(_row(c, f"**{w}** (all controls)", "", *(np.concatenate(x) for x in zip(*parts, strict=True))))
    print_table(f"Widget latency in JupyterLab, {style} style, key press → new figure painted (ms); "
                f"goal median ≤ {GOAL_MEDIAN_MS}, p95 ≤ {GOAL_P95_MS}",
                ["chapter", "widget", "control", "moves", "median", "p95", "max", "median, new states (moves)",
                 "goal met"], table)
    print(f"\n{os.cpu_count()} cores, load average before the run {load[0]:.2f} / {load[1]:.2f} / {load[2]:.2f}; "
          f"{time.perf_counter() - t0:.0f} s in all.")


if __name__ == "__main__":
    for variant in os.environ.get("BENCH_STYLES", "book lecture").split():
        main(os.environ.get("BENCH_CHAPTERS", "").split(), variant)
