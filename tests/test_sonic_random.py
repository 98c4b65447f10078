"""Sonic Pi's random numbers, ported from its tests (test/lang/core/test_random.rb and
test_chance.rb): the same stream, formulas and values."""

import pytest

from composer import context
from composer.errors import ComposerError
from composer.randomness import functions as r
from composer.randomness.state import RandomState
from composer.ring import Ring, ring
from composer.values import Symbol


@pytest.fixture(autouse=True)
def fresh_thread():
    """Each test runs on a thread of its own, as a Sonic Pi run starts with seed 0."""
    saved = context.current
    context.current = context.LoopState("test")
    yield
    context.current = saved


def test_rand():
    r.use_random_source("white")
    r.rand_reset()
    assert r.rand() == 0.75006103515625
    assert r.rand() == 0.733917236328125
    assert r.rand() == 0.464202880859375
    assert r.rand() == 0.24249267578125


def test_use_random_seed_0_then_rand_is_sonic_pis_first_number():
    r.rand()
    r.use_random_seed(0)
    assert r.rand() == 0.75006103515625


def test_rand_type():
    r.use_random_source("white")
    r.rand_reset()
    assert [r.rand(), r.rand()] == [0.75006103515625, 0.733917236328125]
    r.use_random_source(Symbol("pink"))
    r.rand_reset()
    assert [r.rand(), r.rand()] == [0.47808837890625, 0.56011962890625]
    r.use_random_source("light_pink")
    r.rand_reset()
    assert [r.rand(), r.rand()] == [0.53851318359375, 0.54705810546875]
    r.use_random_source(":dark_pink")
    r.rand_reset()
    assert [r.rand(), r.rand()] == [0.442596435546875, 0.443756103515625]
    r.use_random_source("perlin")
    r.rand_reset()
    assert [r.rand(), r.rand()] == [0.546478271484375, 0.573150634765625]
    with r.with_random_source("white"):
        assert r.rand() == 0.464202880859375
    assert r.rand() == 0.597015380859375


def test_current_random_source():
    r.use_random_source("perlin")
    assert r.current_random_source() == Symbol("perlin")
    assert repr(r.current_random_source()) == ":perlin"


def test_unknown_random_source_is_a_one_line_error():
    with pytest.raises(ComposerError, match="invalid noise type 'blue'"):
        r.use_random_source("blue")


def test_rand_reset():
    assert [r.rand(), r.rand()] == [0.75006103515625, 0.733917236328125]
    r.rand_reset()
    assert [r.rand(), r.rand()] == [0.75006103515625, 0.733917236328125]


def test_rand_skip():
    r.rand_reset()
    assert r.rand() == 0.75006103515625
    r.rand_skip()
    assert r.rand() == 0.464202880859375
    r.rand_skip(0)
    assert r.rand() == 0.24249267578125


def test_rand_multi_skip():
    r.rand_reset()
    assert r.rand() == 0.75006103515625
    r.rand_skip(2)
    assert r.rand() == 0.24249267578125
    r.rand_reset()
    for _ in range(99):
        r.rand()
    a = r.rand()
    r.rand_reset()
    r.rand_skip(99)
    assert r.rand() == a


def test_rand_back():
    r.rand_reset()
    a, b, c = r.rand(), r.rand(), r.rand()
    r.rand_back()
    assert r.rand() == c
    r.rand_back(2)
    assert [r.rand(), r.rand()] == [b, c]
    r.rand_back(3)
    assert [r.rand(), r.rand(), r.rand()] == [a, b, c]


def test_zero_ranges():
    assert r.rrand(1, 1) == 1
    assert r.rrand_i(1, 1) == 1
    assert 0 <= r.rand(0) < 1
    assert r.rand_i(0) == 0


def test_types():
    assert type(r.rand(range(0, 11))) is float
    assert type(r.rand(1)) is float
    assert type(r.rand_i(range(0, 11))) is int
    assert type(r.rand_i(1.5)) is int


def test_rand_look():
    r.rand_reset()
    assert r.rand_look() == 0.75006103515625
    r.rand_reset()
    assert r.rand_look(0.5) == 0.375030517578125
    r.rand_reset()
    assert r.rand_i_look() == 1
    r.rand_reset()
    assert r.rand_i_look(100) == 75
    assert r.rand_i(100) == 75  # looking did not take the number


def test_rrand_formulas():
    # rrand(a, b) = min + rand(|b - a|); rrand_i(a, b) = min + trunc(rand(|b - a| + 1))
    assert r.rrand(10, 20) == 10 + 0.75006103515625 * 10
    assert r.rrand(20, 10) == 10 + 0.733917236328125 * 10
    assert r.rrand_i(60, 72) == 60 + int(0.464202880859375 * 13)
    assert r.rrand("c4", "c5") == 60 + 0.24249267578125 * 12  # notes, as in Sonic Pi
    r.rand_reset()
    assert r.rrand(0, 1, step=0.25) == 0.75
    r.rand_reset()
    assert [r.dice(), r.dice()] == [5, 5]  # 1 + trunc(0.750 * 6), 1 + trunc(0.734 * 6)
    assert r.dice(20) == 10


