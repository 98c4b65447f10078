"""The evaluator: a Ruby syntax tree becomes a tree of Python closures, each taking a Scope.

The tree is walked once, when the buffer loads; running the buffer (and every live_loop
iteration) then only calls closures, which keeps a Ruby loop about as fast as a Python one.
Every construct the compiler does not know is refused when the buffer loads, naming the
construct and its line, before anything plays. Calls go to `Bridge` (composer/ruby/bridge.py).
"""

from __future__ import annotations

from pathlib import Path

from composer.errors import ComposerError
from composer.runtime.piece import PieceError
from composer.ruby import operators
from composer.ruby.bridge import argument_error
from composer.ruby.methods import send
from composer.ruby.scope import MISSING, BreakJump, NextJump, ReturnJump, Scope
from composer.ruby.values import RubyRange, to_s, truthy

_ESCAPES = {"n": "\n", "t": "\t", "s": " ", "r": "\r", "e": "\x1b", "0": "\0", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}


def _text(node) -> str:
    return node.text.decode("utf-8")


def _line(node) -> int:
    return node.start_point.row + 1


def _constant(value):
    return lambda scope: value


class Compiler:
    def __init__(self, path: Path, bridge):
        self.path = path
        self.bridge = bridge
        self.Symbol = bridge.symbol  # the namespace's Symbol type when it has one
        self.dispatch = {
            "program": self.statements, "body_statement": self.statements, "block_body": self.statements,
            "then": self.statements, "else": self.statements, "do": self.statements,
            "parenthesized_statements": self.statements, "begin": self.statements,
            "integer": self.integer, "float": self.float, "nil": lambda n: _constant(None),
            "true": lambda n: _constant(True), "false": lambda n: _constant(False),
            "string": self.string, "chained_string": self.chained_string, "simple_symbol": self.symbol,
            "delimited_symbol": self.delimited_symbol, "hash_key_symbol": self.symbol,
            "string_array": self.word_array, "symbol_array": self.word_array, "character": self.character,
            "array": self.array, "hash": self.hash, "range": self.range,
            "identifier": self.identifier, "constant": self.constant, "scope_resolution": self.scope_resolution,
            "self": lambda n: _constant(None),
            "assignment": self.assignment, "operator_assignment": self.operator_assignment,
            "binary": self.binary, "unary": self.unary, "conditional": self.conditional,
            "if": self.if_, "unless": self.if_, "elsif": self.if_,
            "if_modifier": self.modifier, "unless_modifier": self.modifier,
            "while_modifier": self.while_modifier, "until_modifier": self.while_modifier,
            "while": self.while_, "until": self.while_, "for": self.for_, "case": self.case,
            "break": self.jump, "next": self.jump, "return": self.jump,
            "call": self.call, "element_reference": self.element_reference,
            "method": self.method, "lambda": self.lambda_,
            "instance_variable": self.instance_variable, "global_variable": self.instance_variable,
        }

    # ----- errors -----------------------------------------------------------------------------

    def unsupported(self, node, what: str | None = None) -> PieceError:
        snippet = _text(node).splitlines()[0][:40] if node.text else ""
        what = what or f"Ruby's {node.type.replace('_', ' ')}"
        return PieceError(f"{self.path}:{_line(node)}: {what} ({snippet!r}) is not supported in Sonic Pi buffers")

    def located(self, error: Exception, line: int) -> PieceError:
        if isinstance(error, PieceError):
            return error
        if isinstance(error, ComposerError):
            return PieceError(f"{self.path}:{line}: {error}")
        return PieceError(f"{self.path}:{line}: {type(error).__name__}: {error}")

    # ----- statements -------------------------------------------------------------------------

    def compile(self, node):
        handler = self.dispatch.get(node.type)
        if handler is None:
            raise self.unsupported(node)
        return handler(node)

    def body(self, node):
        """A closure running `node`'s statements (nil when node is None)."""
        return _constant(None) if node is None else self.compile(node)

    def statements(self, node):
        """Statements in order; the value is the last one's. An error names its statement's line."""
        pairs = [(self.compile(child), _line(child)) for child in node.named_children
                 if child.type not in ("comment", "empty_statement", "heredoc_body")]
        for child in node.named_children:
            if child.type in ("rescue", "ensure"):
                raise self.unsupported(child)
        located = self.located
        if not pairs:
            return _constant(None)
        if len(pairs) == 1 and node.type == "parenthesized_statements":
            return pairs[0][0]

        def run(scope):
            value = None
            for statement, line in pairs:
                try:
                    value = statement(scope)
                except Exception as error:  # noqa: BLE001 - any error is the buffer's, at this line
                    raise located(error, line) from None
            return value

        return run

    # ----- literals ---------------------------------------------------------------------------

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
        return _constant(self.Symbol(text[1:] if text.startswith(":") else text.rstrip(":")))

    def delimited_symbol(self, node):
        inner, symbol = self.string(node), self.Symbol
        return lambda scope: symbol(inner(scope))

    def word_array(self, node):
        words = [_text(child) for child in node.named_children]
        if node.type == "symbol_array":
            words = [self.Symbol(word) for word in words]
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

    # ----- names ------------------------------------------------------------------------------

    def identifier(self, node):
        """A local variable, else a call without arguments (`tick`, `look`, a `define`d name)."""
        name = _text(node)
        call = self.function_call(name, lambda scope: (), lambda scope: None, None)

        def lookup(scope):
            value = scope.get(name)
            if value is MISSING:
                return call(scope)
            return value

        return lookup

    def constant(self, node):
        value = self.bridge.constant(_text(node), _line(node))
        return _constant(value)

    def scope_resolution(self, node):
        scope_node = node.child_by_field_name("scope")
        if scope_node is None or scope_node.type != "constant":
            raise self.unsupported(node)
        owner = self.bridge.constant(_text(scope_node), _line(node))
        name = _text(node.child_by_field_name("name"))
        try:
            return _constant(getattr(owner, name))
        except AttributeError:
            raise self.unsupported(node, f"{_text(scope_node)}::{name}") from None

    # ----- assignment -------------------------------------------------------------------------

    def assignment(self, node):
        left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
        if right.type == "right_assignment_list":
            values = self.array(right)
        else:
            values = self.compile(right)
        if left.type == "left_assignment_list":
            names = []
            for target in left.named_children:
                if target.type != "identifier":
                    raise self.unsupported(target, "this assignment target")
                names.append(_text(target))

            def assign_many(scope):
                value = values(scope)
                items = list(value) if isinstance(value, (list, tuple)) else [value]
                for index, name in enumerate(names):
                    scope.assign(name, items[index] if index < len(items) else None)
                return value

            return assign_many
        return self.target(left, values)

    def target(self, left, value):
        """A closure assigning `value(scope)` to the target node `left`."""
        if left.type in ("identifier", "instance_variable", "global_variable"):
            name = _text(left)

            def assign(scope):
                result = value(scope)
                scope.assign(name, result)
                return result

            return assign
        if left.type == "element_reference":
            owner = self.compile(left.child_by_field_name("object"))
            index = [self.compile(c) for c in left.named_children[1:] if c.type != "comment"]
            if len(index) != 1:
                raise self.unsupported(left, "this element assignment")
            key = index[0]

            def store(scope):
                container, where, result = owner(scope), key(scope), value(scope)
                if isinstance(container, list) and isinstance(where, int) and where >= len(container):
                    container.extend([None] * (where - len(container) + 1))
                container[where] = result
                return result

            return store
        raise self.unsupported(left, "this assignment target")

    def operator_assignment(self, node):
        left = node.child_by_field_name("left")
        operator = _text(node.child_by_field_name("operator"))[:-1]
        plain = left.type in ("identifier", "instance_variable", "global_variable")
        current = self.instance_variable(left) if plain else self.compile(left)
        right = self.compile(node.child_by_field_name("right"))
        if operator in ("||", "&&"):
            wanted = operator == "&&"

            def logical(scope):
                value = current(scope)
                return right(scope) if truthy(value) == wanted else value

            return self.target(left, logical)
        function = operators.BINARY.get(operator)
        if function is None:
            raise self.unsupported(node)
        return self.target(left, lambda scope: function(current(scope), right(scope)))

    def instance_variable(self, node):
        name = _text(node)

        def read(scope):
            value = scope.get(name)
            return None if value is MISSING else value

        return read

    # ----- operators --------------------------------------------------------------------------

    def binary(self, node):
        operator = _text(node.child_by_field_name("operator"))
        left = self.compile(node.child_by_field_name("left"))
        right = self.compile(node.child_by_field_name("right"))
        if operator in ("&&", "and"):
            return lambda scope: (lambda value: right(scope) if truthy(value) else value)(left(scope))
        if operator in ("||", "or"):
            return lambda scope: (lambda value: value if truthy(value) else right(scope))(left(scope))
        function = operators.BINARY.get(operator)
        if function is None:
            raise self.unsupported(node, f"the operator {operator}")
        return lambda scope: function(left(scope), right(scope))

    def unary(self, node):
        operator = _text(node.child_by_field_name("operator"))
        operand = self.compile(node.child_by_field_name("operand"))
        if operator in ("!", "not"):
            return lambda scope: not truthy(operand(scope))
        if operator == "-":
            if node.child_by_field_name("operand").type in ("integer", "float"):
                return _constant(-operand(None))
            return lambda scope: -operand(scope)
        if operator == "+":
            return operand
        if operator == "defined?":
            raise self.unsupported(node)
        raise self.unsupported(node, f"the operator {operator}")

    # ----- control flow -----------------------------------------------------------------------

    def conditional(self, node):
        condition = self.compile(node.child_by_field_name("condition"))
        consequence = self.compile(node.child_by_field_name("consequence"))
        alternative = self.compile(node.child_by_field_name("alternative"))
        return lambda scope: consequence(scope) if truthy(condition(scope)) else alternative(scope)

    def if_(self, node):
        condition = self.compile(node.child_by_field_name("condition"))
        consequence = self.body(node.child_by_field_name("consequence"))
        alternative = self.body(node.child_by_field_name("alternative"))
        if node.type == "unless":
            consequence, alternative = alternative, consequence
        return lambda scope: consequence(scope) if truthy(condition(scope)) else alternative(scope)

    def modifier(self, node):
        body = self.compile(node.child_by_field_name("body"))
        condition = self.compile(node.child_by_field_name("condition"))
        wanted = node.type == "if_modifier"
        return lambda scope: body(scope) if truthy(condition(scope)) == wanted else None

    def while_modifier(self, node):
        return self._loop(node.child_by_field_name("condition"), node.child_by_field_name("body"),
                          node.type == "until_modifier")

    def while_(self, node):
        return self._loop(node.child_by_field_name("condition"), node.child_by_field_name("body"),
                          node.type == "until")

    def _loop(self, condition_node, body_node, until: bool):
        condition = self.compile(condition_node)
        body = self.body(body_node)

        def run(scope):
            while truthy(condition(scope)) != until:
                try:
                    body(scope)
                except NextJump:
                    continue
                except BreakJump as jump:
                    return jump.value
            return None

        return run

    def for_(self, node):
        pattern = node.child_by_field_name("pattern")
        if pattern.type != "identifier":
            raise self.unsupported(pattern, "this for-loop variable")
        name = _text(pattern)
        values = self.compile(node.child_by_field_name("value").named_children[0])
        body = self.body(node.child_by_field_name("body"))

        def run(scope):
            items = values(scope)
            for item in items:
                scope.assign(name, item)
                try:
                    body(scope)
                except NextJump:
                    continue
                except BreakJump as jump:
                    return jump.value
            return items

        return run

    def case(self, node):
        subject_node = node.child_by_field_name("value")
        subject = None if subject_node is None else self.compile(subject_node)
        branches, otherwise = [], _constant(None)
        for child in node.named_children:
            if child.type == "when":
                patterns = [self.compile(p.named_children[0]) for p in child.children_by_field_name("pattern")]
                branches.append((patterns, self.body(child.child_by_field_name("body"))))
            elif child.type == "else":
                otherwise = self.statements(child)
            elif child.type == "in_clause":
                raise self.unsupported(child, "pattern matching (case/in)")
        matches = operators.case_equal

        def run(scope):
            value = None if subject is None else subject(scope)
            for patterns, body in branches:
                for pattern in patterns:
                    candidate = pattern(scope)
                    if (subject is None and truthy(candidate)) or (subject is not None and matches(candidate, value)):
                        return body(scope)
            return otherwise(scope)

        return run

    def jump(self, node):
        kind = {"break": BreakJump, "next": NextJump, "return": ReturnJump}[node.type]
        arguments = node.named_children[0] if node.named_children else None
        value = _constant(None)
        if arguments is not None:
            items = [self.compile(c) for c in arguments.named_children]
            value = items[0] if len(items) == 1 else (lambda scope: [i(scope) for i in items])

        def raise_jump(scope):
            raise kind(value(scope))

        return raise_jump

    # ----- calls and blocks -------------------------------------------------------------------

    def arguments(self, node):
        """(positional closures, keyword (name, closure) pairs, block-argument closure)."""
        positional, keywords, block_argument = [], [], None
        if node is None:
            return positional, keywords, block_argument
        hash_pairs = []
        for child in node.named_children:
            kind = child.type
            if kind == "comment":
                continue
            if kind == "pair":
                key = child.child_by_field_name("key")
                if key.type in ("hash_key_symbol", "simple_symbol"):
                    keywords.append((_text(key).strip(":"), self.compile(child.child_by_field_name("value"))))
                else:
                    hash_pairs.append(self.pair(child))
            elif kind == "block_argument":
                if not child.named_children:
                    raise self.unsupported(child, "an anonymous block argument")
                given = self.compile(child.named_children[0])

                def block_argument(scope, given=given):
                    value = given(scope)
                    if isinstance(value, str):  # `&:even?`: the method of that name
                        return lambda item, *rest: send(item, str(value), rest, None, None)
                    return value

            elif kind in ("splat_argument", "hash_splat_argument", "forward_argument"):
                raise self.unsupported(child, "splat arguments")
            else:
                positional.append(self.compile(child))
        if hash_pairs:  # `"name" => value` options: Ruby passes one trailing hash
            pairs = hash_pairs + [(_constant(self.Symbol(k)), v) for k, v in keywords]
            positional.append(lambda scope: {k(scope): v(scope) for k, v in pairs})
            keywords = []
        return positional, keywords, block_argument

    def call(self, node):
        receiver_node = node.child_by_field_name("receiver")
        method_node = node.child_by_field_name("method")
        if method_node is None:
            raise self.unsupported(node)
        name = _text(method_node)
        line = _line(node)
        positional, keywords, block_argument = self.arguments(node.child_by_field_name("arguments"))
        block_node = node.child_by_field_name("block")
        block = self.block(block_node) if block_node is not None else block_argument
        if receiver_node is None:
            native = self.bridge.native_form(name, positional, keywords, block, line)
            if native is not None:
                return native
            return self.function_call(name, _evaluator(positional), _options(keywords), block)
        receiver = self.compile(receiver_node)
        arguments, options = _evaluator(positional), _options(keywords)
        if not positional and not keywords and block is None:
            return lambda scope: send(receiver(scope), name, (), None, None)
        return lambda scope: send(receiver(scope), name, arguments(scope), options(scope), block and block(scope))

    def function_call(self, name, arguments, options, block):
        """A call without a receiver. The common case (a namespace function, no block) is direct;
        the rest (`define`d functions, blocks, names to resolve) goes through Bridge.call."""
        bridge = self.bridge
        functions, names, slow = bridge.functions, bridge.names, bridge.call
        if block is not None:
            return lambda scope: slow(name, arguments(scope), options(scope), block(scope))

        def call(scope):
            if name not in functions:
                target = names.get(name)
                if target is not None:
                    args, kwargs = arguments(scope), options(scope)
                    try:
                        return target(*args, **kwargs) if kwargs else target(*args)
                    except TypeError as error:
                        raise argument_error(name, error, kwargs) from None
            return slow(name, arguments(scope), options(scope), None)

        return call

    def element_reference(self, node):
        owner = self.compile(node.child_by_field_name("object"))
        index = [self.compile(c) for c in node.named_children[1:] if c.type != "comment"]
        if len(index) == 1:
            key = index[0]
            return lambda scope: send(owner(scope), "[]", (key(scope),), None, None)
        return lambda scope: send(owner(scope), "[]", [i(scope) for i in index], None, None)

    def block(self, node):
        """A closure that, in a scope, makes the block a Python callable (`do |x| ... end`)."""
        if node.type == "block_argument":
            return self.compile(node)
        bind = self.parameters(node.child_by_field_name("parameters"))
        body = self.body(node.child_by_field_name("body"))
        line = _line(node)
        return lambda scope: make_block(bind, body, scope, line)

    def parameters(self, node):
        """A binder (scope, args) -> None for block or method parameters (None: no parameters)."""
        if node is None or not node.named_children:
            return None
        simple, names, options, rest = True, [], [], None
        for child in node.named_children:
            if child.type == "identifier":
                names.append(_text(child))
                options.append(None)
            elif child.type == "optional_parameter":
                simple = False
                names.append(_text(child.child_by_field_name("name")))
                options.append(self.compile(child.child_by_field_name("value")))
            elif child.type == "splat_parameter" and child.child_by_field_name("name") is not None:
                simple = False
                rest = _text(child.child_by_field_name("name"))
            elif child.type in ("block_parameter", "comment"):
                continue
            else:
                raise self.unsupported(child, "this kind of parameter")
        count = len(names)

        def bind(scope, args):
            if len(args) == 1 and count > 1 and isinstance(args[0], (list, tuple)):
                args = args[0]  # a block's one array argument spreads over its parameters
            variables = scope.vars
            if simple:
                for index, name in enumerate(names):
                    variables[name] = args[index] if index < len(args) else None
                return
            for index, name in enumerate(names):
                if index < len(args):
                    variables[name] = args[index]
                else:
                    default = options[index]
                    variables[name] = None if default is None else default(scope)
            if rest is not None:
                variables[rest] = list(args[count:])

        return bind

    def method(self, node):
        """`def name(params) ... end`: a function of the buffer, as `define` makes."""
        name = _text(node.child_by_field_name("name"))
        bind = self.parameters(node.child_by_field_name("parameters"))
        body = self.body(node.child_by_field_name("body"))
        define = self.bridge.define
        line = _line(node)
        return lambda scope: define(name, make_block(bind, body, scope, line), line)

    def lambda_(self, node):
        bind = self.parameters(node.child_by_field_name("parameters"))
        body_node = node.child_by_field_name("body")
        body = self.body(body_node.child_by_field_name("body"))
        line = _line(node)
        return lambda scope: make_block(bind, body, scope, line)


def _evaluator(positional):
    """scope -> the positional arguments' values."""
    if not positional:
        return lambda scope: ()
    if len(positional) == 1:
        only = positional[0]
        return lambda scope: (only(scope),)
    return lambda scope: [p(scope) for p in positional]


def _options(keywords):
    """scope -> the trailing options as keyword arguments (None when there are none)."""
    if not keywords:
        return lambda scope: None
    return lambda scope: {k: v(scope) for k, v in keywords}


def make_block(bind, body, scope: Scope, line: int):
    """A Ruby block as a Python function; missing arguments are nil, extra ones ignored."""
    if bind is None:
        def block(*args):
            try:
                return body(Scope(scope))
            except NextJump as jump:
                return jump.value
    else:
        def block(*args):
            inner = Scope(scope)
            bind(inner, args)
            try:
                return body(inner)
            except NextJump as jump:
                return jump.value
    block.ruby_line = line
    return block


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
