"""Sonic Pi buffers (`.rb`): Ruby parsed by tree-sitter, run as a tree on the piece runtime.

A buffer is another front end onto the same runtime and the same names as a Python piece
(composer/runtime/dsl.py's namespace): parse.py reads the Ruby, compiler.py turns its tree into
closures, bridge.py maps calls onto the namespace, methods.py and values.py give Ruby's values
their Ruby meaning; composer/runtime/sonic_pi_samples.py knows Sonic Pi's samples.
"""

from __future__ import annotations

from pathlib import Path

from composer.ruby.scope import Jump, Scope


def run_buffer(source: str, path: Path, namespace: dict) -> None:
    """Run a buffer's top level in `namespace` (as `exec` runs a Python piece's)."""
    from composer.ruby.bridge import Bridge
    from composer.ruby.compiler import Compiler
    from composer.ruby.parse import parse
    from composer.runtime.sonic_pi_samples import KIT

    root = parse(source, path)
    bridge = Bridge(path, namespace)
    program = Compiler(path, bridge).compile(root)  # refuses unsupported Ruby before anything runs
    if "use_kit" in namespace:
        namespace["use_kit"](KIT)
    try:
        program(Scope())
    except Jump:
        pass  # a top-level `return`/`break` ends the buffer's top level
