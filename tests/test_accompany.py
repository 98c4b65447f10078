"""`composer accompany`: charts in, a band out, checked by reading the MIDI file with mido."""

import subprocess
import sys
from fractions import Fraction
from pathlib import Path

import mido
import pytest

from composer.accompany.arrange import arrange
from composer.accompany.guitar import lead_shapes, shapes
from composer.accompany.plan import default_groups, plan_bars
from composer.accompany.render import read_chart
from composer.accompany.voicing import lead, mean_movement
from composer.harmony import chord, progression
from composer.harmony.chart import parse_chart
from composer.runtime.events import Note

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "charts" / "night_drive.cho"
TOMS = {41, 43, 45, 47, 48, 50}
CRASH, SNARE = 49, 38
EARLY = Fraction(1, 16)  # humanising moves notes by a few milliseconds at most


def accompany(*args):
    return subprocess.run([sys.executable, "-m", "composer", "accompany", *map(str, args)],
                          capture_output=True, text=True)


def read(path):
    """(meta events, {track name: (programs, [(beat, note, velocity)])}) of a MIDI file."""
    midi = mido.MidiFile(path)
    beats = lambda tick: Fraction(tick, midi.ticks_per_beat)  # noqa: E731
    meta, tracks = [], {}
    for track in midi.tracks:
        tick, programs, notes = 0, [], []
        for message in track:
            tick += message.time
            if message.type == "set_tempo":
                meta.append((beats(tick), "tempo", round(mido.tempo2bpm(message.tempo))))
            elif message.type == "time_signature":
                meta.append((beats(tick), "time", (message.numerator, message.denominator)))
            elif message.type == "program_change":
                programs.append((message.channel, message.program))
            elif message.type == "note_on" and message.velocity:
                notes.append((beats(tick), message.note, message.velocity))
        tracks[track.name] = (programs, notes)
    return meta, tracks


def in_bar(notes, plan):
    return [n for n in notes if plan.start - EARLY <= n[0] < plan.start + plan.beats - EARLY]


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    out = tmp_path_factory.mktemp("band") / "night.mid"
    result = accompany(SAMPLE, "-o", out, "--seed", 3)
    assert result.returncode == 0, result.stderr
    chart, _ = read_chart(str(SAMPLE))
    return out, plan_bars(chart.bars, "fingerpicking"), read(out)


def test_tracks_programs_meter_and_tempo(sample):
    _, plans, (meta, tracks) = sample
    assert list(tracks) == ["Night Drive", "guitar", "bass", "keys", "drums"]  # conductor first
    assert tracks["guitar"][0] == [(0, 25)] and tracks["bass"][0] == [(1, 33)] and tracks["keys"][0] == [(2, 89)]
    assert tracks["drums"][0] == []
    bridge = next(p for p in plans if p.bar.numerator == 7)
    after = next(p for p in plans[bridge.index:] if p.bar.numerator == 4)
    assert bridge.start == (4 + 12 + 8) * 4 and after.start == bridge.start + 6 * 7  # intro, verse, chorus
    assert meta == [
        (0, "tempo", 92), (0, "time", (4, 4)),
        (bridge.start, "tempo", 162), (bridge.start, "time", (7, 4)),
        (after.start, "tempo", 92), (after.start, "time", (4, 4)),
    ]


def test_pitched_parts_play_the_chord_tones_in_every_bar(sample):
    _, plans, (_, tracks) = sample
    for part in ("guitar", "bass", "keys"):
        notes = tracks[part][1]
        for plan in plans:
            played = in_bar(notes, plan)
            assert played, f"{part} is silent in bar {plan.index + 1}"
            for beat, note, _ in played:
                slot = plan.chord_at(max(beat - plan.start + EARLY, Fraction(0)))
                assert note % 12 in slot.chord.pitch_classes, (part, plan.index + 1, slot.chord.symbol, note)
    guitar = [n for _, n, _ in tracks["guitar"][1]]
    bass = [n for _, n, _ in tracks["bass"][1]]
    assert 40 <= min(guitar) and max(guitar) <= 88  # a six-string's range
    assert 28 <= min(bass) and max(bass) <= 52  # a bass's


