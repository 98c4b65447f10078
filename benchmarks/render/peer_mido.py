"""Hand-written mido peer of workload.py: `python peer_mido.py BARS OUT.mid`.

Writes the same file composer renders: type 1, 480 ticks per beat, a conductor track
(tempo 120 BPM, 4/4), an "arp" track on channel 1 and a "beat" track on channel 10.
"""

import sys

import mido

TPB = 480
ARP = (52, 55, 57, 59, 62, 64, 62, 59, 57, 55)
DRUMS = (36, 42, 38, 42)  # bd, hh, sn, hh


def loop_track(name, channel, notes, velocity, length, step, count):
    """`count` notes, one every `step` ticks, each `length` ticks long, cycling through `notes`."""
    track = mido.MidiTrack()
    track.append(mido.MetaMessage("track_name", name=name, time=0))
    gap = step - length
    cycle = len(notes)
    for i in range(count):
        note = notes[i % cycle]
        track.append(mido.Message("note_on", channel=channel, note=note, velocity=velocity, time=gap if i else 0))
        track.append(mido.Message("note_off", channel=channel, note=note, velocity=0, time=length))
    return track


def main(bars, out):
    beats = 4 * bars
    midi = mido.MidiFile(type=1, ticks_per_beat=TPB)
    conductor = mido.MidiTrack()
    conductor.append(mido.MetaMessage("track_name", name="workload", time=0))
    conductor.append(mido.MetaMessage("set_tempo", tempo=mido.bpm2tempo(120), time=0))
    conductor.append(mido.MetaMessage("time_signature", numerator=4, denominator=4, time=0))
    midi.tracks.append(conductor)
    midi.tracks.append(loop_track("arp", 0, ARP, 90, TPB // 4, TPB // 4, 4 * beats))
    midi.tracks.append(loop_track("beat", 9, DRUMS, 100, TPB // 4, TPB // 2, 2 * beats))
    midi.save(out)


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2])
