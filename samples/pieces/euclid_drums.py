# Euclidean drums in mini-notation: every part is a Tidal/Strudel pattern, one cycle a bar.
#
#   composer render samples/pieces/euclid_drums.py -o out/euclid.mid --bars 8
#   composer pattern "bd(<3 5>,8,<0 2>)" --cycles 2      # inspect a pattern on its own
#
# play_cycle plays the next cycle of a pattern over one bar and then sleeps that bar.
# Words that name a drum of the kit are hits; numbers with scale= are scale degrees.

use_bpm(118)


@live_loop
def kick():
    play_cycle("bd(<3 5>,8,<0 2>)", velocity=115)


@live_loop
def snare():
    play_cycle("~ sn ~ [sn cp?]", velocity=100)


@live_loop
def hats():
    play_cycle("hh(7,16) oh(1,16,14)", velocity=72)


@live_loop
def percussion():
    play_cycle("{cb rim ~ rim, lt(3,8,1)}%8", velocity=80)


@live_loop
def bassline():
    play_cycle("<0 0 3 [4 2]>(5,8) ~", scale=scale("e2", "minor_pentatonic", octaves=2),
               velocity=96, channel=2)


@live_loop
def stabs():
    play_cycle("[~ 7 ~ ~ ~ 9 ~ 8]/2", scale=scale("e3", "minor_pentatonic", octaves=3),
               velocity=84, channel=3, duration=0.2)
