"""Site report: Lighthouse on every built page, desktop and mobile, and the bytes each page transfers.

Lighthouse (``node_modules``, pinned in package-lock.json) drives Debian's Chromium (``CHROME_PATH``).  The
site is served on 127.0.0.1 with gzip for text, as any real web host does; "KB sent" is what the browser
transferred, "KB raw" the same resources uncompressed.  Uses ``$KETAMINE_BUILD_DIR/_build/html`` (default:
the repository's ``_build/html``), building it first when missing.  ``SITE_PAGES=book/intro.html,...``
limits the pages.  Goals (issue "The chapter kit", item 6): accessibility, best practices and SEO 100,
performance >= 98 desktop / >= 90 mobile, <= 1.5 MB transferred per chapter page.
"""

import json
import os
import pathlib
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import browser  # noqa: E402 (tests/browser.py: the local server)

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
GOALS = {"performance": {"desktop": 98, "mobile": 90}, "accessibility": 100, "best-practices": 100, "seo": 100}
CHAPTER_BUDGET_BYTES = 1.5e6
METRICS = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift")


def _html_dir():
    out = pathlib.Path(os.environ.get("KETAMINE_BUILD_DIR", ROOT))
    html = out / "_build" / "html"
    if not (html / "index.html").is_file():
        print(f"(building the book into {out} first)", flush=True)
        jb = pathlib.Path(sys.executable).with_name("jupyter-book")
        subprocess.run([str(jb), "build", ".", "--all", "-W", "-n", "--keep-going", "--path-output", str(out)],
                       cwd=ROOT, check=True, capture_output=True)
    return html


def lighthouse(url, form):
    """One Lighthouse run; returns the parsed JSON report."""
    with tempfile.TemporaryDirectory() as tmp:
        report = pathlib.Path(tmp) / "report.json"
        cmd = [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
               f"--only-categories={','.join(CATEGORIES)}", "--chrome-flags=--headless=new " + " ".join(browser.ARGS)]
        if form == "desktop":
            cmd.append("--preset=desktop")
        env = {**os.environ, "CHROME_PATH": browser.CHROMIUM}
        subprocess.run(cmd, env=env, check=True, capture_output=True, timeout=300)
        return json.loads(report.read_text())


def _goal(category, form):
    goal = GOALS[category]
    return goal[form] if isinstance(goal, dict) else goal


def _limits(report, form):
    """Audits that cost points in the categories below their goal: 'category: audit (value)'."""
    out = []
    for cid, cat in report["categories"].items():
        if round(100 * (cat["score"] or 0)) >= _goal(cid, form):
            continue
        for ref in cat["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] > 0 and audit["score"] is not None and audit["score"] < 0.9:
                out.append(f"{cid}: {ref['id']} ({audit.get('displayValue') or audit['score']})")
    return out


def main():
    missing = browser.chromium_missing() or (None if LIGHTHOUSE.exists() else
                                              f"Lighthouse not found at {LIGHTHOUSE}: run `npm ci`")
    if missing:
        print(f"## Site\n\nskipped: {missing}")
        return
    html = _html_dir()
    pages = [p for p in os.environ.get("SITE_PAGES", "").split(",") if p] or browser.pages(html)
    pages = [p for p in pages if p != "index.html"]  # the root index.html is a one-line redirect to the intro
    rows, limits = [], {}
    with browser.serve(html) as base:
        for name in pages:
            for form in ("desktop", "mobile"):
                report = lighthouse(f"{base}/{name}", form)
                scores = {c: round(100 * (report["categories"][c]["score"] or 0)) for c in CATEGORIES}
                items = report["audits"]["network-requests"]["details"]["items"]
                sent = sum(i.get("transferSize", 0) for i in items)
                raw = sum(i.get("resourceSize", 0) for i in items)
                metrics = {m: report["audits"][m]["numericValue"] for m in METRICS}
                rows.append((name, form, scores, sent, raw, metrics))
                for item in _limits(report, form):
                    limits.setdefault(item, []).append(f"{name} {form}")
    print("## Site: Lighthouse 13 and page weight\n")
    print("| page | form | perf | a11y | best pr. | SEO | FCP s | LCP s | TBT ms | CLS | KB sent | KB raw | goals |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for name, form, s, sent, raw, m in rows:
        short = [c for c in CATEGORIES if s[c] < _goal(c, form)]
        if "chapters/" in name and sent > CHAPTER_BUDGET_BYTES:
            short.append("weight")
        verdict = "met" if not short else "short: " + ", ".join(short)
        print(f"| {name} | {form} | {s['performance']} | {s['accessibility']} | {s['best-practices']} | "
              f"{s['seo']} | {m['first-contentful-paint'] / 1e3:.1f} | {m['largest-contentful-paint'] / 1e3:.1f} | "
              f"{m['total-blocking-time']:.0f} | {m['cumulative-layout-shift']:.3f} | {sent / 1e3:.0f} | "
              f"{raw / 1e3:.0f} | {verdict} |")
    if limits:
        print("\nWhat costs points where a score is below its goal:\n")
        for item, where in sorted(limits.items(), key=lambda kv: -len(kv[1])):
            print(f"- {item}: {len(where)} run(s), e.g. {where[0]}")


if __name__ == "__main__":
    main()
