"""What composer writes: never over an input, only suffixes it writes, devices and FIFOs directly,
temporary files that say whose they are, a take that survives a failed save."""

import os
import stat
import subprocess
import sys
import threading
from fractions import Fraction as F
from pathlib import Path

import pytest

from composer.atomic import atomic_path, remove_stale_temps, write_atomic
from composer.cli import main
from composer.errors import ComposerError
from composer.outputs import OUTPUT_KINDS, check_output
from composer.perform.record import Recorder
from composer.runtime.messages import Message
from pieces import write_piece

PIECE = "@live_loop\ndef a():\n    play(60)\n    sleep(1)\n"


def run(args, capsys):
    with pytest.raises(SystemExit) as done:
        main(args)
    captured = capsys.readouterr()
    return done.value.code, captured.out, captured.err


def test_render_refuses_to_write_over_the_piece(tmp_path, capsys):
    piece = write_piece(tmp_path, PIECE)
    before = piece.read_bytes()
    code, _, err = run(["render", str(piece), "-o", str(piece)], capsys)
    assert code == 1 and "that is an input" in err and err.count("\n") == 1
    assert piece.read_bytes() == before


def test_render_refuses_the_piece_under_another_name(tmp_path, capsys):
    piece = write_piece(tmp_path, PIECE)
    link = tmp_path / "link.mid"
    os.link(piece, link)
    code, _, err = run(["render", str(piece), "-o", str(link)], capsys)
    assert code == 1 and "that is an input" in err
    assert piece.read_text() == PIECE


@pytest.mark.parametrize("name", ["x.mp3", "x.py", "x", "x.MID.txt"])
def test_render_refuses_suffixes_it_does_not_write_and_lists_those_it_does(tmp_path, capsys, name):
    piece = write_piece(tmp_path, PIECE)
    code, _, err = run(["render", str(piece), "-o", str(tmp_path / name)], capsys)
    assert code == 1 and err.count("\n") == 1
    assert all(suffix in err for suffix in OUTPUT_KINDS)
    assert not (tmp_path / name).exists()


def test_render_refuses_an_empty_output_name(tmp_path, capsys):
    code, _, err = run(["render", str(write_piece(tmp_path, PIECE)), "-o", ""], capsys)
    assert (code, err) == (1, "composer: -o needs a file name, got an empty one\n")


def test_render_creates_a_missing_output_folder(tmp_path, capsys):
    out = tmp_path / "new" / "deeper" / "x.mid"
    code, _, err = run(["render", str(write_piece(tmp_path, PIECE)), "-o", str(out), "--bars", "1"], capsys)
    assert code == 0, err
    assert out.read_bytes()[:4] == b"MThd"


def test_a_broken_piece_creates_no_folder(tmp_path, capsys):
    piece = write_piece(tmp_path, "@live_loop\ndef a():\n    play(60)\n    sleep(1)\n    1 / 0\n")
    code, _, _ = run(["render", str(piece), "-o", str(tmp_path / "new" / "x.mid")], capsys)
    assert code == 1 and not (tmp_path / "new").exists()


def test_an_unwritable_folder_is_one_line(tmp_path, capsys, monkeypatch):
    real = os.access
    monkeypatch.setattr(os, "access", lambda path, mode: Path(path) != tmp_path and real(path, mode))  # root may write anywhere
    code, _, err = run(["render", str(write_piece(tmp_path, PIECE)), "-o", str(tmp_path / "x.mid")], capsys)
    assert code == 1 and "cannot write in folder" in err and err.count("\n") == 1


def test_a_failing_write_is_one_line_not_a_traceback(tmp_path, capsys, monkeypatch):
    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("composer.atomic._new_temporary", denied)  # where the temporary file is made
    code, _, err = run(["render", str(write_piece(tmp_path, PIECE)), "-o", str(tmp_path / "x.mid")], capsys)
    assert (code, err) == (1, f"composer: {tmp_path / 'x.mid'}: cannot write: Permission denied\n")


def test_a_fifo_is_written_directly_never_replaced(tmp_path, capsys):
    fifo = tmp_path / "pipe.mid"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    code, _, err = run(["render", str(write_piece(tmp_path, PIECE)), "-o", str(fifo), "--bars", "1"], capsys)
    reader.join(10)
    assert code == 0, err
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert received[0][:4] == b"MThd"
    assert [p.name for p in tmp_path.iterdir() if "composer-" in p.name] == []


