"""Convert a data directory from data format 1 to data format 2, in place.

Format 1 listed sources inside each file, each with the paths it ``supports``, and cited list items
by position (``deliverables.2``). Format 2 keeps one registry of sources (``sources.json``), writes
each fact's citations beside it (``"city_sources": [...]``), grades them (a key for a page that
states the fact, ``{"source": key, "partial": "what it gives"}`` for one that gives part of it),
and gives every list item a stable key. See ``docs/data-format.md``.

    python tools/migrate_format2.py DATA_DIR [--audit AUDIT_DIR]

With ``--audit``, the verdicts of a format-1 citation audit (``audit/editions-NN.json``, ...) turn
into partial citations for the facts that format 1 marked as inferred. Run once on the bundled
data (its result is committed); users with their own data directories run it on theirs.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

MACHINE_OPENING = "Not stated in so many words by any source found; inferred from what they do say."
_STOP = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "and",
        "to",
        "in",
        "on",
        "for",
        "at",
        "by",
        "with",
        "from",
        "its",
        "was",
        "were",
        "is",
        "as",
        "that",
        "this",
        "be",
        "been",
        "their",
        "his",
        "her",
        "it",
        "which",
        "who",
        "into",
        "over",
        "after",
        "before",
        "about",
        "also",
        "than",
        "then",
        "there",
    ]
)
_HOST_PREFIXES = ("www01.", "www.", "m.", "eng.", "en.", "tr.", "dev.", "paper.", "biz.", "amp.")


def slug(text: str, words: int = 4) -> str:
    """Up to ``words`` significant words of ``text``, lower-case ASCII, joined by hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    found = [w for w in re.findall(r"[a-z0-9]+", ascii_text.lower()) if w not in _STOP]
    return "-".join(found[:words])


def unique(key: str, taken: set[str], fallback: str) -> str:
    """``key`` (``fallback`` if empty or not starting with a letter), unique in ``taken``."""
    if not key or not key[0].isalpha():
        key = f"{fallback}-{key}" if key else fallback
    candidate, n = key, 2
    while candidate in taken:
        candidate, n = f"{key}-{n}", n + 1
    taken.add(candidate)
    return candidate


# --- the registry of sources ------------------------------------------------------------------


def source_key(url: str, published: str | None, taken: set[str]) -> str:
    parts = urlsplit(url)
    host = (parts.hostname or "page").lower()
    for prefix in _HOST_PREFIXES:
        host = host.removeprefix(prefix)
    labels = host.split(".")
    label = labels[0] if not labels[0].isdigit() else "-".join(labels[:2])
    label = re.sub(r"[^a-z0-9]+", "-", label).strip("-")
    rest = parts.path + "?" + parts.query
    digits = re.findall(r"[0-9]{4,}", rest)
    if digits:
        tail = max(digits, key=len)[-10:]
    else:
        segment = [s for s in parts.path.split("/") if s]
        tail = slug(segment[-1], 3) if segment else (published or "")
    key = re.sub(r"-+", "-", f"{label}-{tail}".lower()).strip("-")
    candidate, n = key, 2
    while candidate in taken:
        candidate, n = f"{key}-{n}", n + 1
    taken.add(candidate)
    return candidate


_REPOST = re.compile(
    r"\((?P<what>[^()]*(?:repost|reprint|copy|via|wire|release|relaying|summary|Yonhap|News1"
    r"|Sputnik)[^()]*)\)"
)


def split_publisher(text: str) -> tuple[str, str | None]:
    """Format 1's publisher text as (who publishes the page, what it reposts, if anything)."""
    reposts = [m.group("what") for m in _REPOST.finditer(text)]
    publisher = _REPOST.sub("", text).strip().rstrip(",").strip()
    kept = [r for r in reposts if not r.startswith("copy on")]
    return publisher or text, ("; ".join(kept) or None)


