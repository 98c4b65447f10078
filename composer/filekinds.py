"""What kind of file a command was handed, told by its name: a piece, a chart, a patch...

A file of the wrong kind (a piece given as a patch, a patch given as a piece) is refused in
one line naming the file and what it should be, instead of failing inside the wrong reader
(Python's TOML parser on a piece, a patch run as Python).
"""

from __future__ import annotations

from pathlib import Path

from composer.errors import ComposerError
from composer.outputs import OUTPUT_KINDS

CHART_SUFFIXES = (".cho", ".chopro", ".chordpro", ".crd", ".pro", ".txt")

#: kind -> (its suffixes, what to tell someone who gave another file, whether any other name
#: will do too). A piece or a chart may be named anything but a file of another kind composer
#: knows (a patch as a piece, a MIDI file as a chart); patches, scripts and SoundFonts go by
#: their suffix, as the library finds them.
KINDS = {
    "piece": ((".py", ".rb", *CHART_SUFFIXES),
              "pieces are .py files, Sonic Pi buffers (.rb) or charts (.txt, .cho, ...)", True),
    "chart": (CHART_SUFFIXES, "charts are .txt, .cho, .chopro, .chordpro, .crd or .pro files", True),
    "patch": ((".toml",), "patches are .toml files", False),
    "gesture script": ((".toml",), "gesture scripts are .toml files", False),
    "SoundFont": ((".sf2", ".sf3"), "SoundFonts are .sf2 or .sf3 files", False),
}
#: Suffixes of the files composer knows, read or written: a file so named is of that kind only.
KNOWN_SUFFIXES = frozenset(suffix for suffixes, _, _ in KINDS.values() for suffix in suffixes) | frozenset(OUTPUT_KINDS)


class WrongKindError(ComposerError):
    """A file whose name says it is not the kind of file a command reads."""


def check_kind(path, kind: str) -> Path:
    """`path` as a Path if its name fits `kind`, else a one-line WrongKindError."""
    path = Path(path)
    suffixes, hint, any_other_name = KINDS[kind]
    suffix = path.suffix.lower()
    if suffix in suffixes or (any_other_name and suffix not in KNOWN_SUFFIXES):
        return path
    article = "an" if kind[0] in "aeiou" else "a"
    raise WrongKindError(f"{path}: not {article} {kind} ({hint})")
