"""A score sink: the render as MusicXML sheet music, through music21 (imported only here).

The written form comes from composer.sinks.notation (one line of chords per part on the grid
the music uses, bars cut by the meter, ties); this module dresses it for a reader: a part per
loop named after it, with its instrument (from its program change), a clef that fits its range,
the key signature (found from the notes) and spelling in that key, drums as unpitched notes on a
percussion staff, staccato on short notes, and tempo and meter changes in place.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

from composer.atomic import atomic_path
from composer.errors import ComposerError
from composer.sinks.notation import bar_contents, chords
from composer.sinks.percussion import staff_place
from composer.sinks.timeline import Timeline
from composer.theory.spelling import spelled_name

#: A score is for reading: past this it is a render to look at another way.
MAX_SCORE_BARS = 2000


def write_score(timeline: Timeline, out: Path, title: str = "") -> int:
    """Write `timeline` as MusicXML (.musicxml, .xml or compressed .mxl); returns the notes written."""
    from music21 import metadata, stream

    bars = timeline.bars(whole=True)
    check_score_length(out, len(bars))
    sharps, minor = find_key(timeline)
    score = stream.Score()
    score.insert(0, metadata.Metadata(title=title or out.stem))
    count = 0
    for index, track in enumerate(timeline.tracks()):
        part, notes = _part(timeline, track, bars, sharps, minor, with_tempo=index == 0)
        score.insert(0, part)
        count += notes
    try:
        with atomic_path(out, suffix=out.suffix) as temp_name:
            score.write("mxl" if out.suffix.lower() == ".mxl" else "musicxml", fp=temp_name)
    except ComposerError:
        raise
    except Exception as error:
        raise ComposerError(f"{out}: cannot write the score: {error}") from None
    return count


def check_score_length(out: Path, bars) -> None:
    """Refuse, before any work, a score too long to read (and to build in memory)."""
    if bars > MAX_SCORE_BARS:
        raise ComposerError(f"{out}: a score holds at most {MAX_SCORE_BARS} bars (this render has {float(bars):g}); "
                            "render fewer with --bars")


def find_key(timeline: Timeline) -> tuple[int, bool]:
    """(sharps, minor): the piece's key (use_key, or the first scale it used), else the key its
    pitched notes imply (Krumhansl-Schmuckler, by music21) weighted by how long each sounds."""
    from music21 import key, note, stream

    if timeline.key is not None:
        return timeline.key
    weights = [Fraction(0)] * 12
    for track in timeline.tracks():
        if not timeline.is_drums(track):
            for played in timeline.notes[track]:
                weights[played.note % 12] += played.duration or Fraction(1, 16)
    if not any(weights):
        return 0, False
    probe = stream.Stream()
    for pitch_class, weight in enumerate(weights):
        if weight:
            probe.append(note.Note(60 + pitch_class, quarterLength=float(weight)))
    found = probe.analyze("key")
    return key.Key(found.tonic, found.mode).sharps, found.mode == "minor"


def _part(timeline: Timeline, track: str, bars, sharps: int, minor: bool, with_tempo: bool):
    from music21 import clef, instrument, key, meter, stream, tempo

    drums = timeline.is_drums(track)
    part = stream.Part(id=track)
    if drums:
        part.insert(0, instrument.Percussion())
    elif track in timeline.programs:
        part.insert(0, instrument.instrumentFromMidiProgram(timeline.programs[track]))
    part.partName = track
    line = chords(timeline.notes[track], bars[-1][1], drums=drums)
    contents = bar_contents(line, [(start, end, Fraction(4, sign.denominator)) for start, end, sign in bars])
    shown_meter = None
    notes = 0
    for number, ((start, end, sign), written) in enumerate(zip(bars, contents), 1):
        measure = stream.Measure(number=number)
        if number == 1:
            measure.insert(0, clef.PercussionClef() if drums else _clef(timeline.notes[track]))
            if not drums:
                measure.insert(0, key.KeySignature(sharps))
        if (sign.numerator, sign.denominator) != shown_meter:
            shown_meter = (sign.numerator, sign.denominator)
            measure.insert(0, meter.TimeSignature(f"{sign.numerator}/{sign.denominator}"))
        if with_tempo:
            for change in timeline.tempos:
                if start <= change.beat < end:
                    measure.insert(float(change.beat - start), tempo.MetronomeMark(number=float(change.bpm)))
        for item in written:
            measure.insert(float(item.offset), _written(item, drums, sharps, minor))
            notes += len(item.keys) if not item.tie_from_before else 0
        part.append(measure)
    return part, notes


def _clef(notes):
    from music21 import clef

    middle = sorted(n.note for n in notes)[len(notes) // 2]
    return clef.BassClef() if middle < 55 else clef.TrebleClef()


def _written(item, drums: bool, sharps: int, minor: bool):
    from music21 import articulations, chord, note, percussion, tie

    length = Fraction(item.duration)
    if not item.keys:
        return note.Rest(quarterLength=length)
    if drums:
        hits = []
        for key in item.keys:
            step, head = staff_place(key)
            hit = note.Unpitched(displayName=step, quarterLength=length)
            hit.notehead = head
            hits.append(hit)
        sounding = hits[0] if len(hits) == 1 else percussion.PercussionChord(hits, quarterLength=length)
    else:
        names = [spelled_name(key, sharps, minor).replace("b", "-") for key in item.keys]
        sounding = note.Note(names[0], quarterLength=length) if len(names) == 1 else chord.Chord(names, quarterLength=length)
    sounding.volume.velocity = item.velocity
    if item.tie_from_before or item.tie_to_next:
        kind = "continue" if item.tie_from_before and item.tie_to_next else "stop" if item.tie_from_before else "start"
        sounding.tie = tie.Tie(kind)
    if item.staccato:
        sounding.articulations.append(articulations.Staccato())
    return sounding
