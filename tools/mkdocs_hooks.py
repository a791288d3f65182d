"""MkDocs hooks: draw the timeline figure from the bundled data when the site is built."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tools.timeline import render_svg


def on_pre_build(config: Any, **_: Any) -> None:
    target = Path(config["docs_dir"]) / "generated" / "timeline.svg"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(render_svg(), encoding="utf-8")
