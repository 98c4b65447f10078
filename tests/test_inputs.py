"""Inputs a musician hands composer, checked with one-line errors: kits, patches (against their
piece too), pieces with a BOM or an exception that cannot be shown."""

from pathlib import Path

import pytest

from composer.cli import main
from composer.errors import ComposerError
from composer.render import render_file
from composer.runtime.kits import read_kit
from composer.runtime.piece import PieceError
from pieces import run_piece, write_piece

ROOT = Path(__file__).resolve().parents[1]


def run(args, capsys):
    with pytest.raises(SystemExit) as done:
        main(args)
    captured = capsys.readouterr()
    return done.value.code, captured.out, captured.err


@pytest.mark.parametrize("text, message", [
    ("channel = true\n[drums]\nbd = 36\n", "channel must be an integer 1-16, got true"),
    ("[drums]\nbd = true\n", "drums.bd: note must be an integer 0-127, got true"),
    ("[drums]\nBD = 36\nbd = 35\n", "drums.bd: same name as drums.BD"),
    ("name = 3\n[drums]\nbd = 36\n", "name must be a string"),
    ("a = " + "[" * 5000 + "]" * 5000 + "\n", "nested too deeply"),
])
def test_kits_reject_what_is_not_a_kit(tmp_path, text, message):
    kit = tmp_path / "k.toml"
    kit.write_text(text)
    with pytest.raises(ComposerError, match=message) as error:
        read_kit(kit)
    assert str(error.value).startswith(str(kit)) and "\n" not in str(error.value)


@pytest.mark.parametrize("text, message", [
    ('[knobs."²"]\ntarget = "bpm"\n', "k.toml:1: knobs.²: the V49 has knobs 1..4"),
    ('[pads."²"]\nnote = 60\n', "k.toml:1: pads.²: the V49 has pads 1..8"),
    ('[pads.1]\nnote = "²"\n', "k.toml:2: pads.1.note: not a note name: '²'"),
    ('[keys]\nsplit = "²"\n', "k.toml:2: keys.split: not a note name: '²'"),
    ("a = " + "[" * 5000 + "]" * 5000 + "\n", "k.toml: nested too deeply to read"),
])
def test_patch_values_that_are_not_numbers_are_one_line(tmp_path, capsys, text, message):
    patch = tmp_path / "k.toml"
    patch.write_text(text)
    code, _, err = run(["patch", "check", str(patch)], capsys)
    assert code == 1 and message in err and err.count("\n") == 1


def test_patch_check_finds_a_pad_launching_a_loop_the_piece_lacks(tmp_path, capsys):
    code, _, err = run(["patch", "check", str(ROOT / "patches/live-set.toml"),
                        "--piece", str(ROOT / "samples/pieces/hello.py")], capsys)
    assert code == 1
    assert err == (f"composer: {ROOT / 'patches/live-set.toml'}:22: pads.2.loop: no live_loop 'bass' in "
                   f"{ROOT / 'samples/pieces/hello.py'}\n")


def test_patch_check_follows_the_patchs_own_piece(tmp_path, capsys):
    piece = write_piece(tmp_path, "@live_loop\ndef drums():\n    sleep(1)\n")
    patch = tmp_path / "p.toml"
    patch.write_text('piece = "piece.py"\n\n[pads.1]\naction = "launch"\nloop = "drum"\n')
    code, _, err = run(["patch", "check", str(patch)], capsys)
    assert code == 1 and "p.toml:5: pads.1.loop: no live_loop 'drum'" in err and "did you mean 'drums'?" in err
    patch.write_text('piece = "piece.py"\n\n[pads.1]\naction = "launch"\nloop = "drums"\n')
    code, out, _ = run(["patch", "check", str(patch)], capsys)
    assert code == 0 and f"loops of {piece}" in out


def test_patch_check_names_the_line_of_a_pad_written_as_an_array_entry(tmp_path, capsys):
    """[[pads]] entries: the error named the first entry's line, whichever pad lacked its loop."""
    write_piece(tmp_path, "@live_loop\ndef drums():\n    sleep(1)\n")
    patch = tmp_path / "p.toml"
    patch.write_text('piece = "piece.py"\n\n[[pads]]\npad = 1\naction = "launch"\nloop = "drums"\n\n'
                     '[[pads]]\npad = 5\naction = "launch"\nloop = "fill"\n')
    code, _, err = run(["patch", "check", str(patch)], capsys)
    assert (code, err) == (1, f"composer: {patch}:11: pads[2].loop: no live_loop 'fill' in {tmp_path / 'piece.py'}\n")


def test_patch_check_names_a_missing_piece(tmp_path, capsys):
    patch = tmp_path / "p.toml"
    patch.write_text('name = "x"\npiece = "gone.py"\n')
    code, _, err = run(["patch", "check", str(patch)], capsys)
    assert (code, err) == (1, f"composer: {patch}:2: piece: no such piece 'gone.py'\n")
    code, _, err = run(["patch", "check", str(ROOT / "patches/default.toml"), "--piece", "gone.py"], capsys)
    assert code == 1 and "--piece: no such piece 'gone.py'" in err


def test_the_shipped_patches_check_against_their_pieces(capsys):
    for patch in sorted((ROOT / "patches").glob("*.toml")):
        code, _, err = run(["patch", "check", str(patch)], capsys)
        assert code == 0, err


def test_a_piece_may_start_with_a_byte_order_mark(tmp_path):
    piece = tmp_path / "bom.py"
    piece.write_bytes(b"\xef\xbb\xbf@live_loop\ndef a():\n    play(60)\n    sleep(1)\n")
    summary = render_file(piece, tmp_path / "x.mid", beats=2)
    assert summary.notes == 2


def test_a_kit_and_a_patch_may_start_with_a_byte_order_mark(tmp_path, capsys):
    """Editors that write a BOM into a piece write it into TOML too ("Invalid statement" before)."""
    kit = tmp_path / "k.toml"
    kit.write_bytes(b"\xef\xbb\xbf[drums]\nbd = 36\n")
    assert read_kit(kit).drums == {"bd": 36}
    patch = tmp_path / "p.toml"
    patch.write_bytes(b"\xef\xbb\xbf" + (ROOT / "patches" / "default.toml").read_bytes())
    code, out, err = run(["patch", "check", str(patch)], capsys)
    assert code in (0, None) and "ok" in out, err


def test_an_exception_that_cannot_be_shown_is_still_one_line(tmp_path):
    source = """
        class Odd(Exception):
            def __str__(self):
                raise RuntimeError("no")

        @live_loop
        def a():
            play(60)
            raise Odd()
        """
    with pytest.raises(PieceError) as error:
        run_piece(tmp_path, source)
    assert str(error.value) == f"{tmp_path / 'piece.py'}:9: Odd: (its message could not be shown)"


@pytest.mark.parametrize("raised, shown", [
    ('ValueError("first\\n  second")', "ValueError: first; second"),  # it printed two lines
    ("ValueError()", "ValueError"),  # it printed "ValueError: " and nothing after
])
def test_an_exception_s_message_is_shown_on_one_line(tmp_path, raised, shown):
    source = f"""
        @live_loop
        def a():
            raise {raised}
        """
    with pytest.raises(PieceError) as error:
        run_piece(tmp_path, source)
    assert str(error.value) == f"{tmp_path / 'piece.py'}:4: {shown}"