def registry(
    records: list[tuple[str, dict[str, Any]]],
) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """One entry per URL (the fullest description wins) and each URL's key."""
    by_url: dict[str, list[dict[str, Any]]] = {}
    for _, record in records:
        for source in record.get("sources", []):
            by_url.setdefault(source["url"], []).append(source)
    taken: set[str] = set()
    entries, keys = [], {}
    for url in sorted(by_url):
        described = by_url[url]
        best = max(described, key=lambda s: sum(v is not None for v in s.values()))
        publisher, repost_of = split_publisher(best["publisher"])
        key = source_key(url, best.get("published"), taken)
        entry: dict[str, Any] = {
            "key": key,
            "url": url,
            "publisher": publisher,
            "title": next((s["title"] for s in described if s.get("title")), None),
            "language": best.get("language"),
            "published": next((s["published"] for s in described if s.get("published")), None),
            "retrieved": max((s.get("retrieved") or "" for s in described), default="") or None,
            "repost_of": repost_of,
        }
        keys[url] = key
        entries.append(entry)
    entries.sort(key=lambda e: str(e["key"]))
    return entries, keys


# --- one record -------------------------------------------------------------------------------


class Record:
    """One format-1 record being rewritten: its citations by path, its inferences, its keys."""

    def __init__(self, raw: dict[str, Any], keys: dict[str, str], audit: dict[str, Any]) -> None:
        self.raw = raw
        self.keys = keys
        self.cited: dict[str, list[Any]] = {}
        for source in raw.get("sources", []):
            for path in source["supports"]:
                self.cited.setdefault(path, []).append(keys[source["url"]])
        self.publishers: dict[str, list[str]] = {}
        for source in raw.get("sources", []):
            self.publishers.setdefault(source["publisher"], []).append(keys[source["url"]])
        self.partly: dict[str, list[tuple[str, str]]] = {}
        for checked in audit.get("sources", []):
            key = keys.get(checked["url"])
            for path, verdict in (checked.get("supports") or {}).items():
                if key and isinstance(verdict, str) and verdict.startswith("partly:"):
                    self.partly.setdefault(path, []).append((key, verdict[7:].strip()))
        self.inferred = {i["field"]: i["note"] for i in raw.get("inferred", [])}
        self.renamed: dict[str, str] = {}  # format-1 path -> format-2 path

    def provenance(self, old: str) -> dict[str, Any]:
        """The citations (and inference) of the fact or item at format-1 path ``old``."""
        out: dict[str, Any] = {}
        full = list(dict.fromkeys(self.cited.get(old, [])))
        partial: list[dict[str, str]] = []
        if old in self.inferred:
            note = self.inferred[old]
            # The audit judged each page by its URL: its verdicts come first.
            for key, said in self.partly.get(old, []):
                if key not in full and all(p["source"] != key for p in partial):
                    partial.append({"source": key, "partial": said})
            if note.startswith(MACHINE_OPENING):
                for fragment in note[len(MACHINE_OPENING) :].split(" / "):
                    publisher, _, said = fragment.strip().partition(": ")
                    named = self.publishers.get(publisher, [])
                    if len(named) != 1 or not said:  # a publisher of two pages: ambiguous
                        continue
                    key = named[0]
                    if key not in full and all(p["source"] != key for p in partial):
                        partial.append({"source": key, "partial": said.strip()})
                note = "TODO: " + note[len(MACHINE_OPENING) :].strip()
            out["inferred"] = note
        cites: list[Any] = [*full, *partial]
        if cites:
            out["sources"] = cites
        return out

    def fact(self, out: dict[str, Any], name: str, value: Any, old: str | None = None) -> None:
        """Write ``name`` and, beside it, its inference and citations."""
        out[name] = value
        if value is None:
            return
        for what, given in self.provenance(old or name).items():
            out[f"{name}_{what}"] = given

    def items(
        self, field: str, values: list[Any], key_of: Any, write: Any, positional: bool = True
    ) -> list[Any]:
        """Each item of list ``field`` with its own key, fields, inference and citations.

        ``positional``: format 1 cited these items by position (not by country or slug).
        """
        taken: set[str] = set()
        written = []
        for index, value in enumerate(values):
            key = key_of(value, taken)
            old = f"{field}.{index}" if positional else f"{field}.{key}"
            self.renamed[old] = f"{field}.{key}"
            item = write(value, key)
            item.update(self.provenance(old))
            written.append(item)
        return written

    def statements(self, field: str, values: list[str], fallback: str) -> list[Any]:
        return self.items(
            field,
            values,
            lambda text, taken: unique(slug(text), taken, fallback),
            lambda text, key: {"key": key, "text": text},
        )

    def discrepancies(self) -> list[Any]:
        def write(d: dict[str, Any], key: str) -> dict[str, Any]:
            alternatives = [
                {**a, "sources": [self.keys[u] for u in a.get("sources", [])]}
                for a in d.get("alternatives", [])
            ]
            field = self.renamed.get(d["field"], d["field"])
            item = {"key": key, **d, "field": field, "alternatives": alternatives}
            if d["field"] == "claims":
                extra = [
                    k for k in self.cited.get("claims", []) if k not in item.get("sources", [])
                ]
                if extra:
                    item["_claims"] = extra
            return item

        written = self.items(
            "discrepancies",
            self.raw.get("discrepancies", []),
            lambda d, taken: unique(
                slug(d["field"].replace("_", " ").replace(".", " ")), taken, "about"
            ),
            write,
        )
        for item in written:
            extra = item.pop("_claims", [])
            if extra:
                item["sources"] = list(dict.fromkeys([*item.get("sources", []), *extra]))
            order = ["key", "field", "value", "alternatives", "note", "sources"]
            item_sorted = {k: item[k] for k in order if k in item}
            item.clear()
            item.update(item_sorted)
        return written


