# Benchmark workload as a Sonic Pi buffer: the same notes as workload.py beside it.
# E minor pentatonic 16th-note up-down arpeggio + 8th-note drum loop, 120 BPM, 24 notes a bar.
use_bpm 120
use_kit "gm"
notes = (ring 52, 55, 57, 59, 62, 64, 62, 59, 57, 55)  # up-down over scale(:e3, :minor_pentatonic)
drums = (ring "bd", "hh", "sn", "hh")

live_loop :arp do
  play notes.tick, velocity: 90, duration: 0.25
  sleep 0.25
end

live_loop :beat do
  sample drums.tick, velocity: 100
  sleep 0.5
end
