"""The Alesis V49 controller: layout and decoder (v49), velocity curves, pad calibration, a
software V49 for testing without the hardware (simulator; played by gesture scripts and by the
computer keyboard), and a monitor that shows what the controller sends.

Submodules are imported by what needs them; this package imports nothing heavy.
"""