def test_a_device_is_written_directly(tmp_path):
    write_atomic(os.devnull, b"MThd")  # as root a rename would have put a file in its place
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_temporary_files_say_whose_they_are(tmp_path):
    target = tmp_path / "take.mid"
    with atomic_path(target) as temp:
        name = Path(temp).name
        assert name.startswith(f".take.mid.composer-{os.getpid()}-") and name.endswith(".tmp")


def test_stale_temporary_files_of_dead_processes_are_removed(tmp_path):
    target = tmp_path / "take.mid"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    stale = tmp_path / f".take.mid.composer-{dead.stdout.strip()}-abcd.tmp"
    alive = tmp_path / f".take.mid.composer-{os.getpid()}-efgh.tmp"
    other = tmp_path / ".take.mid.someone-else.tmp"
    for path in (stale, alive, other):
        path.write_bytes(b"")
    write_atomic(target, b"data")
    assert not stale.exists() and alive.exists() and other.exists()
    assert remove_stale_temps(target) == []


def test_no_temporary_file_exists_while_the_piece_renders(tmp_path, capsys):
    piece = write_piece(tmp_path, f"""
        import os
        @live_loop
        def a():
            assert not [n for n in os.listdir({str(tmp_path)!r}) if "composer-" in n], "temp file too early"
            play(60)
            sleep(1)
        """)
    for name in ("x.mid", "x.musicxml"):
        code, _, err = run(["render", str(piece), "-o", str(tmp_path / name), "--bars", "1"], capsys)
        assert code == 0, err


def test_perform_record_checks_its_folder_before_the_performance(tmp_path, capsys):
    patch = Path(__file__).resolve().parents[1] / "patches" / "default.toml"
    code, _, err = run(["perform", "--patch", str(patch), "--record", str(tmp_path / "missing" / "take.mid")], capsys)
    assert code == 1 and "folder" in err and "does not exist" in err and err.count("\n") == 1


def test_perform_refuses_to_record_over_its_piece_or_patch(tmp_path, capsys):
    piece = write_piece(tmp_path, PIECE)
    take = tmp_path / "take.mid"
    os.link(piece, take)  # the piece under a name --record writes
    patch = Path(__file__).resolve().parents[1] / "patches" / "default.toml"
    code, _, err = run(["perform", str(piece), "--patch", str(patch), "--record", str(take)], capsys)
    assert code == 1 and "that is an input" in err
    assert piece.read_text() == PIECE
    code, _, err = run(["perform", "--patch", str(patch), "--record", str(tmp_path / "t.xml")], capsys)
    assert code == 1 and "--record writes .mid, .midi" in err


def test_a_take_that_cannot_be_saved_is_saved_elsewhere_and_said_where(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    (tmp_path / "home").mkdir()
    recorder = Recorder()
    recorder.keep(Message(F(0), "keys", (0x90, 60, 100)))
    recorder.keep(Message(F(1), "keys", (0x80, 60, 0)))
    with pytest.raises(ComposerError) as failed:
        recorder.write(tmp_path / "gone" / "take.mid", stop_beat=2.0)
    saved = list((tmp_path / "home").glob("composer-take-*.mid"))
    assert len(saved) == 1 and str(saved[0]) in str(failed.value)
    assert saved[0].read_bytes()[:4] == b"MThd"


def test_check_output_accepts_a_plain_new_file(tmp_path):
    assert check_output(tmp_path / "a.mid") == tmp_path / "a.mid"
    with pytest.raises(ComposerError, match="is a folder"):
        check_output(tmp_path)


def test_accompany_refuses_to_write_over_its_chart(tmp_path, capsys):
    chart = tmp_path / "song.txt"
    chart.write_text("| Em . . . | C . . . |\n")
    os.link(chart, tmp_path / "song.mid")  # the chart under a name accompany writes
    code, _, err = run(["accompany", str(chart), "-o", str(tmp_path / "song.mid")], capsys)
    assert code == 1 and "that is an input" in err
    assert chart.read_text() == "| Em . . . | C . . . |\n"
    code, _, err = run(["accompany", str(chart), "-o", str(tmp_path / "new" / "song.png")], capsys)
    assert code == 1 and "writes .mid, .midi, .musicxml" in err
