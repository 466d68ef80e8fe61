"""Drive a real JupyterLab with Debian's Chromium: shared by tests/test_lab.py and benchmarks/bench_widgets.py.

The server runs on 127.0.0.1 in a temporary folder holding COPIES of the notebooks (JupyterLab autosaves
outputs into what it opens), with ``KETAMINE_SIM_STATIC`` removed from its environment so every widget is live.
``write_reader_copy`` puts the reader copy of a book notebook (tools/lab_edition.py, what ``make lab`` opens)
into that folder; ``raw_myst`` and ``solution_visibility`` check what JupyterLab renders of it.
"""

import contextlib
import json
import math
import os
import pathlib
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import lab_edition  # noqa: E402

CHAPTERS = sorted((ROOT / "book" / "chapters").glob("*.ipynb"))
# every notebook of the book (chapters and notebook pages such as the validation page); not the chapter skeleton
# (book/templates, checked by tests/test_chapter_contract.py)
NOTEBOOKS = sorted(p for p in (ROOT / "book").rglob("*.ipynb")
                   if not {".ipynb_checkpoints", "templates"} & set(p.parts))
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
               "--disable-sync", "--no-first-run"]
STATIC_ENV = "KETAMINE_SIM_STATIC"

# Every kind of control a chapter may use, with how to move it (see move_control)
CONTROL_SELECTOR = ", ".join([
    ".widget-slider:not(.widget-readout)", ".widget-dropdown", ".widget-checkbox", ".widget-toggle-buttons",
    ".widget-radio", ".widget-button", ".widget-text", ".widget-toggle-button",
])
# Anything interactive inside a widget output that the list above does not cover is an error: a control
# the test cannot move is a control nobody checked.
INTERACTIVE_SELECTOR = "input, select, textarea, button, .noUi-handle"


def chromium_path():
    """The Chromium binary, or None when it is not installed."""
    found = shutil.which(CHROMIUM) or (CHROMIUM if pathlib.Path(CHROMIUM).exists() else None)
    return found


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def lab_server(notebooks, startup_timeout=120, first_cell=None, windowing=None):
    """Start JupyterLab on copies of ``notebooks``; yield (base_url, folder).  Stops it on exit.

    ``first_cell``: optional code put at the top of every copy (e.g. ``style.use("lecture")``).
    ``windowing``: the notebook's windowing mode; "none" renders every cell, not only those near the screen."""
    folder = pathlib.Path(tempfile.mkdtemp(prefix="ketamine-lab-"))
    for nb in notebooks:
        data = json.loads(pathlib.Path(nb).read_text())
        if first_cell:
            data["cells"].insert(0, {"cell_type": "code", "id": "first-cell", "metadata": {}, "outputs": [],
                                     "execution_count": None, "source": first_cell})
        (folder / pathlib.Path(nb).name).write_text(json.dumps(data))
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != STATIC_ENV}
    # a private settings/workspace folder: no state leaks in from a user's own JupyterLab
    env.update(JUPYTERLAB_WORKSPACES_DIR=str(folder / ".ws"), JUPYTERLAB_SETTINGS_DIR=str(folder / ".settings"))
    news = folder / ".settings" / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings"
    news.parent.mkdir(parents=True)
    news.write_text('{"fetchNews": "false", "checkForUpdates": false}')  # no toast, no request to github.io
    if windowing:
        tracker = folder / ".settings" / "@jupyterlab" / "notebook-extension" / "tracker.jupyterlab-settings"
        tracker.parent.mkdir(parents=True)
        tracker.write_text(json.dumps({"windowingMode": windowing}))
    jupyter = pathlib.Path(sys.executable).with_name("jupyter")
    cmd = [str(jupyter), "lab", "--no-browser", "--ip=127.0.0.1", f"--port={port}", "--IdentityProvider.token=",
           "--ServerApp.password=", "--allow-root", "--LabApp.expose_app_in_browser=True",
           f"--ServerApp.root_dir={folder}", "--ServerApp.port_retries=0"]
    log = open(folder / ".server.log", "w")  # noqa: SIM115 -- closed below
    proc = subprocess.Popen(cmd, cwd=folder, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + startup_timeout
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"JupyterLab exited ({proc.returncode}):\n{(folder / '.server.log').read_text()}")
            try:
                with urllib.request.urlopen(f"{base}/api/status", timeout=5) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise TimeoutError(f"JupyterLab did not answer within {startup_timeout} s")
            time.sleep(0.3)
        yield base, folder
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()
        shutil.rmtree(folder, ignore_errors=True)


