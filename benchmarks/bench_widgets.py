"""Widget latency in a real JupyterLab: from a key press on a control to its new figure on screen.

For every live widget of every chapter, each control is moved ``MOVES`` times by one step (keyboard, as a
student would), half one way and half back, turning back early at either end of its range. A probe in the page
stamps the ``keydown`` event, watches the widget's ``<img>`` for a new ``src``, waits until the new image is
decoded and one animation frame has been painted, and reports the difference. The kernel is left idle between
moves, so each move is measured alone.

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


def _next_key(handle, key):
    """Keep stepping ``key``'s way, turning back at either end (a two-position switch turns back every move)."""
    now, low, high = (float(handle.get_attribute(a)) for a in ("aria-valuenow", "aria-valuemin", "aria-valuemax"))
    if key == "ArrowRight" and now >= high:
        return "ArrowLeft"
    if key == "ArrowLeft" and now <= low:
        return "ArrowRight"
    return key


def _measure_control(page, output, control, moves):
    handle = control.locator(".noUi-handle").first
    times, key = [], "ArrowRight"
    for i in range(moves):
        lc.wait_idle(page)
        page.wait_for_timeout(150)
        key = _next_key(handle, "ArrowLeft" if i == moves // 2 and key == "ArrowRight" else key)
        output.evaluate(_PROBE)
        handle.focus()
        page.keyboard.press(key)
        times.append(page.evaluate("() => window.__ksProbe"))
    return np.array(times)


def bench(chapters, moves=MOVES, style="book"):
    """Return rows (chapter, widget title, control, n, median, p95, max) for every slider of every widget."""
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
                for control in found:
                    if "widget-slider" not in (control.get_attribute("class") or ""):
                        continue
                    try:
                        t = _measure_control(page, output, control, moves)
                    except Exception as err:  # name the control; the run itself should not hide which one hung
                        raise RuntimeError(f"{path.stem} / {title} / {lc.describe_control(control)}: {err}") from err
                    rows.append((path.stem, title, lc.describe_control(control), len(t), float(np.median(t)),
                                 float(np.percentile(t, 95)), float(t.max()), t))
            page.evaluate("() => window.jupyterapp.shell.currentWidget.sessionContext.shutdown()")
            page.close()
    return rows


def main(argv, style="book"):
    chapters = [p for p in lc.NOTEBOOKS if not argv or p.stem in argv]
    load = os.getloadavg()
    t0 = time.perf_counter()
    rows = bench(chapters, style=style)
    table = [(c, w, ctl, n, f"{med:.0f}", f"{p95:.0f}", f"{mx:.0f}",
              "yes" if med <= GOAL_MEDIAN_MS and p95 <= GOAL_P95_MS else "no")
             for c, w, ctl, n, med, p95, mx, _ in rows]
    by_widget = {}
    for c, w, *_rest, t in rows:
        by_widget.setdefault((c, w), []).append(t)
    for (c, w), ts in by_widget.items():
        t = np.concatenate(ts)
        med, p95 = float(np.median(t)), float(np.percentile(t, 95))
        table.append((c, f"**{w}** (all controls)", "", len(t), f"{med:.0f}", f"{p95:.0f}", f"{t.max():.0f}",
                      "yes" if med <= GOAL_MEDIAN_MS and p95 <= GOAL_P95_MS else "no"))
    print_table(f"Widget latency in JupyterLab, {style} style, key press → new figure painted (ms); "
                f"goal median ≤ {GOAL_MEDIAN_MS}, p95 ≤ {GOAL_P95_MS}",
                ["chapter", "widget", "control", "moves", "median", "p95", "max", "goal met"], table)
    print(f"\n{os.cpu_count()} cores, load average before the run {load[0]:.2f} / {load[1]:.2f} / {load[2]:.2f}; "
          f"{time.perf_counter() - t0:.0f} s in all.")


if __name__ == "__main__":
    for variant in os.environ.get("BENCH_STYLES", "book lecture").split():
        main(os.environ.get("BENCH_CHAPTERS", "").split(), variant)
