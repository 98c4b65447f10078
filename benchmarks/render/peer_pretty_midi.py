"""Hand-written pretty_midi peer of workload.py: `python peer_pretty_midi.py BARS OUT.mid`.

pretty_midi works in seconds; at 120 BPM a 1/4 beat is 0.125 s, exact in binary floating point,
so every note lands on the same tick as composer's. Its file also carries a program change per
instrument track (pretty_midi always writes one); the notes are the same.
"""

import sys

import pretty_midi

ARP = (52, 55, 57, 59, 62, 64, 62, 59, 57, 55)
DRUMS = (36, 42, 38, 42)  # bd, hh, sn, hh
SECONDS_PER_BEAT = 0.5  # 120 BPM


def main(bars, out):
    beats = 4 * bars
    midi = pretty_midi.PrettyMIDI(resolution=480, initial_tempo=120.0)
    midi.time_signature_changes.append(pretty_midi.TimeSignature(4, 4, 0.0))

    arp = pretty_midi.Instrument(program=0, name="arp")
    step = SECONDS_PER_BEAT / 4
    for i in range(4 * beats):
        start = i * step
        arp.notes.append(pretty_midi.Note(velocity=90, pitch=ARP[i % len(ARP)], start=start, end=start + step))

    beat = pretty_midi.Instrument(program=0, is_drum=True, name="beat")
    for i in range(2 * beats):
        start = i * SECONDS_PER_BEAT / 2
        beat.notes.append(pretty_midi.Note(velocity=100, pitch=DRUMS[i % len(DRUMS)], start=start, end=start + step))

    midi.instruments += [arp, beat]
    midi.write(out)


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2])
