# Every target bootstraps .venv from requirements.txt when it is missing or older than the pins.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PORT   ?= 8000
# --all: Sphinx would otherwise skip unchanged notebooks and miss edits to code/
BUILD  := $(BIN)/jupyter-book build . --all -W -n --keep-going

.PHONY: book test lab serve clean freeze vendor lint bench slides pdf

$(STAMP): requirements.txt pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $(STAMP)

# Node packages pinned in package-lock.json: axe-core, Lighthouse, reveal.js for the browser checks and slides;
# katex for the book build (maths rendered at build time); tippy.js, @popperjs/core and katex for make vendor
NODE_STAMP := node_modules/.installed
$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $(NODE_STAMP)

## book: execute every notebook and build the static site into _build/html
##       STUDENT=1: the student edition (no solutions, no instructor guide) into _build/student/_build/html
book: $(STAMP) $(NODE_STAMP)
ifeq ($(STUDENT),1)
	$(BIN)/python tools/student_edition.py --out _build/student-src
	$(BIN)/jupyter-book build _build/student-src --all -W -n --keep-going --path-output _build/student
	@echo "Built the student edition: _build/student/_build/html/index.html"
else
	$(BUILD)
	@echo "Built: _build/html/index.html  (make serve to read it)"
endif

## test: lint, then the whole test suite (models, literature, notebooks, the book build, the static site)
##       on JOBS pytest-xdist workers (default 2; JOBS=0 runs in one process); the book builds once, in the
##       background, while the tests that do not need it run (tests/conftest.py)
JOBS ?= 2
test: $(STAMP) $(NODE_STAMP)
	$(BIN)/ruff check code tests book/_ext benchmarks tools
	$(BIN)/python -m pytest -n $(JOBS)

## lab: JupyterLab on the reader copies in lab/ (numbers, citations, boxes, folded solutions; widgets live).
##      Copies are regenerated only when a notebook, code/, the bibliography or the glossary changed; a copy
##      you edited is kept as lab/<path>.edited-<time>.ipynb (tools/lab_edition.py)
lab: $(STAMP)
	env -u KETAMINE_SIM_STATIC $(BIN)/python tools/lab_edition.py --out lab
	env -u KETAMINE_SIM_STATIC $(BIN)/jupyter lab lab

## slides: one reveal.js deck per chapter into _build/slides, working offline (open _build/slides/index.html)
slides: $(STAMP) $(NODE_STAMP)
	$(BIN)/python tools/slides.py --out _build/slides

## pdf: the whole book as one PDF, printed by Chromium from a one-page build: _build/pdf/ketamine-book.pdf
pdf: $(STAMP) $(NODE_STAMP)
	$(BIN)/python tools/pdf.py

## serve: the built site on http://127.0.0.1:$(PORT)
serve: $(STAMP)
	@test -f _build/html/index.html || $(MAKE) book
	$(BIN)/python -m http.server $(PORT) --bind 127.0.0.1 --directory _build/html

## bench: model call latency, widget latency and site reports (ONLY=models runs benchmarks/bench_models.py)
bench: $(STAMP) $(NODE_STAMP)
	$(BIN)/python benchmarks/run.py $(ONLY)

lint: $(STAMP)
	$(BIN)/ruff check code tests book/_ext benchmarks tools

## freeze: re-pin requirements.txt from the current environment
freeze: $(STAMP)
	{ head -n 1 requirements.txt; $(BIN)/pip freeze --exclude-editable | grep -v -i '^ketamine'; echo "-e ."; } > requirements.tmp
	mv requirements.tmp requirements.txt

## vendor: refresh the vendored front-end files in book/_vendor (not needed to build): KaTeX's CSS and woff2
##         fonts and tippy.js + Popper, from node_modules
vendor: $(NODE_STAMP)
	rm -rf book/_vendor/katex book/_vendor/tippyjs && mkdir -p book/_vendor/katex/fonts book/_vendor/tippyjs
	# woff2 only (every browser the site supports reads it) and text drawn at once in a fallback font
	sed -E -e 's/,url\(fonts\/[^)]+\.woff\) format\("woff"\),url\(fonts\/[^)]+\.ttf\) format\("truetype"\)//g' \
	    -e 's/@font-face\{/@font-face{font-display:swap;/g' node_modules/katex/dist/katex.min.css > book/_vendor/katex/katex.min.css
	cp node_modules/katex/dist/fonts/*.woff2 book/_vendor/katex/fonts/ && cp node_modules/katex/LICENSE book/_vendor/katex/
	sed '/^\/\/# sourceMappingURL=/d' node_modules/@popperjs/core/dist/umd/popper.min.js > book/_vendor/tippyjs/popper.min.js
	sed '/^\/\/# sourceMappingURL=/d' node_modules/tippy.js/dist/tippy-bundle.umd.min.js > book/_vendor/tippyjs/tippy-bundle.umd.min.js
	cp node_modules/tippy.js/LICENSE book/_vendor/tippyjs/LICENSE-tippy.js
	cp node_modules/@popperjs/core/LICENSE.md book/_vendor/tippyjs/LICENSE-popperjs.md

clean:
	rm -rf _build .pytest_cache .hypothesis
	find . -name __pycache__ -not -path './$(VENV)/*' -prune -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV) node_modules
