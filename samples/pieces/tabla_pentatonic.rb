# Tabla groove fused with an E minor pentatonic piano loop, as a Sonic Pi buffer.
#
#   composer render samples/pieces/tabla_pentatonic.rb -o out/tabla.mid --bars 16
#   composer live samples/pieces/tabla_pentatonic.rb --virtual composer
#
# The twin of tabla_pentatonic.py: the same loops, names and seeded random choices, so both
# render the same file. The tabla plays teentaal-flavoured bols over a 16-step cycle; the
# piano walks the E minor pentatonic scale in an up-down arpeggio, with random octave leaps
# and velocities, so every render with the same --seed is identical. The piano, a sitar drone
# and an acoustic bass are General MIDI programs (use_synth sends the program change).

use_bpm 96
use_time_signature 4, 4
use_kit "tabla"                                          # strokes -> GM sounds, samples/kits/tabla.toml

penta = scale :e3, :minor_pentatonic, octaves: 2         # E G A B D, two octaves
phrase = arp penta, "updown"                             # up the scale and back down
roots = (ring :e2, :e2, :c2, :d2)                        # bass root of each bar
bols = (ring :dha, :dhin, :dhin, :dha, :dha, :dhin, :dhin, :dha,
             :dha, :tin, :tin, :na, :na, :dhin, :dhin, :dha)
fills = (ring :te, :re, :ke, :te, :tirakita, :te, :na, :ge)

# One bol per 16th note, with the sam (first beat) accented.
live_loop :tabla do
  step = tick
  velocity = step % 16 == 0 ? 118 : rrand_i(70, 100)
  sample bols[step], velocity: velocity
  sample :ke, velocity: 45 if one_in(6)                  # a ghosted ke on the off-16th
  sleep 0.25
end

# Every fourth bar, a rolled tirakita fill over the last beat.
live_loop :tabla_fill do
  sleep 15
  fills.each do |stroke|
    sample stroke, velocity: rrand_i(80, 110)
    sleep 0.125
  end
end

# Sixteenth-note pentatonic arpeggio; now and then an octave leap.
live_loop :piano do
  use_synth :piano
  n = phrase.tick
  n += 12 if one_in(8)
  play n, velocity: rrand_i(64, 96), duration: 0.2, channel: 1
  sleep 0.25
end

# Open fifths under the arpeggio, changing each bar.
live_loop :piano_chords do
  use_synth :sitar
  root = note(roots.tick) + 12
  play [root, root + 7, root + 12], velocity: 70, duration: 3.5, channel: 2
  sleep 4
end

# Root on one, fifth on the 'and' of two, octave pickup.
live_loop :bass do
  use_synth :acoustic_bass
  root = note(roots.tick)
  play root, velocity: 100, duration: 1.5, channel: 3
  sleep 1.5
  play root + 7, velocity: 85, duration: 1, channel: 3
  sleep 1.5
  play root + 12, velocity: 75, duration: 0.5, channel: 3
  sleep 1
end
