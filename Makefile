# Lectern: `make run` serves the demo, `make test` runs every test. Both are idempotent.
VENV   := .venv
PY     := $(VENV)/bin/python
PORT   ?= 8000
# The development defaults: `make run` and `make test` need no configuration.
DEV_ENV := DEBUG=$${DEBUG:-true}

.PHONY: run test lint format bench soak clean

# Reinstall only when pyproject.toml changes.
$(VENV)/.installed-run: pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(VENV)/.installed-run $@

run: $(VENV)/.installed-run
	$(DEV_ENV) $(PY) manage.py migrate --noinput
	$(DEV_ENV) $(PY) manage.py collectstatic --noinput --verbosity 0
	$(DEV_ENV) $(PY) manage.py load_demo
	@echo "Serving Lectern at http://127.0.0.1:$(PORT)/"
	$(DEV_ENV) $(PY) manage.py runserver 127.0.0.1:$(PORT)

test: $(VENV)/.installed-test
	$(DEV_ENV) $(PY) -m pytest $(PYTEST_ARGS)

lint: $(VENV)/.installed-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.installed-test
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Both need DATABASE_URL on PostgreSQL (they say so and stop otherwise); Redis on
# REDIS_URL (default redis://127.0.0.1:6379/3) holds sessions and the cache.
bench: $(VENV)/.installed-test
	@command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk)
	$(PY) tests/load/bench.py

soak: $(VENV)/.installed-test
	$(PY) tests/load/soak.py

clean:
	rm -rf $(VENV) .staticfiles .lectern.sqlite3 .pytest_cache
