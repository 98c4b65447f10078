"""Port listing and watching survive ports that come and go between two calls (no JACK needed)."""

from __future__ import annotations

import rtmidi

from composer.midi.ports import port_names
from composer.midi.presence import FollowedPort


class ChangingClient:
    """An rtmidi client whose second port leaves between the count and the naming, once."""

    def __init__(self):
        self.ports = ["a:out", "b:out"]
        self.left = False

    def get_port_count(self):
        return len(self.ports)

    def get_port_name(self, index):
        if index == 1 and not self.left:
            self.left = True
            self.ports = ["a:out"]
            raise rtmidi.InvalidPortError("MidiInJack::getPortName: the 'portNumber' argument (1) is invalid")
        return self.ports[index]


def test_port_names_list_again_when_a_port_leaves_while_they_are_named():
    assert port_names(ChangingClient()) == ["a:out"]


def test_port_names_give_what_could_be_named_when_the_list_never_settles():
    class Flapping(ChangingClient):
        def get_port_name(self, index):
            if index == 1:
                raise rtmidi.InvalidPortError("gone")
            return self.ports[index]

    assert port_names(Flapping()) == ["a:out"]


class Followed(FollowedPort):
    def __init__(self):
        self.said: list[str] = []
        super().__init__(api=0, warn=self.said.append)
        self.port_name, self.own_port = "synth:in", "out 1.1"
        self.reopened = 0

    def _lost_message(self, replaced):
        return "replaced" if replaced else "gone"

    def _reconnect(self, names):
        if self.port_name not in names:
            return None
        self.reopened += 1
        return "back"

    def _close(self):
        pass


class Links:
    def __init__(self, linked):
        self.answer = linked

    def linked(self, port_name, own_port):
        return self.answer


def test_a_port_gone_then_back_is_lost_once_and_reconnected():
    port, events = Followed(), []
    port.on_lost, port.on_return = lambda: events.append("lost"), lambda: events.append("return")
    port.check(["other:in"])
    port.check(["other:in"])
    assert port.lost and port.said == ["gone"] and events == ["lost"]
    port.check(["synth:in"])
    assert not port.lost and port.said == ["gone", "back"] and events == ["lost", "return"]


def test_a_port_replaced_under_the_same_name_is_reconnected_in_the_same_look():
    port = Followed()
    port.check(["synth:in"], Links(True))
    assert port.said == [] and port.reopened == 0
    port.check(["synth:in"], Links(False))  # JACK dropped our connection: it is a new port
    assert port.said == ["replaced", "back"] and port.reopened == 1 and not port.lost
    port.check(["synth:in"], Links(None))  # JACK cannot be asked: the name is all there is
    assert port.reopened == 1


def test_an_output_that_refuses_a_message_is_lost_once_with_the_reason():
    from composer.live.output import PortOutput

    class Refusing:
        def send_message(self, data):
            raise OSError("device gone")

    said, lost = [], []
    port = PortOutput(Refusing(), "synth:in", api=0, warn=said.append)
    port.on_lost = lambda: lost.append(True)
    port.send((0x90, 60, 100))
    port.send((0x80, 60, 0))
    assert said == ["cannot send to MIDI output 'synth:in' (device gone)"] and lost == [True]
