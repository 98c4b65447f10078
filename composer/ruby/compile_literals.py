"""How the evaluator compiles Ruby's literals: numbers, strings with `#{}`, symbols, arrays,
hashes, ranges. A mixin of Compiler (composer/ruby/compiler.py)."""

from __future__ import annotations

from composer.ruby.nodes import constant as _constant, node_text as _text
from composer.ruby.values import RubyRange, Symbol, to_s

_ESCAPES = {"n": "\n", "t": "\t", "s": " ", "r": "\r", "e": "\x1b", "0": "\0", "a": "\a", "b": "\b",
            "f": "\f", "v": "\v"}


class Literals:
    def integer(self, node):
        text = _text(node).replace("_", "").lower()
        base = {"0x": 16, "0b": 2, "0o": 8}.get(text[:2], 10)
        if base == 10 and len(text) > 1 and text.startswith("0") and text.isdigit():
            base = 8
        return _constant(int(text[2:] if base != 10 and not text[1].isdigit() else text, base))

    def float(self, node):
        return _constant(float(_text(node).replace("_", "")))

    def string(self, node):
        """A string literal: its pieces, interpolations (`#{...}`) run at evaluation time."""
        raw = _text(node)
        if raw.startswith("'") or raw.startswith("%q"):
            return _constant(_single_quoted(node))
        parts = []
        for child in node.named_children:
            if child.type == "string_content":
                parts.append(_text(child))
            elif child.type == "escape_sequence":
                parts.append(_escape(_text(child)))
            elif child.type == "interpolation":
                parts.append(self.statements(child))
            else:
                raise self.unsupported(child)
        if all(isinstance(p, str) for p in parts):
            return _constant("".join(parts))

        def interpolate(scope):
            return "".join(p if isinstance(p, str) else to_s(p(scope)) for p in parts)

        return interpolate

    def chained_string(self, node):
        parts = [self.string(child) for child in node.named_children]
        return lambda scope: "".join(p(scope) for p in parts)

    def character(self, node):
        return _constant(_text(node)[1:])

    def symbol(self, node):
        text = _text(node)
        return _constant(Symbol(text[1:] if text.startswith(":") else text.rstrip(":")))

    def delimited_symbol(self, node):
        inner = self.string(node)
        return lambda scope: Symbol(inner(scope))

    def word_array(self, node):
        words = [_text(child) for child in node.named_children]
        if node.type == "symbol_array":
            words = [Symbol(word) for word in words]
        return lambda scope: list(words)

    def array(self, node):
        items = []
        for child in node.named_children:
            if child.type == "splat_argument":
                inner = self.compile(child.named_children[0])
                items.append((True, inner))
            elif child.type == "pair":
                raise self.unsupported(child, "a hash without braces inside an array")
            elif child.type != "comment":
                items.append((False, self.compile(child)))
        if not any(splat for splat, _ in items):
            closures = [c for _, c in items]
            return lambda scope: [c(scope) for c in closures]

        def build(scope):
            out = []
            for splat, closure in items:
                if splat:
                    out.extend(closure(scope))
                else:
                    out.append(closure(scope))
            return out

        return build

    def hash(self, node):
        pairs = [self.pair(child) for child in node.named_children if child.type != "comment"]
        return lambda scope: {k(scope): v(scope) for k, v in pairs}

    def pair(self, node):
        if node.type != "pair":
            raise self.unsupported(node)
        return self.compile(node.child_by_field_name("key")), self.compile(node.child_by_field_name("value"))

    def range(self, node):
        first = self.body(node.child_by_field_name("begin"))
        last = self.body(node.child_by_field_name("end"))
        exclusive = _text(node.child_by_field_name("operator")) == "..."
        return lambda scope: RubyRange(first(scope), last(scope), exclusive)


def _single_quoted(node) -> str:
    text = "".join(_text(c) for c in node.named_children if c.type == "string_content")
    return text.replace("\\'", "'").replace("\\\\", "\\")


def _escape(text: str) -> str:
    body = text[1:]
    if body in _ESCAPES:
        return _ESCAPES[body]
    if body.startswith("u"):
        digits = body[1:].strip("{}")
        return "".join(chr(int(code, 16)) for code in digits.split())
    if body.startswith("x"):
        return chr(int(body[1:], 16))
    if body[:1].isdigit():
        return chr(int(body, 8))
    return body
