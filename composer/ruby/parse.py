"""Parsing a Sonic Pi buffer with tree-sitter's Ruby grammar; a syntax error names line and column.

tree-sitter always returns a tree, marking what it could not read with ERROR or MISSING nodes;
the first such node is the error the musician sees.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from composer.errors import ComposerError
from composer.runtime.piece import PieceError


@lru_cache(maxsize=1)
def _parser():
    try:
        import tree_sitter_ruby
        from tree_sitter import Language, Parser
    except ImportError:
        raise ComposerError("Sonic Pi buffers (.rb) need tree-sitter and its Ruby grammar: "
                            "pip install tree-sitter tree-sitter-ruby") from None
    return Parser(Language(tree_sitter_ruby.language()))


def parse(source: str, path: Path):
    """The syntax tree's root node of `source`; raises PieceError at the first syntax error."""
    tree = _parser().parse(source.encode("utf-8"))
    root = tree.root_node
    if root.has_error:
        raise _syntax_error(root, source, path)
    return root


#: Words that open a construct Ruby closes with `end`.
_OPENERS = frozenset({"do", "if", "unless", "while", "until", "case", "def", "begin", "for", "class", "module"})


def _first_error(node):
    """The earliest ERROR or MISSING node below `node` (depth first, in source order)."""
    if node.is_missing or node.type == "ERROR":
        return node
    for child in node.children:
        if child.has_error or child.is_missing:
            found = _first_error(child)
            if found is not None:
                return found
    return None


def _syntax_error(root, source: str, path: Path) -> PieceError:
    node = _first_error(root) or root
    row, byte_column = node.start_point
    lines = source.encode("utf-8").split(b"\n")
    prefix = lines[row][:byte_column] if row < len(lines) else b""
    line, column = row + 1, len(prefix.decode("utf-8", "replace")) + 1  # tree-sitter counts bytes
    text = node.text.decode("utf-8", "replace").strip().splitlines()
    snippet = text[0][:40] if text else ""
    runs_to_end = not source.encode("utf-8")[node.end_byte:].strip()
    opener = snippet.split()[0] if snippet.split() else ""
    if node.is_missing:
        what = f"missing {node.type!r}"
    elif runs_to_end and opener in _OPENERS:
        what = f"the {opener!r} here has no matching 'end' (the buffer ends first)"
    else:
        what = f"unexpected {snippet!r}" if snippet else "unexpected end of input"
    return PieceError(f"{path}:{line}:{column}: syntax error: {what}")
