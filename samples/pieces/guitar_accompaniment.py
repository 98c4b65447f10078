# Minor-arpeggio accompaniment for instrumental guitar: leave the melody to the guitarist.
# A i - VI - III - VII progression in A minor, each chord as a 16th-note arpeggio (Tidal's
# "converge" order for the first half-bar, "up" for the second), a root-fifth bass and a
# straight-eighth groove with a drum fill every fourth bar. Each part names its instrument
# (a General MIDI program change), so any GM synth or DAW plays guitar, bass and drums.
#
#   composer render samples/pieces/guitar_accompaniment.py -o out/guitar.mid --bars 16
#
# The band stays off channels 1 and 2 (a guitar or a keyboard of yours) and plays on 3
# (arpeggio), 4 (bass) and 10 (drums); `fill` and `perc` wait for a pad, `param("density")`
# thins the hats: `composer perform samples/pieces/guitar_accompaniment.py --patch guitar-arpeggio`
# arpeggiates your left hand's chords over it. A band that follows your chords and pads is a
# chart's: `composer perform samples/charts/night_drive.cho --patch guitar-accompaniment`.

use_bpm(88)
use_time_signature(4, 4)

chords = progression("i VI III VII", key="a:minor")    # Am  F  C  G, chords that know their symbols


@live_loop
def arpeggio():
    """Two half-bar arpeggios per chord, lifted an octave on the second."""
    use_synth("pluck")                                   # Sonic Pi's pluck: a nylon-string guitar
    notes = chords[tick("bar")]
    first = arp(notes, "converge", octaves=2)
    second = arp(notes, "up", octaves=2)
    for index in range(8):
        play(first[index], velocity=78 if index % 4 else 92, duration=0.3, channel=3)
        sleep(0.25)
    for index in range(8):
        play(second[index] + 12 if index >= 4 else second[index], velocity=74, duration=0.3, channel=3)
        sleep(0.25)


@live_loop
def bass():
    """Root on one and three, fifth on the 'and' of two, a passing tone into the next chord."""
    use_synth("electric_bass_finger")                    # a General MIDI name works too
    bar = tick("bar")
    root = chords[bar][0] - 12
    play(root, velocity=100, duration=1.4, channel=4)
    sleep(1.5)
    play(root + 7, velocity=80, duration=0.5, channel=4)
    sleep(0.5)
    play(root, velocity=95, duration=1.4, channel=4)
    sleep(1.5)
    next_root = chords[bar + 1][0] - 12
    play(next_root - 1 if next_root > root else next_root + 2, velocity=70, duration=0.45, channel=4)
    sleep(0.5)


@live_loop
def drums():
    """Straight eighths for three bars; the fourth bar ends in a fill. `density` thins the hats."""
    bar = tick("bar")
    fill_bar = bar % 4 == 3
    density = param("density", 1.0)
    for step in range(8):
        if fill_bar and step >= 4:
            break
        if step in (0, 3, 5):
            sample("bd", velocity=110)
        if step in (2, 6):
            sample("sn", velocity=100)
        if step % 2 == 0 or density >= 0.5:
            sample("hh", velocity=85 if step % 2 == 0 else 60)
        sleep(0.5)
    if fill_bar:
        drum_fill()


def drum_fill():
    """Two beats of 16ths down the toms, into a crash on the next downbeat."""
    toms = ring("sn", "sn", "ht", "ht", "mt", "mt", "lt", "lt")
    for index in range(8):
        sample(toms[index], velocity=85 + index * 4)
        sleep(0.25)
    cue("fill_done")


@live_loop(sync="fill_done")
def crash():
    """Lands a crash where each fill ends."""
    sample("crash", velocity=110)
    sync("fill_done")


@live_loop(paused=True)
def fill():
    """Pad 7: a bar of 16ths down the toms, then a crash cue; plays once per press."""
    toms = ring("sn", "sn", "sn", "sn", "ht", "ht", "ht", "ht", "mt", "mt", "mt", "mt", "lt", "lt", "lt", "lt")
    for index in range(16):
        sample(toms[index], velocity=70 + index * 3)
        sleep(0.25)
    cue("fill_done")
    stop()


@live_loop(paused=True)
def perc():
    """Pad 8: a bar of tambourine and shaker-like rim clicks over the groove."""
    play_cycle("[tamb*8, rim(3,8,2)]", velocity=72)
