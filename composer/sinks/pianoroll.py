"""A piano-roll picture (.png or .svg) of a render, through matplotlib (imported only here).

One lane per track, stacked over a shared time axis in beats: pitched tracks as bars on the
pitches they use, drum tracks as marks on named drum rows. Velocity shades each note, bar lines
and the beat grid follow the meter's changes, bars are numbered along the top, and tempo and
meter changes are written where they happen.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

from composer.atomic import atomic_path
from composer.errors import ComposerError
from composer.sinks.percussion import drum_name
from composer.sinks.timeline import Timeline

NOTE_NAMES = ("C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B")
#: colour-blind-safe track colours (Okabe and Ito), cycled
COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000")
INCHES_PER_BAR = 0.75
BARS_PER_SYSTEM = 16
SYSTEM_GAP = 0.45  # inches between systems, room for bar numbers and tempo marks
#: 63 systems, a picture a metre and a half tall; 5,000 bars took a gigabyte to draw
MAX_PICTURE_BARS = 1000


def pitch_label(note: int) -> str:
    return f"{NOTE_NAMES[note % 12]}{note // 12 - 1}"


def check_picture_length(out: Path, bars) -> None:
    """Refuse, before any work, a picture too long to look at (and to draw in memory)."""
    if bars > MAX_PICTURE_BARS:
        raise ComposerError(f"{out}: a picture shows at most {MAX_PICTURE_BARS} bars (this render has "
                            f"{float(bars):g}); render fewer with --bars")


def draw_piano_roll(timeline: Timeline, out: Path, title: str = "") -> None:
    """Draw `timeline` to `out` (.png or .svg), atomically. Long renders wrap into systems of
    BARS_PER_SYSTEM bars, one under the other, as a score does."""
    import matplotlib

    matplotlib.use("Agg")
    matplotlib.rcParams["svg.fonttype"] = "none"  # SVG text stays text: searchable, editable
    from matplotlib import pyplot

    tracks = timeline.tracks()
    if not tracks:
        raise ComposerError(f"{out}: nothing to draw: the render played no notes")
    bars = timeline.bars()
    systems = [bars[i:i + BARS_PER_SYSTEM] for i in range(0, len(bars), BARS_PER_SYSTEM)]
    span = max(system[-1][1] - system[0][0] for system in systems)  # every system at one scale
    lanes = [_lane_height(timeline, track) for track in tracks]
    heights = ([SYSTEM_GAP] + lanes) * len(systems)
    width = max(8.0, 2.0 + INCHES_PER_BAR * min(len(bars), BARS_PER_SYSTEM))
    figure, axes = pyplot.subplots(len(heights), 1, squeeze=False, figsize=(width, 0.6 + sum(heights)),
                                   gridspec_kw={"height_ratios": heights, "hspace": 0.08})
    axes = [row[0] for row in axes]
    first_bar = 1
    for number, system in enumerate(systems):
        gap, *lane_axes = axes[number * (len(tracks) + 1):(number + 1) * (len(tracks) + 1)]
        gap.axis("off")
        start = system[0][0]
        for index, (track, axis) in enumerate(zip(tracks, lane_axes)):
            colour = COLOURS[index % len(COLOURS)]
            notes = [n for n in timeline.notes[track] if n.beat + n.duration > start and n.beat < system[-1][1]]
            if timeline.is_drums(track):
                _draw_drums(axis, notes, timeline.notes[track], colour)
            else:
                _draw_pitches(axis, notes, timeline.notes[track], colour)
            _draw_grid(axis, system)
            axis.set_ylabel(_lane_name(timeline, track), rotation=0, ha="right", va="center", fontsize=9,
                            color=colour, fontweight="bold")
            axis.set_xlim(float(start), float(start + span))
            if axis is not lane_axes[-1]:
                axis.tick_params(axis="x", labelbottom=False)
        _label_bars(lane_axes[0], system, first_bar, timeline)
        first_bar += len(system)
    axes[-1].set_xlabel("beats")
    if title:
        axes[0].set_title(title, fontsize=12, fontweight="bold", loc="left")
    try:
        with atomic_path(out, suffix=out.suffix) as temp_name:
            figure.savefig(temp_name, format=out.suffix.lower().lstrip("."), dpi=110, bbox_inches="tight")
    finally:
        pyplot.close(figure)


def _lane_name(timeline: Timeline, track: str) -> str:
    """The loop's name, and under it its instrument when it chose one."""
    from composer.instruments import program_name

    program = timeline.programs.get(track)
    return track if program is None or timeline.is_drums(track) else f"{track}\n{program_name(program)}"


