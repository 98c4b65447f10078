"""Real-time playback: the runtime's message stream sent to MIDI ports at its deadlines.

The live path reuses the offline one up to the messages (runtime -> events -> Expander); only
the sink differs. Time comes from a tempo map (beats -> seconds), the scheduler sends each
message at its absolute deadline, and the session adds hot reload, sync and a clean stop.
"""