def edition(raw: dict[str, Any], keys: dict[str, str], audit: dict[str, Any]) -> dict[str, Any]:
    r = Record(raw, keys, audit)
    out: dict[str, Any] = {"number": raw["number"]}
    for name in (
        "year",
        "status",
        "start_date",
        "end_date",
        "city",
        "host",
        "venue",
        "level",
        "format",
        "participants",
        "motto",
    ):
        r.fact(out, name, raw[name])

    def delegation(d: dict[str, Any], key: str) -> dict[str, Any]:
        item: dict[str, Any] = {"country": d["country"]}
        for name in ("head", "head_title"):
            r.fact(item, name, d[name], f"delegations.{key}.{name}")
        item["rank"] = d["rank"]
        return item

    out["delegations"] = r.items(
        "delegations",
        raw["delegations"],
        lambda d, taken: d["country"],
        delegation,
        positional=False,
    )
    out["themes"] = r.items(
        "themes",
        raw["themes"],
        lambda t, taken: t,
        lambda t, key: {"theme": t},
        positional=False,
    )
    out["agenda"] = r.statements("agenda", raw["agenda"], "session")

    def deliverable(d: dict[str, Any], key: str) -> dict[str, Any]:
        return {"key": key, **d}

    out["deliverables"] = r.items(
        "deliverables",
        raw["deliverables"],
        lambda d, taken: unique(slug(d["title"], 5), taken, d["kind"].replace("_", "-")),
        deliverable,
    )
    out["notes"] = r.statements("notes", raw["notes"], "note")
    out["discrepancies"] = r.discrepancies()
    return out


