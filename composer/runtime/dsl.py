"""The names a piece sees without importing anything: Sonic Pi's vocabulary, in Python.

The piece's top level is a thread of the `Runtime`, as in Sonic Pi: there `use_bpm` sets the
piece's tempo and `play`/`sleep` make a score; inside a live_loop's body (or any thread), calls
act on that thread at its virtual time. Threads, time and the time state: `dsl_threads`.
"""

from __future__ import annotations

import functools
from fractions import Fraction

from composer.errors import ComposerError
from composer.ring import Ring, ramp, ring
from composer import context, numeric, sequences
from composer.beats import to_beats
from composer.randomness import functions as chance
from composer.runtime.log import puts, sonic_print
from composer.values import Symbol
from composer.runtime.engine import Runtime, StopLoop
from composer.runtime.piece import LoopDefinition, PieceDefinition
from composer.runtime import sound
from composer.runtime.sound import channel_number as _channel, note_numbers as _note_numbers
from composer.runtime.sound import duration_beats as _duration, velocity_number as _velocity

from composer.runtime.cycles import SAMPLE_BEATS  # how long a drum hit's note lasts
#: Sonic Pi's sample options (synthinfo.rb's sample args): a drum hit has no MIDI use for them.
SAMPLE_OPTIONS = sound.SYNTH_ONLY_OPTIONS | frozenset(
    "beat_stretch pitch_stretch rpitch pitch onset slice num_slices path pan cutoff attack decay sustain release".split())


