"""Voicings in Strudel's JavaScript and in composer's Python, side by side (as strudel_cases.py).

`make_strudel_voicing_cases.py` runs the JavaScript through Strudel's own code (core, mini and
tonal at commit 447afbfa) and records the events in `strudel_voicing_cases.json`, with the
voicing dictionaries Strudel registers; tests/test_strudel_cases.py checks composer against them.
Most expressions read the same in both languages; a chord symbol mini-notation cannot hold
("C+", "C^7/E") is given with `pure`.
"""

from composer.pattern.voicing_tables import DICTIONARIES

ROOTS = ["C", "Db", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B", "C#", "Gb", "Cb", "B#"]


def _same(name: str, expression: str, cycles: int = 1) -> tuple[str, str, str, int]:
    return (name, expression, expression, cycles)


def _every_symbol(dictionary: str) -> list[tuple[str, str, str, int]]:
    """Each symbol of a dictionary once, on roots taken in turn (sharps, flats, Cb and B#)."""
    cases = []
    for index, symbol in enumerate(DICTIONARIES[dictionary]):
        chord = ROOTS[index % len(ROOTS)] + symbol
        chosen = "" if dictionary == "ireal" else f'.dict("{dictionary}")'
        cases.append(_same(f"{dictionary} {chord}", f'chord(pure("{chord}")){chosen}.voicing()'))
    return cases


_PROGRESSION = 'chord("<C^7 A7 Dm7 G7>")'

CASES = [
    # the documentation's examples
    _same("voicing doc", 'n("0 1 2 3").chord("<C Am F G>").voicing()', 4),
    _same("voicing triads", 'chord("<C Am F G>").voicing()', 4),
    _same("voicing plain strings", 'mini("<C^7 A7 Dm7 G7>").voicing()', 4),
    _same("voicing free function", 'voicing("<C^7 Fm7>")', 2),
    _same("voicing progression", f"{_PROGRESSION}.voicing()", 4),
    _same("voicing fast progression", 'chord("<C^7 A7b13 Dm7 G7>*2").dict("lefthand").anchor("G4").voicing()', 2),
    _same("voicing offset doc", 'chord("<C^7 A7 Dm7 G7>").offset(-1).voicing()', 4),
    _same("voicing keeps controls", 'chord("<C Am>").velocity("0.5 1").s("piano").voicing()', 2),
    _same("voicing then controls", 'chord("<C Am>").voicing().velocity(0.25)', 2),
    _same("voicing slow chords", 'chord("<C Am>/2").voicing()', 4),
    ("voicing arp", 'chord("<C^7 Dm7>").voicing().arp(mini("0 [2 1] 4"))', 'chord("<C^7 Dm7>").voicing().arp("0 [2 1] 4")', 2),
    _same("voicing transpose", 'chord("<C Am>").voicing().transpose("<2 -3>")', 2),
    _same("voicing unknown chords are silent", 'chord("<C Cxyz c H7 Am>").voicing()', 5),
    _same("voicing slash chord", 'chord(pure("C^7/E")).voicing()'),
    _same("voicing slash chords", 'chord(cat(pure("Am/G"), pure("F^7/A"), pure("Bb/C"), pure("Dm7/C"))).voicing()', 4),
    _same("voicing plus", 'chord(cat(pure("C+"), pure("Ab+"))).voicing()', 2),
    _same("voicing custom dictionary",
          'chord("<Em7 Cm7>").dict({"m7": ["3 7 10 14", "10 14 15 19"]}).anchor("Bb4").voicing()', 2),
    # anchors (names, numbers, patterns) and modes
    *[_same(f"voicing anchor {anchor}", f"{_PROGRESSION}.anchor({anchor}).voicing()", 4)
      for anchor in ('"c4"', '"g4"', '"a4"', '"c5"', '"e5"', '"Bb4"', '"f#3"', "60", "67", '"c"')],
    _same("voicing anchor patterned", 'chord("C").anchor("<c4 e4 g4 c5 d5>").voicing()', 5),
    *[_same(f"voicing mode {mode}", f'{_PROGRESSION}.mode("{mode}").voicing()', 4)
      for mode in ("below", "above", "duck", "root")],
    *[_same(f"voicing mode {mode} anchor {anchor}",
            f'chord("<C Am F G C^7 Dm7>").mode("{mode}").anchor("{anchor}").voicing()', 6)
      for mode in ("below", "above", "duck", "root") for anchor in ("c5", "e4", "g4")],
    _same("voicing mode with anchor", 'chord("<C Cm7 F7>").mode("above:c4").voicing()', 3),
    _same("voicing mode duck lefthand",
          'chord("<Cm7 F7 Bb^7>").dict("lefthand").mode("duck").anchor("<Bb4 Eb5 A4>").voicing()', 3),
    _same("voicing mode patterned", 'chord("C^7").mode("<below above duck root>").anchor("e4").voicing()', 4),
    # offsets
    *[_same(f"voicing offset {offset}", f'chord("<C^7 Dm7 G7>").offset({offset}).voicing()', 3)
      for offset in (-3, -2, -1, 1, 2, 3, 7)],
    _same("voicing offset lefthand", 'chord("<Cm7 F7>").dict("lefthand").offset("<0 1 2 -1>").voicing()', 4),
    _same("voicing offset patterned", 'chord("Dm7").offset("0 1 2 3").voicing()'),
    # n: the voicing as a scale
    _same("voicing n", 'n("0 1 2 3 4 5 6 7").chord("<Cm7 F7>").voicing()', 2),
    _same("voicing n negative", 'n("-1 -2 -3 -6").chord("<C^7 G7>").voicing()', 2),
    _same("voicing n octaves", 'n("0 2 4 6 8").chord("<Dm7 G7>").octaves(2).voicing()', 2),
    _same("voicing n lefthand anchor", 'n("0 1 2 3 4").chord("Cm7").dict("lefthand").anchor("g5").voicing()'),
    _same("voicing n duck", 'n("0 1 2 3").chord("C").mode("duck").voicing()'),
    _same("voicing n with offset", 'n("0 1 2").chord("<C Am>").offset(1).voicing()', 2),
    # each dictionary, by name, in a progression
    *[_same(f"voicing dict {name}", f'{_PROGRESSION}.dict("{name}").voicing()', 4) for name in DICTIONARIES
      if name != "triads"],
    _same("voicing dict triads", 'chord("<C Am Bo Caug>").dict("triads").voicing()', 4),
    _same("voicing dict patterned", 'chord("<C^7 Cm7>").dict("<ireal lefthand guidetones>").voicing()', 6),
    # every symbol of every dictionary
    *[case for name in DICTIONARIES for case in _every_symbol(name)],
    # the older voicings(dictionary): voice leading by the nearest top note, within a range
    _same("voicings doc", 'stack(mini("<C^7 A7 Dm7 G7>").voicings("lefthand"), "<C3 A2 D3 G2>").note()', 4),
    _same("voicings lefthand", 'mini("<Cm7 F7 Bb^7 Eb^7 Am7b5 D7b9 Gm6 Go7 C7#11 F7#9 BbmM7 Eb69 Ab7b13>")'
          '.voicings("lefthand")', 13),
    _same("voicings slow", 'mini("<Cm7 Bb7 Fm7 G7b13>/2").voicings("lefthand")', 8),
    _same("voicings triads", 'mini("<C Am F G Bo Caug EM>").voicings("triads")', 7),
    _same("voicings guidetones", 'mini("<Dm7 G7 C^7 A7b9 Dm9 G7b13 C6 C69 F^9 Bm7b5 E7#9 Am6 AmM7 Bbo7 Eb7#11>")'
          '.voicings("guidetones")', 15),
    _same("voicings legacy", 'mini("<C Am Dm7 G7 C^7 Fo7 Bm7b5 E7b9 Am6>").voicings("legacy")', 9),
    *[_same(f"voicings {name}", f'mini("<C^7 A7 Dm7 G7 Em7b5 A7alt Dm9 G13 C6 Cadd9 Ch7 Co7>").voicings("{name}")', 12)
      for name in ("ireal", "ireal-ext")],
    _same("voicings unknown chord", 'mini("<C^7 Cxyz A7 Dm7>").voicings("lefthand")', 4),
    _same("voicings fast", 'mini("C^7 A7 [Dm7 G7]").voicings("lefthand")', 2),
    # played as Strudel's scheduler asks: see LIVE
    _same("voicings live fast alternation", 'mini("<FbM Gb7#11 B7#11>*2").voicings("legacy")', 4),
    _same("voicings live lefthand", 'mini("<C^7 A7 Dm7 G7 Cm7 F7 Bb^7>*2").voicings("lefthand")', 4),
    _same("voicings live guidetones", 'mini("<Dm7 F7b9 G#m6 G#7#11 Bbm7b5>*2").voicings("guidetones")', 4),
    # rootNotes
    ("rootNotes", 'mini("<C^7 A7 Dm7 G7>").rootNotes(2)', 'mini("<C^7 A7 Dm7 G7>").root_notes(2)', 4),
    ("rootNotes chord", 'chord("<C^7 F#m7 Bb7>").rootNotes("<2 3>")', 'chord("<C^7 F#m7 Bb7>").root_notes("<2 3>")', 3),
]
#: Cases recorded as Strudel plays (its scheduler asks for short spans in time order), here an
#: eighth of a cycle at a time: voicings() leads each chord from the one it voiced before, and
#: one long query visits "<a b c>*2" by alternative (a a b b c c), not in time order.
LIVE = {name for name, *_ in CASES if name.startswith("voicings live")}

