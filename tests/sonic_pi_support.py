"""What the Sonic Pi buffer tests wait for: names and forms of issue 8 that may not have landed.

Each probe answers '' when the piece namespace has what a test needs, else the reason; a test
marked `waits_for(...)` is a strict expected failure until then, so it turns itself on (and an
unexpected pass is reported) when the name lands.
"""

from __future__ import annotations

import inspect
import tempfile
from pathlib import Path

import pytest

from composer.runtime import dsl
from composer.runtime.piece import PieceDefinition
from pieces import run_piece


def namespace() -> dict:
    return dsl.PieceAPI(PieceDefinition(path=Path("x.rb"))).namespace()


def lacks(*names) -> str:
    """'' when the piece namespace has every name, else the reason a test must wait."""
    missing = [name for name in names if name not in namespace()]
    return f"the piece namespace lacks {', '.join(missing)} (issue 8)" if missing else ""


def _top_level_plays() -> bool:
    """Whether a piece's top level is a thread yet (issue 8): `play` outside any live_loop."""
    with tempfile.TemporaryDirectory() as tmp:
        try:
            run_piece(Path(tmp), "play 60\nsleep 1\n", beats=2, name="probe.rb")
        except Exception:  # noqa: BLE001 - any refusal means: not yet
            return False
    return True


TOP_LEVEL = "" if _top_level_plays() else "a piece's top level does not play yet (issue 8: top level as a thread)"


def waits_for(*reasons):
    reason = "; ".join(r for r in reasons if r)
    return pytest.mark.xfail(bool(reason), reason=reason, strict=True)


def takes(function: str, option: str) -> str:
    """'' when the namespace's `function` accepts the keyword `option`, else the reason to wait."""
    target = namespace().get(function)
    if target is None:
        return f"the piece namespace lacks {function} (issue 8)"
    parameters = inspect.signature(target).parameters.values()
    if any(p.name == option or p.kind is p.VAR_KEYWORD for p in parameters):
        return ""
    return f"{function} does not take Sonic Pi's {option}: yet (issue 8)"


def answers(function: str, *args, **options) -> str:
    """'' when the namespace's pure `function` answers these arguments, else the reason to wait."""
    try:
        namespace()[function](*args, **options)
    except Exception as error:  # noqa: BLE001 - any refusal means: not yet
        return f"{function} refuses {options}: {error} (issue 8)"
    return ""