class PieceAPI:
    """Binds the Sonic Pi-style functions to one piece definition and (once running) a runtime."""

    def __init__(self, definition: PieceDefinition, runtime: Runtime | None = None):
        self.definition = definition
        self.runtime = runtime
        self.replacing: set[str] = set()  # a reload's: the loops running now, which it redefines

    # ----- where a call goes ------------------------------------------------------------------

    def _in_loop(self) -> bool:
        # this thread's: an edit's top level may load while another thread runs a loop
        runtime = self.runtime
        return runtime is not None and bool(runtime._active) and \
            context.this_thread.current is runtime._active[-1].state

    def _running(self, what: str) -> Runtime:
        runtime = self.runtime  # _in_loop, inline: sleep and sample call this once a note
        if runtime is not None:
            active = runtime._active
            if active and context.this_thread.current is active[-1].state:
                return runtime
        raise ComposerError(f"{what}() only works while a piece runs")

    def _loop(self, what: str):
        """The thread running `what` (a RunningLoop of self.runtime): `_running`'s check, and
        the loop itself, for the calls made once per note."""
        runtime = self.runtime
        if runtime is not None:
            active = runtime._active
            if active and context.this_thread.current is active[-1].state:
                return active[-1]
        raise ComposerError(f"{what}() only works while a piece runs")

    # ----- loops ------------------------------------------------------------------------------

    def live_loop(self, body=None, *, sync: str | None = None, delay=0, name: str | None = None, paused=False,
                  init=None, seed=None, auto_cue=True, sync_bpm: str | None = None):
        """Decorator: `@live_loop` or `@live_loop(sync="drums", delay=0.5)`. The name is the function's.

        `paused=True` defines a loop that waits to be launched (by a pad when performing).
        As Sonic Pi's options: `init=` is what a body taking one argument gets first (then what
        it returned), `seed=` its random seed, `auto_cue=False` stops its cue each iteration,
        `sync_bpm="name"` syncs like `sync=` and takes the cueing thread's tempo.
        """

        def register(function):
            loop_name = name or function.__name__
            # Sonic Pi sleeps `delay` first: a negative one takes its first iteration back in time
            start_delay = to_beats(delay, f"live_loop {loop_name!r}: delay")
            runtime = self._running("live_loop")
            # Sonic Pi runs each live_loop in a thread started by the thread defining it, which
            # seeds it; seed= is use_random_seed(seed) inside that thread. A loop already
            # running is moved by a second thread, which takes a seed as well
            random = context.current.random.spawn()
            if seed is not None:
                random.use_seed(chance.checked_seed(seed))
            if loop_name in self.replacing:
                context.current.random.spawn()
            definition = LoopDefinition(
                name=loop_name,
                random=random,
                body=function,
                line=function.__code__.co_firstlineno,
                sync=None if (sync_bpm or sync) is None else str(sync_bpm or sync),
                delay=start_delay,
                paused=bool(paused),
                settings=dict(sound.settings(self)),  # the defining thread's, as Sonic Pi copies them
                init=init,
                takes_value=function.__code__.co_argcount > 0,
                auto_cue=bool(auto_cue),
                sync_bpm=sync_bpm is not None,
            )
            runtime.define_loop(definition)
            return function

        return register(body) if callable(body) else register

    def stop(self) -> None:
        """End the running loop after this iteration."""
        self._running("stop")
        raise StopLoop

    # ----- sound ------------------------------------------------------------------------------

    def play(self, notes, **options) -> None:
        """Play a note, a chord (list or ring) or nothing (None, "r", "rest") at the loop's time,
        with Sonic Pi's options (amp, attack/decay/sustain/release, pan, cutoff, on...) and
        composer's velocity, duration, channel and port: see composer.runtime.sound. Returns
        what `control` changes (composer.runtime.nodes)."""
        return sound.play(self, notes, options)

    def sample(self, name: str, velocity=100, duration=SAMPLE_BEATS, amp=None, **options) -> None:
        """Hit a named drum of the current kit, on the kit's channel (GM: 10). Sonic Pi's sample
        options (rate:, beat_stretch:, attack:, lpf: ...) are accepted and change nothing."""
        if options:
            sound.check_options(self, "sample", options, allowed=frozenset(), ignored=SAMPLE_OPTIONS)
        runtime = self._running("sample")
        runtime._active[-1].last_node = None  # Sonic Pi's sample is a node `control` may change: here, nothing
        if amp is not None:
            velocity = min(max(amp, 0), 1) * 127
        velocity = _velocity(velocity)
        if velocity:
            kit = runtime.current_kit()
            runtime.note(kit.note(str(name)), velocity, _duration(duration), kit.channel - 1)

    def cc(self, number: int, value: int, channel=1) -> None:
        if not 0 <= number <= 127 or not 0 <= value <= 127:
            raise ComposerError(f"cc number and value must be 0-127, got cc({number}, {value})")
        self._running("cc").control(int(number), int(value), _channel(channel))

    def play_pattern_timed(self, notes, times, **options) -> None:
        """Sonic Pi's play_pattern_timed: each note, then sleep the next time (times cycle)."""
        times = ring(times)  # a number or a list; a list cycles
        for index, note in enumerate(notes):
            self.play(note, **options)
            self.sleep(times[index])

    def play_pattern(self, notes, **options) -> None:
        """Sonic Pi's play_pattern: each note, then sleep one beat."""
        self.play_pattern_timed(notes, [1], **options)

    def play_cycle(self, pattern, beats=None, velocity=None, channel=1, duration=None, scale=None, wait=True):
        """Play the next cycle of a pattern (mini-notation, or a control pattern such as
        `strudel.note("c3 e3").velocity("0.5 1")`), stretched over `beats` (default a bar);
        then sleep `beats`, unless `wait=False`. Velocity by default: 100, or a control
        pattern's own (Strudel's 0.9). See composer.runtime.cycles."""
        from composer.runtime import cycles

        runtime = self._running("play_cycle")
        length = runtime.bar_beats() if beats is None else _duration(beats, "play_cycle beats")
        cycles.play_cycle(self, pattern, length, None if velocity is None else _velocity(velocity), _channel(channel),
                          None if duration is None else _duration(duration), scale)
        if wait:
            self.sleep(length)

    # ----- time -------------------------------------------------------------------------------

    def sleep(self, beats) -> None:
        self._running("sleep").sleep(beats)

    def use_bpm(self, bpm) -> None:
        """The thread's tempo, as in Sonic Pi; at the top level, the piece's (the file's tempo map)."""
        self._running("use_bpm").set_thread_bpm(bpm)

    def use_time_signature(self, numerator: int, denominator: int = 4) -> None:
        if not isinstance(numerator, int) or not 1 <= numerator <= 255 or denominator not in (1, 2, 4, 8, 16, 32):
            raise ComposerError(f"not a time signature: {numerator}/{denominator} (MIDI's are 1-255 over 1-32)")
        if self._in_loop():
            self.runtime.set_time_signature(numerator, denominator)
        else:
            self.definition.time_signature = (numerator, denominator)

    def beat(self) -> Fraction:
        """The running thread's position in its own beats (the file's, unless it has its own tempo)."""
        loop = self._running("beat").current_loop("beat")
        return loop.state.time if loop.bpm is None else loop.beat

    def sync(self, *names, bpm_sync=False):
        """Wait for the next cue of one of `names` (as Sonic Pi's); returns the cue's values."""
        if not names:
            raise ComposerError("sync() needs the name of a cue")
        return self._running("sync").sync(names, bool(bpm_sync))

    def sync_bpm(self, *names):
        """sync, and take the tempo of the thread that cued."""
        return self.sync(*names, bpm_sync=True)

    def cue(self, name, *values, **keyword_values) -> None:
        """Cue `name`, carrying values: `cue("x", 1, 2)` syncs to [1, 2], `cue("x", n=64)` to {"n": 64}."""
        if values and keyword_values:
            raise ComposerError("cue() takes values or keyword values, not both")
        self._running("cue").cue(name, dict(keyword_values) if keyword_values else list(values))

    def param(self, name: str, default=0):
        """A live parameter (a knob in `composer perform`), or `default` when nothing sets it."""
        if self.runtime is None:
            return default
        return self.runtime.params.get(name, default)

    # ----- kits and randomness ----------------------------------------------------------------

    def use_kit(self, name: str) -> None:
        if self._in_loop():
            self.runtime.set_kit(name)
        else:
            from composer.runtime.kits import load_kit

            load_kit(name, self.definition.path)  # fail now, at the line that names it
            self.definition.kit = name

    def use_key(self, tonic, mode="major") -> None:
        """The key a score is written in (its signature and spelling): any scale name is a mode."""
        from composer.theory import scale
        from composer.theory.spelling import key_of_scale

        self.definition.key = key_of_scale(list(scale(tonic, mode)))

    def _implying_key(self, function, tonic_at: int):
        """`function` (scale, degree, chord_degree), noting the first scale used as the piece's key
        when it has none, so a score of it gets a key signature that fits."""

        def call(*args, **options):
            result = function(*args, **options)
            if self.definition.key is None and len(args) > tonic_at + 1:
                self.use_key(args[tonic_at], args[tonic_at + 1])
            return result

        call.__name__, call.__doc__ = function.__name__, function.__doc__
        return call

    def progression(self, chart, key=None, **options):
        """harmony.progression; its key ("a:minor") is the piece's key when it has none yet."""
        from composer import harmony

        chords = harmony.progression(chart, key, **options)
        if self.definition.key is None and key:
            parsed = harmony.parse_key(key)  # "a:minor", "E minor", "Em", "Bb"
            self.use_key(parsed.tonic.name, parsed.mode)
        return chords

    def namespace(self) -> dict:
        """The dict a piece's code runs in."""
        from composer import theory
        from composer.runtime.dsl_threads import threads_namespace

        return {
            **threads_namespace(self),
            "live_loop": self.live_loop,
            "stop": self.stop,
            "play": self.play,
            "sample": self.sample,
            "cc": self.cc,
            "play_pattern": self.play_pattern,
            "play_pattern_timed": self.play_pattern_timed,
            "play_cycle": self.play_cycle,
            "sleep": self.sleep,
            "use_bpm": self.use_bpm,
            "use_time_signature": self.use_time_signature,
            "beat": self.beat,
            "sync": self.sync,
            "sync_bpm": self.sync_bpm,
            "cue": self.cue,
            "param": self.param,
            "use_kit": self.use_kit,
            "use_random_seed": chance.use_random_seed,
            "with_random_seed": chance.with_random_seed,
            "use_random_source": chance.use_random_source,
            "with_random_source": chance.with_random_source,
            "current_random_seed": chance.current_random_seed,
            "current_random_source": chance.current_random_source,
            "rand_reset": chance.rand_reset,
            "rand_skip": chance.rand_skip,
            "rand_back": chance.rand_back,
            "rand_look": chance.rand_look,
            "rand_i_look": chance.rand_i_look,
            "rrand": chance.rrand,
            "rrand_i": chance.rrand_i,
            "rand": chance.rand,
            "rand_i": chance.rand_i,
            "rdist": chance.rdist,
            "choose": chance.choose,
            "pick": chance.pick,
            "shuffle": chance.shuffle,
            "dice": chance.dice,
            "one_in": chance.one_in,
            "tick": context.tick,
            "look": context.look,
            "tick_set": context.tick_set,
            "tick_reset": context.tick_reset,
            "tick_reset_all": context.tick_reset_all,
            "use_key": self.use_key,
            "ring": ring,
            "ramp": ramp,
            "knit": sequences.knit,
            "stretch": sequences.stretch,
            "bools": sequences.bools,
            "halves": sequences.halves,
            "doubles": sequences.doubles,
            "range": sequences.sonic_range,
            "line": sequences.line,
            "spread": sequences.spread,
            "quantise": numeric.quantise,
            "factor_q": numeric.factor_q,
            "inc": numeric.inc,
            "dec": numeric.dec,
            "puts": puts,
            "print": sonic_print,
            "Symbol": Symbol,
            "note_info": theory.note_info,
            "note_range": theory.note_range,
            "midi_notes": theory.midi_notes,
            "octs": theory.octs,
            "midi_to_hz": theory.midi_to_hz,
            "hz_to_midi": theory.hz_to_midi,
            "chord_names": theory.chord_names,
            "scale_names": theory.scale_names,
            "note": theory.note,
            "note_name": theory.note_name,
            "scale": self._implying_key(theory.scale, 0),
            "chord": chord,
            "progression": self.progression,
            "accompany": functools.partial(accompany, self),
            "chord_invert": theory.chord_invert,
            "invert_chord": theory.chord_invert,
            "chord_degree": self._implying_key(theory.chord_degree, 1),
            "degree": self._implying_key(theory.degree, 1),
            "arp": arp,
            "mini": mini,
            "strudel": _STRUDEL,
            "Ring": Ring,
            "Fraction": Fraction,
            **sound_names(self),
        }




