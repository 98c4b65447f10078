"""Bjorklund rhythms against Toussaint's table, as corrected by Tidal and Strudel."""

import pytest

from composer.pattern import bjorklund, euclid_rhythm, mini, show_rhythm

# (k, n) -> rhythm. Toussaint printed (3,4), (5,6), (5,16) and (7,8) in another
# rotation; these are the rotations the Bjorklund algorithm (and Strudel) produce.
TOUSSAINT = {
    (1, 2): "x ~",
    (1, 3): "x ~ ~",
    (1, 4): "x ~ ~ ~",
    (4, 12): "x ~ ~ x ~ ~ x ~ ~ x ~ ~",
    (2, 5): "x ~ x ~ ~",
    (3, 4): "x x x ~",
    (3, 5): "x ~ x ~ x",
    (3, 7): "x ~ x ~ x ~ ~",
    (3, 8): "x ~ ~ x ~ ~ x ~",
    (4, 7): "x ~ x ~ x ~ x",
    (4, 9): "x ~ x ~ x ~ x ~ ~",
    (4, 11): "x ~ ~ x ~ ~ x ~ ~ x ~",
    (5, 6): "x x x x x ~",
    (5, 7): "x ~ x x ~ x x",
    (5, 8): "x ~ x x ~ x x ~",
    (5, 9): "x ~ x ~ x ~ x ~ x",
    (5, 11): "x ~ x ~ x ~ x ~ x ~ ~",
    (5, 12): "x ~ ~ x ~ x ~ ~ x ~ x ~",
    (5, 16): "x ~ ~ x ~ ~ x ~ ~ x ~ ~ x ~ ~ ~",
    (7, 8): "x x x x x x x ~",
    (7, 12): "x ~ x x ~ x ~ x x ~ x ~",
    (7, 16): "x ~ ~ x ~ x ~ x ~ ~ x ~ x ~ x ~",
    (9, 16): "x ~ x x ~ x ~ x ~ x x ~ x ~ x ~",
    (11, 24): "x ~ ~ x ~ x ~ x ~ x ~ x ~ ~ x ~ x ~ x ~ x ~ x ~",
    (13, 24): "x ~ x x ~ x ~ x ~ x ~ x ~ x x ~ x ~ x ~ x ~ x ~",
}


@pytest.mark.parametrize(("k", "n"), sorted(TOUSSAINT))
def test_bjorklund_matches_corrected_toussaint_table(k, n):
    assert show_rhythm(bjorklund(k, n)) == TOUSSAINT[(k, n)]


@pytest.mark.parametrize(("k", "n"), [(k, n) for n in range(1, 20) for k in range(0, n + 1)])
def test_bjorklund_has_k_onsets_and_starts_on_one(k, n):
    steps = bjorklund(k, n)
    assert len(steps) == n
    assert sum(steps) == k
    if k:
        assert steps[0]


def test_spread_3_8_is_sonic_pis_tresillo():
    assert bjorklund(3, 8) == [True, False, False, True, False, False, True, False]


def test_edge_cases():
    assert bjorklund(0, 4) == [False] * 4
    assert bjorklund(4, 4) == [True] * 4
    assert bjorklund(9, 8) == [True] * 8  # clamped
    assert bjorklund(3, 0) == []
    assert euclid_rhythm(3, 0, 2) == []


def test_negative_pulses_invert():
    assert show_rhythm(bjorklund(-3, 8)) == "~ x x ~ x x ~ x"


def test_rotation_moves_later_like_strudels_euclid_rot():
    # Strudel: euclidRot(3, 8, 1) -> onsets at 1/8, 4/8, 7/8.
    assert show_rhythm(euclid_rhythm(3, 8, 1)) == "~ x ~ ~ x ~ ~ x"
    assert show_rhythm(euclid_rhythm(3, 8, 2)) == "x ~ x ~ ~ x ~ ~"
    assert euclid_rhythm(3, 8, 8) == bjorklund(3, 8)
    assert euclid_rhythm(3, 8, -1) == euclid_rhythm(3, 8, 7)


@pytest.mark.parametrize(("k", "n"), sorted(TOUSSAINT))
def test_mini_euclid_places_onsets_on_the_steps(k, n):
    begins = [hap.whole.begin * n for hap in mini(f"x({k},{n})").onsets_in(0, 1)]
    expected = [i for i, on in enumerate(TOUSSAINT[(k, n)].split()) if on == "x"]
    assert begins == expected
