"""Bass lines in the bass's range (E1 to E3): root, root-fifth, walking, pedal.

- `root`: the chord's bass note at each chord and each beat group, held.
- `root_fifth`: root and fifth in turn, on each beat group and the middle of long groups.
- `walking`: a note every beat, up through the chord's tones, the last beat before a new
  chord a half step from its root (the approach note).
- `eighths`: driving eighth notes on the chord's bass note, the groups' downbeats louder.
- `pedal`: eighth notes on one note (the key's tonic, else the section's first bass note).
Each line starts near where the last one left off, so the bass does not leap about.
"""

from __future__ import annotations

from fractions import Fraction

from composer.accompany.parts import Hit, clamp_velocity, playing, style_pattern
from composer.accompany.voicing import bass_note
from composer.harmony.spelling import parse_key

LOW, HIGH = 28, 52  # E1 .. E3
PATTERNS = ("root", "root_fifth", "eighths", "walking", "pedal")


def play(plans, options, context) -> list[Hit]:
    hits: list[Hit] = []
    previous = None
    pedal = None
    for plan, settings in playing(plans, options):
        name = style_pattern(settings, "bass pattern", PATTERNS, "root")
        velocity = settings.get("velocity", 96)
        if name == "pedal":
            pedal = pedal or _pedal_note(plan, context)
            step = Fraction(1, 2)
            for index in range(int(plan.beats / step)):
                accent = 14 if index * step in plan.group_starts() else 0
                hits.append(Hit(plan.start + index * step, step * Fraction(9, 10), pedal, clamp_velocity(velocity - 10 + accent)))
            continue
        pedal = None
        if plan.final and plan.slots[0].chord.root is not None:
            previous = bass_note(plan.slots[0].chord, previous, LOW, HIGH)
            hits.append(Hit(plan.start, plan.beats, previous, clamp_velocity(velocity)))
            continue
        for slot in plan.slots:
            chord = slot.chord
            if chord.root is None:
                continue
            root = previous = bass_note(chord, previous, LOW, HIGH)
            if name == "walking":
                hits += _walk(plan, slot, root, velocity)
                continue
            fifth = _fifth(root, chord)
            points = _pulses(plan, name)
            starts = [p for p in points if slot.start < plan.start + p < slot.start + slot.length]
            starts = [slot.start - plan.start] + starts
            for number, offset in enumerate(starts):
                beat = plan.start + offset
                end = plan.start + (starts[number + 1] if number + 1 < len(starts) else slot.start - plan.start + slot.length)
                note = fifth if name == "root_fifth" and number % 2 else root
                accent = 0 if offset in plan.group_starts() else 8 + 6 * (name == "eighths")
                hits.append(Hit(beat, (end - beat) * Fraction(9, 10), note, clamp_velocity(velocity - accent)))
    return hits


def _pulses(plan, name: str) -> list:
    """Where the line moves: each group's start; for root-fifth the middle of long groups too,
    for eighths every eighth."""
    points = set(plan.group_starts())
    if name == "eighths":
        points |= {Fraction(index, 2) for index in range(int(plan.beats * 2))}
    if name == "root_fifth":
        points |= {start + 2 for start, length in zip(plan.group_starts(), plan.groups) if length >= 3}
        points |= {start + 1 for start, length in zip(plan.group_starts(), plan.groups) if length == 2}
    return sorted(points)


def _fifth(bass: int, chord) -> int:
    """The chord's fifth (perfect, diminished or augmented) nearest its bass note, else the bass."""
    fifths = [i for i in chord.intervals if i in (6, 7, 8)]
    if not fifths:
        return bass
    pitch_class = (chord.root.pitch_class + fifths[-1]) % 12
    above = bass + (pitch_class - bass) % 12
    return above if above <= HIGH else above - 12


def _walk(plan, slot, root: int, velocity: int) -> list[Hit]:
    """One note a beat: chord tones upwards from the root, the last beat approaching the next chord."""
    unit = plan.unit
    count = int(slot.length / unit)
    tones = sorted({root + i % 12 for i in slot.chord.intervals})
    following = _next_root(plan, slot)
    hits = []
    for index in range(count):
        if index == count - 1 and count > 1 and following is not None:
            target = bass_note(following, root, LOW, HIGH)
            note = target - 1 if target > root else target + 1  # a half step below or above
        else:
            note = tones[index % len(tones)]
        hits.append(Hit(slot.start + index * unit, unit * Fraction(9, 10), note, clamp_velocity(velocity - (0 if index == 0 else 10))))
    return hits


def _next_root(plan, slot):
    later = [s for s in plan.slots if s.start > slot.start]
    chord = later[0].chord if later else plan.next_chord
    return chord if chord is not None and chord.root is not None else None


def _pedal_note(plan, context) -> int:
    if context.key:
        tonic = parse_key(context.key).tonic.pitch_class
    else:
        tonic = plan.slots[0].chord.bass.pitch_class if plan.slots[0].chord.root else 4
    return LOW + (tonic - LOW) % 12