def arp(notes, mode: str = "up", octaves: int = 1) -> Ring:
    """An arpeggio of the notes (a chord) in one of Tidal's arp modes, as a ring."""
    from composer.theory import arp as arpeggio

    return Ring(arpeggio(_note_numbers(notes), mode, octaves))


# The harmony, accompaniment and Strudel layers load when a piece first uses them: a piece that
# does not pays nothing for them at start-up (a render of a short piece is mostly start-up).


def chord(*args, **options):
    """Sonic Pi's chord(tonic, name), or a chord symbol: chord("F#m7b5") (composer.harmony)."""
    from composer import harmony

    return harmony.chord(*args, **options)


def accompany(api, *args, **options):
    """The band of composer.accompany playing from the loop's time (`accompany(progression(...))`)."""
    from composer.accompany.piece import play_accompaniment

    return play_accompaniment(api, *args, **options)


class _Strudel:
    """`strudel.NAME`: Strudel's functions (Sonic Pi's note, rand, choose... keep their names)."""

    def __getattr__(self, name: str):
        from composer.pattern.strudel import namespace

        return getattr(namespace, name)

    def __dir__(self):
        from composer.pattern.strudel import NAMES

        return sorted(NAMES)


_STRUDEL = _Strudel()


def mini(text: str, seed: int = 0):
    """A mini-notation pattern, e.g. `mini("bd*2 [~ sn]")`, for play_cycle or pattern methods."""
    from composer.pattern import mini as parse

    return parse(text, seed=seed)


def sound_names(api: PieceAPI) -> dict:
    """Sonic Pi's sound and MIDI vocabulary (composer.runtime.sound, effects, nodes, midi_calls,
    sonic_pi_samples, audio_only)."""
    from composer.runtime import audio_only, effects, midi_calls, nodes, sonic_pi_samples

    return {**sound.names(api), **effects.names(api), **nodes.names(api), **midi_calls.names(api),
            **audio_only.names(), **sonic_pi_samples.names(api)}
