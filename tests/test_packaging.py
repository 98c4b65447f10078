"""Kits and patches travel with the package, and a user's own are found beside a piece or in ~/.config."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import mido
import pytest

from composer import library

ROOT = Path(__file__).resolve().parents[1]


def run_cli(*args):
    from composer.cli import cli
    from composer.cli.errors import run_cli as run

    return run(cli, [str(arg) for arg in args])


def drum_notes(path: Path) -> set[tuple[int, int]]:
    """(channel 1-16, note) of every note-on in a MIDI file."""
    return {(m.channel + 1, m.note) for track in mido.MidiFile(path).tracks for m in track
            if m.type == "note_on" and m.velocity > 0}


@pytest.fixture
def config(tmp_path, monkeypatch):
    home = tmp_path / "config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home))
    return home / "composer"


def test_a_users_kit_in_the_config_folder_is_found_and_wins(config, tmp_path):
    (config / "kits").mkdir(parents=True)
    (config / "kits" / "gm.toml").write_text('[drums]\nbd = 35\n')
    (config / "kits" / "mine.toml").write_text('channel = 9\n[drums]\nzap = 70\n')
    piece = tmp_path / "piece.py"
    piece.write_text('@live_loop\ndef d():\n    sample("bd")\n    use_kit("mine")\n    sample("zap")\n    sleep(1)\n')
    out = tmp_path / "out.mid"
    assert run_cli("render", piece, "-o", out, "--beats", "1") == 0
    assert drum_notes(out) == {(10, 35), (9, 70)}


def test_a_kit_beside_the_piece_wins_over_the_users(config, tmp_path):
    (config / "kits").mkdir(parents=True)
    (config / "kits" / "gm.toml").write_text('[drums]\nbd = 35\n')
    (tmp_path / "kits").mkdir()
    (tmp_path / "kits" / "gm.toml").write_text('[drums]\nbd = 40\n')
    piece = tmp_path / "piece.py"
    piece.write_text('@live_loop\ndef d():\n    sample("bd")\n    sleep(1)\n')
    out = tmp_path / "out.mid"
    assert run_cli("render", piece, "-o", out, "--beats", "1") == 0
    assert drum_notes(out) == {(10, 40)}


def test_relative_xdg_config_home_is_ignored(monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", "relative/dir")
    assert library.user_dir("kits") == Path.home() / ".config" / "composer" / "kits"


def test_patch_list_prints_names_that_show_and_perform_accept(config, capsys, tmp_path, monkeypatch):
    (config / "patches").mkdir(parents=True)
    (config / "patches" / "my-drums.toml").write_text('description = "mine"\n[pads.1]\naction = "drum"\ndrum = "sn"\n')
    monkeypatch.chdir(tmp_path)  # no patches/ folder here
    assert run_cli("patch", "list") == 0
    names = [line.split()[0] for line in capsys.readouterr().out.splitlines() if not line.startswith(" ")]
    assert names == ["default", "guitar-accompaniment", "guitar-arpeggio", "live-set", "my-drums"]
    for name in names:
        assert run_cli("patch", "show", name) == 0
        assert capsys.readouterr().out.startswith("patch ")
    assert run_cli("patch", "check", "live-set") == 0
    assert run_cli("patch", "show", "my-drums") == 0
    assert "pad 1  drum sn" in capsys.readouterr().out
    assert run_cli("patch", "show", "live-sett") == 1
    assert "unknown patch 'live-sett'; did you mean 'live-set'?" in capsys.readouterr().err


def test_find_patch_takes_paths_as_typed(tmp_path):
    assert library.find_patch("dir/x.toml") == Path("dir/x.toml")  # a missing file is the loader's error
    assert library.find_patch("live-set") == library.SHIPPED / "patches" / "live-set.toml"
    (tmp_path / "patches").mkdir()
    (tmp_path / "patches" / "live-set.toml").write_text("")
    assert library.find_patch("live-set", tmp_path / "piece.py") == tmp_path / "patches" / "live-set.toml"


def _build_wheel(tmp_path: Path) -> Path:
    """A wheel of this checkout, built from a copy so the checkout gets no build/ folder."""
    source = tmp_path / "src"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    shutil.copytree(ROOT / "composer", source / "composer", ignore=shutil.ignore_patterns("__pycache__"))
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                    "--no-index", "-w", str(tmp_path / "dist"), str(source)], check=True, timeout=120)
    (wheel,) = (tmp_path / "dist").glob("composer-*.whl")
    return wheel


@pytest.mark.slow
def test_a_wheel_in_a_fresh_venv_renders_drums_and_lists_patches_from_any_folder(tmp_path):
    wheel = _build_wheel(tmp_path)
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=False)
    python = env_dir / "bin" / "python"
    site = Path(subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               capture_output=True, text=True, check=True).stdout.strip())
    # The dependencies come from the running environment (plain path entries: its own editable
    # install of composer is not activated), composer itself only from the wheel.
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "COMPOSER_MIDI_API")}
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-deps",
                    "--no-index", str(wheel)], check=True, timeout=120, env=env)
    deps = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}  # after: pip must not see them
    (site / "deps.pth").write_text("\n".join(sorted(deps)) + "\n")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shutil.copy(ROOT / "samples" / "pieces" / "tabla_pentatonic.py", elsewhere / "tabla.py")
    composer = env_dir / "bin" / "composer"

    def run(*args):
        return subprocess.run([composer, *args], cwd=elsewhere, env=env, capture_output=True, text=True, timeout=60)

    where = subprocess.run([python, "-c", "import composer; print(composer.__file__)"], cwd=elsewhere, env=env,
                           capture_output=True, text=True)
    assert where.stdout.startswith(str(site)), where.stderr
    rendered = run("render", "tabla.py", "-o", "t.mid", "--bars", "2")
    assert rendered.returncode == 0, rendered.stderr
    tabla = library.SHIPPED / "kits" / "tabla.toml"
    import tomllib

    tabla_notes = set(tomllib.loads(tabla.read_text())["drums"].values())
    assert {note for channel, note in drum_notes(elsewhere / "t.mid") if channel == 10} & tabla_notes
    listed = run("patch", "list")
    assert listed.returncode == 0, listed.stderr
    assert [line.split()[0] for line in listed.stdout.splitlines() if not line.startswith(" ")] == \
        ["default", "guitar-accompaniment", "guitar-arpeggio", "live-set"]
    assert str(site) in listed.stdout
    shown = run("patch", "show", "guitar-accompaniment")
    assert shown.returncode == 0 and "the chords zone picks a chart's chord" in shown.stdout
    checked = run("patch", "check", "live-set")  # its piece, a sample, ships with it
    assert checked.returncode == 0 and "loops of" in checked.stdout, checked.stderr
    band = run("accompany", "| Em . . . | C . . . |", "-o", "band.mid", "--style", "odd")  # styles and grooves ship
    assert band.returncode == 0 and (elsewhere / "band.mid").exists(), band.stderr
