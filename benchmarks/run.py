"""Benchmark rok_ca_forum against its peers, every command paired with its peer run by run.

    python benchmarks/run.py            # everything, a few minutes on 2 cores
    python benchmarks/run.py --quick    # fewer rounds, scale up to 1,000 editions

Installs nothing. Peers (pycountry, us) come from the ``bench`` extra; a missing one is reported
and skipped. Each comparison runs the two commands back to back, in alternating order, round
after round; the figure reported is the median of the per-pair ratios (or differences), which a
machine's drift affects far less than a ratio of two separate medians.
"""

from __future__ import annotations

import argparse
import functools
import importlib.util
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import timeit
from collections.abc import Callable
from pathlib import Path
from typing import Any

OURS = "import rok_ca_forum; rok_ca_forum.editions[12]"
#: (label, our command, the peer's command, module the peer needs)
COLD_PAIRS = [
    ("ours / pycountry countries.get", OURS,
     "import pycountry; pycountry.countries.get(alpha_2='KZ')", "pycountry"),
    ("ours / us states.lookup", OURS, "import us; us.states.lookup('MD')", "us"),
    ("ours / import attrs (the floor)", OURS, "import attrs", "attrs"),
    ("rcf.load() / rcf.editions", "import rok_ca_forum; rok_ca_forum.load()", OURS, "attrs"),
]  # fmt: skip
FIRST_TO_DICT = (OURS + "; rok_ca_forum.to_dict(rok_ca_forum.editions[12])", OURS)


def _cpu() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            model = next(line.split(":", 1)[1].strip() for line in info if "model name" in line)
    except (OSError, StopIteration):
        model = platform.processor() or platform.machine()
    return f"{model}, {os.cpu_count()} cores"


