"""How the evaluator compiles Ruby's control flow: if/unless/case, modifiers, ternaries,
while/until/for, break/next/return. A mixin of Compiler (composer/ruby/compiler.py)."""

from __future__ import annotations

from composer.ruby import operators
from composer.ruby.nodes import constant as _constant, node_text as _text
from composer.ruby.scope import BreakJump, NextJump, ReturnJump
from composer.ruby.values import truthy


class ControlFlow:
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
