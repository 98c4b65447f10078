"""Random charts in every style, tuning and capo: no traceback, and the guitar and keys play
only the chords' tones (found crashes: shapes compared on a tie, two-string shapes picked)."""

import random

import pytest

from composer.accompany.arrange import arrange
from composer.accompany.guitar import TUNINGS, shapes
from composer.accompany.styles import load_styles
from composer.harmony import chord
from composer.harmony.chart import parse_chart

SUFFIXES = ["", "m", "7", "maj7", "m7", "m7b5", "dim7", "aug", "6", "m6", "9", "m9", "maj9", "11", "13", "7b9",
            "7#9", "7alt", "sus2", "sus4", "7sus4", "add9", "5", "6/9", "maj7/B", "/G"]
ROOTS = "C C# Db D Eb E F F# Gb G Ab A Bb B".split()
METERS = [(4, 4), (3, 4), (5, 4), (7, 4), (7, 8), (5, 8), (6, 8), (9, 8), (11, 8), (2, 4), (13, 8), (15, 16), (1, 4)]


def random_chart(rng: random.Random) -> str:
    numerator, denominator = rng.choice(METERS)
    bars = []
    for _ in range(rng.randint(1, 5)):
        cells = [rng.choice(ROOTS) + rng.choice(SUFFIXES)]
        cells += [rng.choice([rng.choice(ROOTS) + rng.choice(SUFFIXES), ".", "N.C."]) for _ in range(rng.randint(0, 3))]
        bars.append(" ".join(cells) + (" fill" if rng.random() < 0.2 else ""))
    return f"{{time: {numerator}/{denominator}}}\n| " + " | ".join(bars) + " |"


@pytest.mark.parametrize("trial", range(40))
def test_random_charts_in_every_style(trial):
    rng = random.Random(trial)
    text = random_chart(rng)
    style = rng.choice(sorted(load_styles()))
    band = arrange(parse_chart(text, "fuzz"), style=style, seed=trial, tuning=rng.choice(sorted(TUNINGS)),
                   capo=rng.randint(0, 7), humanise=False)
    for part in ("guitar", "keys"):
        for hit in band.hits.get(part, ()):
            plan = [p for p in band.plans if p.start <= hit.beat][-1]
            slot = plan.chord_at(hit.beat - plan.start)
            assert hit.note % 12 in slot.chord.pitch_classes, (text, style, part, slot.chord.symbol)


@pytest.mark.parametrize("tuning", sorted(TUNINGS))
@pytest.mark.parametrize("symbol", ["Emaj9", "C#maj7/B", "Bbm9", "B5", "F#5", "Cm9", "Gadd9", "Eb7alt"])
def test_every_chord_has_a_shape_in_every_tuning(tuning, symbol):
    for capo in (0, 3, 7):
        found = shapes(chord(symbol), tuning, capo)
        assert found, (symbol, tuning, capo)
        assert {n % 12 for n in found[0].notes} <= chord(symbol).pitch_classes
