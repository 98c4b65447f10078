"""MIDI I/O at the edges, through python-rtmidi: choosing an API and opening ports (ports),
reading inputs from a thread of ours (listener), following a port that comes and goes (presence,
jack_links), and MIDI's bytes (bytes)."""
