"""A piano roll as lines of text, for a quick look in a terminal (over SSH too).

A row per pitch (or drum) in use, a column per step (a 16th note by default), `│` at each bar
line. A note's first step is a block shaded by velocity (░ ▒ ▓ █), the steps it is held are
`─`. Bars that do not fit the width wrap into systems, each under its bar numbers.
"""

from __future__ import annotations

from fractions import Fraction

from composer.sinks.percussion import drum_name
from composer.sinks.pianoroll import pitch_label
from composer.sinks.timeline import Timeline

SHADES = ((48, "░"), (80, "▒"), (110, "▓"), (128, "█"))
HELD = "─"
EMPTY = "·"
BAR_LINE = "│"


def shade(velocity: int) -> str:
    return next(char for limit, char in SHADES if velocity < limit)


def text_roll(timeline: Timeline, width: int = 120, steps_per_beat: int = 4) -> list[str]:
    """The roll's lines, wrapped to `width` columns."""
    bars = timeline.bars()
    step = Fraction(1, steps_per_beat)
    rows = _rows(timeline, step)
    label_width = max((len(label) for _, _, label, _ in rows), default=4) + 1
    lines = []
    for system in _systems(bars, width - label_width, step):
        first_bar = bars.index(system[0]) + 1
        header = " " * label_width
        for number, (start, end, _) in enumerate(system, first_bar):
            header += str(number).ljust(int((end - start) / step) + 1)
        lines.append(header.rstrip())
        for track, key, label, notes in rows:
            if key is None:
                lines.append(f"{track}")
                continue
            line = label.ljust(label_width)
            for start, end, _ in system:
                line += BAR_LINE + "".join(notes[int(start / step):int(end / step)])
            lines.append(line)
        lines.append("")
    return lines[:-1]


def _rows(timeline: Timeline, step: Fraction):
    """(track, key, label, cells) per row; a row with key None is a track's title."""
    steps = int(timeline.length / step) + 1
    rows = []
    for track in timeline.tracks():
        notes = timeline.notes[track]
        drums = timeline.is_drums(track)
        rows.append((track, None, track, []))
        for key in sorted({n.note for n in notes}, reverse=not drums):
            label = drum_name(key) if drums else pitch_label(key)
            rows.append((track, key, f" {label}", _cells([n for n in notes if n.note == key], step, steps)))
    return rows


def _systems(bars, columns: int, step: Fraction):
    """Runs of bars that fit in `columns` (at least one bar each)."""
    system, used = [], 0
    for bar in bars:
        cells = int((bar[1] - bar[0]) / step) + 1
        if system and used + cells > columns:
            yield system
            system, used = [], 0
        system.append(bar)
        used += cells
    if system:
        yield system


def _cells(notes, step: Fraction, steps: int) -> list[str]:
    """One character per step: onsets shaded by velocity win over notes still held."""
    cells = [EMPTY] * steps
    for note in notes:
        first = int(note.beat / step)
        last = min(steps, -(-(note.beat + note.duration) // step))
        for index in range(first + 1, last):
            if cells[index] == EMPTY:
                cells[index] = HELD
    for note in notes:
        cells[int(note.beat / step)] = shade(note.velocity)
    return cells