def have(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


def _compile_bytecode() -> None:
    # Peers installed by pip have their bytecode compiled at install time; an editable checkout
    # of ours may not (PYTHONDONTWRITEBYTECODE), which would charge us for compiling our source.
    import compileall

    import rok_ca_forum

    compileall.compile_dir(Path(rok_ca_forum.__file__).parent, quiet=1)


def _run(code: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    return time.perf_counter() - start


def paired(first: Callable[[], float], second: Callable[[], float], rounds: int) -> list[float]:
    """``(first, second)`` timings, run back to back, in alternating order; one pair a round."""
    pairs = []
    for i in range(rounds):
        if i % 2:
            b, a = second(), first()
        else:
            a, b = first(), second()
        pairs.append((a, b))
    return [a / b for a, b in pairs]


def cold_start(rounds: int) -> dict[str, float]:
    """Median per-pair ratio of each cold command to its peer, each in a fresh interpreter."""
    _compile_bytecode()
    results = {}
    for label, ours, peer, needs in COLD_PAIRS:
        if not have(needs):
            print(f"  (skipped {label}: {needs} not installed; pip install '.[bench]')")
            continue
        ratios = paired(functools.partial(_run, ours), functools.partial(_run, peer), rounds)
        results[label] = statistics.median(ratios)
        print(f"  {label:36s} median of per-pair ratios {results[label]:5.2f}×")
    with_dict, without = FIRST_TO_DICT
    differences = []
    for _ in range(rounds):
        a, b = _run(with_dict), _run(without)
        differences.append(a - b)
    results["first to_dict adds (s)"] = statistics.median(differences)
    added = results["first to_dict adds (s)"]
    print(f"  {'first to_dict() in a fresh process adds':36s} {fmt(added)}")
    return results


def per_call(func: Callable[[], Any], repeat: int = 7) -> float:
    """Median seconds per call."""
    number, _ = timeit.Timer(func).autorange()
    return statistics.median(t / number for t in timeit.Timer(func).repeat(repeat, number))


def warm() -> dict[str, float]:
    import rok_ca_forum as rcf
    from rok_ca_forum.loading import DATA_DIR
    from rok_ca_forum.loading import _dataset as read_dataset

    e = rcf.editions
    e[12]
    e.search("warm-up")
    rcf.to_json(e[12])
    from rok_ca_forum.loading import _build_bundled as fast

    results = {
        "editions[12]": per_call(lambda: e[12]),
        "get(year=2019)": per_call(lambda: e.get(year=2019)),
        "lookup('12th')": per_call(lambda: e.lookup("12th")),
        "filter(host='KZ')": per_call(lambda: e.filter(host="KZ")),
        "filter(theme='water')": per_call(lambda: e.filter(theme="water")),
        "filter(head='Tileuberdi')": per_call(lambda: e.filter(head="Tileuberdi")),
        "search('water')": per_call(lambda: e.search("water")),
        "to_dict(editions[12])": per_call(lambda: rcf.to_dict(e[12])),
        "to_json(editions[12])": per_call(lambda: rcf.to_json(e[12])),
        "to_json(editions[12], indent=None)": per_call(lambda: rcf.to_json(e[12], indent=None)),
        "load bundled data (first use)": per_call(fast, repeat=5),
        "load bundled data, validating": per_call(lambda: read_dataset(Path(DATA_DIR)), repeat=5),
    }
    for name, seconds in results.items():
        print(f"  {name:38s}{fmt(seconds)}")
    return results


def synthetic(root: Path, size: int) -> Path:
    """A data directory of ``size`` editions in the bundled format, made from the real ones."""
    from rok_ca_forum.loading import DATA_DIR

    source = Path(DATA_DIR)
    target = root / f"n{size}"
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("editions"))
    (target / "editions").mkdir()
    templates = [
        json.loads(p.read_text("utf-8")) for p in sorted((source / "editions").glob("*.json"))
    ]
    templates = [t for t in templates if t["status"] == "held" and t["start_date"]]
    for n in range(1, size + 1):
        data = dict(templates[n % len(templates)])
        year = 2000 + (n - 1) * 190 // size  # non-decreasing, inside the loader's plausible range
        data["number"], data["year"] = n, year
        for key in ("start_date", "end_date"):
            if data[key] is not None:
                data[key] = f"{year}{data[key][4:]}"
        for d in data["deliverables"]:
            d["date"] = None
        name = f"{n:0{len(str(size))}d}.json" if size >= 100 else f"{n:02d}.json"
        (target / "editions" / name).write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return target


def _stdlib_floor(folder: Path) -> Callable[[], Any]:
    """Read and parse every file the loader reads, keeping the results: what any load must do."""

    def read_all() -> list[Any]:
        names = [folder / n for n in ("countries.json", "themes.json", "people.json")]
        names += sorted((folder / "editions").glob("*.json"))
        return [json.loads(path.read_bytes()) for path in names]

    return read_all


def _timed(func: Callable[[], Any]) -> float:
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def scale(sizes: list[int], rounds: int) -> dict[int, tuple[float, float]]:
    """For each size: median load time, and median per-pair ratio of load to the stdlib floor."""
    import rok_ca_forum as rcf

    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            folder = synthetic(Path(tmp), size)
            times: list[float] = []

            def load(f: Path = folder, t: list[float] = times) -> float:
                t.append(_timed(lambda: rcf.load(f)))
                return t[-1]

            def floor(f: Path = folder) -> float:
                return _timed(_stdlib_floor(f))

            ratios = paired(load, floor, max(3, rounds // 3))
            results[size] = (statistics.median(times), statistics.median(ratios))
            load_s, ratio = results[size]
            print(f"  {size:6d} editions: load {fmt(load_s)}, {fmt(load_s / size)} per edition, "
                  f"{ratio:4.2f}× the stdlib floor (read + json.loads)")  # fmt: skip
            editions = rcf.load(folder).editions
            middle = editions[size // 2]
            keyed = per_call(functools.partial(editions.__getitem__, middle.number), repeat=5)
            by_year = per_call(functools.partial(editions.get, year=middle.year), repeat=5)
            print(f"  {'':6s}           editions[n] {fmt(keyed)}, get(year=) {fmt(by_year)}")
            KEYED[size] = max(keyed, by_year)
    return results


#: The slower of the two keyed look-ups at each size, filled by scale().
KEYED: dict[int, float] = {}


_MEMORY = """
import gc, tracemalloc
from pathlib import Path
from rok_ca_forum.loading import DATA_DIR
from rok_ca_forum.loading import _dataset as read_dataset
from rok_ca_forum.search import SearchIndex
read_dataset(Path(DATA_DIR)); SearchIndex(())  # imports and one-time caches out of the way
gc.collect(); tracemalloc.start()
before = tracemalloc.get_traced_memory()[0]
dataset = read_dataset(Path(DATA_DIR))
after_dataset = tracemalloc.get_traced_memory()[0]
index = SearchIndex(dataset.editions)
after_index = tracemalloc.get_traced_memory()[0]
print(after_dataset - before, after_index - after_dataset)
"""


_PEAK = """
import sys as _s
try:
    _k = [l for l in open('/proc/self/status') if l.startswith('VmHWM')][0].split()[1]
except OSError:
    import resource as _r
    _k = _r.getrusage(_r.RUSAGE_SELF).ru_maxrss
_s.stdout.write(str(_k))
"""


def peak_memory(rounds: int) -> tuple[int, int]:
    """Median peak RSS (KiB) of our cold start and pycountry's, in fresh interpreters."""
    peer = COLD_PAIRS[0][2]

    def peak(code: str) -> int:
        out = subprocess.run(
            [sys.executable, "-c", code + "\n" + _PEAK], capture_output=True, text=True, check=True
        ).stdout
        return int(out.strip().splitlines()[-1])

    ours = statistics.median(peak(OURS) for _ in range(rounds))
    theirs = statistics.median(peak(peer) for _ in range(rounds)) if have("pycountry") else 0
    print(
        f"  peak RSS, cold start: ours {ours / 1024:6.1f} MiB, pycountry {theirs / 1024:6.1f} MiB"
    )
    return int(ours), int(theirs)


def memory() -> tuple[int, int]:
    """Bytes held by the dataset, and by its search index, in a fresh interpreter."""
    out = subprocess.run(
        [sys.executable, "-c", _MEMORY], capture_output=True, text=True, check=True
    ).stdout
    dataset, index, *_ = map(int, out.split())
    print(f"  dataset {dataset / 1024:7.1f} KiB, search index {index / 1024:7.1f} KiB "
          f"({index / dataset:.2f}× the dataset)")  # fmt: skip
    return dataset, index


def fmt(seconds: float) -> str:
    if seconds >= 1e-3:
        return f"{seconds * 1e3:9.2f} ms"
    return f"{seconds * 1e6:9.2f} µs"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds, sizes up to 1,000")
    args = parser.parse_args()
    rounds = 6 if args.quick else 20
    sizes = [100, 1000] if args.quick else [100, 1000, 10000]

    import rok_ca_forum as rcf

    print(f"rok_ca_forum {rcf.__version__} (data {rcf.DATA_VERSION})")
    print(f"Python {platform.python_version()} on {platform.platform()}, {_cpu()}")
    print(f"command: python benchmarks/run.py{' --quick' if args.quick else ''}\n")

    print(f"1. Cold start: fresh processes, {rounds} pairs each")
    cold = cold_start(rounds)
    print("\n2. Warm, in process: median per call")
    hot = warm()
    print("\n3. Scale: synthetic datasets loaded with rcf.load(path), paired with the floor")
    big = scale(sizes, rounds)
    print("\n4. Memory")
    dataset_bytes, index_bytes = memory()
    ours_peak, pycountry_peak = peak_memory(max(3, rounds // 4))

    checks = [
        ("cold ≤ 1.0× pycountry", cold.get("ours / pycountry countries.get", 0) <= 1.0),
        ("rcf.load() costs the same as rcf.editions (≤ 1.05×)",
         cold["rcf.load() / rcf.editions"] <= 1.05),
        ("first to_dict in a fresh process adds ≤ 10 ms", cold["first to_dict adds (s)"] <= 10e-3),
        ("to_dict(edition) ≤ 25 µs", hot["to_dict(editions[12])"] <= 25e-6),
        ("to_json(edition) ≤ 60 µs", hot["to_json(editions[12])"] <= 60e-6),
        ("editions[12] ≤ 1 µs", hot["editions[12]"] <= 1e-6),
        ("filter(...) ≤ 20 µs", max(v for k, v in hot.items() if k.startswith("filter")) <= 20e-6),
        ("search(...) ≤ 200 µs", hot["search('water')"] <= 200e-6),
        ("load(path) of 1,000 ≤ 2.5× the stdlib floor", big[1000][1] <= 2.5),
        ("search index ≤ the dataset's memory", index_bytes <= dataset_bytes),
        ("peak memory ≤ pycountry's", not pycountry_peak or ours_peak <= pycountry_peak),
        ("keyed look-ups flat with size (≤ 3× from smallest to largest)",
         KEYED[max(KEYED)] <= 3 * KEYED[min(KEYED)]),
    ]  # fmt: skip
    if 10000 in big:
        growth = (big[10000][0] / 10000) / (big[1000][0] / 1000)
        print(f"\n  per-edition load cost at 10,000 / at 1,000: {growth:.2f}×")
        checks.append(("per-edition cost at 10,000 ≤ 1.1× that at 1,000", growth <= 1.1))
    print("\nTargets")
    for label, ok in checks:
        print(f"  [{'met' if ok else 'MISSED'}] {label}")


if __name__ == "__main__":
    main()
