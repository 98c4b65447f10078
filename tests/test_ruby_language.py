"""The Ruby that Sonic Pi's tutorial and examples use, evaluated by composer/ruby.

Each buffer hands its values to `out`, a function of the test's namespace, so what is checked
is what the Ruby evaluated to (Ruby's semantics: integer division, truth, blocks, ...).
"""

from __future__ import annotations

import textwrap
from fractions import Fraction
from pathlib import Path

import pytest

from composer.ring import Ring
from composer.ruby import run_buffer
from composer.ruby.values import RubyRange, Symbol, inspect
from composer.runtime.piece import PieceError


def evaluate(source: str, **names) -> list:
    seen = []
    namespace = {"out": lambda *values: seen.extend(values), "ring": lambda *v: Ring(v), **names}
    run_buffer(textwrap.dedent(source), Path("buffer.rb"), namespace)
    return seen


def test_arithmetic_is_ruby_s():
    assert evaluate("out 1/3, 7/2, -7/2, 7 % 3, -7 % 3, 2**10, 7.0/2, 1.5 * 2, 10 - 2 * 3, (1 + 2) * 3, 2**-1") == [
        0, 3, -4, 1, 2, 1024, 3.5, 3.0, 4, 9, Fraction(1, 2)]


def test_literals_strings_and_symbols():
    values = evaluate('''
        x = 3
        out :e3, "a#{x + 1}b", 'no #{x}', "tab\\tnew", nil, true, false, 1_000, 0x10, 1.5e2, "#{nil}|#{:sym}|#{[1, :a]}"
        out "x # not a comment" # but this is
        ''')
    assert values == [Symbol("e3"), "a4b", "no #{x}", "tab\tnew", None, True, False, 1000, 16, 150.0,
                      "|sym|[1, :a]", "x # not a comment"]
    assert isinstance(values[0], Symbol)


def test_arrays_hashes_and_ranges():
    values = evaluate('''
        a = [1, 2, 3]
        a.push 4
        a << 5
        h = {a: 1, "b" => 2}
        out a, a[0], a[-1], a[9], h[:a], h["b"], h[:zz], (1..4).to_a, (0...3).to_a, (1..2).step(0.5).to_a
        out (1..10).include?(10), (1...10).include?(10), [1, 2, 3].include?(2), a.length, a.first, a.last
        ''')
    assert values == [[1, 2, 3, 4, 5], 1, 5, None, 1, 2, None, [1, 2, 3, 4], [0, 1, 2], [1, 1.5, 2.0],
                      True, False, True, 5, 1, 5]


def test_truth_conditionals_and_case():
    values = evaluate('''
        out(0 ? "zero is true" : "no")
        out "yes" if nil.nil?
        out "never" unless true
        x = 5
        if x > 10
          out :big
        elsif x > 3
          out :medium
        else
          out :small
        end
        unless x == 5 then out :odd else out :five end
        out(case x when 1, 2 then :low when 3..6 then :mid else :high end)
        out(case :b when :a then 1 when :b then 2 end)
        out(case 2.5 when Integer then :int when Float then :float end)
        out (x > 1 && x < 9), (nil || 4), (false or nil), !x, (not nil)
        ''')
    assert values == ["zero is true", "yes", Symbol("medium"), Symbol("five"), Symbol("mid"), 2, Symbol("float"),
                      True, 4, None, False, True]


def test_loops_blocks_break_and_next():
    values = evaluate('''
        i = 0
        while i < 3
          i += 1
          next if i == 2
          out i
        end
        i -= 1 until i == 0
        out i
        3.times do |n| out n end
        [10, 20].each_with_index { |v, k| out [v, k] }
        out [1, 2, 3, 4].select(&:even?)
        ''')
    assert values == [1, 3, 0, 0, 1, 2, [10, 0], [20, 1], [2, 4]]