def test_drum_fills_where_the_chart_and_style_ask(sample):
    _, plans, (_, tracks) = sample
    drums = tracks["drums"][1]

    def fill_notes(plan, beats):
        start = plan.start + plan.beats - min(plan.groups[-1], beats) - EARLY
        return [n for b, n, _ in in_bar(drums, plan) if b >= start and n in TOMS | {SNARE}]

    big = [p.index for p in plans if len(fill_notes(p, 2)) >= 6]
    small = [p.index for p in plans if 3 <= len(fill_notes(p, 1)) and p.index not in big]
    section_ends = [p.index for p in plans if p.section_end and not p.final]
    chart_fills = [p.index for p in plans if p.bar.fill]
    assert set(section_ends) | set(chart_fills) <= set(big)
    chorus = [p for p in plans if p.bar.section == "Chorus"][:8]
    assert chorus[3].index in small  # the strum style fills every fourth bar, a beat long
    assert plans[1].index not in big + small
    crashes = {p.index for p in plans if any(abs(b - p.start) <= EARLY and n == CRASH for b, n, _ in drums)}
    assert {index + 1 for index in big} <= crashes  # each section starts on a crash
    assert chorus[4].index not in crashes  # a small fill runs on without one


def test_the_band_ends_together_on_the_last_downbeat(sample):
    _, plans, (_, tracks) = sample
    last = plans[-1]
    drums = sorted(n for _, n, _ in in_bar(tracks["drums"][1], last))
    assert drums == [36, CRASH]
    guitar = in_bar(tracks["guitar"][1], last)
    assert len(guitar) <= 6 and max(b for b, _, _ in guitar) - last.start < Fraction(1, 2)  # one rolled chord
    assert len(in_bar(tracks["bass"][1], last)) == 1


def test_strums_keep_their_shape_when_humanised():
    chart = parse_chart("| Em . . . | C . . . | G . . . | D . . . |", "g")
    band = arrange(chart, style="strum", seed=5)
    guitar = [e for e in band.events if isinstance(e, Note) and e.track == "guitar" and e.beat < 12]
    strokes = {}
    for event in guitar:
        strokes.setdefault(round(event.beat * 2) / 2, []).append(event)
    downs = [sorted(s) for s in strokes.values() if len(s) >= 5]
    assert downs and all([e.note for e in s] == sorted(e.note for e in s) for s in downs)  # low to high
    for stroke in downs:  # string after string at the strum's own spacing, however the stroke moved
        gaps = {b.beat - a.beat for a, b in zip(stroke, stroke[1:])}
        assert max(gaps) - min(gaps) <= Fraction(1, 480)


def test_odd_meter_grooves(sample):
    _, plans, (_, tracks) = sample
    bridge = next(p for p in plans if p.bar.numerator == 7 and not p.bar.fill and not p.section_end)
    kicks = [b - bridge.start for b, n, _ in in_bar(tracks["drums"][1], bridge) if n == 36]
    snares = [b - bridge.start for b, n, _ in in_bar(tracks["drums"][1], bridge) if n == SNARE]
    # 4+3: a rock bar, then three beats turning round (grooves.toml rock."7/4")
    assert [round(b * 2) / 2 for b in kicks] == [0, 2, 2.5, 4, 5.5]
    assert [round(b * 2) / 2 for b in snares] == [1, 3, 5, 6.5]
    chart = parse_chart("{time: 7/8}\n| Em . . . C . . |\n| Em . . . C . . |", "g")
    band = arrange(chart, style="rock", humanise=False)
    first = sorted(h.beat for h in band.hits["drums"] if h.note == 42 and h.beat < Fraction(7, 2))
    assert first == [Fraction(i, 2) for i in range(7)]  # an eighth-note hat through 2+2+3
    assert default_groups(7, 8) == (2, 2, 3) and default_groups(7, 4) == (4, 3)


