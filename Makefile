# Flexwonen Limburg: set-up, demo, tests and packaging.
# `make demo` and `make test` run the set-up themselves when it is missing.

VENV ?= .venv
PY := $(VENV)/bin/python
SETUP_STAMP := $(VENV)/.setup-complete
PLUGIN := limburg_flexwonen_plugin
OUTPUT ?= output
TRANSLATION_SOURCES := $(wildcard $(PLUGIN)/i18n/*.ts)
TRANSLATIONS := $(TRANSLATION_SOURCES:.ts=.qm)

# One GDAL/GEOS/PROJ for QGIS and the Python libraries; Debian's pyproj in a venv
# needs to be told where PROJ's data is.
export PROJ_DATA := /usr/share/proj
export QT_QPA_PLATFORM ?= offscreen
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: setup demo test bench package translations screenshots demo-data clean stress \
	test-qgis-3.40 test-qgis-3.44 bench-qgis-3.40 bench-qgis-3.44

setup: $(SETUP_STAMP)

$(SETUP_STAMP): $(wildcard requirements/*.txt) scripts/setup_system.sh scripts/setup_venv.sh
	bash scripts/setup_system.sh
	bash scripts/setup_venv.sh $(VENV)
	$(PY) scripts/check_stack.py
	touch $@

demo: setup
	$(PY) scripts/run_demo.py --output $(OUTPUT)

PYTEST_ARGS ?= tests
test: setup package
	$(PY) -m pytest $(PYTEST_ARGS)

bench: setup
	$(PY) scripts/benchmark.py $(BENCH_ARGS)

# The background-thread stress test alone (it is also part of `make test`).
stress: setup package
	$(PY) -m pytest tests/test_thread_stress.py

# The whole suite (and the benchmark) on the QGIS releases users run, each in a Debian 13
# root file system built once with debootstrap (scripts/qgis_leg.sh).
test-qgis-3.40 test-qgis-3.44: test-qgis-%:
	bash scripts/qgis_leg.sh $* test

bench-qgis-3.40 bench-qgis-3.44: bench-qgis-%:
	bash scripts/qgis_leg.sh $* bench

demo-data: setup
	$(PY) scripts/make_demo_data.py --output test_data/limburg_demo.gpkg

# The Dutch interface: the .ts (kept in git, refreshed from the sources with
# scripts/update_translations.py) compiled to the .qm that QGIS loads.
translations: $(TRANSLATIONS)

$(PLUGIN)/i18n/%.qm: $(PLUGIN)/i18n/%.ts | $(SETUP_STAMP)
	lrelease -silent $< -qm $@

package: setup translations
	$(PY) scripts/build_package.py --output dist/$(PLUGIN).zip

# The README's pictures: the real QGIS desktop (Xvfb, Dutch) with the built plugin.
screenshots: package
	$(PY) scripts/make_screenshots.py --output docs/images

clean:
	rm -rf dist $(OUTPUT) .pytest_cache $(TRANSLATIONS)
