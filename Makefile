# Two commands from a fresh clone: `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run test bench sample icons bundle bundle-test clean

$(STAMP): pyproject.toml
	@$(PYTHON) -m venv $(VENV) || { echo "error: could not create $(VENV); on Debian/Ubuntu install python3-venv (apt-get install python3-venv)" >&2; exit 2; }
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	@touch $@

run: $(STAMP)
	$(VENV)/bin/situation-viewer

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest
	$(VENV)/bin/lint-imports

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) tests/perf/run_all.py

sample: $(STAMP)
	$(PY) -m pip install --quiet -e '.[test,build]'
	$(PY) packaging/build_sample.py

icons: $(STAMP)
	$(PY) packaging/build_icons.py

# The standalone one-folder application: dist/situation-viewer/situation-viewer (budget 250 MB).
BUNDLE := dist/situation-viewer
$(VENV)/bin/pyinstaller: $(STAMP)
	$(PY) -m pip install --quiet -e '.[test,bundle]'
	@touch $@

bundle: $(VENV)/bin/pyinstaller
	$(VENV)/bin/pyinstaller --noconfirm --log-level WARN --distpath dist \
	    --workpath build/bundle packaging/situation-viewer.spec
	@du -sb $(BUNDLE) | awk '{ printf "bundle: %s, %.1f MB unpacked (budget 250 MB)\n", $$2, $$1 / 1e6; \
	    if ($$1 > 250e6) { print "error: over the 250 MB budget" > "/dev/stderr"; exit 1 } }'

# Not part of `make test`: builds the bundle, then runs it (window under Xvfb, info, render, import).
bundle-test: bundle
	$(PY) packaging/bundle_test.py $(BUNDLE)

clean:
	rm -rf $(VENV) build dist *.egg-info
