"""Mini-notation: Tidal and Strudel's little language for rhythms, parsed by hand.

    mini("bd*2 [~ sn]")      two kicks, then a snare on the last quarter
    mini("c e g <b d>")      the last step alternates b and d, one per cycle

The parser is recursive descent and builds patterns as it goes; the semantics
(weights, alternation, polymeters, replication, seeded `?` and `|`) follow
Strudel's `mini.mjs`, so a string means the same here as in Strudel. What each
operator does to its step is in composer.pattern.mini_ops.

    sequence   a b c          steps share the cycle equally
    rest       ~  -
    group      [a b] c        a and b share the first half
    feet       a b . c d e    = [a b] [c d e]
    alternate  <a b c>        one step per cycle
    stack      a b, c d       at the same time (also inside [ ] and < >)
    polymeter  {a b c, d e}   steps per cycle from the first; {a b c}%4
    speed      a*2  a/2  a*<2 3>  a*[2 3]
    weight     a@3 b   a _ _ b
    replicate  a!3 b   a!!
    degrade    a?  a?0.8      seeded, a different stream for each `?`
    choose     a | b | c      one at random each cycle (seeded)
    euclid     bd(3,8)  bd(3,8,2)  bd(<3 5>,8)
    range      0 .. 3         = 0 1 2 3
    list       bd:3           the value ["bd", 3]
    steps      ^a b, c d e    steps per cycle from the marked sequence

Each pattern made here knows its steps per cycle (`_steps`) as Strudel's mini.mjs counts
them: a sequence its weights ("a b@3" has 4), a stack the lcm of its layers', and a
sequence marked with `^` (a "steps source") decides for the groups around it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from fractions import Fraction
from typing import Any

from composer.errors import ComposerError
from composer.pattern.constructors import fastcat, stack, timecat
from composer.pattern.core import Pattern, pure, set_string_parser, silence
from composer.pattern.mini_ops import RAND_OFFSET, align, apply_op, range_steps, sequence_steps, steps_from
from composer.pattern.signals import choose_in_with, random_signal
from composer.pattern.span import to_time

#: Brackets may nest this deep (deeper is no music, and would exhaust Python's stack).
MAX_DEPTH = 64

_NUMBER = re.compile(r"-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?\Z")
_INTEGER = re.compile(r"-?\d+\Z")
_OP_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")
_WORD_PUNCTUATION = frozenset("~-#._^")
_END = "\0"  # what peek() sees past the end; in no character class below
_CLOSERS = {"[": "]", "<": ">", "{": "}", "(": ")"}


class MiniNotationError(ComposerError, ValueError):
    """A mini-notation string that cannot be read; the message names the column."""

    def __init__(self, message: str, text: str, index: int):
        self.text = text
        self.reason = message
        # A pattern written over several lines (a triple-quoted string) is named by line and
        # column, and only that line is quoted: the error stays one line.
        line_start = text.rfind("\n", 0, index) + 1
        self.line = text.count("\n", 0, line_start) + 1
        self.column = index - line_start + 1
        where = f"line {self.line}, column {self.column}" if "\n" in text else f"column {self.column}"
        shown = "".join(c if c.isprintable() else repr(c)[1:-1] for c in text[line_start:].split("\n", 1)[0])
        super().__init__(f'mini-notation: {where}: {message} in "{shown}"')


def mini(text: str, seed: int = 0) -> Pattern:
    """The pattern a mini-notation string describes.

    `seed` chooses the random stream behind `?` and `|`; the same text and seed
    always give the same events. Raises MiniNotationError for bad notation.
    """
    return _Parser(text, seed).parse()


def parse_value(word: str) -> Any:
    """A step's value: an int or float for numeric words, else the word itself."""
    if _NUMBER.match(word):
        if _INTEGER.match(word):
            return int(word)
        return float(word)
    return word


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char in _WORD_PUNCTUATION


