# Two commands do everything on a fresh machine with Python 3.11+:
#   make run    set up (first time) and start the app on its default local database
#   make test   set up (first time) and run the whole check: ruff, mypy, import contracts,
#               the wheel check, pytest
# Dependencies come from the lock files (pinned, with hashes): requirements.lock for the app,
# requirements-test.lock for the tests and tools. `make lock` renews them from pyproject.toml.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
RUN_STAMP := $(VENV)/.installed-run
TEST_STAMP := $(VENV)/.installed-test

.PHONY: run test lint types wheel-check lock test-lowest screenshots clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "pcso-interview needs Python 3.11 or newer; set PYTHON=python3.11")'
	$(PYTHON) -m venv $(VENV)

$(RUN_STAMP): requirements.lock pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	$(BIN)/python -m compileall -q pcso_interview ui reports main.py
	touch $@

$(TEST_STAMP): requirements-test.lock pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements-test.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	$(BIN)/python -m compileall -q pcso_interview ui reports main.py
	touch $@ $(RUN_STAMP)

run: $(RUN_STAMP)
	$(BIN)/python main.py $(ARGS)

lint: $(TEST_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache

types: $(TEST_STAMP)
	$(BIN)/mypy

wheel-check: $(TEST_STAMP)
	$(BIN)/python scripts/check_wheel.py

test: lint types wheel-check
	@command -v qpdf >/dev/null || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null \
		&& apt-get install -y -qq qpdf >/dev/null 2>&1; } \
		|| echo "note: qpdf is not installed, so the qpdf forgery test is skipped"
	@command -v pdftotext >/dev/null || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null \
		&& apt-get install -y -qq poppler-utils >/dev/null 2>&1; } \
		|| echo "note: poppler-utils is not installed, so the pdftotext and pdffonts checks are skipped"
	@# The archive tests run a throwaway PostgreSQL (as an unprivileged user, on a Unix socket in
	@# a temporary folder): its server programs come from Debian's postgresql package.
	@command -v pg_ctl >/dev/null || ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 \
		|| { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && { \
			DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null 2>&1 \
			|| { apt-get update -qq >/dev/null 2>&1 \
				&& DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null 2>&1; }; }; } \
		|| echo "note: PostgreSQL could not be installed; the archive tests say why"
	@# The app's own bytecode once (0.3 s): the tests start the app and the CLI in processes
	@# of their own, and where PYTHONDONTWRITEBYTECODE is set each compiled every module again
	@# (10 s of a clean clone's run).
	$(BIN)/python -m compileall -q -j 0 pcso_interview ui reports main.py >/dev/null
	@# One worker per core (pytest-xdist), each taking whole test files so that a module's
	@# fixtures (demo databases, sheets) are built once. Their temporary files go in a folder of
	@# this run's own, in memory (/dev/shm) where there is one with 2 GB free (the run leaves
	@# about 640 MB there; a container's /dev/shm is often 64 MB): every commit still syncs,
	@# but a sync there does not wait for a disk (13 s of the run on a disk here). Others may
	@# pass through it (711): the archive tests' server runs as an unprivileged user. The
	@# folder goes when the run ends, passed or failed.
	@tmp=$$( { [ "$$(df -Pk /dev/shm 2>/dev/null | awk 'NR == 2 {print $$4}')" -ge 2097152 ] \
			&& mktemp -d -p /dev/shm pcso-tests.XXXXXX; } 2>/dev/null \
		|| mktemp -d -t pcso-tests.XXXXXX) \
		&& chmod 711 "$$tmp" \
		&& TMPDIR=$$tmp QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -rs --durations=10 \
			-n auto --dist loadfile; status=$$?; rm -rf "$$tmp"; exit $$status

lock: $(TEST_STAMP)
	$(BIN)/pip-compile -q --generate-hashes --strip-extras --allow-unsafe -o requirements.lock pyproject.toml
	$(BIN)/pip-compile -q --generate-hashes --strip-extras --allow-unsafe --extra test -o requirements-test.lock pyproject.toml

# The lowest versions pyproject.toml declares, in a venv of their own, through the test suite.
test-lowest:
	$(PYTHON) -m venv .venv-lowest
	.venv-lowest/bin/python -m pip install --quiet -r constraints-lowest.txt -e '.[test]' -c constraints-lowest.txt
	QT_QPA_PLATFORM=offscreen .venv-lowest/bin/python -m pytest -q -x

clean:
	rm -rf $(VENV) .venv-lowest build *.egg-info