def test_one_in_out_of_bounds():
    r.rand_reset()
    for _ in range(500):
        assert r.one_in(0) is False
        assert r.one_in(-1) is False


def test_one_in():
    # rrand_i(1, 2) == 1 is true when the number is below 0.5: 0.750, 0.734, 0.464, 0.242
    assert [r.one_in(2) for _ in range(4)] == [False, False, True, True]


def test_pick():
    r.rand_reset()
    assert r.pick([1, 2, 3]) == [3]
    r.rand_reset()
    assert r.pick([1, 2, 3], 1) == [3]
    r.rand_reset()
    assert r.pick([1, 2, 3], 2) == [3, 3]
    r.rand_reset()
    assert r.pick([1, 2, 3], 3) == [3, 3, 2]
    r.rand_reset()
    assert r.pick([1, 2, 3], 5) == [3, 3, 2, 1, 1]
    r.rand_reset()
    assert r.pick([1, 2, 3], 4, skip=1) == [3, 2, 1, 1]


def test_pick_as_a_function():
    r.rand_reset()
    assert r.pick()([1, 2, 3]) == [3]
    r.rand_reset()
    assert r.pick(2)([1, 2, 3]) == [3, 3]
    r.rand_reset()
    assert r.pick(4, skip=1)([1, 2, 3]) == [3, 2, 1, 1]


def test_pick_and_choose_on_rings_give_rings():
    r.rand_reset()
    picked = ring(1, 2, 3).pick(5)
    assert isinstance(picked, Ring) and picked == (3, 3, 2, 1, 1)
    r.rand_reset()
    assert ring(1, 2, 3).choose() == 3
    assert r.choose([1, 2, 3]) == 3
    assert r.choose([]) is None  # takes a number all the same (trunc(0.464 * 0) = 0)
    assert r.choose()([1, 2, 3]) == 1  # the fourth number: trunc(0.242 * 3) = 0


def test_shuffle_is_sonic_pis():
    # Array#shuffle: seed a side stream at trunc(0.750 * 441000) = 330776, swap n random pairs
    # from it, then move this stream on by one
    r.rand_reset()
    assert r.shuffle([1, 2, 3, 4, 5, 6, 7, 8]) == [2, 1, 7, 4, 6, 8, 3, 5]
    assert r.rand() == 0.733917236328125
    r.rand_reset()
    shuffled = ring(1, 2, 3, 4, 5, 6, 7, 8).shuffle()
    assert isinstance(shuffled, Ring) and shuffled == (2, 1, 7, 4, 6, 8, 3, 5)
    r.rand_reset()
    assert r.shuffle("abcdefgh") == "bagdfhce"


def test_with_random_seed_restores_the_stream():
    r.rand()
    with r.with_random_seed(0):
        assert r.rand() == 0.75006103515625
    assert r.rand() == 0.733917236328125


def test_current_random_seed_is_seed_plus_index():
    r.use_random_seed(10)
    r.rand()
    r.rand()
    assert r.current_random_seed() == 12


def test_bad_seed_is_a_one_line_error():
    with pytest.raises(ComposerError, match="seed must be a number"):
        r.use_random_seed("x")


def test_a_new_thread_is_seeded_from_its_parents_thread_count():
    # Sonic Pi's __in_thread: seed = stream[parent seed + n + 1] * 441000 + parent seed, where n
    # counts the threads the parent started; stream[1] = 0.75006103515625, so the first child's
    # seed is 330776.91650390625 and its first number is stream[330777] (Ruby truncates the index).
    parent = RandomState()
    parent.rand()  # rand does not move the thread count
    first = parent.spawn()
    assert first.seed == 330776.91650390625 and first.index == 0
    assert [first.rand(), first.rand()] == [0.9287109375, 0.1043701171875]
    second = parent.spawn()
    assert second.seed == 0.733917236328125 * 441000
    grandchild = first.spawn()  # the child inherited the count (1): stream[seed + 1 + 1]
    assert grandchild.seed == first.peek(441000, 1) + first.seed
    assert parent.spawn(seed=5).seed == 5  # in_thread(seed: 5) adds the parent's seed (0)


def test_offset_varies_every_number_and_keeps_sonic_pis_at_zero():
    assert RandomState(offset=0).rand() == 0.75006103515625
    assert RandomState(offset=1).rand() == 0.733917236328125
    offset = RandomState(offset=7)
    offset.reseed(0)
    assert offset.rand() == RandomState(seed=7).rand()
