"""A score sink: the same events as a MusicXML file, through music21 (imported only here)."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

from composer.atomic import atomic_path
from composer.errors import ComposerError
from composer.runtime.events import Note, Tempo, TimeSignature


def write_score(events, out: Path, track_order: list[str], time_signature: tuple[int, int]):
    """Write a part per loop; returns (number of notes, tempo changes)."""
    from music21 import metadata, meter, note, stream, tempo

    score = stream.Score()
    score.insert(0, metadata.Metadata(title=out.stem))
    parts: dict[str, stream.Part] = {}
    for name in track_order:
        part = parts[name] = stream.Part(id=name)
        part.partName = name
        part.insert(0, meter.TimeSignature(f"{time_signature[0]}/{time_signature[1]}"))
    tempo_changes = []
    count = 0
    for event in events:
        if isinstance(event, Note):
            part = parts.setdefault(event.track, stream.Part(id=event.track))
            sounding = note.Note(event.note)
            sounding.quarterLength = Fraction(event.duration) or Fraction(1, 64)
            sounding.volume.velocity = event.velocity
            part.insert(event.beat, sounding)
            count += 1
        elif isinstance(event, Tempo):
            tempo_changes.append(event)
            for part in parts.values():
                part.insert(event.beat, tempo.MetronomeMark(number=float(event.bpm)))
                break
        elif isinstance(event, TimeSignature) and event.beat > 0:
            for part in parts.values():
                part.insert(event.beat, meter.TimeSignature(f"{event.numerator}/{event.denominator}"))
    for part in parts.values():
        score.insert(0, part)
    try:
        with atomic_path(out, suffix=out.suffix) as temp_name:
            score.write("mxl" if out.suffix.lower() == ".mxl" else "musicxml", fp=temp_name)
    except Exception as error:
        raise ComposerError(f"{out}: cannot write the score: {error}") from None
    return count, tempo_changes
