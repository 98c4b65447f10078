# Everything the README's commands need, from a fresh machine.
#   make demo   set up, then render a sample piece to out/demo.mid
#   make test   set up (Python packages and JACK for the port tests), then run every test

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEMO   := samples/pieces/tabla_pentatonic.py

.PHONY: demo test setup system-deps bench clean

demo: setup
	@mkdir -p out
	$(BIN)/composer render $(DEMO) -o out/demo.mid --bars 16

test: setup system-deps
	$(BIN)/python -m pytest -q

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,bench,link]'
	@touch $@

# JACK with the dummy driver gives real MIDI ports on machines without a sound card or an ALSA
# sequencer; the tests start the server themselves. Installed only when missing, and only as root.
system-deps:
	@if ! command -v jackd >/dev/null 2>&1; then \
		if [ "$$(id -u)" = 0 ]; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq jackd2 >/dev/null; \
		else \
			echo "jackd is missing: install the jackd2 package (e.g. sudo apt-get install jackd2)"; exit 1; \
		fi; \
	fi

bench: setup
	$(BIN)/python benchmarks/render/run.py

clean:
	rm -rf $(VENV) out .pytest_cache .hypothesis
