"""The performer's loops (the arpeggiator) share the piece's runtime but follow live input."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

from composer.runtime import loading
from composer.runtime.piece import LoopDefinition

ROOT = Path(__file__).resolve().parents[1]


def test_a_piece_waiting_in_sync_does_not_run_the_performers_loop_ahead():
    """The guitar piece's crash loop waits for a cue four bars away; the arpeggiator added beside
    it must still run only as the stream reaches it, so keys pressed now are heard now."""
    runtime = loading.load(ROOT / "samples" / "pieces" / "guitar_accompaniment.py")
    held: list[int] = []
    ran_at: list[Fraction] = []

    def arpeggiator():
        now = runtime.current_loop("play").state.time
        ran_at.append(now)
        for note in held:
            runtime.note(note, 90, Fraction(1, 8), 1)
        runtime.sleep(Fraction(1, 4))

    runtime.add_loop(LoopDefinition(name="arpeggiator", body=arpeggiator, line=0), at=0)
    list(runtime.events(until=1))
    assert max(ran_at) < 1
    held.append(53)  # a key pressed while beat 1 is the horizon
    notes = [e for e in runtime.events(until=2) if getattr(e, "track", None) == "arpeggiator"]
    assert [(e.beat, e.note) for e in notes] == [(Fraction(4 + i, 4), 53) for i in range(4)]
    assert max(ran_at) < 2


def test_a_wait_cut_short_by_the_end_leaves_the_performers_loop_queued():
    runtime = loading.load(ROOT / "samples" / "pieces" / "guitar_accompaniment.py", until=2)
    runtime.add_loop(LoopDefinition(name="arpeggiator", body=lambda: runtime.sleep(1), line=0), at=0)
    list(runtime.events())  # the crash loop's sync runs into the end while the arpeggiator waits
    assert "arpeggiator" in runtime.queued_loops()
