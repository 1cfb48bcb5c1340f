# Lectern: `make run` serves the demo, `make test` runs every test. Both are idempotent.
VENV   := .venv
PY     := $(VENV)/bin/python
PORT   ?= 8000
# The development defaults: `make run` and `make test` need no configuration.
DEV_ENV := DEBUG=$${DEBUG:-true}
LOCK   := .venv-lock/bin/pip-compile --quiet --generate-hashes --strip-extras --no-emit-find-links \
          --no-emit-index-url --allow-unsafe

.PHONY: run test lint format bench soak cluster nginx clean lock

# Installs come from the lock files (exact versions with their hashes, made by pip-tools
# from pyproject.toml: `make lock` after changing a dependency); the project itself goes on
# top without its dependencies. Reinstall only when a lock file or pyproject.toml changes.
$(VENV)/.installed-run: requirements.txt pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --require-hashes -r requirements.txt
	$(PY) -m pip install --quiet --no-deps -e .
	touch $@

$(VENV)/.installed-test: requirements-test.txt pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --require-hashes -r requirements-test.txt
	$(PY) -m pip install --quiet --no-deps -e .
	touch $(VENV)/.installed-run $@

# Re-resolve the lock files from pyproject.toml: pins that still fit stay; LOCK_ARGS=--upgrade
# moves everything to the newest versions the ranges allow, LOCK_ARGS="--upgrade-package NAME"
# one package. pip-tools runs in its own virtualenv.
lock:
	test -x .venv-lock/bin/pip-compile || (python3 -m venv .venv-lock && .venv-lock/bin/pip install --quiet pip-tools)
	$(LOCK) $(LOCK_ARGS) -o requirements.txt pyproject.toml
	$(LOCK) $(LOCK_ARGS) --extra test -o requirements-test.txt pyproject.toml

run: $(VENV)/.installed-run .env
	$(DEV_ENV) $(PY) manage.py migrate --noinput
	$(DEV_ENV) $(PY) manage.py collectstatic --noinput --verbosity 0
	$(DEV_ENV) $(PY) manage.py load_demo
	@echo "Serving Lectern at http://127.0.0.1:$(PORT)/"
	$(DEV_ENV) $(PY) manage.py runserver 127.0.0.1:$(PORT)

# The checkout's development settings, read by course/settings.py (the environment wins).
.env:
	printf '# Development settings for this checkout (written by make run; see README)\nDEBUG=true\n' > $@

# Two worker processes (pytest-xdist), one per core of the CI machine; `--dist loadgroup`
# keeps the tests marked xdist_group(name) on one worker. TEST_WORKERS=0 runs serially, in
# this process; PYTEST_ARGS adds pytest's own options (PYTEST_ARGS="tests/quizzes -x").
TEST_WORKERS ?= 2
test: $(VENV)/.installed-test
	$(DEV_ENV) $(PY) -m pytest -n $(TEST_WORKERS) --dist loadgroup $(PYTEST_ARGS)

lint: $(VENV)/.installed-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(DEV_ENV) $(VENV)/bin/mypy course
	$(VENV)/bin/lint-imports

format: $(VENV)/.installed-test
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Both need DATABASE_URL on PostgreSQL (they say so and stop otherwise); Redis on
# REDIS_URL (default redis://127.0.0.1:6379/3) holds sessions and the cache.
# TARGET=cluster drives them through nginx in front of two nodes (`make cluster`).
TARGET ?= single
export TARGET
NGINX_IF_CLUSTER := $(if $(filter cluster,$(TARGET)),nginx)

bench: $(VENV)/.installed-test $(NGINX_IF_CLUSTER)
	@command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk)
	$(PY) tests/load/bench.py

soak: $(VENV)/.installed-test $(NGINX_IF_CLUSTER)
	$(PY) tests/load/soak.py

# Two Lectern nodes (gunicorn) on the same PostgreSQL and Redis behind nginx, and the checks
# that they act as one site (tests/load/cluster.py); CLUSTER_SERVE=1 keeps it serving.
cluster: $(VENV)/.installed-test nginx
	$(PY) tests/load/cluster.py

# Debian's nginx, installed when missing, as .ci/run installs chromium.
nginx:
	@test -x /usr/sbin/nginx || (apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null)

clean:
	rm -rf $(VENV) .venv-lock .staticfiles .lectern.sqlite3 .pytest_cache
