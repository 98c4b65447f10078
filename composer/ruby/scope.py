"""What the evaluator shares between its parts: local variable scopes and Ruby's jumps.

Ruby's blocks see and assign the locals around them, so a scope is a dict with a parent.
`break`, `next` and `return` unwind Python frames as exceptions; they derive from
BaseException so that no error handler on the way (ours or the runtime's) mistakes them for
errors.
"""

from __future__ import annotations

MISSING = object()


class Scope:
    __slots__ = ("vars", "parent")

    def __init__(self, parent: Scope | None = None, variables: dict | None = None):
        self.vars = {} if variables is None else variables
        self.parent = parent

    def get(self, name: str):
        scope = self
        while scope is not None:
            value = scope.vars.get(name, MISSING)
            if value is not MISSING:
                return value
            scope = scope.parent
        return MISSING

    def assign(self, name: str, value) -> None:
        """Ruby's assignment: an existing local of an enclosing scope, else a new local here."""
        scope = self
        while scope is not None:
            if name in scope.vars:
                scope.vars[name] = value
                return
            scope = scope.parent
        self.vars[name] = value


class Jump(BaseException):
    __slots__ = ("value",)

    def __init__(self, value=None):
        self.value = value


class BreakJump(Jump):
    """`break`: leaves the loop or the method that yielded to the block."""


class NextJump(Jump):
    """`next`: ends this run of the block (or this turn of a while loop)."""


class ReturnJump(Jump):
    """`return`: leaves the `define`d function (or ends the loop's iteration)."""