@contextlib.contextmanager
def browser():
    """A headless Debian Chromium driven by playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_path(), args=LAUNCH_ARGS)
        try:
            yield b
        finally:
            b.close()


def open_notebook(b, base, name, timeout_s=120):
    """Open ``name`` in JupyterLab in a new page, wait until its kernel is idle; return the page."""
    page = b.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(f"{base}/lab/tree/{name}?reset", timeout=timeout_s * 1000)
    page.wait_for_function(
        "() => { const w = window.jupyterapp && window.jupyterapp.shell.currentWidget;"
        " const k = w && w.sessionContext && w.sessionContext.session && w.sessionContext.session.kernel;"
        " return k && k.status === 'idle'; }", timeout=timeout_s * 1000, polling=250)
    return page


_KERNEL_STATUS = "() => window.jupyterapp.shell.currentWidget.sessionContext.session.kernel.status"

_CELLS = """() => {
  const nb = window.jupyterapp.shell.currentWidget.content;
  return nb.widgets.map((cell, i) => {
    const m = cell.model;
    if (m.type !== 'code') return {index: i, type: m.type};
    const outputs = [];
    for (let j = 0; j < m.outputs.length; j++) outputs.push(m.outputs.get(j).toJSON());
    return {index: i, type: 'code', count: m.executionCount, outputs: outputs,
            source: m.sharedModel.getSource().slice(0, 80)};
  });
}"""


def cells(page):
    """Every cell of the open notebook: index, type, and for code cells execution count and outputs (nbformat)."""
    return page.evaluate(_CELLS)


def run_all(page, timeout_s=600):
    """Run every cell and wait until all code cells have run and the kernel is idle again."""
    page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        cs = cells(page)
        done = all(c["count"] is not None for c in cs if c["type"] == "code")
        if done and page.evaluate(_KERNEL_STATUS) == "idle":
            return cs
        page.wait_for_timeout(500)
    pending = [c["index"] for c in cells(page) if c["type"] == "code" and c["count"] is None]
    raise TimeoutError(f"cells {pending} had not run after {timeout_s} s")


def error_outputs(cs):
    """Error tracebacks and stderr text in the cells' outputs, as readable strings."""
    bad = []
    for c in cs:
        for out in c.get("outputs", []):
            if out.get("output_type") == "error":
                bad.append(f"cell {c['index']} ({c['source']!r}): {out['ename']}: {out['evalue']}")
            elif out.get("output_type") == "stream" and out.get("name") == "stderr":
                bad.append(f"cell {c['index']} ({c['source']!r}) wrote to stderr: {''.join(out['text'])[:400]}")
    return bad


def widget_outputs(page):
    """Locators of the output areas that hold a rendered widget, in notebook order."""
    return page.locator(".jp-OutputArea-output:has(.jupyter-widgets)").all()


def wait_idle(page, timeout_s=60):
    page.wait_for_function(f"{_KERNEL_STATUS} === 'idle'", timeout=timeout_s * 1000, polling=100)


# What "the figure or readout changed" compares: every image source and every HTML text in the output,
# but not the controls' own readouts (those move even when the kernel is dead).
_SNAPSHOT = """(el) => {
  const imgs = Array.from(el.querySelectorAll('img')).map(i => i.getAttribute('src') || '');
  const html = Array.from(el.querySelectorAll('.widget-html-content, .widget-output .jp-OutputArea-output'))
    .map(h => h.textContent);
  const svgs = Array.from(el.querySelectorAll('svg')).map(s => s.outerHTML.length + ':' + s.textContent);
  return JSON.stringify({imgs, html, svgs});
}"""


def snapshot(output):
    """What a reader sees in a widget output: its images (src), HTML texts and SVGs."""
    return json.loads(output.evaluate(_SNAPSHOT))


