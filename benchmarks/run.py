"""Run every ``benchmarks/bench_*.py`` in turn; each prints its own Markdown table."""

import pathlib
import runpy
import sys

HERE = pathlib.Path(__file__).resolve().parent

if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    only = sys.argv[1:]  # optional names, e.g. `python benchmarks/run.py models`
    for path in sorted(HERE.glob("bench_*.py")):
        if not only or path.stem.removeprefix("bench_") in only:
            runpy.run_path(str(path), run_name="__main__")
