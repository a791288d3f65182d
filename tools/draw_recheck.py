"""Draw a random re-check sample of citations: ``python tools/draw_recheck.py SEED N OUT``.

Every citation in the bundled data is in the pool (editions, the Secretariat, bodies, people's
names); the sample is ``random.Random(SEED).sample`` of the full ones, then of the partial ones,
each with what its item says, so that a reader who did not edit the data can judge it against
the page.
"""

from __future__ import annotations

import json
import random
import sys
from typing import Any

import rok_ca_forum as rcf
from rok_ca_forum._format import cited_records
from rok_ca_forum.serialize import to_dict


def _says(record: Any, path: str) -> Any:
    """What the item at ``path`` says, as the file writes it (citations left out)."""
    data = to_dict(record)
    head, _, rest = path.partition(".")
    value = data.get(head)
    if not rest or not isinstance(value, list):
        return {head: value}
    key, _, sub = rest.partition(".")
    for item in value:
        if key in (item.get("key"), item.get("country"), item.get("theme"), item.get("person")):
            shown = {k: v for k, v in item.items() if not k.endswith("sources") and k != "sources"}
            return {sub: shown.get(sub), "of": shown} if sub else shown
    return None


def draw(seed: int, size: int, partial_size: int) -> dict[str, Any]:
    pool = [(where, r, c) for where, r in cited_records(rcf.load()) for c in r.citations]
    full = [x for x in pool if x[2].grade is rcf.Grade.FULL]
    partial = [x for x in pool if x[2].grade is rcf.Grade.PARTIAL]
    rng = random.Random(seed)
    picked = rng.sample(full, size) + rng.sample(partial, partial_size)
    return {
        "seed": seed,
        "pool": {"full": len(full), "partial": len(partial)},
        "sample": [
            {
                "record": where,
                "year": getattr(r, "year", None),
                "item": c.item,
                "says": _says(r, c.item),
                "source": c.source.key,
                "url": c.source.url,
                "publisher": c.source.publisher,
                "grade": c.grade.value,
                "note": c.note,
            }
            for where, r, c in picked
        ],
    }


if __name__ == "__main__":
    seed, size, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    partial_size = int(sys.argv[4]) if len(sys.argv) > 4 else 0
    with open(out, "w", encoding="utf-8") as f:
        json.dump(draw(seed, size, partial_size), f, ensure_ascii=False, indent=1)
        f.write("\n")
