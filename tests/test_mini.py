"""Mini-notation, feature by feature, against event lists worked out from Strudel's rules."""

import pytest

from composer.errors import ComposerError
from composer.pattern import MiniNotationError, mini


def ev(text, cycles=1, seed=0):
    """'begin-end:value' for each onset in cycles [0, cycles)."""
    return [f"{h.whole.begin}-{h.whole.end}:{h.value}" for h in mini(text, seed).onsets_in(0, cycles)]


def values(text, cycles=1, seed=0):
    return [h.value for h in mini(text, seed).onsets_in(0, cycles)]


@pytest.mark.parametrize(
    ("text", "cycles", "expected"),
    [
        # sequences and values
        ("a b c", 1, ["0-1/3:a", "1/3-2/3:b", "2/3-1:c"]),
        ("bd", 2, ["0-1:bd", "1-2:bd"]),
        # rests
        ("a ~ b -", 1, ["0-1/4:a", "1/2-3/4:b"]),
        # subsequences
        ("bd*2 [~ sn]", 1, ["0-1/4:bd", "1/4-1/2:bd", "3/4-1:sn"]),
        ("a [b [c d]]", 1, ["0-1/2:a", "1/2-3/4:b", "3/4-7/8:c", "7/8-1:d"]),
        # feet
        ("a . b c", 1, ["0-1/2:a", "1/2-3/4:b", "3/4-1:c"]),
        ("a b . c d e", 1, ["0-1/4:a", "1/4-1/2:b", "1/2-2/3:c", "2/3-5/6:d", "5/6-1:e"]),
        # alternation
        ("a <b c>", 2, ["0-1/2:a", "1/2-1:b", "1-3/2:a", "3/2-2:c"]),
        ("<a <b c>>", 4, ["0-1:a", "1-2:b", "2-3:a", "3-4:c"]),
        ("<a b>*2", 1, ["0-1/2:a", "1/2-1:b"]),
        ("<a@3 b>", 4, ["0-3:a", "3-4:b"]),
        # stacks
        ("a b, c", 1, ["0-1/2:a", "0-1:c", "1/2-1:b"]),
        ("[a, b c]", 1, ["0-1:a", "0-1/2:b", "1/2-1:c"]),
        ("<a b, c d e>", 3, ["0-1:a", "0-1:c", "1-2:b", "1-2:d", "2-3:a", "2-3:e"]),
        # polymeter
        ("{a b c, d e}", 1, ["0-1/3:a", "0-1/3:d", "1/3-2/3:b", "1/3-2/3:e", "2/3-1:c", "2/3-1:d"]),
        ("{a b c}%4", 2, ["0-1/4:a", "1/4-1/2:b", "1/2-3/4:c", "3/4-1:a", "1-5/4:b", "5/4-3/2:c", "3/2-7/4:a", "7/4-2:b"]),
        ("{a b}%<1 2>", 2, ["0-1:a", "1-3/2:a", "3/2-2:b"]),
        # speed
        ("a*<2 3>", 2, ["0-1/2:a", "1/2-1:a", "1-4/3:a", "4/3-5/3:a", "5/3-2:a"]),
        ("a*[2 3]", 1, ["0-1/2:a", "2/3-1:a"]),
        ("a/2", 2, ["0-2:a"]),
        ("[a b]/2", 2, ["0-1:a", "1-2:b"]),
        ("a*1.5", 2, ["0-2/3:a", "2/3-4/3:a", "4/3-2:a"]),
        # weights
        ("a@3 b", 1, ["0-3/4:a", "3/4-1:b"]),
        ("a _ _ b", 1, ["0-3/4:a", "3/4-1:b"]),
        ("a@1.5 b", 1, ["0-3/5:a", "3/5-1:b"]),
        ("a@ b", 1, ["0-2/3:a", "2/3-1:b"]),
        # replication
        ("a!3 b", 1, ["0-1/4:a", "1/4-1/2:a", "1/2-3/4:a", "3/4-1:b"]),
        ("a! b", 1, ["0-1/3:a", "1/3-2/3:a", "2/3-1:b"]),
        ("a!! b", 1, ["0-1/4:a", "1/4-1/2:a", "1/2-3/4:a", "3/4-1:b"]),
        ("<a b>!2 c", 2, ["0-1/3:a", "1/3-2/3:a", "2/3-1:c", "1-4/3:b", "4/3-5/3:b", "5/3-2:c"]),
        # euclid
        ("bd(3,8)", 1, ["0-1/8:bd", "3/8-1/2:bd", "3/4-7/8:bd"]),
        ("bd(3,8,2)", 1, ["0-1/8:bd", "1/4-3/8:bd", "5/8-3/4:bd"]),
        ("bd(<3 5>,8)", 2, ["0-1/8:bd", "3/8-1/2:bd", "3/4-7/8:bd", "1-9/8:bd", "5/4-11/8:bd", "11/8-3/2:bd", "13/8-7/4:bd", "7/4-15/8:bd"]),
        ("[a b](3,8)", 1, ["0-1/8:a", "3/8-1/2:a", "3/4-7/8:b"]),
        ("bd(3,8) sn", 1, ["0-1/16:bd", "3/16-1/4:bd", "3/8-7/16:bd", "1/2-1:sn"]),
        # ranges
        ("0 .. 3", 1, ["0-1/4:0", "1/4-1/2:1", "1/2-3/4:2", "3/4-1:3"]),
        ("3 .. 1", 1, ["0-1/3:3", "1/3-2/3:2", "2/3-1:1"]),
        ("0..2 5", 1, ["0-1/6:0", "1/6-1/3:1", "1/3-1/2:2", "1/2-1:5"]),
    ],
)
def test_features(text, cycles, expected):
    assert ev(text, cycles) == expected


