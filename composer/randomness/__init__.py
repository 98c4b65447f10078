"""Sonic Pi's own random numbers: the same streams, seeds and formulas, so a piece makes the
choices it makes in Sonic Pi.

`streams` reads the five recorded streams shipped in `data/`; `state` is one thread's place in
them (seed, index, source); `functions` are the calls a piece makes (`rand`, `rrand_i`,
`choose`, `use_random_seed`, ...).
"""
