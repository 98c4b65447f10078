# A live set for `composer perform --patch patches/live-set.toml`: pads launch and stop these
# loops on the next bar, knobs steer the tempo and the params read here. Loops marked
# paused=True wait for their pad; the others start playing at once.
#
#   composer perform samples/pieces/live_set.py --patch patches/live-set.toml --virtual composer
#   composer render samples/pieces/live_set.py -o out/live_set.mid --bars 8   # unpaused loops

use_bpm(110)
key = scale("a2", "minor_pentatonic", octaves=3)
changes = ring("a2", "a2", "f2", "g2")


@live_loop
def drums():
    """Four on the floor; the density param (a knob) adds ghost hats."""
    for step in range(16):
        if step % 4 == 0:
            sample("bd", velocity=112)
        if step in (4, 12):
            sample("sn", velocity=100)
        if step % 2 == 0 or rand() < param("density", 0.3):
            sample("hh", velocity=80 if step % 2 == 0 else 50)
        sleep(0.25)


@live_loop
def bass():
    root = note(changes.tick())
    for step, offset in enumerate([0, 0, 12, 0, 7, 0, 10, 12]):
        play(root + offset, velocity=100 if step == 0 else 84, duration=0.4, channel=2)
        sleep(0.5)


@live_loop
def arp():
    """Sixteenths through the key; the swing param delays every other one."""
    swing = param("swing", 0.0) * 0.1
    play(key.tick(), velocity=rrand_i(60, 90), duration=0.2, channel=3)
    sleep(0.25 + swing if look() % 2 == 0 else 0.25 - swing)


@live_loop
def pad_chords():
    """Sustained chords; cutoff (a knob) goes out as CC 74 before each chord."""
    cc(74, int(param("cutoff", 64)), channel=4)
    root = note(changes.look()) + 12
    play(chord(root, "m7"), velocity=64, duration=3.8, channel=4)
    sleep(4)


@live_loop(paused=True)
def lead():
    play(key.choose() + 12, velocity=rrand_i(80, 110), duration=0.4, channel=5)
    sleep(choose([0.5, 0.5, 1, 0.25]))


@live_loop(paused=True)
def tabla():
    use_kit("tabla")
    play_cycle("[dha ~ ge na] [tin ~ na ke] [dha ge ~ na] [tin na ke te]", velocity=96)


@live_loop(paused=True)
def fill():
    """A one-bar snare roll that stops itself: launched by a pad, plays once."""
    for step in range(16):
        sample("sn", velocity=60 + step * 4)
        sleep(0.25)
    stop()


@live_loop(paused=True)
def perc():
    play_cycle("cb(3,8) [~ cp]? rim(5,16,2)", velocity=80)
