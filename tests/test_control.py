"""Sonic Pi's `control` over MIDI (composer.runtime.nodes): a note change is struck when its
slide arrives and lasts to the node's end, pan and cutoff send their controller, an effect's
control sends its own, and what a struck note keeps is ignored, warned once."""

from __future__ import annotations

from test_sound import controls, messages, notes, render


def test_a_note_change_is_struck_when_its_slide_arrives_and_lasts_to_the_node_s_end(tmp_path):
    midi = render(tmp_path, """
        node = play(60, release=4, note_slide=0.5)
        sleep(1)
        control(node, note=64)               # arrives at 1.5
        sleep(1)
        control(node, note=67, note_slide=0)  # at once: 2
        sleep(1)
        control(node, note=72, note_slide=2)  # would arrive at 5, after the node's end at 4
    """, beats=4)
    assert [(n[0], n[1], n[4]) for n in notes(midi)] == [(0, 60, 720), (720, 64, 240), (960, 67, 960)]
    offs = [tick for tick, m in messages(midi) if m.type == "note_off" or (m.type == "note_on" and not m.velocity)]
    assert offs == [720, 960, 1920]  # each note ended once: the first's own note-off is dropped


def test_control_of_a_chord_changes_only_what_differs_and_keeps_the_velocity(tmp_path):
    midi = render(tmp_path, """
        chord_node = play([60, 64, 67], amp=0.5, release=2)
        sleep(1)
        control(chord_node, notes=[60, 65, 69])
    """, beats=4)
    assert [(n[0], n[1], n[2], n[4]) for n in notes(midi)] == [
        (0, 60, 64, 960), (0, 64, 64, 480), (0, 67, 64, 480), (480, 65, 64, 480), (480, 69, 64, 480)]


def test_pan_and_cutoff_send_their_controllers_and_amp_is_warned_once(tmp_path, capsys):
    midi = render(tmp_path, """
        node = play(50, release=3, cutoff=30, channel=2)
        sleep(1)
        control(node, pan=1, cutoff=100, cutoff_slide=1, amp=0.2)
        control(node, amp=0.1)
        control(None, pan=0)                   # a rest's node: nothing
    """, beats=4)
    assert controls(midi) == [(0, 2, 74, 30), (480, 2, 10, 127), (960, 2, 74, 100)]
    assert notes(midi) == [(0, 50, 100, 2, 1440)]
    assert capsys.readouterr().err.splitlines() == [
        f"{tmp_path / 'piece.py'}:6: control: amp: is fixed once a MIDI note is struck; ignored"]


def test_an_effect_s_control_sends_its_controller_where_the_block_played(tmp_path):
    midi = render(tmp_path, """
        with with_fx("reverb", mix=0.2) as fx:
            play(60, release=0.5)
            sleep(1)
            control(fx, mix=1)
            play(62, release=0.5)
    """, beats=4)
    # reverb CC 91: 25 at the first note, 127 by the control and the next note, GM's 40 after
    assert controls(midi) == [(0, 1, 91, 25), (480, 1, 91, 127), (480, 1, 91, 40)]


def test_control_without_a_node_changes_the_thread_s_last_one_as_sonic_pi_s(tmp_path):
    """Sonic Pi's sound.rb: no node given, `control` takes the thread's last triggered node (a
    thread started by it inherits it); a sample is a node too, which over MIDI changes nothing."""
    import mido

    from composer.render import render_file

    piece = tmp_path / "piece.rb"
    piece.write_text("live_loop :a do\n  play 60, release: 4\n  sleep 1\n  control note: 65\n  sleep 1\n"
                     "  in_thread do\n    control note: 67\n  end\n  sleep 1\n  sample :bd_haus\n  control note: 72\n"
                     "  sleep 1\nend\n")
    render_file(piece, tmp_path / "out.mid", beats=4)
    midi = mido.MidiFile(tmp_path / "out.mid")
    assert [(n[0], n[1], n[4]) for n in notes(midi) if n[3] == 1] == [(0, 60, 480), (480, 65, 480), (960, 67, 960)]
    assert [(n[0], n[3]) for n in notes(midi) if n[3] != 1] == [(1440, 10)]  # the drum, on its own channel
