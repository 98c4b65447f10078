"""Small helpers on tree-sitter nodes and closures, shared by the evaluator's parts."""

from __future__ import annotations


def node_text(node) -> str:
    return node.text.decode("utf-8")


def node_line(node) -> int:
    """The 1-based line a node starts on, as error messages count."""
    return node.start_point.row + 1


def constant(value):
    """A closure that evaluates to `value` in any scope."""
    return lambda scope: value