def _lane_height(timeline: Timeline, track: str) -> float:
    """Inches for a lane: enough for its rows to be told apart, within reason."""
    notes = timeline.notes[track]
    if timeline.is_drums(track):
        rows = len({note.note for note in notes})
        return min(3.0, max(0.9, 0.22 * rows + 0.3))
    span = max(note.note for note in notes) - min(note.note for note in notes) + 3
    return min(4.0, max(0.9, 0.06 * span + 0.4))


def _shade(velocity: int) -> float:
    """Opacity from velocity: soft notes pale, loud ones solid."""
    return 0.25 + 0.75 * velocity / 127


def _draw_pitches(axis, notes, track_notes, colour) -> None:
    """Bars on pitch rows; the rows span the whole track's range, the same in every system."""
    from matplotlib.collections import PatchCollection
    from matplotlib.patches import Rectangle

    boxes = [Rectangle((float(n.beat), n.note - 0.4), float(n.duration) or 0.05, 0.8) for n in notes]
    collection = PatchCollection(boxes, facecolor=colour, edgecolor="none")
    collection.set_alpha(None)
    collection.set_facecolor([(*_rgb(colour), _shade(n.velocity)) for n in notes])
    axis.add_collection(collection)
    low = min(n.note for n in track_notes)
    high = max(n.note for n in track_notes)
    axis.set_ylim(low - 1.5, high + 1.5)
    labels = sorted({low, high} | {p for p in range(low, high + 1) if p % 12 == 0})
    if high - low > 24:
        labels = [p for p in labels if p % 12 == 0] or [low, high]
    axis.set_yticks(labels, [pitch_label(p) for p in labels], fontsize=7)


def _draw_drums(axis, notes, track_notes, colour) -> None:
    """Marks on a row per drum the track plays anywhere, named after General MIDI."""
    keys = sorted({n.note for n in track_notes})
    row = {key: index for index, key in enumerate(keys)}
    axis.scatter(
        [float(n.beat) for n in notes], [row[n.note] for n in notes], marker="D", s=18, linewidths=0,
        color=[(*_rgb(colour), _shade(n.velocity)) for n in notes],
    )
    axis.set_ylim(-0.7, len(keys) - 0.3)
    axis.set_yticks(range(len(keys)), [drum_name(key) for key in keys], fontsize=7)


def _draw_grid(axis, bars) -> None:
    """Bar lines, and lighter lines on each beat of the bar's meter (eighths in 7/8)."""
    bar_lines, beat_lines = [], []
    for start, end, meter in bars:
        bar_lines.append(float(start))
        step = Fraction(4, meter.denominator)
        beat = start + step
        while beat < end:
            beat_lines.append(float(beat))
            beat += step
    across = axis.get_xaxis_transform()  # x in beats, y from the lane's bottom (0) to its top (1)
    axis.vlines(beat_lines, 0, 1, transform=across, colors="#dddddd", linewidths=0.5, zorder=0)
    axis.vlines(bar_lines, 0, 1, transform=across, colors="#555555", linewidths=0.8, zorder=0)
    axis.tick_params(axis="x", labelsize=7)


def _label_bars(axis, bars, first_number: int, timeline: Timeline) -> None:
    """Bar numbers along the top of a system; tempo and meter changes above them."""
    top = axis.secondary_xaxis("top")
    shown = [(number, start) for number, (start, _, _) in enumerate(bars, first_number)]
    top.set_xticks([float(start) for _, start in shown], [str(number) for number, _ in shown], fontsize=7)
    top.tick_params(length=0, pad=1)
    marks: dict[Fraction, list[str]] = {}
    for meter in timeline.meters:
        marks.setdefault(meter.beat, []).append(f"{meter.numerator}/{meter.denominator}")
    for tempo in timeline.tempos:
        marks.setdefault(tempo.beat, []).append(f"\u2669={float(tempo.bpm):g}")
    for beat, texts in sorted(marks.items()):
        if bars[0][0] <= beat < bars[-1][1]:
            axis.annotate("  ".join(texts), (float(beat), 1.0), xycoords=("data", "axes fraction"),
                          xytext=(2, 12), textcoords="offset points", fontsize=8, fontweight="bold",
                          color="#333333", annotation_clip=False)


def _rgb(colour: str) -> tuple[float, float, float]:
    return tuple(int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
