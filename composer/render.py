"""Render a piece offline: runtime -> events -> a MIDI file, a score, a picture or audio.

Without --bars or --beats a piece plays to its own end, as when Sonic Pi runs a buffer: a chart
once through; a piece whose threads all finish (no live_loop running on), to its last sound,
rounded up to a bar line; a piece that plays on, DEFAULT_BARS bars.

`--bars` follows the piece's time signatures. They are known only as the piece runs, so when a
`use_time_signature` inside a loop moves the end, the render starts again with the end that
meter gives (the piece is deterministic, so the second pass repeats the first up to there).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path

from composer.beats import to_beats
from composer.errors import ComposerError
from composer.meters import MeterMap
from composer.outputs import check_output, make_folder, output_kind
from composer.runtime import loading
from composer.runtime.engine import DEFAULT_TIME_SIGNATURE
from composer.runtime.events import Note, Tempo, TimeSignature
from composer.runtime.messages import expand
from composer.sinks.smf import MAX_TRACKS, MidiFileWriter, beat_to_tick

DEFAULT_BARS = 16
#: How far a piece without a live_loop is followed to find its end (a top level may loop forever).
NATURAL_END_BEATS = 4096
#: Tempo changes the summary names one by one; more are summed up.
NAMED_TEMPO_CHANGES = 3


@dataclass(frozen=True)
class RenderSummary:
    path: Path
    tracks: int
    notes: int
    bars: Fraction
    beats: Fraction
    bpm: Fraction
    seconds: float
    tempo_changes: tuple = field(default=())  # (bar, bpm) after the first tempo

    def line(self) -> str:
        bars = f"{float(self.bars):g} bar{'' if self.bars == 1 else 's'}"
        return (
            f"wrote {self.path}: {self.notes} notes on {self.tracks} tracks, {bars} "
            f"({float(self.beats):g} beats) at {float(self.bpm):g} bpm{self._changes()}, {self.seconds:.1f} s"
        )

    def _changes(self) -> str:
        changes = self.tempo_changes
        if not changes:
            return ""
        if len(changes) <= NAMED_TEMPO_CHANGES:
            return "".join(f", then {float(bpm):g} at bar {float(bar):g}" for bar, bpm in changes)
        tempos = [float(bpm) for _, bpm in changes] + [float(self.bpm)]
        return f" with {len(changes)} tempo changes ({min(tempos):g}-{max(tempos):g} bpm)"


def render_length(runtime, bars=None, beats=None, meters: MeterMap | None = None) -> Fraction:
    """The number of beats to render: --beats, else --bars through the piece's time signatures
    (those in `meters`, else the piece's opening one)."""
    if bars is not None and beats is not None:
        raise ComposerError("give --bars or --beats, not both")
    if beats is not None:
        length = to_beats(beats, "beats")
    else:
        meters = meters or MeterMap(*runtime.time_signature)
        length = meters.beats(to_beats(DEFAULT_BARS if bars is None else bars, "bars"))
    if length <= 0:
        raise ComposerError("the length to render must be positive")
    return length


class _Remeasure(Exception):
    """A time signature met while rendering moves the end: render again to the new end."""


def render_file(
    piece: str | Path,
    out: str | Path,
    bars=None,
    beats=None,
    seed: int = 0,
    bpm=None,
    progress: Callable[[Fraction, Fraction], None] | None = None,
    soundfont=None,
) -> RenderSummary:
    """Render `piece` to `out` atomically and summarise it: a MIDI file, a MusicXML score, a
    piano-roll picture (.png, .svg) or audio through a SoundFont (.wav, .flac, .ogg)."""
    out = check_output(out, inputs=[piece])  # before the work, not after it
    kind = output_kind(out)
    if kind == "audio":  # a missing synth or SoundFont fails before the work too
        from composer.sinks.audio import find_soundfont, fluidsynth_program

        fluidsynth_program()
        soundfont = find_soundfont(soundfont)

    def render(runtime, length, meters, measured_bars):
        return _render_once(runtime, Path(piece), out, kind, length, meters, measured_bars, progress, soundfont)

    return _measured(piece, bars, beats, seed, bpm, render)


def render_timeline(piece: str | Path, bars=None, beats=None, seed: int = 0, bpm=None):
    """A piece's events gathered whole, for a look at it rather than a file (`composer show`)."""

    from composer.sinks.pianoroll import MAX_PICTURE_BARS

    def gather(runtime, length, meters, measured_bars):
        if meters.bars(length) > MAX_PICTURE_BARS:  # before any work, as for a picture file
            raise ComposerError(f"{piece}: a piano roll shows at most {MAX_PICTURE_BARS} bars "
                                f"(asked for {float(meters.bars(length)):g}); show fewer with --bars")
        runtime.until = length
        return _timeline(runtime, _watched(runtime.events(), meters, [], length, measured_bars), length)

    return _measured(piece, bars, beats, seed, bpm, gather)


def natural_length(piece, seed: int = 0, bpm=None) -> Fraction | None:
    """Beats to the piece's own end (see the module's docstring), or None when it plays on."""
    runtime = loading.load(Path(piece), seed=seed, bpm=bpm, until=NATURAL_END_BEATS)
    try:
        if runtime.piece.length is not None:
            return runtime.piece.length
        return _followed_to_end(runtime)
    finally:
        runtime.close()


def _followed_to_end(runtime) -> Fraction | None:
    """Run the piece DEFAULT_BARS bars at a time while only threads that end are left."""
    meters = MeterMap(*runtime.time_signature)
    last = runtime.top_level_time()
    checkpoint = meters.beats(DEFAULT_BARS)  # live_loops that stop themselves by then end the piece
    while not runtime.ended():
        if checkpoint > NATURAL_END_BEATS:
            return None
        for event in runtime.events(until=checkpoint):
            kind = type(event)
            if kind is Note:
                last = max(last, event.beat + event.duration)
            elif kind is TimeSignature:
                meters.add(event.beat, event.numerator, event.denominator)
            elif kind is not Tempo:
                last = max(last, event.beat)
        if not runtime.ended() and runtime.looping():
            return None
        checkpoint += meters.beats(DEFAULT_BARS)
    if last <= 0 or runtime.cut_at_end:
        return None
    return meters.beats(math.ceil(meters.bars(last)))


def _measured(piece, bars, beats, seed, bpm, run):
    """`run(runtime, length, meters, bars)` on a freshly loaded piece, again whenever a time
    signature met on the way moves the end of --bars. The top level, a thread as in Sonic Pi,
    runs up to the end (at first the end in 4/4) like every thread, so one that plays forever
    is a score cut there."""
    if bars is None and beats is None:
        beats = natural_length(piece, seed, bpm)
    meters = None
    measured_bars = None if beats is not None else to_beats(DEFAULT_BARS if bars is None else bars, "bars")
    horizon = render_length(None, bars, beats, MeterMap(*DEFAULT_TIME_SIGNATURE))
    while True:
        runtime = loading.load(Path(piece), seed=seed, bpm=bpm, until=horizon)
        meters = meters or MeterMap(*runtime.time_signature)
        length = render_length(runtime, bars, beats, meters)
        if length > horizon and runtime.top_level_time() >= horizon:  # the top level stopped short
            horizon = length
            continue
        try:
            return run(runtime, length, meters, measured_bars)
        except _Remeasure:
            continue
        finally:
            runtime.close()


def _render_once(runtime, piece: Path, out: Path, kind: str, length: Fraction, meters: MeterMap, bars, progress,
                 soundfont):
    runtime.until = length
    if kind == "score":
        from composer.sinks.score import check_score_length

        check_score_length(out, meters.bars(length))
    if kind == "picture":
        from composer.sinks.pianoroll import check_picture_length

        check_picture_length(out, meters.bars(length))
    if len(runtime.track_order) >= MAX_TRACKS:  # say so now, not after rendering them all
        raise ComposerError(f"{len(runtime.track_order):,} loops: a MIDI file holds at most {MAX_TRACKS - 1:,} "
                            "tracks besides the conductor")
    tempo_changes: list[Tempo] = []
    events = _watched(runtime.events(), meters, tempo_changes, length, bars)
    if progress is not None:
        events = _reporting(events, length, progress)
    if kind in ("score", "picture"):
        timeline = _timeline(runtime, events, length)
        make_folder(out)
        if kind == "score":
            from composer.sinks.score import write_score

            write_score(timeline, out, title=piece.stem)
        else:
            from composer.sinks.pianoroll import draw_piano_roll

            draw_piano_roll(timeline, out, title=piece.stem)
        notes = timeline.note_count()
    else:
        writer = MidiFileWriter(title=piece.stem)
        writer.consume(expand(events, length))
        if kind == "audio":
            from composer.sinks.audio import check_audio_length, write_audio

            check_audio_length(out, _seconds(tempo_changes, length))
        make_folder(out)
        if kind == "audio":
            write_audio(writer.to_bytes(runtime.track_order, end_tick=beat_to_tick(length)), out, soundfont)
        else:
            writer.write(out, runtime.track_order)
        notes = writer.notes
    first_bpm, changes = _tempo_story(tempo_changes)
    return RenderSummary(
        path=out,
        tracks=len(runtime.track_order) + 1,
        notes=notes,
        bars=meters.bars(length),
        beats=length,
        bpm=runtime.bpm if first_bpm is None else first_bpm,
        seconds=_seconds(tempo_changes, length),
        tempo_changes=tuple((meters.bar_at(beat), bpm) for beat, bpm in changes),
    )


def _timeline(runtime, events, length: Fraction):
    from composer.sinks.timeline import Timeline

    timeline = Timeline.gather(events, length, runtime.track_order)
    timeline.key = runtime.piece.key  # known once the piece has run: a loop may imply it
    return timeline


def _watched(events, meters: MeterMap, tempo_changes: list, length: Fraction, bars):
    """The events, noting tempo changes; a time signature that moves the end of --bars stops the pass."""
    for event in events:
        kind = type(event)
        if kind is Tempo:
            tempo_changes.append(event)
        elif kind is TimeSignature and meters.add(event.beat, event.numerator, event.denominator):
            if bars is not None and meters.beats(bars) != length:
                raise _Remeasure
        yield event


def _tempo_story(tempo_changes: list) -> tuple:
    """The opening tempo and the (beat, bpm) changes after it; of changes at one beat the last counts."""
    by_beat: dict[Fraction, Fraction] = {}
    for change in tempo_changes:
        by_beat[change.beat] = change.bpm
    if not by_beat:
        return None, []
    (_, first), *rest = by_beat.items()
    changes, current = [], first
    for beat, bpm in rest:
        if bpm != current:
            changes.append((beat, bpm))
            current = bpm
    return first, changes


def _reporting(events, length: Fraction, progress):
    """Calls `progress(beat, length)` at the start, every 1 % of the way and at the end."""
    step = max(length / 100, Fraction(1))
    next_report = step
    progress(Fraction(0), length)
    for event in events:
        if event.beat >= next_report:
            progress(event.beat, length)
            next_report = event.beat + step
        yield event
    progress(length, length)


def _seconds(tempo_changes: list, length: Fraction) -> float:
    """Wall-clock length of `length` beats through the tempo map."""
    seconds = Fraction(0)
    previous_beat, bpm = Fraction(0), Fraction(60)
    for change in tempo_changes:
        if change.beat >= length:
            break
        seconds += (change.beat - previous_beat) * 60 / bpm
        previous_beat, bpm = change.beat, change.bpm
    seconds += (length - previous_beat) * 60 / bpm
    return float(seconds)
