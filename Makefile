# Two commands from a fresh clone: `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run test bench sample icons clean

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

clean:
	rm -rf $(VENV) build *.egg-info
