"""MIDI I/O at the edges: choosing an API and opening ports through python-rtmidi."""