def test_upper_voices_move_smoothly(sample):
    _, plans, (_, tracks) = sample
    keys = tracks["keys"][1]
    onsets = sorted({round(b * 4) / 4 for b, _, _ in keys})
    voicings = [sorted(n for b, n, _ in keys if round(b * 4) / 4 == onset) for onset in onsets]
    voicings = [v for i, v in enumerate(voicings) if i == 0 or v != voicings[i - 1]]
    assert mean_movement(voicings) < 2.0  # semitones per voice between chords
    # far smoother than the same chords in root position
    chords = progression("Em Cmaj7 Em D/F# Em C G D Am7 C B7sus4 B7 Em C G D Em")
    root_position = [tuple(sorted(c)[:4]) for c in chords]
    assert mean_movement(lead(chords)) < mean_movement(root_position) / 2


def test_same_seed_same_bytes_other_seed_other_humanising(tmp_path):
    for name, seed in (("a", 1), ("b", 1), ("c", 2)):
        assert accompany(SAMPLE, "-o", tmp_path / f"{name}.mid", "--seed", seed, "-q").returncode == 0
    assert (tmp_path / "a.mid").read_bytes() == (tmp_path / "b.mid").read_bytes()
    assert (tmp_path / "a.mid").read_bytes() != (tmp_path / "c.mid").read_bytes()


def test_inline_grid_style_and_bpm(tmp_path):
    out = tmp_path / "inline.mid"
    result = accompany("| Em . . . | C . . . | G . . . | D . . . |", "-o", out, "--style", "rock", "--bpm", 120)
    assert result.returncode == 0, result.stderr
    meta, tracks = read(out)
    assert meta[0] == (0, "tempo", 120)
    assert len([n for n in tracks["guitar"][1] if n[0] < 4 - EARLY]) >= 8 * 4  # strummed eighths


def test_walking_bass_approaches_the_next_root():
    chart = parse_chart("| C . . . | A7 . . . | Dm7 . . . | G7 . . . | C . . . |", "g")
    band = arrange(chart, style="shuffle", humanise=False)
    bass = sorted((h.beat, h.note) for h in band.hits["bass"])
    assert [b for b, _ in bass] == list(range(17))  # a note a beat, then the last chord held
    for bar, next_root in ((0, 9), (1, 2), (2, 7)):
        beat, note = bass[bar * 4 + 3]
        following = bass[bar * 4 + 4][1]
        assert abs(note - following) == 1 and following % 12 == next_root


def test_guitar_shapes_playable_in_tunings_and_with_capo():
    assert str(shapes(chord("Em"))[0]) == "022000"
    assert str(shapes(chord("C"))[0]) == "x32010"
    assert str(shapes(chord("D"))[0]) == "xx0232"
    assert str(shapes(chord("D"), tuning="drop_d")[0]) == "000232"
    assert str(shapes(chord("Em"), capo=2)[0]).startswith("xx0")  # a D-minor shape under the capo
    for shape in lead_shapes(progression("Em C G D F#m7b5 B7b9 Bbmaj9 Ebdim7")):
        fretted = [f for f in shape.frets if f]
        assert not fretted or max(fretted) - min(fretted) <= 3
        assert len(shape.notes) >= 4


@pytest.mark.parametrize("chart, message", [
    ("{time: 7/4}\n| Em . . . Hm . . |", "chart:2: not a chord symbol: 'Hm'"),
    ("missing.cho", "missing.cho: no such chart file"),
    ("", "the chart is empty"),  # it said ".: no such chart file"
    ("  ", "the chart is empty"),
])
def test_errors_are_one_line(tmp_path, chart, message):
    result = accompany(chart, "-o", tmp_path / "x.mid")
    assert result.returncode == 1 and message in result.stderr and result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr and not (tmp_path / "x.mid").exists()


def test_chart_file_errors_name_file_and_line(tmp_path):
    path = tmp_path / "bad.cho"
    path.write_text("{title: x}\n| Em . . . |\n{tempo: quick}\n")
    result = accompany(path, "-o", tmp_path / "x.mid")
    assert result.returncode == 1 and f"{path}:3: {{tempo}}: not a number of bpm: 'quick'" in result.stderr


