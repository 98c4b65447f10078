# Everything the README's commands need, from a fresh machine.
#   make demo   set up, then render a sample piece to out/demo.mid
#   make test   set up (Python packages; JACK, FluidSynth and a SoundFont for the tests), then run every test

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

# Debian packages the tests use, installed only when missing and only as root: JACK with the
# dummy driver gives real MIDI ports on machines without a sound card or an ALSA sequencer (the
# tests start the server themselves); FluidSynth and a small General MIDI SoundFont render audio.
system-deps:
	@missing=""; \
	command -v jackd >/dev/null 2>&1 || missing="$$missing jackd2"; \
	command -v fluidsynth >/dev/null 2>&1 || missing="$$missing fluidsynth"; \
	ls /usr/share/sounds/sf2/*.sf2 >/dev/null 2>&1 || missing="$$missing timgm6mb-soundfont"; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
		else \
			echo "missing system packages:$$missing (e.g. sudo apt-get install$$missing)"; exit 1; \
		fi; \
	fi

bench: setup
	$(BIN)/python benchmarks/render/run.py

clean:
	rm -rf $(VENV) out .pytest_cache .hypothesis
