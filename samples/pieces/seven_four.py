# Seven-four at 162 BPM with a four-against-seven polyrhythm, in the spirit of the odd-metre
# drive of Rush's Power Windows era: the drums count 7/4, a synth arpeggio cycles in groups
# of four eighth notes that drift across the bar line and meet the downbeat every 2 bars,
# and a bass ostinato outlines a Dorian riff.
#
#   composer render samples/pieces/seven_four.py -o out/seven.mid --bars 14

use_bpm(162)
use_time_signature(7, 4)

riff = ring("d2", "d2", "a2", "c3", "d2", "f2", "g2")          # one bass note per beat of the 7
pulse = scale("d4", "dorian")                                  # D dorian for the synth line
groups = ring(0, 2, 4, 6)                                      # degrees of each 4-note group


@live_loop
def drums():
    """7/4: kick on 1 and 4, snare on 3 and 6, a pushed kick on the 'and' of 5, eighth hats."""
    kick = {0, 6, 9}                    # eighth-note steps within the 14 of a bar
    snare = {4, 10}
    for step in range(14):
        if step in kick:
            sample("bd", velocity=115 if step == 0 else 100)
        if step in snare:
            sample("sn", velocity=105)
        sample("hh", velocity=90 if step % 2 == 0 else 60)
        if step == 0 and look("bar") % 2 == 0:
            sample("crash", velocity=100)
        sleep(0.5)
    tick("bar")


@live_loop
def synth():
    """Groups of four eighths: 4 against the bar's 7 beats (14 eighths), re-aligning every 2 bars."""
    base = groups.tick()
    for offset in range(4):
        play(pulse[base + offset * 2], velocity=rrand_i(72, 96), duration=0.45, channel=2)
        sleep(0.5)


@live_loop
def polyrhythm():
    """A bell on a 4-over-7 grid: four evenly spaced hits across each 7-beat bar."""
    for _ in range(4):
        sample("bell", velocity=80)
        sleep(Fraction(7, 4))


@live_loop
def bass():
    """The riff, one note per beat, with a ghosted octave on the last eighth of the bar."""
    for beat_index in range(7):
        play(riff[beat_index], velocity=100, duration=0.9 if beat_index < 6 else 0.45, channel=3)
        sleep(1 if beat_index < 6 else 0.5)
    play(note(riff[0]) + 12, velocity=60, duration=0.25, channel=3)
    sleep(0.5)
