# Benchmark workload: E minor pentatonic 16th-note up-down arpeggio + 8th-note drum loop,
# 120 BPM, 24 notes a bar. The same notes are produced by the peer scripts beside this file.
use_bpm(120)
notes = ring(52, 55, 57, 59, 62, 64, 62, 59, 57, 55)  # up-down over scale("e3", "minor_pentatonic")
drums = ring("bd", "hh", "sn", "hh")

@live_loop
def arp():
    play(notes.tick(), velocity=90, duration=0.25)
    sleep(0.25)

@live_loop
def beat():
    sample(drums.tick(), velocity=100)
    sleep(0.5)
