"""Performing with a controller: its keys, pads, knobs and buttons steering a piece live.

`router` turns each controller message into actions (pure), `arpeggiator` plays held notes on
the piece's beat grid (pure), `loops` launches and stops loops on the next bar, `record` keeps
the whole performance for a MIDI file, `controller_input` follows the controller's port through
unplug and replug, and `session` wires them to the live scheduler and the ports.
"""
