"""The evaluator: a Ruby syntax tree becomes a tree of Python closures, each taking a Scope.

The tree is walked once, when the buffer loads; running the buffer (and every live_loop
iteration) then only calls closures, which keeps a Ruby loop about as fast as a Python one.
Every construct the compiler does not know is refused when the buffer loads, naming the
construct and its line, before anything plays. Calls go to `Bridge` (composer/ruby/bridge.py).
This module holds the core (dispatch, statements, names, assignment, operators); literals,
control flow and calls are its mixins (compile_literals.py, compile_control.py, compile_calls.py).
"""

from __future__ import annotations

from pathlib import Path

from composer.errors import ComposerError
from composer.runtime.piece import PieceError
from composer.ruby import operators
from composer.ruby.compile_calls import Calls
from composer.ruby.compile_control import ControlFlow
from composer.ruby.compile_literals import Literals
from composer.ruby.nodes import constant as _constant, node_line as _line, node_text as _text
from composer.ruby.scope import MISSING
from composer.ruby.values import truthy



class Compiler(Literals, ControlFlow, Calls):
    """Compiles a tree into closures; literals, control flow and calls live in their mixins."""

    def __init__(self, path: Path, bridge):
        self.path = path
        self.bridge = bridge
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
        located = self.located
        if not pairs:
            return _constant(None)
        if len(pairs) == 1 and node.type == "parenthesized_statements":
            return pairs[0][0]

        def run(scope):
            value = None
            for statement, piece_line in pairs:  # the name one-time warnings read (runtime.notices)
                try:
                    value = statement(scope)
                except Exception as error:  # noqa: BLE001 - any error is the buffer's, at this line
                    raise located(error, piece_line) from None
            return value

        return run

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
        """`Math`, `Integer`... or a constant the buffer assigns (`ROOT = :e3`)."""
        name, line = _text(node), _line(node)
        known = self.bridge.constant(name, line, required=False)
        if known is not MISSING:
            return _constant(known)
        constant = self.bridge.constant

        def lookup(scope):
            value = scope.get(name)
            return constant(name, line) if value is MISSING else value

        return lookup

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
        if left.type in ("identifier", "instance_variable", "global_variable", "constant"):
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
