# Turning No Into Opportunity. The two commands most people need:
#   make serve   preview the site at http://127.0.0.1:8000
#   make test    every check and test, as CI runs them (make test-fast: no browser, under a minute)
# Both create .venv from requirements.lock (pinned, with hashes) the first time.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SITE   ?= site
# The engine that turns docs/ into HTML: mkdocs (the default) or zensical, its
# successor. Everything before and after the engine is ours and the same for both.
ENGINE ?= mkdocs

# Material 9.7+ prints a notice about MkDocs 2 on every run; we stay on MkDocs 1.x on purpose.
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve site packet offline check test test-fast lint lock clean bench bench-engines

# From npm, pinned in package-lock.json: the Nu HTML Checker (vnu.jar; it runs on
# the machine's Java), ESLint and Stylelint (make lint), iframe-worker (make offline).
# --ignore-scripts: vnu-jar's install script would fetch a Java; nothing else needs one.
node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

# Every package from requirements.lock, each checked against its SHA-256 hashes
# there (--require-hashes: a file replaced on the index stops the install). Two
# packages (jsmin, csscompressor) come only as source; so that building them
# downloads nothing unchecked, setuptools is installed first, by its hash from
# the lock, and they are built with it (--no-build-isolation). The venv's own pip
# does it all: upgrading pip first would fetch an unchecked pip. Our own project
# is installed apart, editable, with nothing more (--no-deps).
$(BIN)/.installed: requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	awk '/^[^ #]/ { keep = /^setuptools==/ } keep && !/^ *#/' requirements.lock > $(VENV)/setuptools.lock
	$(BIN)/pip install --quiet --require-hashes --only-binary :all: -r $(VENV)/setuptools.lock
	$(BIN)/pip install --quiet --require-hashes --no-build-isolation -r requirements.lock
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

# The preview skips the post-build step (no CSP: the live-reload script is inline; no
# QR codes on paper). With Zensical, content problems show in `make check` only.
serve: $(BIN)/.installed ## preview with live reload; content problems are shown, not fatal
ifeq ($(ENGINE),zensical)
	$(BIN)/zensical serve --dev-addr 127.0.0.1:8000
else
	$(BIN)/mkdocs serve --no-strict --dev-addr 127.0.0.1:8000
endif

# Checks, then the engine, then the post-build step (scripts/build_site.py).
site: $(BIN)/.installed ## strict build into $(SITE)/ (ENGINE=zensical for Zensical)
	$(BIN)/python scripts/build_site.py --engine $(ENGINE) --site-dir $(SITE)

# The printable packets into $(SITE)/downloads/ (scripts/packet.py): Chromium prints
# the pages, WeasyPrint (Pango, from apt) makes the fillable PDF. Apart from `site`
# so that a plain build stays fast; the packets page links them with raw HTML.
packet: site ## the printable PDFs: worksheets (Letter, A4, fillable) and the whole guide
	$(BIN)/python scripts/packet.py $(SITE)

# The offline copy: the site as a folder that works from a USB stick, opened by
# double-clicking index.html (file://), zipped. Material's offline plugin is on
# for this build only (OFFLINE=true); the iframe-worker shim comes from npm.
OFFLINE_ZIP ?= dist/turning-no-offline.zip
OFFLINE_DIR ?= build/offline/turning-no-offline
offline: $(BIN)/.installed node_modules/.installed ## zip of the site for use with no internet: $(OFFLINE_ZIP)
	rm -rf $(OFFLINE_DIR) $(OFFLINE_ZIP)
	$(BIN)/python scripts/build_site.py --offline --site-dir $(OFFLINE_DIR)
	mkdir -p $(dir $(OFFLINE_ZIP))
	$(BIN)/python scripts/offline_zip.py $(OFFLINE_DIR) $(OFFLINE_ZIP)

check: $(BIN)/.installed ## every content gate: content, reading level, sentence rhythm, spelling, Markdown style, structure
	$(BIN)/python scripts/check.py docs

# zizmor: the GitHub Actions workflows and the Dependabot settings (pinned actions,
# least privilege, no credentials left behind, no dangerous trigger), offline.
# ESLint (eslint.config.js) and Stylelint (stylelint.config.js), pinned in
# package-lock.json: our scripts and style sheets, with the rules chosen there.
lint: $(BIN)/.installed node_modules/.installed ## Python style; workflow security; JavaScript and CSS
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/zizmor --offline --quiet .github/workflows/ .github/dependabot.yml
	node_modules/.bin/eslint --max-warnings 0 docs/assets/javascripts eslint.config.js stylelint.config.js
	node_modules/.bin/stylelint --max-warnings 0 "docs/assets/stylesheets/*.css" "src/**/*.css"

# The tests come in three tiers (markers in pyproject.toml): unit (no build, no
# browser), build (builds the site or reads a built one) and browser (Chromium).
# `make test` runs them all on every core (pytest-xdist); tests that share the
# packets and the offline zip stay on one worker (--dist loadgroup).
# Temporary folders in build/pytest: pytest's default, /tmp/pytest-of-USER, keeps only
# the last three runs of any project, so a run elsewhere on the machine could delete
# this one's built sites while it reads them.
PYTEST_WORKERS ?= auto
# pytest makes build/pytest itself, but not build/, which a clean clone lacks.
PYTEST := $(BIN)/pytest -n $(PYTEST_WORKERS) --dist loadgroup --basetemp $(CURDIR)/build/pytest
test: check lint node_modules/.installed | build ## everything CI runs
	$(PYTEST)

test-fast: $(BIN)/.installed node_modules/.installed | build ## the unit and build tests: no browser
	$(PYTEST) -m "unit or build"

build:
	mkdir -p $@

# Lighthouse from npm, pinned in bench/package-lock.json, apart from the root
# package.json so that `make test` never installs it.
bench/node_modules/.installed: bench/package.json bench/package-lock.json
	npm ci --prefix bench --no-audit --no-fund
	touch $@

bench: $(BIN)/.installed bench/node_modules/.installed ## build times, page weights, Lighthouse, budgets (needs Chromium and npm)
	$(BIN)/python scripts/bench.py

# Build times of both engines, step by step (a benchmark: prints figures, never fails on them).
bench-engines: $(BIN)/.installed ## checks, engine and post-build times, MkDocs beside Zensical (median of 5)
	$(BIN)/python scripts/bench_engines.py

# Regenerate requirements.lock from the ranges in pyproject.toml: `uv pip compile`
# (uv pinned here, in a throwaway venv) writes every package with the SHA-256
# hashes of all its files on the index. The versions already in the lock are kept
# unless a range in pyproject.toml rules them out; `make lock LOCK_FLAGS=--upgrade`
# moves every package to its newest allowed version. Needs the package index.
UV_VERSION := 0.13.8
LOCK_FLAGS ?=
lock:
	rm -rf .lock-venv
	$(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet uv==$(UV_VERSION)
	.lock-venv/bin/uv pip compile pyproject.toml --extra dev --generate-hashes \
	  --python $(PYTHON) --no-emit-index-url --custom-compile-command "make lock" \
	  --quiet $(LOCK_FLAGS) --output-file requirements.lock
	rm -rf .lock-venv

clean:
	rm -rf $(VENV) $(SITE) .pytest_cache node_modules bench/node_modules reports build dist
