"""composer: a command-line instrument for algorithmic music with real MIDI hardware.

A piece (a Python file of Sonic Pi-style live_loops) runs in exact virtual time and yields
timestamped events; a sink writes them to a MIDI file or plays them to a port.
"""

__version__ = "0.1.0"
