# The piece from the README: an E minor pentatonic arpeggio over Euclidean drums.
#
#   composer render samples/pieces/hello.py -o out/hello.mid --bars 8
#   composer live samples/pieces/hello.py --virtual composer      # then edit and save

use_bpm(100)
notes = scale("e3", "minor_pentatonic")          # (ring 52, 55, 57, 59, 62, 64), as in Sonic Pi

@live_loop
def arp():
    play(notes.tick(), velocity=rrand_i(70, 100), duration=0.25)
    sleep(0.25)

@live_loop
def drums():
    play_cycle("bd(3,8) [~ sn]")                 # Tidal/Strudel mini-notation, one cycle a bar
