"""MkDocs hooks: draw the timeline figure from the bundled data when the site is built.

The figure exists only in the build: it is added to MkDocs' file list, never written into
docs/, so a docs build leaves the checkout as it found it.
"""

from __future__ import annotations

from typing import Any

from mkdocs.structure.files import File, Files

from tools.timeline import README_COPY, render_svg


def on_files(files: Files, config: Any, **_: Any) -> Files:
    files.append(File.generated(config, "generated/timeline.svg", content=render_svg()))
    # The home page is the README, whose picture is the committed copy at docs/timeline.svg.
    files.append(File.generated(config, README_COPY, content=render_svg()))
    return files
