"""Sinks: where the message stream goes (a MIDI file offline, a port live)."""
