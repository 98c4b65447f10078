"""Loading a piece into a runtime: a Python piece, a Sonic Pi buffer (`.rb`, through
composer.ruby, chosen by composer.runtime.piece.top_level) or a chart (its band, composer.accompany).

`load` makes a runtime; `prepare` runs an edited piece beside a running one and hands back
`adopt(now)`, so a live session can give a slow edit a deadline (composer.live.reload).
"""

from __future__ import annotations

import time
from pathlib import Path

from composer import context
from composer.filekinds import check_kind
from composer.runtime.dsl import PieceAPI
from composer.runtime.engine import Runtime
from composer.runtime.piece import PieceDefinition, is_chart, top_level

#: CPU time a reload reads an edited top level that plays on past the running one's loops.
READ_SECONDS = 0.1


def load(path, seed: int = 0, bpm=None, until=None) -> Runtime:
    """Load a piece file: run its top level as the runtime's first thread (a chart has none),
    and return the runtime, ready to produce its events."""
    path = check_kind(path, "piece")
    if is_chart(path):
        context.new_top_level(seed)
        api = PieceAPI(PieceDefinition(path=path))
        runtime = Runtime(_definition(api, path, seed), seed=seed, bpm=bpm, until=until)
        api.runtime = runtime
        return runtime
    definition = PieceDefinition(path=path)
    runtime = Runtime(definition, seed=seed, bpm=bpm, until=until)
    namespace = PieceAPI(definition, runtime).namespace()
    runtime.run_top_level(top_level(path, namespace), namespace)
    return runtime


def reload(runtime: Runtime, path, now) -> None:
    """Re-read a piece into a running runtime; on any error the runtime is left as it was."""
    prepare(path, runtime)(now)


def prepare(path, runtime: Runtime):
    """Run an edited piece's top level and return `adopt(now)`, which hands what it defined to
    the runtime. The top level runs in a scratch runtime (so a broken edit changes nothing, and
    its own notes and threads are not played again); it only reads the running one, so it may
    run on another thread than the music (a live session gives a slow one a deadline, see
    composer.live.reload). `adopt` rebinds its functions to the running runtime."""
    path = Path(path)
    definition = PieceDefinition(path=path)
    scratch = Runtime(definition, seed=runtime.seed, bpm=runtime.bpm_override)
    api = PieceAPI(definition, scratch)
    api.replacing = set(runtime.loops)
    if is_chart(path):
        context.new_top_level(runtime.seed)
        definition = _definition(api, path, runtime.seed)
    else:
        namespace = api.namespace()
        try:
            scratch.run_top_level(top_level(path, namespace), namespace, _reads_on(runtime))
        finally:
            scratch.close()  # a top level that loops for ever is not played again (see Runtime.reload)

    def adopt(now) -> None:
        runtime.reload(definition, now)
        api.runtime = runtime

    return adopt


def _reads_on(runtime: Runtime):
    """How far a reload reads an edited top level that plays on (one that loops for ever would
    otherwise be read for TOP_LEVEL_BEATS, which for dense chords takes most of the reload's
    deadline, composer.live.reload): past every beat where the running one defined a loop,
    so none is removed that the edit still defines there, then on while it costs under
    READ_SECONDS of CPU, to find loops the edit adds later. Its own notes are not played."""
    last = max((loop.offset for loop in runtime.piece.loops.values()), default=0)
    began = time.thread_time()
    return lambda top: top.state.time <= last or time.thread_time() - began < READ_SECONDS


def _definition(api: PieceAPI, path, seed: int) -> PieceDefinition:
    from composer.accompany.chart_piece import load_chart_piece

    return load_chart_piece(path, api, seed)
