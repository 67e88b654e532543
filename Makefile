# Turning No Into Opportunity. The two commands most people need:
#   make serve   preview the site at http://127.0.0.1:8000
#   make test    every check and test, as CI runs them
# Both create .venv from requirements.lock the first time.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SITE   ?= site

# Material 9.7+ prints a notice about MkDocs 2 on every run; we stay on MkDocs 1.x on purpose.
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve site packet offline check test lint lock clean bench

# The Nu HTML Checker (vnu.jar) from npm, pinned in package-lock.json; it runs on
# the machine's Java. --ignore-scripts: its install script would fetch a Java.
node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

$(BIN)/.installed: requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

serve: $(BIN)/.installed ## preview with live reload; content problems are shown, not fatal
	$(BIN)/mkdocs serve --no-strict --dev-addr 127.0.0.1:8000

site: $(BIN)/.installed ## strict build into $(SITE)/
	$(BIN)/mkdocs build --strict --site-dir $(SITE)

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
	OFFLINE=true $(BIN)/mkdocs build --strict --quiet --site-dir $(OFFLINE_DIR)
	mkdir -p $(dir $(OFFLINE_ZIP))
	$(BIN)/python scripts/offline_zip.py $(OFFLINE_DIR) $(OFFLINE_ZIP)

check: $(BIN)/.installed ## every content gate: content, reading level, sentence rhythm, spelling, Markdown style, structure
	$(BIN)/python scripts/check.py docs

lint: $(BIN)/.installed ## Python style
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: check lint node_modules/.installed ## everything CI runs
	$(BIN)/pytest

# Lighthouse from npm, pinned in bench/package-lock.json, apart from the root
# package.json so that `make test` never installs it.
bench/node_modules/.installed: bench/package.json bench/package-lock.json
	npm ci --prefix bench --no-audit --no-fund
	touch $@

bench: $(BIN)/.installed bench/node_modules/.installed ## build times, page weights, Lighthouse, budgets (needs Chromium and npm)
	$(BIN)/python scripts/bench.py

# Regenerate requirements.lock from the ranges in pyproject.toml, in a clean venv.
lock:
	rm -rf .lock-venv
	$(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet --upgrade pip
	.lock-venv/bin/pip install --quiet -e ".[dev]"
	{ echo "# Exact versions installed by the Makefile. Regenerate with: make lock"; \
	  .lock-venv/bin/pip freeze --all --exclude-editable --exclude pip; } > requirements.lock
	rm -rf .lock-venv

clean:
	rm -rf $(VENV) $(SITE) .pytest_cache node_modules bench/node_modules reports build dist
