"""ChordPro charts and grids: sections, meters, tempi, repeats, endings, errors by line."""

from fractions import Fraction

import pytest

from composer.harmony.chart import ChartError, parse_chart

CHART = """\
{title: Night Drive}
{key: Em}
{tempo: 92}
{time: 4/4}
{start_of_verse: Verse}
|: Em . . . | C . . . | G . . . | D . . . :|
{end_of_verse}
{start_of_bridge}
{time: 7/4}
{tempo: 162}
| Am . . . G . . | C . . . D . . fill |
{end_of_bridge}
{start_of_chorus}
| C . G . | D . Em . | x2
{end_of_chorus}
{chorus}
"""


def symbols(bar):
    return [(chord.symbol, length) for chord, length in bar.chords]


def test_sections_repeats_meter_and_tempo():
    chart = parse_chart(CHART, "night.cho")
    assert chart.title == "Night Drive" and chart.key == "Em"
    assert [s.label for s in chart.sections] == ["Verse", "Bridge", "Chorus", "Chorus"]
    bars = chart.bars
    assert len(bars) == 8 + 2 + 4 + 4
    assert [symbols(b)[0][0] for b in bars[:8]] == ["Em", "C", "G", "D"] * 2
    bridge = bars[8:10]
    assert [(b.numerator, b.denominator, b.bpm, b.beats) for b in bridge] == [(7, 4, 162, 7)] * 2
    assert symbols(bridge[0]) == [("Am", 4), ("G", 3)]
    assert [b.fill for b in bridge] == [False, True]
    chorus = bars[10]
    assert (chorus.numerator, chorus.bpm) == (4, 92)  # the bridge's meter and tempo were its own
    assert symbols(chorus) == [("C", 2), ("G", 2)]
    assert [b.section_index for b in bars[10:]] == [2] * 4 + [3] * 4  # the recalled chorus is a section of its own


def test_endings_and_counted_repeats():
    chart = parse_chart("|: A . | B . :|2 C . |\n|: E :| x3\n", "g")
    assert [symbols(b)[0][0] for b in chart.bars] == ["A", "B", "A", "B", "C", "E", "E", "E"]
    assert [b.section for b in chart.bars] == ["Song"] * 8
    chart = parse_chart("|: A |1 B :| |2 C |", "g")
    assert [symbols(b)[0][0] for b in chart.bars] == ["A", "B", "A", "C"]


def test_bare_lines_numerals_and_held_bars():
    chart = parse_chart("{key: e:minor}\ni VI III VII\n| % |\n| N.C. |\n", "g")
    assert [symbols(b) for b in chart.bars] == [[("Em", 4)], [("C", 4)], [("G", 4)], [("D", 4)], [("D", 4)], [("N.C.", 4)]]
    chart = parse_chart("{time: 7/8 2+2+3}\n| Em . . . C . . |", "g")
    assert symbols(chart.bars[0]) == [("Em", Fraction(2)), ("C", Fraction(3, 2))]
    assert chart.bars[0].groups == (2, 2, 3)
    for text, meter in (("15/16", (15, 16, None)), ("7/8 (3+2+2)", (7, 8, (3, 2, 2))), ("12/8", (12, 8, None))):
        bar = parse_chart(f"{{time: {text}}}\n| Em |", "g").bars[0]
        assert (bar.numerator, bar.denominator, bar.groups) == meter


@pytest.mark.parametrize("text, message", [
    ("| Em . |\n| Hm7 |", "song.cho:2: not a chord symbol: 'Hm7'"),
    ("{time: 7}\n| Em |", "song.cho:1: time must look like"),
    ("{tempo: fast}", "song.cho:1: {tempo}: not a number of bpm: 'fast'"),
    ("{tempo: 1e9}", "song.cho:1: {tempo}: bpm must be between"),
    ("| Em |\n{key: H dorian}", "song.cho:2: not a key: 'H dorian'"),
    ("{time: 7/8 3+3}", "song.cho:1: the grouping 3+3 does not add up to 7"),
    ("| Em |\n{end_of_chorus}", "song.cho:2: {end_of_chorus} without"),
    ("{chorus}", "song.cho:1: {chorus} recalls a chorus"),
    ("{start_of_verse}\n{start_of_chorus}", "song.cho:2: {start_of_chorus} inside the unfinished verse"),
    ("| . C |", "song.cho:1: '.' holds a chord"),
    ("| i iv |", "song.cho:1: the roman numeral 'i' needs a key"),
    ("{flavour: x}\n| Em |", "song.cho:1: unknown directive {flavour}"),
    ("just lyrics", "song.cho: the chart has no bars"),
    ("|: Em |" + " Em |" * 200 + " :| x99\n" * 2, "song.cho:1: the chart plays more than 10000 bars"),
])
def test_errors_name_file_and_line(text, message):
    with pytest.raises(ChartError) as error:
        parse_chart(text, "song.cho")
    assert str(error.value).startswith(message)