def secretariat(raw: dict[str, Any], keys: dict[str, str], audit: dict[str, Any]) -> dict[str, Any]:
    r = Record(raw, keys, audit)
    out: dict[str, Any] = {}
    for name in ("names", "agreed", "proclaimed", "opened", "operator", "seat"):
        r.fact(out, name, raw[name])
    out["purpose"] = r.statements("purpose", raw["purpose"], "aim")
    out["governance"] = r.statements("governance", raw["governance"], "rule")
    out["heads"] = r.items(
        "heads",
        raw["heads"],
        lambda h, taken: unique(h["person"], taken, "head"),
        lambda h, key: dict(h),
    )
    out["work_plans"] = r.items(
        "work_plans",
        raw["work_plans"],
        lambda w, taken: unique(f"plan-{w['year']}", taken, "plan"),
        lambda w, key: {"key": key, **w},
    )
    out["notes"] = r.statements("notes", raw["notes"], "note")
    out["discrepancies"] = r.discrepancies()
    return out


def body(raw: dict[str, Any], keys: dict[str, str], audit: dict[str, Any]) -> dict[str, Any]:
    r = Record(raw, keys, audit)
    out: dict[str, Any] = {"id": raw["id"]}
    for name in ("name", "established", "description"):
        r.fact(out, name, raw[name])

    def meeting_key(m: dict[str, Any], taken: set[str]) -> str:
        if m.get("number") is not None:
            return unique(f"meeting-{m['number']}", taken, "meeting")
        return unique(f"meeting-{m.get('date') or 'undated'}", taken, "meeting")

    out["meetings"] = r.items(
        "meetings", raw["meetings"], meeting_key, lambda m, key: {"key": key, **m}
    )
    out["notes"] = r.statements("notes", raw["notes"], "note")
    out["discrepancies"] = r.discrepancies()
    return out


def person(raw: dict[str, Any], keys: dict[str, str], audit: dict[str, Any]) -> dict[str, Any]:
    r = Record(raw, keys, audit)
    out: dict[str, Any] = {"id": raw["id"], "name": raw["name"], "aliases": raw["aliases"]}
    for name in ("name_ko", "name_ru"):
        r.fact(out, name, raw[name])
    return out


def _audit(folder: Path | None, name: str) -> Any:
    if folder is None or not (folder / name).is_file():
        return {}
    return json.loads((folder / name).read_text(encoding="utf-8"))


def _write(path: Path, data: Any) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def migrate(root: Path, audit: Path | None = None) -> None:
    """Rewrite the format-1 data directory ``root`` as format 2."""
    edition_files = sorted((root / "editions").glob("*.json"))
    editions = [(p, json.loads(p.read_text(encoding="utf-8"))) for p in edition_files]
    secretariat_file = root / "secretariat.json"
    bodies_file = root / "bodies.json"
    people_file = root / "people.json"
    sec = (
        json.loads(secretariat_file.read_text(encoding="utf-8"))
        if secretariat_file.is_file()
        else None
    )
    bodies = json.loads(bodies_file.read_text(encoding="utf-8")) if bodies_file.is_file() else []
    people = json.loads(people_file.read_text(encoding="utf-8"))
    everything = [("e", e) for _, e in editions] + [("b", b) for b in bodies]
    everything += [("p", p) for p in people] + ([("s", sec)] if sec else [])
    sources, keys = registry(everything)
    _write(root / "sources.json", sources)
    for path, raw in editions:
        _write(path, edition(raw, keys, _audit(audit, f"editions-{raw['number']:02d}.json")))
    if sec is not None:
        _write(secretariat_file, secretariat(sec, keys, _audit(audit, "secretariat.json")))
    if bodies:
        body_audit = {b["record"]: b for b in (_audit(audit, "bodies.json") or [])}
        _write(bodies_file, [body(b, keys, body_audit.get(b["id"], {})) for b in bodies])
    _write(people_file, [person(p, keys, {}) for p in people])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--audit", type=Path, default=None)
    args = parser.parse_args(argv)
    if (args.data_dir / "sources.json").exists():
        print(f"{args.data_dir} is already in format 2", file=sys.stderr)
        return 1
    migrate(args.data_dir, args.audit)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
