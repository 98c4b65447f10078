"""Check that composer's file and each peer's file hold the same notes, so the timing is fair.

    python check_same_notes.py [--bars N] [--skip-isobar]   render all at N bars (default 100), compare
    python check_same_notes.py REFERENCE.mid OTHER.mid...   compare existing files

A note is (onset tick, note, velocity, channel, duration in ticks), read with mido: a note-on with
velocity > 0 starts one, the next note-off (or note-on with velocity 0) of the same channel and
key in the same track ends it. Notes are compared as a multiset and also per named track.
Differences outside the notes (track layout, meta events, program changes) are listed as
remarks; they do not fail the check. Exit status 1 if any notes differ.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

import mido

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
PEERS = ("mido", "pretty_midi", "isobar")


def composer_command(bars: int, out) -> list[str]:
    return [sys.executable, "-m", "composer", "render", str(HERE / "workload.py"), "-o", str(out), "--bars", str(bars)]


def peer_command(peer: str, bars: int, out) -> list[str]:
    return [sys.executable, str(HERE / f"peer_{peer}.py"), str(bars), str(out)]


def read_notes(path):
    """(notes per track name, unmatched messages, other messages per track index, file facts)."""
    midi = mido.MidiFile(path)
    per_track: dict[str, list[tuple]] = {}
    unmatched: list[str] = []
    other: Counter = Counter()
    for index, track in enumerate(midi.tracks):
        name = track.name or f"#{index}"
        notes = per_track.setdefault(name, [])
        sounding = defaultdict(list)  # (channel, note) -> [(onset, velocity), ...] oldest first
        tick = 0
        for message in track:
            tick += message.time
            if message.type == "note_on" and message.velocity > 0:
                sounding[(message.channel, message.note)].append((tick, message.velocity))
            elif message.type in ("note_on", "note_off"):
                started = sounding.get((message.channel, message.note))
                if started:
                    onset, velocity = started.pop(0)
                    notes.append((onset, message.note, velocity, message.channel, tick - onset))
                else:
                    unmatched.append(f"track {name!r}: note-off without a note-on at tick {tick}: {message}")
            elif message.type not in ("track_name", "end_of_track"):
                other[(index, _describe(message))] += 1
        for (channel, note), starts in sounding.items():
            for onset, _ in starts:
                unmatched.append(f"track {name!r}: note {note} on channel {channel + 1} at tick {onset} never ends")
    facts = {"type": midi.type, "ticks_per_beat": midi.ticks_per_beat, "tracks": [t.name for t in midi.tracks]}
    return per_track, unmatched, other, facts


def _describe(message) -> str:
    data = message.dict()
    data.pop("time", None)
    return " ".join(f"{k}={v}" for k, v in data.items())


def compare(reference, other, limit: int = 5) -> tuple[list[str], list[str]]:
    """(differences in the notes, remarks on everything else) between two files."""
    ref_tracks, ref_unmatched, ref_other, ref_facts = read_notes(reference)
    tracks, unmatched, others, facts = read_notes(other)
    differences, remarks = [], []

    ref_all = Counter(n for notes in ref_tracks.values() for n in notes)
    all_notes = Counter(n for notes in tracks.values() for n in notes)
    if ref_all != all_notes:
        missing, extra = ref_all - all_notes, all_notes - ref_all
        differences.append(
            f"{sum(ref_all.values())} notes vs {sum(all_notes.values())}: "
            f"{sum(missing.values())} missing, {sum(extra.values())} extra"
        )
        drift = _timing_drift(ref_tracks, tracks)
        if drift:
            differences.append(drift)
        for label, notes in (("missing", missing), ("extra", extra)):
            for note in sorted(notes)[:limit]:
                differences.append(f"  {label}: onset={note[0]} note={note[1]} velocity={note[2]} "
                                   f"channel={note[3] + 1} duration={note[4]}")
    else:
        for name, notes in ref_tracks.items():
            if notes and Counter(notes) != Counter(tracks.get(name, [])):
                differences.append(f"the notes of track {name!r} are not all in a track of that name")
    differences += unmatched[:limit]
    if len(unmatched) > limit:
        differences.append(f"  ... {len(unmatched) - limit} more unmatched")

    for key in ("type", "ticks_per_beat", "tracks"):
        if ref_facts[key] != facts[key]:
            remarks.append(f"{key}: {ref_facts[key]} vs {facts[key]}")
    for (track, what), count in sorted((others - ref_other).items()):
        remarks.append(f"extra in track {track}: {count} x {what}")
    for (track, what), count in sorted((ref_other - others).items()):
        remarks.append(f"missing from track {track}: {count} x {what}")
    return differences, remarks


def _timing_drift(ref_tracks, tracks) -> str | None:
    """If the two files hold the same keys in the same order per track, only at other times,
    describe how far the times are off; else None."""
    worst_onset = worst_duration = 0
    first = None
    for name, ref_notes in ref_tracks.items():
        notes = sorted(tracks.get(name, []))
        ref_notes = sorted(ref_notes)
        if len(notes) != len(ref_notes):
            return None
        for ref, note in zip(ref_notes, notes):
            if ref[1:4] != note[1:4]:
                return None
            if ref != note:
                first = ref[0] if first is None else min(first, ref[0])
                worst_onset = max(worst_onset, abs(note[0] - ref[0]))
                worst_duration = max(worst_duration, abs(note[4] - ref[4]))
    if first is None:
        return None
    return (f"same notes in the same order, but times drift: from tick {first} on, onsets up to "
            f"{worst_onset} tick(s) and durations up to {worst_duration} tick(s) off")


def report(reference, others: dict[str, Path]) -> bool:
    same = True
    total = sum(len(v) for v in read_notes(reference)[0].values())
    print(f"reference: {reference} ({total} notes)")
    for label, path in others.items():
        differences, remarks = compare(reference, path)
        same &= not differences
        print(f"{label}: {'SAME NOTES' if not differences else 'NOTES DIFFER'}")
        for line in differences:
            print(f"  difference: {line}")
        for line in remarks:
            print(f"  remark: {line}")
    return same


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", help="REFERENCE.mid OTHER.mid ... (default: render them)")
    parser.add_argument("--bars", type=int, default=100)
    parser.add_argument("--skip-isobar", action="store_true", help="isobar takes ~25 ms a bar")
    args = parser.parse_args(argv)
    if args.files:
        if len(args.files) < 2:
            parser.error("give a reference file and at least one other")
        return 0 if report(args.files[0], {f: Path(f) for f in args.files[1:]}) else 1
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        reference = tmp / "composer.mid"
        subprocess.run(composer_command(args.bars, reference), check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
        others = {}
        for peer in PEERS:
            if peer == "isobar" and args.skip_isobar:
                continue
            others[peer] = tmp / f"{peer}.mid"
            subprocess.run(peer_command(peer, args.bars, others[peer]), check=True, cwd=ROOT)
        print(f"{args.bars} bars")
        return 0 if report(reference, others) else 1


if __name__ == "__main__":
    sys.exit(main())
