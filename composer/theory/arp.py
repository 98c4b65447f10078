"""Arpeggio orders: TidalCycles' `arp` modes applied to a list of notes.

Each mode is a transcription of the list function of the same name in Tidal's
src/Sound/Tidal/UI.hs (`_arp`'s `arps` table), so `updown` drops the top and bottom repeats
(`init x ++ init (reverse x)`) while `up&down` keeps them (`x ++ reverse x`). One quirk is
kept on purpose: modes built from `init` give nothing for a single note ("updown" of [60] is
[]), as in Tidal. Where Tidal would fail on an empty list (`init`, `tail`, `last` of []),
these give [] instead.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from composer.errors import UnknownNameError
from composer.theory.notes import note
from composer.theory.scales import _whole_count


def _init(xs: list) -> list:
    return xs[:-1]


def _tail(xs: list) -> list:
    return xs[1:]


def _reverse(xs: list) -> list:
    return xs[::-1]


def _converge(xs: list) -> list:
    """Outside in: first, last, second, second-to-last, ..."""
    remaining = list(xs)
    out = []
    from_front = True
    while remaining:
        out.append(remaining.pop(0) if from_front else remaining.pop())
        from_front = not from_front
    return out


def _pinkyup(xs: list) -> list:
    """Each note but the top, each followed by the top note."""
    if not xs:
        return []
    pinky = xs[-1]
    return [n for x in xs[:-1] for n in (x, pinky)]


def _thumbup(xs: list) -> list:
    """The bottom note before each of the others."""
    if not xs:
        return []
    thumb = xs[0]
    return [n for x in xs[1:] for n in (thumb, x)]


def _updown(xs):
    return _init(xs) + _init(_reverse(xs))


def _downup(xs):
    return _init(_reverse(xs)) + _init(xs)


def _up_and_down(xs):
    return xs + _reverse(xs)


def _down_and_up(xs):
    return _reverse(xs) + xs


def _diverge(xs):
    return _reverse(_converge(xs))


def _disconverge(xs):
    return _converge(xs) + _tail(_reverse(_converge(xs)))


def _pinkyupdown(xs):
    return _init(_pinkyup(xs)) + _init(_reverse(_pinkyup(xs)))


def _thumbupdown(xs):
    return _init(_thumbup(xs)) + _init(_reverse(_thumbup(xs)))


#: Mode name -> how it orders a list of notes (Tidal's UI.hs `arps`, in its order, plus
#: "up_and_down"/"down_and_up" as spellings of "up&down"/"down&up" that need no shell quoting).
ARP_MODES: dict[str, Callable[[list], list]] = {
    "up": list,
    "down": _reverse,
    "updown": _updown,
    "downup": _downup,
    "up&down": _up_and_down,
    "down&up": _down_and_up,
    "converge": _converge,
    "diverge": _diverge,
    "disconverge": _disconverge,
    "pinkyup": _pinkyup,
    "pinkyupdown": _pinkyupdown,
    "thumbup": _thumbup,
    "thumbupdown": _thumbupdown,
    "up_and_down": _up_and_down,
    "down_and_up": _down_and_up,
}


def resolve_arp_mode(mode) -> str:
    """The ARP_MODES key for a mode name: case-insensitive, ':' prefix allowed."""
    if not isinstance(mode, str):
        raise UnknownNameError("arp mode", mode, ARP_MODES)
    key = mode.strip().removeprefix(":").lower()
    if key not in ARP_MODES:
        raise UnknownNameError("arp mode", mode, ARP_MODES)
    return key


def arp(notes: Iterable, mode: str = "up", octaves: int = 1) -> list:
    """One cycle of an arpeggio of `notes` in a Tidal `arp` mode.

    The notes (names or numbers; rests are dropped) are sorted low to high, then copied up
    12, 24, ... semitones for each extra octave (the copies follow the original, as a
    hardware arpeggiator climbs), then put in the mode's order. Tidal itself keeps the
    notes in the order given; sorting first makes "up" go up whatever order they came in.

    >>> arp([60, 64, 67, 71], "converge")
    [60, 71, 64, 67]
    """
    order = ARP_MODES[resolve_arp_mode(mode)]
    count = _whole_count("octaves", octaves, minimum=1)
    pitches = sorted(p for p in (note(n) for n in notes) if p is not None)
    extended = [p + 12 * octave for octave in range(count) for p in pitches]
    return order(extended)