def test_iteration_methods():
    values = evaluate('''
        out [1, 2, 3, 4].map { |v| v * v }
        out [1, 2, 3, 4].select { |v| v.even? }, [1, 2, 3, 4].reject { |v| v.even? }
        out [1, 2, 3].inject(0) { |sum, v| sum + v }, [1, 2, 3].inject { |a, b| a * b }, [1, 2, 3].sum
        out [1, 2, 3].rotate, [1, 2, 3].rotate(-1), [3, 1, 2].sort, [1, 2].reverse
        found = [5, 6, 7].each do |v|
          break v * 10 if v == 6
        end
        out found
        r = loop do
          break :out_of_loop
        end
        out r, (1..3).map { |v| v + 1 }, 2.step(8, 3).to_a, 1.upto(3).to_a
        out({a: 1}.map { |k, v| [k, v] })
        ''')
    assert values == [[1, 4, 9, 16], [2, 4], [1, 3], 6, 6, 6, [2, 3, 1], [3, 1, 2], [1, 2, 3], [2, 1], 60,
                      Symbol("out_of_loop"), [2, 3, 4], [2, 5, 8], [1, 2, 3], [[Symbol("a"), 1]]]


def test_define_with_defaults_and_return():
    values = evaluate('''
        define :bass do |n, octave = 2|
          return :rest if n.nil?
          n + 12 * octave
        end
        def twice(x)
          x * 2
        end
        out bass(1), bass(1, 3), bass(nil), twice(4), (bass 0)
        ''')
    assert values == [25, 37, Symbol("rest"), 8, 24]


def test_blocks_see_and_change_outer_locals():
    values = evaluate('''
        total = 0
        [1, 2, 3].each { |v| total += v }
        out total
        f = lambda { |a, b| a + b }
        out f.call(1, 2)
        ''')
    assert values == [6, 3]


def test_rings_ticks_and_strings_as_rings():
    values = evaluate('''
        out (ring 1, 2, 3)[4], "x--x".ring, [1, 2].ring, (1..3).ring
        ''')
    assert values == [2, Ring("x--x"), Ring([1, 2]), Ring([1, 2, 3])]


def test_trailing_options_become_keyword_arguments():
    calls = []
    values = evaluate('''
        play 60, release: 0.5, amp: 2
        play(62)
        play 64, "cutoff" => 90
        ''', play=lambda *args, **kwargs: calls.append((args, kwargs)))
    assert values == []
    assert calls == [((60,), {"release": 0.5, "amp": 2}), ((62,), {}), ((64, {"cutoff": 90}), {})]


def test_inspect_spells_values_as_sonic_pi_logs_them():
    assert [inspect(v) for v in (Symbol("foo"), "text", 3, 0.75006103515625, None, True, [1, Symbol("a")],
                                 Ring([1, 2]), {Symbol("a"): 1}, RubyRange(1, 3, False), 1e-05)] == [
        ":foo", '"text"', "3", "0.75006103515625", "nil", "true", "[1, :a]", "(ring 1, 2)", "{:a=>1}", "1..3",
        "1.0e-05"]


@pytest.mark.parametrize("source, message", [
    ("play 60,\n  sleep 1 end", "buffer.rb:2:"),
    ("x = [1, 2\nplay 3", "syntax error"),
    ("live_loop :a do\n  play 60\n", "buffer.rb:"),
])
def test_syntax_errors_name_file_line_and_column(source, message):
    with pytest.raises(PieceError, match=message) as caught:
        evaluate(source)
    text = str(caught.value)
    assert text.startswith("buffer.rb:") and "syntax error" in text
    line, column = text.split(":")[1:3]
    assert line.isdigit() and column.isdigit()


def test_unsupported_construct_names_itself_and_its_line_before_running():
    calls = []
    with pytest.raises(PieceError, match=r"buffer.rb:3: .*(class|not supported)") as caught:
        evaluate("out 1\n\nclass Foo\nend\n", out=calls.append)
    assert "not supported" in str(caught.value)
    assert calls == []  # refused before anything ran


def test_runtime_error_names_the_buffer_line():
    with pytest.raises(PieceError, match=r"^buffer.rb:3: .*nosuch"):
        evaluate("x = 1\n\nnosuch 3\n")
    with pytest.raises(PieceError, match=r"^buffer.rb:2: ZeroDivisionError"):
        evaluate("[1].each do |v|\n  out v / 0\nend\n")


def test_unknown_name_suggests_a_near_one():
    with pytest.raises(PieceError, match="did you mean 'play'"):
        evaluate("plya 60", play=lambda n: None)


def test_unknown_constant_names_its_line_once():
    with pytest.raises(PieceError) as caught:
        evaluate("out 1\nx = Foo\n")
    assert str(caught.value) == "buffer.rb:2: unknown constant Foo"
    assert evaluate("ROOT = 40\ndefine :up do |n|\n  ROOT + n\nend\nout up(2)") == [42]
    assert evaluate("out Math::PI.round(2), Math.sqrt(16)") == [3.14, 4.0]


