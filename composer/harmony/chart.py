"""Chord charts: ChordPro (or a bare grid) to the bars a band plays, repeats played out.

    {title: Night Drive}  {key: Em}  {tempo: 92}  {time: 4/4}
    {start_of_verse: Verse}
    |: Em . . . | C . . . | G . . . | D . . . :| x2
    {end_of_verse}
    {start_of_bridge}
    {time: 7/4}  {tempo: 162}
    | Am . . . G . . | C . . . D . . fill |
    {end_of_bridge}
    {chorus}

A grid bar's cells share the bar equally; `.` holds the chord before it, `%` repeats the
previous bar, `N.C.` rests, `fill` asks the drums for a fill in that bar. `|:` and `:|` repeat
(`:| x3` plays three times), `|1` and `|2` start first and second endings, and `x2` after a
line plays the line twice. Lines of lyrics with inline `[Em]` chords give one bar per chord.
`{time: 7/8 2+2+3}` may group the beats. `{time}`, `{tempo}` and `{x_style}` inside a section hold for that section only; outside,
they set the song's. `{chorus}` (or `{verse}`...) plays the last section of that kind again.
Errors name the source and line. Pure: text in, bars out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from fractions import Fraction

from composer.beats import to_bpm
from composer.errors import ComposerError
from composer.harmony.chord import Chord
from composer.harmony.progression import parse_chord
from composer.harmony.roman import is_numeral
from composer.harmony.symbols import parse_symbol
from composer.harmony.spelling import parse_key


MAX_BARS = 10_000  # repeats played out; past this a chart is a mistake, not a song


class ChartError(ComposerError):
    """A mistake in a chart, named by source and line."""


@dataclass(frozen=True)
class Bar:
    """One played bar: chords with their lengths in quarter-note beats, meter and tempo."""

    chords: tuple[tuple[Chord, Fraction], ...]
    numerator: int
    denominator: int
    bpm: Fraction
    section: str
    style: str | None = None
    fill: bool = False
    line: int = 0
    groups: tuple[int, ...] | None = None  # beat grouping in the meter's unit, e.g. (2, 2, 3)
    section_index: int = 0  # which section of the song, in playing order (a recalled chorus is new)

    @property
    def beats(self) -> Fraction:
        return Fraction(4 * self.numerator, self.denominator)


@dataclass
class Section:
    kind: str  # verse, chorus, bridge, intro, grid ...
    label: str
    bars: list[Bar] = field(default_factory=list)
    line: int = 0


@dataclass
class Chart:
    title: str = ""
    key: str | None = None
    sections: list[Section] = field(default_factory=list)
    source: str = "chart"  # the file (or "chart"), for messages that name a line

    @property
    def bars(self) -> list[Bar]:
        """Every bar in playing order, numbered by the section it is played in."""
        return [replace(bar, section_index=index) for index, section in enumerate(self.sections) for bar in section.bars]


_DIRECTIVE_RE = re.compile(r"\{\s*([A-Za-z_]+)\s*(?::\s*(.*?))?\s*\}")
_ALIASES = {
    "t": "title", "st": "subtitle", "c": "comment", "ci": "comment", "sov": "start_of_verse",
    "eov": "end_of_verse", "soc": "start_of_chorus", "eoc": "end_of_chorus",
    "sob": "start_of_bridge", "eob": "end_of_bridge", "sog": "start_of_grid", "eog": "end_of_grid",
    "x_tempo": "tempo", "x_time": "time", "style": "x_style",
}
_IGNORED = {"subtitle", "comment", "comment_italic", "comment_box", "artist", "composer", "album",
            "year", "capo", "meta", "duration", "copyright", "lyricist", "arranger", "highlight", "new_song", "ns"}
_TIME_RE = re.compile(r"([1-9][0-9]?)\s*/\s*(32|16|8|4|2|1)(?:(?:\s+|\s*\()([1-9](?:\s*\+\s*[1-9])*)\s*\)?)?")
_BAR_TOKEN_RE = re.compile(r"\|\|:|\|:|:\|\||:\||\|\||\|\.|\|[12]|\|")
_INLINE_CHORD_RE = re.compile(r"\[([^\]]+)\]")
_TIMES_RE = re.compile(r"\s+x\s*([1-9][0-9]?)\s*$")


def parse_chart(text: str, source: str = "chart", key=None) -> Chart:
    """The chart `text` (from `source`, for messages); `key` is used when the chart has none."""
    return _ChartReader(source, key).read(text)


class _ChartReader:
    def __init__(self, source: str, key):
        self.source = source
        self.chart = Chart(key=key, source=source)
        self.song = {"time": (4, 4), "bpm": Fraction(100), "style": None, "groups": None}
        self.local = dict(self.song)
        self.section: Section | None = None
        self.last_of_kind: dict[str, Section] = {}
        self.line = 0
        self.bar_count = 0

    def error(self, message: str) -> ChartError:
        return ChartError(f"{self.source}:{self.line}: {message}")

    def read(self, text: str) -> Chart:
        for self.line, raw in enumerate(text.splitlines(), start=1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            rest = self._directives(line)
            if not rest:
                continue
            if rest.startswith("|"):
                self._grid_line(rest)
            elif _INLINE_CHORD_RE.search(rest):
                self._bars([[token] for token in _INLINE_CHORD_RE.findall(rest)])
            elif self.section is not None and self.section.kind == "grid" or _looks_like_chords(rest):
                self._grid_line("| " + " | ".join(rest.split()) + " |")
            # anything else is lyrics or a comment: the band does not play it
        if self.section is not None and self.section.kind != "song":
            self._end_section()
        if not self.chart.bars:
            raise ChartError(f"{self.source}: the chart has no bars (write a grid such as | Em . . . | C . . . |)")
        return self.chart

    # ----- directives -------------------------------------------------------------------------

    def _directives(self, line: str) -> str:
        """Apply the line's {directives}; return what is left of the line."""
        def apply(match):
            self._directive(match.group(1).lower(), (match.group(2) or "").strip())
            return " "
        return _DIRECTIVE_RE.sub(apply, line).strip()

    def _directive(self, name: str, value: str) -> None:
        name = _ALIASES.get(name, name)
        settings = self.local if self.section is not None and self.section.kind != "song" else self.song
        if name == "title":
            self.chart.title = value
        elif name == "key":
            try:
                parse_key(value)
            except ComposerError as error:
                raise self.error(str(error)) from None
            self.chart.key = value
        elif name == "tempo":
            try:
                settings["bpm"] = to_bpm(value)
            except ComposerError as error:
                raise self.error(f"{{tempo}}: {error}") from None
        elif name == "time":
            match = _TIME_RE.fullmatch(value)
            if not match:
                raise self.error(f"time must look like 4/4, 7/8 or 7/4, got {value!r}")
            numerator = int(match.group(1))
            groups = tuple(int(g) for g in match.group(3).split("+")) if match.group(3) else None
            if groups is not None and sum(groups) != numerator:
                raise self.error(f"the grouping {match.group(3)} does not add up to {numerator}")
            settings["time"] = (numerator, int(match.group(2)))
            settings["groups"] = groups
        elif name == "x_style":
            settings["style"] = value or None
        elif name.startswith("start_of_"):
            self._start_section(name[len("start_of_"):], value)
        elif name.startswith("end_of_"):
            if self.section is None or self.section.kind != name[len("end_of_"):]:
                raise self.error(f"{{{name}}} without a matching {{start_of_{name[len('end_of_'):]}}}")
            self._end_section()
        elif name in ("verse", "chorus", "bridge", "intro", "outro", "solo", "interlude"):
            self._recall(name, value)
        elif name not in _IGNORED and not name.startswith("x_"):
            raise self.error(f"unknown directive {{{name}}}")

    def _start_section(self, kind: str, label: str) -> None:
        if self.section is not None and self.section.kind != "song":
            raise self.error(f"{{start_of_{kind}}} inside the unfinished {self.section.kind} of line {self.section.line}")
        self.section = Section(kind, label or kind.capitalize(), line=self.line)
        self.local = dict(self.song)

    def _end_section(self) -> None:
        section = self.section
        self.section = None
        if section.bars:
            self.chart.sections.append(section)
            self.last_of_kind[section.kind] = section
        self.local = dict(self.song)

    def _recall(self, kind: str, label: str) -> None:
        earlier = self.last_of_kind.get(kind)
        if earlier is None:
            raise self.error(f"{{{kind}}} recalls a {kind}, but none came before")
        if self.section is not None and self.section.kind != "song":
            raise self.error(f"{{{kind}}} inside the unfinished {self.section.kind}")
        self.section = None  # bars after the recall start a new part of the song
        self.bar_count += len(earlier.bars)
        if self.bar_count > MAX_BARS:
            raise self.error(f"the chart plays more than {MAX_BARS} bars (check the repeat counts)")
        self.chart.sections.append(replace(earlier, label=label or earlier.label, line=self.line))

    # ----- bars -------------------------------------------------------------------------------

    def _current(self) -> Section:
        if self.section is None:
            self.section = Section("song", "Song", line=self.line)
            self.chart.sections.append(self.section)
        return self.section

    def _grid_line(self, text: str) -> None:
        times = 1
        repeat = _TIMES_RE.search(text)
        if repeat:
            times, text = int(repeat.group(1)), text[: repeat.start()]
        text = re.sub(r":\|\|?([12])", r":| |\1", text)  # ':|2' ends a repeat, starts ending 2
        cells: list[list[str]] = []
        marks: list[tuple[int, str]] = []  # (bar index, bar-line token) where a mark stands
        position = 0
        for match in _BAR_TOKEN_RE.finditer(text):
            content = text[position:match.start()].split()
            if content:
                cells.append(content)
            marks.append((len(cells), match.group(0)))
            position = match.end()
        if text[position:].strip():
            cells.append(text[position:].split())
        if any(mark in (":|", ":||") for _, mark in marks):
            self._bars(self._play_repeats(cells, marks, times if repeat else 2))
        else:
            for _ in range(times):
                self._bars(cells)

    def _play_repeats(self, cells, marks, times: int):
        """Bars in playing order: |: ... :| played `times` times, with |1 |2 endings."""
        order: list[list[str]] = []
        start, first_ending = 0, None
        index_marks = {}
        for index, mark in marks:
            index_marks.setdefault(index, []).append(mark)
        for index, bar in enumerate(cells + [None]):
            for mark in index_marks.get(index, []):
                if mark in ("|:", "||:"):
                    start, first_ending = len(order), None
                elif mark == "|1":
                    first_ending = len(order)
                elif mark in (":|", ":||"):
                    again = order[start:first_ending] if first_ending is not None else order[start:]
                    for _ in range(times - 1):
                        order.extend(again)
                    start, first_ending = len(order), None
            if bar is not None:
                order.append(bar)
        return order

    def _bars(self, cells) -> None:
        section = self._current()
        settings = self.local if section.kind != "song" else self.song
        numerator, denominator = settings["time"]
        self.bar_count += len(cells)
        if self.bar_count > MAX_BARS:
            raise self.error(f"the chart plays more than {MAX_BARS} bars (check the repeat counts)")
        for tokens in cells:
            fill = "fill" in tokens
            tokens = [t for t in tokens if t != "fill"]
            if tokens == ["%"]:
                if not section.bars:
                    raise self.error("% repeats the previous bar, but there is none")
                previous = section.bars[-1]
                bar_chords = previous.chords if previous.beats == Fraction(4 * numerator, denominator) else None
                if bar_chords is None:
                    raise self.error("% repeats a bar of another length")
            else:
                bar_chords = self._bar_chords(tokens, Fraction(4 * numerator, denominator), section)
            section.bars.append(Bar(bar_chords, numerator, denominator, settings["bpm"], section.label,
                                    settings["style"], fill, self.line, settings["groups"]))

    def _bar_chords(self, tokens, beats: Fraction, section: Section):
        if not tokens:
            raise self.error("an empty bar (write . to hold the chord, or N.C. to rest)")
        cell = beats / len(tokens)
        chords: list[list] = []
        for token in tokens:
            if token in (".", "/", "-"):
                if not chords:
                    held = section.bars[-1].chords[-1][0] if section.bars else None
                    if held is None:
                        raise self.error(f"{token!r} holds a chord, but no chord came before")
                    chords.append([held, cell])
                else:
                    chords[-1][1] += cell
                continue
            try:
                chords.append([parse_chord(token, self.chart.key), cell])
            except ComposerError as error:
                raise self.error(str(error)) from None
        return tuple((c, length) for c, length in chords)


def _looks_like_chords(text: str) -> bool:
    """A bare line such as 'Em C G D' (one chord per bar) rather than lyrics ('Down Every Avenue')."""
    return all(t in (".", "%", "fill") or is_numeral(t) or _is_symbol(t) for t in text.split())


def _is_symbol(token: str) -> bool:
    try:
        parse_symbol(token)
    except ComposerError:
        return False
    return True
