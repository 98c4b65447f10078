"""Piano-roll pictures and the terminal roll, checked on the files and text they make."""

import re
import struct
import subprocess
import sys
from pathlib import Path

from composer.render import render_file
from pieces import write_piece

ROOT = Path(__file__).resolve().parents[1]

METER_CHANGE = """
    use_bpm(120)

    @live_loop
    def lead():
        use_synth("pluck")
        play(ring(60, 64, 67).tick(), duration=0.5, velocity=ring(40, 120).look())
        sleep(1)

    @live_loop
    def drums():
        sample("bd")
        sleep(0.5)
        sample("hh", velocity=60)
        sleep(0.5)

    @live_loop
    def conductor():
        sleep(8)
        use_time_signature(7, 8)
        use_piece_bpm(162)
        sleep(1000)
"""


def svg_texts(path: Path) -> list[str]:
    return [text.strip() for text in re.findall(r"<text[^>]*>([^<]*)<", path.read_text())]


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_long_renders_wrap_into_systems_of_sixteen_bars(tmp_path):
    short, long = tmp_path / "short.png", tmp_path / "long.png"
    render_file(ROOT / "samples" / "pieces" / "seven_four.py", short, bars=8)
    render_file(ROOT / "samples" / "pieces" / "seven_four.py", long, bars=64)
    (short_width, short_height), (long_width, long_height) = png_size(short), png_size(long)
    assert short_height > 300
    assert long_width < 2.5 * short_width  # not one endless strip...
    assert long_height > 3 * short_height  # ...but four systems, one under the other
    svg = tmp_path / "long.svg"
    render_file(ROOT / "samples" / "pieces" / "seven_four.py", svg, bars=64)
    numbers = [int(t) for t in svg_texts(svg) if t.isdigit() and int(t) <= 64]
    assert [n for n in numbers if n in (1, 17, 33, 49, 64)] == [1, 17, 33, 49, 64]


def test_svg_names_tracks_drums_bars_and_the_meter_and_tempo_changes(tmp_path):
    out = tmp_path / "roll.svg"
    piece = write_piece(tmp_path, METER_CHANGE)
    render_file(piece, out, beats=12)
    texts = svg_texts(out)
    for expected in ("lead", "Acoustic Guitar (nylon)", "drums", "kick", "hi-hat", "C4", "7/8", "\u2669=162", "4/4", "\u2669=120"):
        assert expected in " ".join(texts), expected
    # 8 beats of 4/4 are 2 bars, then 4 beats of 7/8 are 2 bars (3.5 beats, then the rest)
    numbers = [t for t in texts if t.isdigit()]
    assert numbers[:4] == ["1", "2", "3", "4"]
    assert "conductor" not in texts  # a loop that plays nothing gets no lane


def test_show_prints_a_row_per_pitch_and_bar_lines(tmp_path):
    piece = write_piece(tmp_path, METER_CHANGE)
    result = subprocess.run([sys.executable, "-m", "composer", "show", str(piece), "--beats", "8", "--width", "200"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["1", "2"]
    rows = {line.split("│")[0].strip(): line for line in lines if "│" in line}
    assert set(rows) == {"G4", "E4", "C4", "kick", "hi-hat"}
    # C4 is struck on beats 0 and 3 (16th-note columns 0 and 12), soft then loud, held for a half beat
    c4 = "".join(rows["C4"].split("│")[1:])
    assert c4[0] == "░" and c4[1] == "─" and c4[12] == "█" and c4[4] == "·"
    assert rows["kick"].count("│") == 2  # two bars
    assert "".join(rows["kick"].split("│")[1:]).count("▓") == 8  # velocity 100


def test_show_wraps_bars_that_do_not_fit(tmp_path):
    piece = write_piece(tmp_path, METER_CHANGE)
    result = subprocess.run([sys.executable, "-m", "composer", "show", str(piece), "--beats", "15", "--width", "50"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    headers = [line.split() for line in result.stdout.splitlines() if line.strip() and line.strip()[0].isdigit()]
    # two 4/4 bars of 16 columns fit in 50 columns beside the labels, then two 7/8 bars of 14
    assert headers == [["1", "2"], ["3", "4"]]
    assert all(len(line) <= 50 for line in result.stdout.splitlines())


def test_a_picture_too_long_to_draw_is_refused_at_once(tmp_path):
    """5,000 bars took a gigabyte and a minute and a half; 100,000 would take twenty."""
    import pytest

    from composer.errors import ComposerError

    piece = write_piece(tmp_path, """
        @live_loop
        def tune():
            play(60)
            sleep(1)
    """)
    for name in ("long.png", "long.svg"):
        with pytest.raises(ComposerError, match="a picture shows at most 1000 bars"):
            render_file(piece, tmp_path / name, bars=100000)
        assert not (tmp_path / name).exists()


def test_show_refuses_a_roll_too_long_to_look_at_before_any_work(tmp_path):
    piece = write_piece(tmp_path, METER_CHANGE)
    result = subprocess.run([sys.executable, "-m", "composer", "show", str(piece), "--bars", "100000"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr.strip() == (f"composer: {piece}: a piano roll shows at most 1000 bars "
                                     "(asked for 100000); show fewer with --bars")
