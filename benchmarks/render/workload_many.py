# A shape the runtime must keep linear: 64 live_loops, each a thread of its own with random
# notes, velocities and sleeps (16ths, triplet 8ths, 8ths, dotted 8ths), so loops fall out of
# step, most beats are a float tie between several threads, and the note-offs of 64 tracks
# interleave. About 2.2 notes a beat per loop; composer's random functions make it the same
# piece on every run. Render it with --bars N; benchmarks/render/scaling.py times it.
use_bpm(120)
sleeps = [0.25, 1 / 3, 0.5, 0.75]



def voice(channel):
    def body():
        play(rrand_i(36, 96), velocity=rrand_i(40, 110), duration=choose(sleeps), channel=channel)
        sleep(choose(sleeps))

    return body


for index in range(64):
    body = voice(index % 16 + 1)
    body.__name__ = f"voice{index}"
    live_loop(body)
