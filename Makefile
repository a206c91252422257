# The two commands a newcomer needs: `make start` and `make test`. See README.rst.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3.11
HOST ?= 127.0.0.1
PORT ?= 8080
SITE_ID ?= Plone
ITEMS ?= 1000
# The local mail catcher that `make start` runs: SMTP, and the web page to read the mail.
MAIL_PORT ?= 8025
MAIL_WEB_PORT ?= 8026
export ADMIN_PASSWORD SITE_ID

VENV := .venv
BUILDOUT := $(VENV)/bin/buildout
# The eggs buildout builds, kept for every checkout of the platform on this machine (as
# buildout's shared eggs directory is meant): a second checkout, or CI, installs in seconds
# instead of minutes. EGGS=eggs keeps them inside the checkout.
EGGS ?= $(HOME)/.cache/clusterpolisee/eggs
BUILDOUT_ARGS := -N settings:http-address=$(HOST):$(PORT) buildout:eggs-directory=$(EGGS)

.PHONY: help
help: ## Show the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(VENV)/bin/python:
	@PYTHON=$(PYTHON) bash scripts/system-packages.sh
	$(PYTHON) -m venv $(VENV)

$(BUILDOUT): $(VENV)/bin/python requirements.txt
	$(VENV)/bin/pip install --quiet -r requirements.txt
	touch $@

.PHONY: system-packages
system-packages: ## Install the Debian packages the tests need (Chromium, gettext) when missing
	@PYTHON=$(PYTHON) bash scripts/system-packages.sh test

.PHONY: install
install: $(BUILDOUT) ## Install the platform with buildout (every version pinned)
	$(BUILDOUT) $(BUILDOUT_ARGS)

# Buildout runs again only when its configuration changed, or the address to listen on.
CONFIG_FILES := buildout.cfg versions.cfg versions-plone.cfg setup.py requirements.txt
instance/zope/etc/wsgi.ini: $(BUILDOUT) $(CONFIG_FILES)
	$(BUILDOUT) $(BUILDOUT_ARGS)
	touch $@

.PHONY: start
start: instance/zope/etc/wsgi.ini ## Install, create the site with demo content if it is new, and serve it
	@grep -qx "fast-listen = $(HOST):$(PORT)" $< || $(BUILDOUT) $(BUILDOUT_ARGS)
	@# The mail catcher (operations/mailcatcher.py) runs as long as the console: stopped with it.
	bin/clusterpolisee-mailcatcher --smtp-port $(MAIL_PORT) --web-port $(MAIL_WEB_PORT) --folder instance/var/mail & \
	catcher=$$!; trap 'kill $$catcher 2>/dev/null' EXIT; \
	bin/instance run scripts/setup-site.py --mail-port $(MAIL_PORT) && \
	kill -0 $$catcher && \
	echo "Serving http://localhost:$(PORT)/$(SITE_ID) (admin login: admin)" && \
	echo "Mail caught on this machine (registration links, notifications): http://localhost:$(MAIL_WEB_PORT)/" && \
	bin/instance console

.PHONY: demo
demo: instance/zope/etc/wsgi.ini ## Add ITEMS generated practices to the site (default 1000), for benchmarks
	bin/instance run scripts/demo-content.py --items $(ITEMS)

.PHONY: daily
daily: instance/zope/etc/wsgi.ini ## Daily duties (run from cron): close votes past their deadline, send digests
	bin/instance run scripts/daily.py

.PHONY: benchmark-load
benchmark-load: instance/zope/etc/wsgi.ini ## Requests per second of public pages: caching off, RAM cache, Varnish, stock Plone, static file
	@PYTHON=$(PYTHON) bash scripts/system-packages.sh test
	$(VENV)/bin/python scripts/benchmark-load.py

.PHONY: varnish
varnish: ## Run Varnish (deploy/varnish.vcl) on 127.0.0.1:6081 in front of the instance on $(PORT)
	$(VENV)/bin/python scripts/varnish.py --listen 127.0.0.1:6081 --backend $(HOST):$(PORT)

.PHONY: backup
backup: instance/zope/etc/wsgi.ini ## Back up Data.fs (incremental; FULL=1 for a full one) and the blobs into instance/backups/, verify, keep KEEP full ones
	$(VENV)/bin/python scripts/backup.py backup $(if $(FULL),--full) $(if $(KEEP),--keep $(KEEP))

.PHONY: restore
restore: instance/zope/etc/wsgi.ini ## Stop the site first. Restore the newest backup (DATE=YYYY-MM-DD-hh-mm-ss for an older one; YES=1: no question)
	$(VENV)/bin/python scripts/backup.py restore $(if $(DATE),--date $(DATE)) $(if $(YES),--yes)

.PHONY: restore-check
restore-check: instance/zope/etc/wsgi.ini ## The restore drill: restore the newest backup into a temporary folder and count it beside the live data
	$(VENV)/bin/python scripts/backup.py check

.PHONY: benchmark
benchmark: instance/zope/etc/wsgi.ini ## From an empty benchmark instance, load ITEMS practices (default 20000) and time pages beside stock Plone at 2,000, 20,000 and 200,000 on the way (REQUESTS per page, default 200; KEEP=1: the data as it is)
	$(VENV)/bin/python scripts/benchmark-repository.py --items $(if $(filter command line,$(origin ITEMS)),$(ITEMS),20000) $(if $(REQUESTS),--requests $(REQUESTS)) $(if $(KEEP),--keep)

# npm may come with the Debian packages: after them (order only, no rebuild each time).
node_modules/axe-core/axe.min.js: package.json package-lock.json | system-packages
	npm ci --silent --no-audit --no-fund
	touch $@

.PHONY: test
test: ## Run every test: unit, integration, functional and browser, then the dated ones at fixed moments
	@# Buildout (the network) and the Debian packages (the disk) at once: a minute less.
	@$(MAKE) --no-print-directory -j3 install system-packages node_modules/axe-core/axe.min.js
	@# The slowest tests listed at the end: where the run's minutes go.
	bin/pytest -n 2 --dist loadfile -p no:warnings --durations=25
	bash scripts/test-at-moments.sh

.PHONY: test-moments
test-moments: install system-packages node_modules/axe-core/axe.min.js ## Only the date-sensitive tests, at fixed moments in Bucharest's zone and UTC
	bash scripts/test-at-moments.sh

.PHONY: lint
lint: $(VENV)/bin/python ## Check the code with ruff
	$(VENV)/bin/pip install --quiet ruff==0.17.6
	$(VENV)/bin/ruff check src tests scripts setup.py
	$(VENV)/bin/ruff format --check src tests scripts setup.py

.PHONY: i18n
i18n: install ## Rebuild the gettext template from code and templates, and sync every catalog
	cd src/clusterpolisee && ../../bin/i18ndude rebuild-pot --pot locales/clusterpolisee.pot --create clusterpolisee .
	for po in src/clusterpolisee/locales/*/LC_MESSAGES/clusterpolisee.po; do \
		[ -f "$$po" ] && bin/i18ndude sync --pot src/clusterpolisee/locales/clusterpolisee.pot "$$po"; \
	done; true

.PHONY: clean
clean: ## Remove what buildout installed (keeps the data in instance/var)
	rm -rf $(VENV) bin develop-eggs eggs instance/zope .installed.cfg .mr.developer.cfg