def _describe(char: str) -> str:
    return "end of text" if char == _END else repr(char)


class _Parser:
    def __init__(self, text: str, seed: int):
        self.text = text
        self.pos = 0
        self.user_seed = int(seed)
        self.next_seed = 0  # Strudel's per-`?`/`|` counter, in order of parsing
        self.atoms: list[tuple[Any, int]] = []  # (value, index) of every step, for argument checks
        self._rand: Pattern | None = None
        self.depth = 0  # brackets open around the step being parsed

    # ----------------------------------------------------------- scanning

    def error(self, message: str, index: int | None = None) -> MiniNotationError:
        return MiniNotationError(message, self.text, self.pos if index is None else index)

    def peek(self, ahead: int = 0) -> str:
        index = self.pos + ahead
        return self.text[index] if index < len(self.text) else _END

    def skip_ws(self) -> None:
        text, pos = self.text, self.pos
        while pos < len(text) and text[pos].isspace():
            pos += 1
        self.pos = pos

    def at_dot(self) -> bool:
        """True at a lone '.', the separator of `a b . c d` (not part of a word or '..')."""
        return self.peek() == "." and not _is_word_char(self.peek(1))

    def expect_close(self, opener: str, open_index: int) -> None:
        self.skip_ws()
        closer = _CLOSERS[opener]
        char = self.peek()
        if char == closer:
            self.pos += 1
            return
        if char == _END:
            raise self.error(f"unclosed {opener!r}", open_index)
        if char in ",|" or self.at_dot():
            raise self.error(f"{char!r} is not allowed inside {opener!r} {closer!r}")
        raise self.error(f"expected {closer!r} to close the {opener!r} at column {open_index + 1}, found {char!r}")

    def random_stream(self) -> Pattern:
        if self._rand is None:
            self._rand = random_signal(self.user_seed)
        return self._rand

    def take_seed(self) -> int:
        seed = self.next_seed
        self.next_seed += 1
        return seed

    # ------------------------------------------------------------ grammar

    def parse(self) -> Pattern:
        self.skip_ws()
        if self.pos == len(self.text):
            return silence
        pattern, _ = self.parse_stack_or_choose()
        self.skip_ws()
        if self.pos < len(self.text):
            char = self.peek()
            if char in "]>})":
                raise self.error(f"unmatched {char!r}")
            raise self.error(f"unexpected {char!r}")
        return pattern

    def parse_stack_or_choose(self) -> tuple[Pattern, bool]:
        """sequence, then optionally `, seq`... (stack), `| seq`... (choose) or `. seq`... (feet);
        with whether it is a steps source."""
        head, _, head_source = self.parse_sequence()
        self.skip_ws()
        char = self.peek()
        if char == ",":
            kind = ","
        elif char == "|":
            kind = "|"
        elif self.at_dot():
            kind = "."
        else:
            return head, head_source
        patterns = [head]
        sources = [head] if head_source else []
        while True:
            self.skip_ws()
            if self.peek() == kind or (kind == "." and self.at_dot()):
                self.pos += 1
                pattern, _, source = self.parse_sequence()
                patterns.append(pattern)
                if source:
                    sources.append(pattern)
                continue
            other = self.peek()
            if other in ",|" or self.at_dot():
                raise self.error(f"cannot mix {kind!r} and {other!r} at one level; group one side in [ ]")
            break
        if kind == ",":
            return steps_from(stack(*patterns), sources), bool(sources)
        seed = self.take_seed()  # Strudel counts `.` groups too, keeping later seeds aligned
        if kind == "|":
            chooser = self.random_stream()._early(RAND_OFFSET * seed)._segment(1)
            return steps_from(choose_in_with(chooser, patterns), sources), bool(sources)
        return fastcat(*patterns), bool(sources)

    def parse_sequence(self) -> tuple[Pattern, Fraction, bool]:
        """Steps side by side; returns the pattern, the sum of the steps' weights (its steps
        per cycle) and whether it is a steps source (marked `^`, or holding one)."""
        self.skip_ws()
        marked = self.peek() == "^"
        self.pos += marked
        elements: list[tuple[Pattern, Fraction, bool]] = []
        while True:
            self.skip_ws()
            char = self.peek()
            if char == _END or char in "]>}),|" or self.at_dot():
                break
            elements.append(self.parse_element())
        if not elements:
            self.skip_ws()
            char = self.peek()
            if char in "]>})":
                raise self.error(f"empty group: expected a step before {char!r}")
            raise self.error(f"expected a step, found {_describe(char)}")
        total = sum((weight for _, weight, _ in elements), Fraction(0))
        if all(weight == 1 for _, weight, _ in elements):
            pattern = fastcat(*(pattern for pattern, _, _ in elements))
        else:
            pattern = timecat(*((weight, pattern) for pattern, weight, _ in elements))
        sources = [pattern for pattern, _, source in elements if source]
        return sequence_steps(pattern, total, sources), total, marked or bool(sources)

    def parse_element(self) -> tuple[Pattern, Fraction, bool]:
        """A slice followed by its modifiers (`*2`, `@3`, `!`, `?`, `(3,8)`, `:3`, `.. 5`)."""
        first_atom = len(self.atoms)
        pattern, source = self.parse_slice()
        weight = Fraction(1)
        reps = 1
        ops: list[tuple[str, Any, int]] = []
        while True:
            self.skip_ws()
            char = self.peek()
            at = self.pos
            if char in "@_":
                self.pos += 1
                amount = self.parse_op_number()
                weight += (Fraction(2) if amount is None else to_time(amount)) - 1
                if weight <= 0:
                    raise self.error("a weight must be positive", at)
            elif char == "!":
                self.pos += 1
                amount = self.parse_op_number()
                if amount is not None and (amount != int(amount) or amount < 1):
                    raise self.error("'!' needs a whole number of repeats", at)
                reps += (2 if amount is None else int(amount)) - 1
                ops = [op for op in ops if op[0] != "replicate"]
                ops.append(("replicate", reps, at))
                weight = Fraction(reps)
            elif char in "*/":
                self.pos += 1
                ops.append(("fast" if char == "*" else "slow", self.parse_numeric_arg(char), at))
            elif char == "?":
                self.pos += 1
                amount = self.parse_op_number()
                ops.append(("degrade", (0.5 if amount is None else float(amount), self.take_seed()), at))
            elif char == "(":
                self.pos += 1
                ops.append(("euclid", self.parse_euclid_args(at), at))
            elif char == ":":
                self.pos += 1
                ops.append(("tail", self.parse_slice()[0], at))
            elif char == "." and self.peek(1) == ".":
                self.pos += 2
                self.require_numbers(first_atom, "'..' needs numbers on both sides")
                end = self.parse_numeric_arg("..")
                ops.append(("range", end, at))
            else:
                break
        for kind, argument, at in ops:
            pattern = apply_op(pattern, kind, argument, self.random_stream)
        return pattern, weight, source

    def parse_op_number(self) -> float | int | None:
        match = _OP_NUMBER.match(self.text, self.pos)
        if match is None:
            return None
        self.pos = match.end()
        return parse_value(match.group())

    def parse_numeric_arg(self, operator: str) -> Pattern:
        """A slice whose steps must all be numbers, as after `*`, `/`, `%` and `..`."""
        first_atom = len(self.atoms)
        argument, _ = self.parse_slice()
        self.require_numbers(first_atom, f"{operator!r} needs a number")
        return argument

    def require_numbers(self, first_atom: int, message: str) -> None:
        for value, index in self.atoms[first_atom:]:
            if not isinstance(value, (int, float)):
                raise self.error(f"{message}, got {value!r}", index)

    def parse_euclid_args(self, open_index: int) -> tuple[Pattern, Pattern, Pattern | None]:
        """`(pulses, steps)` or `(pulses, steps, rotation)`; each may be patterned."""
        first_atom = len(self.atoms)
        args = [self.parse_element()[0]]
        self.skip_ws()
        if self.peek() != ",":
            if self.peek() == _END:
                raise self.error("unclosed '('", open_index)
            raise self.error(f"expected ',' between Euclid's pulses and steps, found {_describe(self.peek())}")
        self.pos += 1
        args.append(self.parse_element()[0])
        self.skip_ws()
        if self.peek() == ",":
            self.pos += 1
            args.append(self.parse_element()[0])
        self.expect_close("(", open_index)
        self.require_numbers(first_atom, "Euclid's (pulses,steps,rotation) need numbers")
        return args[0], args[1], args[2] if len(args) > 2 else None

    def parse_slice(self) -> tuple[Pattern, bool]:
        """One step: a word, `[...]`, `<...>` or `{...}` (with optional `%steps`); with
        whether it is a steps source."""
        self.skip_ws()
        char = self.peek()
        start = self.pos
        if char in "[<{":
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise self.error(f"brackets nested more than {MAX_DEPTH} deep")
            try:
                return self.parse_group(char, start)
            finally:
                self.depth -= 1
        if _is_word_char(char):
            return self.parse_word(), False
        if char == _END:
            raise self.error("expected a step, found end of text")
        if char in "]>})":
            raise self.error(f"unmatched {char!r}" if start == 0 else f"expected a step, found {char!r}")
        raise self.error(f"unexpected {char!r}")

    def parse_group(self, char: str, start: int) -> tuple[Pattern, bool]:
        """`[...]`, `<...>` or `{...}` (with optional `%steps`)."""
        self.pos += 1
        if char == "[":
            found = self.parse_stack_or_choose()
            self.expect_close("[", start)
            return found
        layers = self.parse_polymeter_stack()
        sources = [layer for layer, _, source in layers if source]
        if char == "<":
            self.expect_close("<", start)
            return steps_from(stack(*(layer._slow(weight) for layer, weight, _ in layers)), sources), bool(sources)
        self.expect_close("{", start)
        if self.peek() == "%":
            self.pos += 1
            steps = self.parse_numeric_arg("%")
        else:
            steps = pure(layers[0][1])
        return stack(*(align(layer, weight, steps) for layer, weight, _ in layers)), bool(sources)

    def parse_polymeter_stack(self) -> list[tuple[Pattern, Fraction, bool]]:
        layers = [self.parse_sequence()]
        while True:
            self.skip_ws()
            if self.peek() != ",":
                return layers
            self.pos += 1
            layers.append(self.parse_sequence())

    def parse_word(self) -> Pattern:
        start = self.pos
        text = self.text
        end = start
        while end < len(text) and _is_word_char(text[end]):
            end += 1
        word = text[start:end]
        self.pos = end
        if word == "_":
            raise self.error("'_' must follow a step (it lengthens the step before it)", start)
        if word in ("~", "-"):
            return silence
        if ".." in word:
            low, _, high = word.partition("..")
            if _NUMBER.match(low) and _NUMBER.match(high):
                # "0..3" written without spaces: the same range as "0 .. 3".
                low_value, high_value = parse_value(low), parse_value(high)
                self.atoms.append((low_value, start))
                self.atoms.append((high_value, start + len(low) + 2))
                return pure(low_value).squeeze_bind(lambda a: pure(high_value).bind(lambda b: range_steps(a, b)))
        value = parse_value(word)
        self.atoms.append((value, start))
        return pure(value)


@lru_cache(maxsize=1024)
def _parse_once(text: str) -> Pattern:
    """Patterns are immutable, so a string met again needs no second parse."""
    return mini(text)


set_string_parser(_parse_once)  # a string where a pattern is expected is mini-notation
