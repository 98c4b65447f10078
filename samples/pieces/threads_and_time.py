# Sonic Pi's threads and time in composer: a top-level intro (a score), a loop at its own tempo
# against the piece's (5 beats in 4), swing, a bass that syncs on the drums and takes the chord
# the drums cue with, and a fill at fixed times with `at`.
use_bpm(96)
use_synth("fm")
chords = ring(chord("e3", "minor"), chord("c3", "major"), chord("g3", "major"), chord("d3", "major"))

# the top level is a thread: this intro is a score, and the loops start after it
for note in chord("e4", "minor7"):
    play(note, duration=0.5, velocity=70)
    sleep(0.25)
sleep(3)


@live_loop
def bass():
    values = sync("bar")                   # once per bar: the next cue after this loop's place
                                           # (defined before the drums, it takes their cue on its beat)
    play(values["root"] - 12, duration=1.5, channel=2)
    sleep(2)
    play(values["root"] - 5, duration=1.5, channel=2)


@live_loop
def drums():
    chord_now = chords.tick()
    cue("bar", root=chord_now[0])          # values travel with the cue
    for step in range(8):
        with with_swing(0.08, pulse=2):    # every other 8th a little late
            sample("hh", velocity=80 if step % 2 == 0 else 55)
        if step in (0, 4):
            sample("bd")
        if step in (2, 6):
            sample("sn", velocity=90)
        sleep(0.5)


@live_loop
def bells():
    use_bpm(120)                           # its own tempo: 5 of its beats in 4 of the piece's
    use_synth("kalimba")
    play(scale("e5", "minor_pentatonic").choose(), duration=0.5, velocity=60, channel=3)
    sleep(1)


@live_loop(sync="bar")
def fills():
    if look("bar") % 4 == 3:
        @at([3, 3.25, 3.5, 3.75], ["lt", "mt", "ht", "cr"])
        def fill(drum):
            sample(drum, velocity=100)
    tick("bar")
    sync("bar")