def wait_changed(output, before, timeout_s):
    """Poll the output until its snapshot differs from ``before``; return the new one (None on timeout)."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        now = snapshot(output)
        if now != before:
            return now
        time.sleep(0.05)
    return None


def controls(output):
    """Locators of the controls in a widget output, and of interactive elements no control covers."""
    found = output.locator(CONTROL_SELECTOR).all()
    covered = output.evaluate(
        f"""(el) => Array.from(el.querySelectorAll({json.dumps(INTERACTIVE_SELECTOR)}))
              .filter(x => !x.closest({json.dumps(CONTROL_SELECTOR)}))
              .map(x => x.outerHTML.slice(0, 120))""")
    return found, covered


def describe_control(control):
    """A short name for messages: the control's description label, else its classes."""
    label = control.locator(".widget-label").first
    if label.count():
        text = label.text_content().strip()
        if text:
            return text
    return control.get_attribute("class")


def slider_steps(control):
    """How many key steps a slider's range holds (from its noUiSlider options): 1 for a two-position switch."""
    return control.locator(".noUi-target").first.evaluate(
        "(el) => { const o = el.noUiSlider.options, lo = +o.range.min, hi = +o.range.max;"
        " return o.step ? (hi - lo) / o.step : Infinity; }")


def slider_position(control):
    """(value, lowest, highest) of a slider, unrounded, from its noUiSlider: the lowest and highest values a key
    step can reach (a log slider's last step may stop short of its max; aria-valuenow is rounded to one decimal,
    so 0.16 on a 0-0.2 slider reads as its end)."""
    value, low, high, step = control.locator(".noUi-target").first.evaluate(
        "(el) => { const s = el.noUiSlider, v = s.get(true);"
        " return [+(Array.isArray(v) ? v[0] : v), +s.options.range.min, +s.options.range.max, +s.options.step]; }")
    if step > 0:
        high = low + step * math.floor((high - low) / step + 1e-9)
    tolerance = 1e-6 * (step or 1.0)  # float steps: 0.02 * 10 lands a hair off 0.2
    return value, low + tolerance, high - tolerance


def drag_slider(page, control, pixels=90, steps=10):
    """Drag a slider's handle with the mouse by ``pixels`` (towards the middle), in ``steps`` mouse moves."""
    handle = control.locator(".noUi-handle").first
    track = control.locator(".noUi-base").first.bounding_box()
    box = handle.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    dx = pixels if x < track["x"] + track["width"] / 2 else -pixels
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x + dx, y, steps=steps)
    page.mouse.up()


def settle(page, output, quiet_s=1.0, timeout_s=60):
    """Wait until the kernel is idle and the output has not changed for ``quiet_s``; return its snapshot."""
    deadline = time.monotonic() + timeout_s
    last, since = snapshot(output), time.monotonic()
    while time.monotonic() < deadline:
        time.sleep(0.1)
        now = snapshot(output)
        if now != last:
            last, since = now, time.monotonic()
        elif time.monotonic() - since >= quiet_s and page.evaluate(_KERNEL_STATUS) == "idle":
            return now
    raise TimeoutError(f"the widget kept changing for {timeout_s} s")


def move_control(page, control, direction=1):
    """Move one control by the smallest step a student could make; returns what was done."""
    cls = control.get_attribute("class") or ""
    if "widget-slider" in cls:
        handle = control.locator(".noUi-handle").first
        now, low, top = slider_position(control)
        key = "ArrowRight" if direction > 0 else "ArrowLeft"
        if direction > 0 and now >= top:
            key = "ArrowLeft"
        if direction < 0 and now <= low:
            key = "ArrowRight"
        handle.focus()
        page.keyboard.press(key)
        return key
    if "widget-dropdown" in cls:
        select = control.locator("select")
        options = select.locator("option").all()
        current = select.input_value()
        other = next(o.get_attribute("value") for o in options if o.get_attribute("value") != current)
        select.select_option(other)
        return f"select {other}"
    if "widget-checkbox" in cls:
        control.locator("input").click()
        return "toggle"
    if "widget-toggle-buttons" in cls or "widget-radio" in cls:
        choice = control.locator("button:not(.mod-active), input:not(:checked)").first
        choice.click()
        return "choose another"
    if "widget-button" in cls or "widget-toggle-button" in cls:
        control.click()
        return "click"
    if "widget-text" in cls:
        box = control.locator("input")
        box.focus()
        page.keyboard.press("ArrowUp")
        page.keyboard.press("Enter")
        return "ArrowUp"
    raise AssertionError(f"no way to move a control of class {cls!r}")


