"""Arrival stamps: rtmidi's deltas placed on our clock, whenever the reading thread gets to them."""

import pytest

from composer.midi.listener import ArrivalStamps


def test_a_late_reader_still_reports_when_messages_came():
    stamps = ArrivalStamps()
    assert stamps.arrival(0.0, read_at=10.0) == 10.0  # the first: read as it came
    # held up 0.5 s, the reader then finds three messages that came 0.1 s apart
    assert [stamps.arrival(0.1, read_at=10.6) for _ in range(3)] == pytest.approx([10.1, 10.2, 10.3])


def test_a_first_message_read_late_is_corrected_by_the_next_ones():
    stamps = ArrivalStamps()
    assert stamps.arrival(0.0, read_at=5.3) == 5.3  # came at 5.0, read 0.3 s late: nothing better known
    assert stamps.arrival(0.5, read_at=5.5005) == pytest.approx(5.5005)  # read at once: the offset is learnt
    assert stamps.arrival(0.1, read_at=5.9) == pytest.approx(5.6005)  # read late, stamped when it came


def test_stamps_never_run_ahead_of_reading_and_keep_their_order():
    stamps = ArrivalStamps()
    reads = [1.0, 1.002, 1.5, 1.5, 1.5, 1.9, 2.4]
    deltas = [0.0, 0.001, 0.1, 0.1, 0.2, 0.05, 0.3]
    got = [stamps.arrival(d, r) for d, r in zip(deltas, reads)]
    assert all(g <= r + 1e-12 for g, r in zip(got, reads))
    assert got == sorted(got)


def test_split_messages_takes_apart_what_a_sysex_left_open_swallowed():
    from composer.midi.listener import split_messages

    assert split_messages([0xF0, 1, 2, 0x90, 60, 100, 0xC0, 5, 0xF8, 0xF0, 0x41, 0xF7]) == [
        [0xF0, 1, 2], [0x90, 60, 100], [0xC0, 5], [0xF8], [0xF0, 0x41, 0xF7]]
    assert split_messages([0xF0, 0x7E, 0x01, 0xF7]) == [[0xF0, 0x7E, 0x01, 0xF7]]
