"""The Alesis V49 controller: layout and decoder, velocity curves, pad calibration, a software
V49 for testing without the hardware, and a monitor that shows what the controller sends.

Submodules are imported by what needs them; this package imports nothing heavy.
"""