def write_reader_copy(folder, path):
    """Execute book notebook ``path``, write its reader copy into ``folder`` (mirroring book/); return the
    path relative to ``folder`` (what open_notebook takes)."""
    rel = pathlib.Path(path).relative_to(ROOT / "book").as_posix()
    target = pathlib.Path(folder) / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(lab_edition.lab_copy(pathlib.Path(path)), ensure_ascii=False))
    lab_edition._copy_images(pathlib.Path(path), target)
    return rel


# Role or directive syntax as it shows once JupyterLab has rendered it: a role's backticks become a <code>
# element and a directive's fence a <pre> whose class carries the "{name}"; this puts the backticks back.
_MARKED_UP_TEXT = """(el) => {
  const copy = el.cloneNode(true);
  copy.querySelectorAll('pre').forEach(pre => {
    const code = pre.querySelector('code');
    const lang = ((code && code.className) || '').split(/\\s+/).filter(c => c.startsWith('language-'))
      .map(c => c.slice(9)).join('');
    pre.replaceWith('\\n```' + lang + '\\n' + pre.textContent + '\\n```\\n');
  });
  copy.querySelectorAll('code').forEach(c => c.replaceWith('`' + c.textContent + '`'));
  return copy.textContent;
}"""
RAW_MYST = [re.compile(r"\{[a-z][\w:+-]*\}`"), re.compile(r"```\{"), re.compile(r":::\{"),
            re.compile(r"^\([\w-]+\)=\s*$", re.M)]


def raw_myst(page):
    """Rendered markdown (cells and markdown outputs) that still shows MyST role or directive syntax:
    a list of (cell index, excerpt)."""
    found = []
    for cell in page.locator(".jp-Notebook .jp-Cell").all():
        index = cell.evaluate("(c) => Array.from(c.parentNode.children).indexOf(c)")
        for rendered in cell.locator(".jp-RenderedMarkdown").all():
            text = rendered.evaluate(_MARKED_UP_TEXT)
            for pattern in RAW_MYST:
                match = pattern.search(text)
                if match:
                    found.append((index, text[max(0, match.start() - 40):match.end() + 40]))
    return found


def visible_phrase(markdown):
    """The longest stretch of a markdown text that shows as typed (no roles, maths, code or emphasis)."""
    pieces = re.split(r"\{[^}]*\}`[^`]*`|\$\$.*?\$\$|\$[^$]*\$|`[^`]*`|[*_<>()\[\]\n]|\s{2,}", markdown,
                      flags=re.S)
    best = max((p.strip() for p in pieces), key=len, default="")
    return best[:60].rsplit(" ", 1)[0] if len(best) > 60 else best


def solution_visibility(page, source_nb):
    """What of each gated solution of ``source_nb`` (the book notebook) a reader sees before opening it.

    Returns a list of messages, one per visible part: solution text, solution code or solution output."""
    shown = []
    cells = page.evaluate("""() => window.jupyterapp.shell.currentWidget.content.widgets.map(w => ({
        type: w.model.type, source: w.model.sharedModel.getSource(), inputHidden: w.inputHidden,
        outputHidden: w.model.type === 'code' ? w.outputHidden : null}))""")
    for solution in lab_edition.solution_parts(source_nb):
        for text in solution["texts"]:
            phrase = visible_phrase(text)
            if phrase and any(m.is_visible() for m in page.locator(".jp-RenderedMarkdown").get_by_text(phrase).all()):
                shown.append(f"solution {solution['label']}: text {phrase!r} is visible")
        for code in solution["codes"]:
            match = [c for c in cells if c["type"] == "code" and c["source"].endswith(code)]
            if not match:
                shown.append(f"solution {solution['label']}: code cell {code[:40]!r} is missing")
            for c in match:
                if not c["inputHidden"] or not c["outputHidden"]:
                    shown.append(f"solution {solution['label']}: code {code[:40]!r} is not folded")
    return shown