def test_values_are_numbers_or_words():
    assert values("1 -1 1.5 bd c4 eb3 e ~") == [1, -1, 1.5, "bd", "c4", "eb3", "e"]
    assert all(type(v) is int for v in values("0 1 2"))


def test_lists_with_colon():
    assert values("bd:3 sn") == [["bd", 3], "sn"]
    assert values("bd:3:1") == [["bd", 3, 1]]
    assert values("<0 1>:x", 2) == [[0, "x"], [1, "x"]]


def test_empty_string_is_silence():
    assert ev("") == []
    assert ev("  ~  ") == []


# -------------------------------------------------------------- randomness


def test_degrade_matches_strudels_stream():
    # Each `?` gets its own seed (0, 1, 2, 3), i.e. rand nudged 0.0003 cycles per seed, sampled
    # at the start of each step, as Strudel's signals are: the answers Strudel's own code gives.
    assert values("a? b? c? d?", 2) == ["c", "d", "a", "d"]
    assert [str(h.whole.begin) for h in mini("hh*8?").onsets_in(0, 1)] == ["1/8"]


def test_degrade_amount():
    # ?0 keeps an event unless its random number is exactly 0, as at time 0 (Strudel drops that one too)
    assert ev("a*16?0") == ev("a*16")[1:]
    assert ev("a*16?1") == []
    many = len(mini("a*100?0.8").onsets_in(0, 1))
    assert 5 <= many <= 40


def test_each_question_mark_has_its_own_stream():
    both = mini("a*64?, b*64?").onsets_in(0, 1)
    kept_a = {h.whole.begin for h in both if h.value == "a"}
    kept_b = {h.whole.begin for h in both if h.value == "b"}
    assert kept_a and kept_b and kept_a != kept_b


def test_random_choice_is_per_cycle_and_deterministic():
    # what Strudel's own code chooses
    assert values("a | b | c", 4) == ["a", "b", "c", "a"]
    assert values("[a a] | [b b b]", 2) == ["a", "a", "b", "b", "b"]
    chosen = values("a | b | c", 40)
    assert set(chosen) == {"a", "b", "c"}
    assert chosen == values("a | b | c", 40)


def test_seed_changes_random_choices_deterministically():
    text = "x*16? [a | b | c]*8"
    runs = {seed: ev(text, 4, seed) for seed in range(4)}
    assert runs[1] == ev(text, 4, 1)
    assert len({tuple(r) for r in runs.values()}) == 4


# ------------------------------------------------------------------ errors


@pytest.mark.parametrize(
    ("text", "column", "fragment"),
    [
        ("bd [sn hh", 4, "unclosed '['"),
        ("<a b", 1, "unclosed '<'"),
        ("{a b", 1, "unclosed '{'"),
        ("bd(3,8", 3, "unclosed '('"),
        ("a ]", 3, "unmatched ']'"),
        ("a b >", 5, "unmatched '>'"),
        ("[]", 2, "empty group"),
        ("a = b", 3, "unexpected '='"),
        ("a*x", 3, "'*' needs a number"),
        ("a | b, c", 6, "cannot mix"),
        ("<a | b>", 4, "not allowed inside"),
        ("_ a", 1, "'_' must follow a step"),
        ("a .. b", 1, "'..' needs numbers"),
        ("bd(3 8)", 6, "expected ','"),
        ("a!0", 2, "whole number"),
        ("a,", 3, "expected a step"),
    ],
)
def test_parse_errors_name_the_column(text, column, fragment):
    with pytest.raises(MiniNotationError) as caught:
        mini(text)
    message = str(caught.value)
    assert message.startswith(f"mini-notation: column {column}: ")
    assert fragment in message
    assert message.endswith(f'in "{text}"')
    assert "\n" not in message
    assert isinstance(caught.value, ComposerError)
    assert caught.value.column == column


def test_an_error_in_a_pattern_over_several_lines_is_one_line_naming_line_and_column():
    """A triple-quoted pattern in a piece: the error quoted the whole text, newlines and all."""
    with pytest.raises(MiniNotationError) as caught:
        mini("bd sn\n  hh ]\n")
    assert str(caught.value) == "mini-notation: line 2, column 6: unmatched ']' in \"  hh ]\""
    assert (caught.value.line, caught.value.column) == (2, 6)
    with pytest.raises(MiniNotationError) as caught:
        mini("a\rb]")  # other control characters are shown escaped
    assert "\n" not in str(caught.value) and "\r" not in str(caught.value)
