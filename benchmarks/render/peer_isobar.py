"""isobar peer of workload.py: `python peer_isobar.py BARS OUT.mid`.

Two isobar tracks on one Timeline, each sending to its own MidiFileOutputDevice, driven by
isobar's DummyClock (which ticks as fast as it can instead of waiting for real time) at isobar's
default 480 ticks per beat. Each track stops after its event count for BARS bars, and
`run(stop_when_done=True)` returns once both have finished and released their last note.

The two devices' tracks are then saved as one type-1 file with the same layout as composer's
(conductor track with tempo and time signature, then "arp" and "beat"), so the check and the
timing compare like with like. The devices' own `write()` is not used: it saves a one-track file
with an extra note-off for note 0 at the end.
"""

import sys

import mido
from isobar import PSequence, Timeline
from isobar.io.midifile.output import MidiFileOutputDevice
from isobar.timelines.clock import DummyClock

ARP = [52, 55, 57, 59, 62, 64, 62, 59, 57, 55]
DRUMS = [36, 42, 38, 42]  # bd, hh, sn, hh


def main(bars, out):
    beats = 4 * bars
    arp_device = MidiFileOutputDevice(out)
    beat_device = MidiFileOutputDevice(out)
    timeline = Timeline(120, output_device=arp_device, clock_source=DummyClock())
    timeline.add_output_device(beat_device)
    timeline.schedule(
        {"note": PSequence(ARP), "duration": 0.25, "gate": 1.0, "amplitude": 90, "channel": 0},
        count=4 * beats, output_device=arp_device, name="arp",
    )
    timeline.schedule(
        {"note": PSequence(DRUMS), "duration": 0.5, "gate": 0.5, "amplitude": 100, "channel": 9},
        count=2 * beats, output_device=beat_device, name="beat",
    )
    timeline.run(stop_when_done=True)

    midi = mido.MidiFile(type=1, ticks_per_beat=arp_device.ticks_per_beat)
    conductor = mido.MidiTrack()
    conductor.append(mido.MetaMessage("track_name", name="workload", time=0))
    conductor.append(mido.MetaMessage("set_tempo", tempo=mido.bpm2tempo(120), time=0))
    conductor.append(mido.MetaMessage("time_signature", numerator=4, denominator=4, time=0))
    midi.tracks.append(conductor)
    for name, device in (("arp", arp_device), ("beat", beat_device)):
        track = mido.MidiTrack([mido.MetaMessage("track_name", name=name, time=0)])
        track.extend(device.miditrack)
        midi.tracks.append(track)
    midi.save(out)


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2])