def test_a_missing_end_names_the_block_it_leaves_open():
    with pytest.raises(PieceError) as caught:
        evaluate("play 1\nlive_loop :a do\n  play 60\n  sleep 1\n", play=print)
    assert str(caught.value) == (
        "buffer.rb:2:14: syntax error: the 'do' here has no matching 'end' (the buffer ends first)")


def test_comment_skips_its_block_and_uncomment_runs_it():
    assert evaluate("comment do\n  out 1\nend\nuncomment do\n  out 2\nend\nout 3\n") == [2, 3]


def test_sonic_pi_s_symbol_and_nil_arithmetic():
    assert evaluate("out :e1 + 4, :d - 12, :r + 3, nil + 1, nil - 2, 'a' + 'b', [1] + [2]") == [
        32, 50, "r", None, None, "ab", [1, 2]]
    assert evaluate("2.5.times { |i| out i }\n3.times { |i| out i }") == [0.0, 1.0, 0, 1, 2]


def test_names_that_python_spells_with_an_underscore_and_get_brackets():
    state = {}
    values = evaluate("set :foo, 3\nout get[:foo], get(:foo)\n",
                      set_=lambda k, v: state.__setitem__(str(k), v), get=lambda k: state[str(k)])
    assert values == [3, 3]


def test_more_of_ruby_s_everyday_methods():
    values = evaluate('''
        x = y = 3
        i = 0
        i += 1 while i < 10
        a, b = [1, 2]
        out x + y, i, a + b, "%.2f" % 3.14159, "%d-%s" % [3, "a"]
        out [1, 2, 3].each_with_index.map { |v, k| v * k }, [1, 2, 3].map.with_index { |v, k| v + k }
        out [1, 2, 3].each_slice(2).to_a, [[1, 2], [3, 4]].map { |p, q| p * q }, 3.times.map { |k| k * 2 }
        out 3.14159.round(2), 7.5.round, -2.5.round, 10.fdiv(4), 10.downto(8).to_a
        out "hello".upcase, "hello"[0], :sym.to_s, [1, nil, 2].compact, [1, [2, [3]]].flatten
        out (1..3).inject(:+), [1, 2, 3].sum { |v| v * 2 }, [1, 2, 3].count(&:odd?), 5.clamp(1, 3)
        ''')
    assert values == [6, 10, 3, "3.14", "3-a", [0, 2, 6], [1, 3, 5], [[1, 2], [3]], [2, 12], [0, 2, 4],
                      3.14, 8, -3, 2.5, [10, 9, 8], "HELLO", "h", "sym", [1, 2], [1, 2, 3], 6, 12, 2, 3]


def test_define_without_a_name_is_one_located_line():
    with pytest.raises(PieceError) as caught:
        evaluate("out 1\ndefine do\n  out 2\nend\n")
    assert str(caught.value) == "buffer.rb:2: define takes a name and a block: define :name do |a| ... end"


def test_without_tree_sitter_a_buffer_says_what_to_install(monkeypatch, tmp_path):
    import sys

    from composer.ruby import parse
    from composer.runtime import loading

    path = tmp_path / "buffer.rb"
    path.write_text("play 60\n")
    parse._parser.cache_clear()
    monkeypatch.setitem(sys.modules, "tree_sitter_ruby", None)  # as if it were not installed
    try:
        with pytest.raises(PieceError, match="pip install tree-sitter tree-sitter-ruby"):
            loading.load(path)
    finally:
        parse._parser.cache_clear()


def test_sonic_pi_s_number_and_string_extensions():
    assert evaluate("out 7.max(5), 3.max(5), 0.min(1), 9.clamp(4), -9.clamp(4), 5.clamp(1, 3)") == [5, 3, 1, 4, -4, 3]
    shuffled, symbol, picked = evaluate('out "abcd".shuffle, :abcd.shuffle, [1, 2, 3].sample')
    assert sorted(shuffled) == list("abcd") and isinstance(shuffled, str) and not isinstance(shuffled, Symbol)
    assert sorted(symbol) == list("abcd") and isinstance(symbol, Symbol) and picked in (1, 2, 3)


def test_syntax_error_columns_count_characters_not_bytes():
    with pytest.raises(PieceError, match=r"^buffer.rb:1:9: syntax error"):  # the + (byte 10)
        evaluate('x = "é" + [1, )\n')