def test_lead_sheet_has_the_chord_symbols(tmp_path):
    from music21 import converter, harmony

    out = tmp_path / "night.musicxml"
    result = accompany(SAMPLE, "-o", out)
    assert result.returncode == 0 and "a lead sheet of" in result.stdout
    score = converter.parse(out)
    figures = [c.figure for c in score.recurse().getElementsByClass(harmony.ChordSymbol)]
    assert figures[:4] == ["Em", "Cmaj7", "Em", "D/F#"]
    assert len(score.parts[0].getElementsByClass("Measure")) == 42
    assert [ts.ratioString for ts in score.recurse().getElementsByClass("TimeSignature")] == ["4/4", "7/4", "4/4"]


PIECE = """
use_bpm(92)
use_time_signature(7, 4)

@live_loop
def band():
    accompany(progression("i VI III VII", key="e:minor"), style="odd", parts=("guitar", "bass", "drums"),
              channels={"bass": 5})
"""


def test_a_piece_calls_the_same_band(tmp_path):
    piece = tmp_path / "piece.py"
    piece.write_text(PIECE)
    out = tmp_path / "band.mid"
    result = subprocess.run([sys.executable, "-m", "composer", "render", piece, "-o", out, "--bars", "8"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    midi = mido.MidiFile(out)
    band = next(t for t in midi.tracks if t.name == "band")
    tick, notes = 0, []
    for message in band:
        tick += message.time
        if message.type == "note_on" and message.velocity:
            notes.append((Fraction(tick, midi.ticks_per_beat), message.channel, message.note))
    assert {c for _, c, _ in notes} == {0, 4, 9}  # guitar, bass moved to channel 5, drums
    assert sorted((m.channel, m.program) for m in band if m.type == "program_change") == [(0, 25), (4, 33)]
    chords = progression("Em C G D")
    for bar in range(8):  # a chord a bar, each bar 7 beats long
        pitched = [n for b, c, n in notes if c != 9 and bar * 7 - EARLY <= b < (bar + 1) * 7 - EARLY]
        assert pitched and {n % 12 for n in pitched} <= chords[bar].pitch_classes


def test_accompany_at_the_top_level_plays_once_as_a_score(tmp_path):
    piece = tmp_path / "top.py"
    piece.write_text('accompany("Em C")\n')  # the top level is a thread, as in Sonic Pi
    result = subprocess.run([sys.executable, "-m", "composer", "render", piece, "-o", tmp_path / "x.mid"],
                            capture_output=True, text=True)
    assert result.returncode == 0 and " 0 notes" not in result.stdout
    assert min(tick for tick, *_ in notes_of(tmp_path / "x.mid")) == 0


def notes_of(path):
    midi = mido.MidiFile(path)
    found = set()
    for track in midi.tracks:
        tick = 0
        for message in track:
            tick += message.time
            if message.type == "note_on" and message.velocity:
                found.add((tick, message.channel, message.note, message.velocity))
    return found


def test_render_play_and_live_take_a_chart_as_a_piece(tmp_path):
    rendered = tmp_path / "rendered.mid"
    result = subprocess.run([sys.executable, "-m", "composer", "render", SAMPLE, "-o", rendered, "--beats", "186"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    accompanied = tmp_path / "accompanied.mid"
    assert accompany(SAMPLE, "-o", accompanied).returncode == 0
    assert notes_of(rendered) == notes_of(accompanied)  # the same band, through the runtime
    meta, tracks = read(rendered)
    assert [m for m in meta if m[1] == "tempo"][-2:] == [(96, "tempo", 162), (138, "tempo", 92)]
    assert {name: programs for name, (programs, _) in tracks.items() if programs} == {
        "guitar": [(0, 25)], "bass": [(1, 33)], "keys": [(2, 89)]}  # once each, though every bar sets it


def test_live_reload_of_a_chart_changes_the_next_bar(tmp_path):
    from composer.runtime import loading

    chart = tmp_path / "live.cho"
    chart.write_text("{x_style: strum}\n| Em . . . | Em . . . |\n")
    runtime = loading.load(chart)
    first = [e for e in runtime.events(until=4) if isinstance(e, Note) and e.track == "bass"]
    assert {e.note % 12 for e in first} <= {4, 11}
    chart.write_text("{x_style: strum}\n| C . . . | C . . . |\n")
    loading.reload(runtime, chart, 4)
    later = [e for e in runtime.events(until=12) if isinstance(e, Note) and e.track == "bass" and e.beat >= 4.1]
    assert later and {e.note % 12 for e in later} <= {0, 7}
    chart.write_text("| C . . . | Hm . . . |\n")
    with pytest.raises(Exception, match="live.cho:1: not a chord symbol: 'Hm'"):
        loading.reload(runtime, chart, 12)


@pytest.mark.parametrize("material", ['["Em", "C"]', '"Em C"', 'chord("Em")', '"| Em . C . |"'])
def test_accompany_takes_lists_strings_chords_and_grids(tmp_path, material):
    piece = tmp_path / "piece.py"
    piece.write_text(f"@live_loop\ndef band():\n    accompany({material}, style='strum', parts=('bass',))\n")
    result = subprocess.run([sys.executable, "-m", "composer", "render", piece, "-o", tmp_path / "x.mid", "--bars", "2"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert {n % 12 for _, _, n, _ in notes_of(tmp_path / "x.mid")} <= {4, 11, 0, 7}


def test_accompany_rejects_what_is_not_chords(tmp_path):
    piece = tmp_path / "piece.py"
    piece.write_text("@live_loop\ndef band():\n    accompany(42)\n")
    result = subprocess.run([sys.executable, "-m", "composer", "render", piece, "-o", tmp_path / "x.mid"],
                            capture_output=True, text=True)
    assert result.returncode == 1 and "piece.py:3" in result.stderr and "accompany takes" in result.stderr


def test_a_chorus_played_twice_fills_between_its_passes():
    chart = parse_chart("{start_of_chorus}\n| C . . . | G . . . |\n{end_of_chorus}\n{chorus}\n", "g")
    band = arrange(chart, style="ballad", humanise=False)
    fill = [h for h in band.hits["drums"] if 6 <= h.beat < 8 and h.note in TOMS | {SNARE}]  # end of the first pass
    assert len(fill) >= 4
    assert any(h.beat == 8 and h.note == CRASH for h in band.hits["drums"])


def test_audio_of_a_chart(tmp_path):
    import shutil
    import wave

    from composer.errors import ComposerError
    from composer.sinks.audio import find_soundfont

    try:
        find_soundfont()
    except ComposerError:
        pytest.skip("no General MIDI SoundFont on this machine")
    if shutil.which("fluidsynth") is None:
        pytest.skip("no FluidSynth on this machine")
    out = tmp_path / "em.wav"
    result = accompany("| Em . . . | C . . . | G . . . | D . . . |", "-o", out, "--bpm", 120)
    assert result.returncode == 0, result.stderr
    with wave.open(str(out)) as audio:
        seconds = audio.getnframes() / audio.getframerate()
    assert 8 <= seconds < 30  # four bars of 4/4 at 120 bpm, then the pad and cymbal ring out


def test_outputs_are_checked_before_any_work(tmp_path):
    chart = tmp_path / "song.cho"
    chart.write_text("| Em . . . |\n")
    result = accompany(chart, "-o", chart)
    assert result.returncode == 1 and "refusing to write over it" in result.stderr
    assert chart.read_text() == "| Em . . . |\n"
    result = accompany(chart, "-o", tmp_path / "song.png")
    assert result.returncode == 1 and "not .png" in result.stderr
    assert accompany(chart, "-o", tmp_path / "new" / "song.mid").returncode == 0  # a missing folder is made


def test_a_grouping_the_chart_writes_leads_the_groove():
    chart = parse_chart("{time: 7/8 3+2+2}\n| Em . . . . . . |\n| Em . . . . . . |", "g")
    band = arrange(chart, style="rock", humanise=False)
    first_bar = [h for h in band.hits["drums"] if h.beat < Fraction(7, 2)]
    assert sorted(h.beat for h in first_bar if h.note == SNARE) == [Fraction(3, 2), Fraction(5, 2)]  # 3+2+2
    strums = sorted({h.gesture for h in band.hits["guitar"] if h.beat < Fraction(7, 2)})
    assert {Fraction(0), Fraction(3, 2), Fraction(5, 2)} <= set(strums)  # each group starts with a stroke


def test_an_unknown_style_in_a_chart_names_its_line(tmp_path):
    chart = tmp_path / "song.cho"
    chart.write_text("| Em . . . |\n{start_of_bridge}\n{x_style: polka}\n| C . . . |\n{end_of_bridge}\n")
    result = accompany(chart, "-o", tmp_path / "x.mid")
    assert result.returncode == 1 and f"{chart}:4: unknown style 'polka'" in result.stderr


def test_lyrics_with_inline_chords_give_a_bar_per_chord():
    chart = parse_chart("{key: Em}\n[Em]Night falls [C]over the [G]road\nDown Every Avenue\n", "g")
    assert [[c.symbol for c, _ in bar.chords] for bar in chart.bars] == [["Em"], ["C"], ["G"]]


def test_guitar_shapes_are_led_by_their_top_voices():
    chords = [c for bar in read_chart(str(SAMPLE))[0].bars for c, _ in bar.chords]
    led = lead_shapes(chords)
    easiest = [shapes(c)[0] for c in chords]
    assert mean_movement([s.notes[-4:] for s in led]) < mean_movement([s.notes[-4:] for s in easiest])


MY_STYLES = """
[mine]
description = "a written strum and a written groove"
guitar = { play = "strumming", pattern = "D.DU", strum_ms = 9.5 }
drums = { groove = { bd = "x . . . x . .", sn = ". . X . . . X", hh = "x x x x x x x" } }

[picked]
guitar = { play = "fingerpicking", pattern = ["p", "t a", "i", "m"], step = 0.25 }
"""


def test_the_first_folder_that_names_a_style_wins_and_the_shipped_ones_list_first(tmp_path, monkeypatch):
    from composer.accompany.styles import load_styles, shipped

    user = tmp_path / "config" / "composer" / "styles"
    user.mkdir(parents=True)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    (user / "a.toml").write_text("[mine]\ndescription = 'the user'\n[rock]\ndescription = 'the user rocks'\n")
    beside = tmp_path / "song" / "styles"
    beside.mkdir(parents=True)
    (beside / "b.toml").write_text("[mine]\ndescription = 'beside the chart'\n[yours]\ndescription = 'y'\n")
    table = load_styles(tmp_path / "song" / "song.cho")
    assert table["mine"]["description"] == "beside the chart" and table["rock"]["description"] == "the user rocks"
    assert list(table) == list(shipped()) + ["mine", "yours"]


def test_styles_of_ones_own_beside_the_chart(tmp_path):
    (tmp_path / "styles").mkdir()
    (tmp_path / "styles" / "mine.toml").write_text(MY_STYLES)
    chart = tmp_path / "song.cho"
    chart.write_text("{time: 7/8}\n| Em . . . . . . |\n| Em . . . . . . |\n| Em . . . . . . |\n"
                     "{start_of_verse}\n{time: 4/4}\n{x_style: picked}\n| G . . . |\n| G . . . |\n{end_of_verse}\n")
    out = tmp_path / "song.mid"
    result = accompany(chart, "-o", out, "--style", "mine")
    assert result.returncode == 0, result.stderr
    _, tracks = read(out)
    assert set(tracks) == {"song", "guitar", "drums"}  # the styles name no bass or keys
    drums = tracks["drums"][1]
    snares = sorted(round(float(b) * 2) / 2 for b, n, _ in drums if n == SNARE and b < Fraction(7, 2) - EARLY)
    assert snares == [1.0, 3.0]  # the written groove spread over the 7/8 bar
    strokes = sorted({round(float(b) * 4) / 4 for b, _, _ in tracks["guitar"][1] if b < Fraction(7, 2) - EARLY})
    assert strokes == [0, 1.0, 2.0, 3.0]  # "D.DU" read from its top in each group: "D.", "D.", "D.D"
    picked = [b for b, _, _ in tracks["guitar"][1] if 21 / 2 - EARLY <= b < 29 / 2 - EARLY]
    assert len(picked) == 16 + 4  # sixteenths, a pinch each beat
    listed = accompany("--list", chart)
    assert "mine" in listed.stdout and "fingerpicking" in listed.stdout


@pytest.mark.parametrize("text, message", [
    ("[mine\n", "mine.toml: not a styles file"),
    ("[mine]\nguitar = { play = 'strumming', strum_ms = 'slow' }\n", "guitar.strum_ms must be a number"),
    ("[mine]\nguitar = { play = 'strumming', pattern = 'DXU' }\n", "unknown strumming pattern 'DXU'"),
    ("[mine]\ndrums = { groove = { bd = 'x?x' } }\n", "groove line bd = 'x?x'"),
    ("[mine]\ndrums = { groove = ['rock'] }\n", "unknown groove ['rock']; use one of "),
    ("[mine]\nbass = { pattern = 'walkin' }\n", "unknown bass pattern 'walkin'; use one of root, root_fifth"),
    ("[mine]\nkeys = { pattern = ['pad'] }\n", "unknown keys pattern ['pad']; use one of pad"),
    ("[mine]\nguitar = { play = 'fingerpicking', pattern = ['p x'] }\n",
     "unknown fingerpicking pattern ['p x']; use one of travis"),
    ("[mine]\nflute = { pattern = 'pad' }\n", "'flute' is not a part of the band"),
])
def test_a_broken_style_is_one_line(tmp_path, text, message):
    (tmp_path / "styles").mkdir()
    (tmp_path / "styles" / "mine.toml").write_text(text)
    chart = tmp_path / "song.cho"
    chart.write_text("| Em . . . | C . . . |\n")
    result = accompany(chart, "-o", tmp_path / "x.mid", "--style", "mine")
    assert result.returncode == 1 and message in result.stderr and result.stderr.count("\n") == 1, result.stderr


def test_rock_bass_drives_eighths_and_a_drone_holds_the_tonic():
    chart = parse_chart("{key: Em}\n| Em . . . | C . G . | D . . . |", "g")
    rock = sorted((h.beat, h.note) for h in arrange(chart, "rock", humanise=False).hits["bass"])
    assert [b for b, _ in rock[:16]] == [Fraction(i, 2) for i in range(16)]
    assert [n % 12 for _, n in rock[:16]] == [4] * 8 + [0] * 4 + [7] * 4  # each chord's root
    drone = arrange(chart, "drone", humanise=False).hits["bass"]
    assert {h.note for h in drone} == {28}  # E1 under every chord


def test_the_odd_meter_sample_chart(tmp_path):
    chart_path = ROOT / "samples" / "charts" / "seven_eight.cho"
    out = tmp_path / "seven.mid"
    result = accompany(chart_path, "-o", out)
    assert result.returncode == 0, result.stderr
    meta, tracks = read(out)
    assert [(m[1], m[2]) for m in meta] == [("tempo", 150), ("time", (7, 8)), ("tempo", 120), ("time", (7, 4)),
                                           ("tempo", 150), ("time", (7, 8))]
    plans = plan_bars(read_chart(str(chart_path))[0].bars, "odd")
    for part in ("guitar", "bass", "keys"):
        for plan in plans:
            played = in_bar(tracks[part][1], plan)
            assert played
            for beat, note, _ in played:
                assert note % 12 in plan.chord_at(max(beat - plan.start + EARLY, Fraction(0))).chord.pitch_classes
