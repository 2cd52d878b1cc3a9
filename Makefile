# The README's commands. `make run` serves the portal with embedded defaults (SQLite, eager
# Celery, console mail); `make test` runs the whole suite and the linter.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MO_FILES := $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/*.po))
export DJANGO_DEBUG ?= true

.PHONY: run test lint format bench messages migrate seed worker check-system check-test-system clean

run: check-system $(VENV)/.installed $(MO_FILES)
	$(BIN)/python manage.py migrate --no-input -v 0
	$(BIN)/python manage.py load_seed
	$(BIN)/python manage.py runserver 127.0.0.1:8000

test: check-test-system $(VENV)/.installed $(MO_FILES)
	$(BIN)/ruff check .
	$(BIN)/python manage.py makemigrations --check --dry-run -v 0
	$(BIN)/pytest $(PYTEST_ARGS)

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: check-system $(VENV)/.installed $(MO_FILES)
	$(BIN)/python -m bench

messages: $(VENV)/.installed
	$(BIN)/python manage.py makemessages -l sl -l en --ignore=.venv --ignore=var --no-obsolete
	$(MAKE) $(MO_FILES)

worker: $(VENV)/.installed
	$(BIN)/celery -A coalition worker --beat --loglevel=INFO

check-system:
	@scripts/check_system.sh

check-test-system:
	@CHECK_TEST_TOOLS=1 scripts/check_system.sh

$(VENV)/.installed: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

locale/%/LC_MESSAGES/django.mo: locale/%/LC_MESSAGES/django.po $(VENV)/.installed
	$(BIN)/python manage.py compilemessages --ignore=.venv --ignore=var -l $* -v 0

clean:
	rm -rf $(VENV) var
