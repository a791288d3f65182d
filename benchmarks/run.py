"""Benchmark rok_ca_forum against its peers, all measured in the same run.

    python benchmarks/run.py            # everything, about 80 seconds on 2 cores
    python benchmarks/run.py --quick    # fewer rounds, smaller scale test

Installs nothing. Peers (pycountry, us, holidays) come from the ``bench`` extra; a missing one is
reported and skipped. Results are medians over alternating runs, with ratios to the peers.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
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

COLD = {
    "rok_ca_forum": "import rok_ca_forum; rok_ca_forum.editions[12]",
    "pycountry": "import pycountry; pycountry.countries.get(alpha_2='KZ')",
    "us": "import us; us.states.lookup('MD')",
    "floor: attrs, cattrs": "import attrs, cattrs",
    "python -c pass": "pass",
}
NEEDS = {"pycountry": "pycountry", "us": "us"}
# The child reports its own peak RSS. VmHWM (Linux) is reset by exec; ru_maxrss is not (it would
# count the benchmark's own memory, inherited through fork), so it is only the fallback.
_MEMORY = """
import sys as _s
try:
    _k = [l for l in open('/proc/self/status') if l.startswith('VmHWM')][0].split()[1]
except OSError:
    import resource as _r
    _k = _r.getrusage(_r.RUSAGE_SELF).ru_maxrss
_s.stdout.write(str(_k))
"""


def _cpu() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            model = next(line.split(":", 1)[1].strip() for line in info if "model name" in line)
    except (OSError, StopIteration):
        model = platform.processor() or platform.machine()
    import os

    return f"{model}, {os.cpu_count()} cores"


def have(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


def _compile_bytecode() -> None:
    # Peers installed by pip have their bytecode compiled at install time; an editable checkout
    # of ours may not (PYTHONDONTWRITEBYTECODE), which would charge us for compiling our source.
    import compileall

    import rok_ca_forum

    compileall.compile_dir(Path(rok_ca_forum.__file__).parent, quiet=1)


def cold_start(rounds: int) -> dict[str, tuple[float, int]]:
    """Median wall time (s) and peak RSS (KiB) of each snippet in a fresh interpreter."""
    _compile_bytecode()
    cases = {k: v for k, v in COLD.items() if have(NEEDS.get(k, "sys"))}
    for missing in set(COLD) - set(cases):
        print(f"  (skipped {missing}: not installed; pip install '.[bench]')")
    times: dict[str, list[float]] = {k: [] for k in cases}
    memory: dict[str, list[int]] = {k: [] for k in cases}
    for _ in range(rounds):  # alternate the cases so drift hits them all alike
        for name, code in cases.items():
            start = time.perf_counter()
            out = subprocess.run(
                [sys.executable, "-c", code + "\n" + _MEMORY],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            times[name].append(time.perf_counter() - start)
            memory[name].append(int(out.strip().splitlines()[-1]))
    return {k: (statistics.median(times[k]), int(statistics.median(memory[k]))) for k in cases}


def per_call(func: Callable[[], Any], repeat: int = 7) -> float:
    """Median seconds per call."""
    number, _ = timeit.Timer(func).autorange()
    return statistics.median(t / number for t in timeit.Timer(func).repeat(repeat, number))


def warm() -> dict[str, float]:
    import rok_ca_forum as rcf
    from rok_ca_forum.dataset import _read
    from rok_ca_forum.loading import read_bundled

    e = rcf.editions
    e[12]
    e.search("warm-up")
    results = {
        "editions[12]": per_call(lambda: e[12]),
        "get(year=2019)": per_call(lambda: e.get(year=2019)),
        "lookup('12th')": per_call(lambda: e.lookup("12th")),
        "filter(host='KZ')": per_call(lambda: e.filter(host="KZ")),
        "filter(theme='water')": per_call(lambda: e.filter(theme="water")),
        "filter(head='Tileuberdi')": per_call(lambda: e.filter(head="Tileuberdi")),
        "search('water')": per_call(lambda: e.search("water")),
        "to_dict(every edition)": per_call(lambda: [rcf.to_dict(x) for x in e], repeat=5),
        "load bundled data (first use)": per_call(_read, repeat=5),
        "load bundled data, validating": per_call(read_bundled, repeat=5),
    }
    if have("pycountry"):
        import pycountry

        pycountry.countries.get(alpha_2="KZ")
        results["pycountry countries.get"] = per_call(lambda: pycountry.countries.get(alpha_2="KZ"))
        results["pycountry lookup"] = per_call(lambda: pycountry.countries.lookup("Kazakhstan"))
        results["pycountry search_fuzzy"] = per_call(
            lambda: pycountry.countries.search_fuzzy("Kazak"), repeat=3
        )
    return results


def synthetic(root: Path, size: int) -> Path:
    """A data directory of ``size`` editions in the bundled format, made from the real ones."""
    import rok_ca_forum

    source = Path(rok_ca_forum.__file__).parent / "data"
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
            data[key] = f"{year}{data[key][4:]}"
        for d in data["deliverables"]:
            d["date"] = None
        name = f"{n:0{len(str(size))}d}.json" if size >= 100 else f"{n:02d}.json"
        (target / "editions" / name).write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return target


def _queries(e: Any, size: int) -> dict[str, float]:
    middle = size // 2
    year = e[middle].year
    return {
        "editions[n]": per_call(lambda: e[middle], repeat=5),
        "get(year=)": per_call(lambda: e.get(year=year), repeat=5),
        "filter(host='KG')": per_call(lambda: e.filter(host="KG"), repeat=3),
        "search('water')": per_call(lambda: e.search("water"), repeat=3),
    }


def scale(sizes: list[int]) -> list[tuple[int, dict[str, float]]]:
    import rok_ca_forum as rcf

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            folder = synthetic(Path(tmp), size)
            start = time.perf_counter()
            ds = rcf.load(folder)
            load = time.perf_counter() - start
            rows.append((size, {"load": load, **_queries(ds.editions, size)}))
    return rows


def fmt(seconds: float) -> str:
    if seconds >= 1e-3:
        return f"{seconds * 1e3:9.2f} ms"
    return f"{seconds * 1e6:9.2f} µs"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds, sizes up to 1,000")
    args = parser.parse_args()
    rounds = 5 if args.quick else 15
    sizes = [100, 1000] if args.quick else [100, 1000, 10000]

    import rok_ca_forum as rcf

    print(f"rok_ca_forum {rcf.__version__} (data {rcf.DATA_VERSION})")
    print(f"Python {platform.python_version()} on {platform.platform()}, {_cpu()}")
    print(f"command: python benchmarks/run.py{' --quick' if args.quick else ''}\n")

    print(f"1. Cold start: fresh process, median of {rounds} alternating rounds")
    cold = cold_start(rounds)
    ours, ours_mem = cold["rok_ca_forum"]
    for name, (seconds, kib) in cold.items():
        ratio = ours / seconds
        print(f"  {name:24s}{fmt(seconds)}  peak {kib / 1024:6.1f} MiB  ours/this {ratio:5.2f}×")
    checks = []
    if "pycountry" in cold:
        checks.append(("cold ≤ 1.0× pycountry", ours <= cold["pycountry"][0]))
        checks.append(("peak memory ≤ pycountry", ours_mem <= cold["pycountry"][1]))
    checks.append(
        ("cold ≤ 1.15× attrs+cattrs floor", ours <= 1.15 * cold["floor: attrs, cattrs"][0])
    )

    print("\n2. Warm, in process: median per call")
    hot = warm()
    for name, seconds in hot.items():
        print(f"  {name:32s}{fmt(seconds)}")
    if "pycountry countries.get" in hot:
        ratio = hot["editions[12]"] / hot["pycountry countries.get"]
        print(f"  editions[12] / pycountry countries.get: {ratio:.2f}×")
    checks += [
        ("editions[12] ≤ 1 µs", hot["editions[12]"] <= 1e-6),
        ("filter(...) ≤ 20 µs", max(v for k, v in hot.items() if k.startswith("filter")) <= 20e-6),
        ("search(...) ≤ 200 µs", hot["search('water')"] <= 200e-6),
        ("bundled load ≤ 10 ms (as on first use)", hot["load bundled data (first use)"] <= 10e-3),
    ]

    print("\n3. Scale: synthetic datasets loaded with rcf.load")
    rows = scale(sizes)
    names = list(rows[0][1])
    print("  " + f"{'editions':>9s}" + "".join(f"{n:>20s}" for n in names))
    for size, values in rows:
        print("  " + f"{size:9d}" + "".join(f"{fmt(values[n]):>20s}" for n in names))
    if 10000 in sizes:
        big = dict(rows)[10000]
        checks.append(("10,000 editions load ≤ 1 s", big["load"] <= 1.0))
    small, large = rows[0][1], rows[-1][1]
    checks.append(("keyed look-ups flat with size (≤ 3× from smallest to largest)",
                   large["editions[n]"] <= 3 * small["editions[n]"]
                   and large["get(year=)"] <= 3 * small["get(year=)"]))  # fmt: skip

    print("\nTargets")
    for label, ok in checks:
        print(f"  [{'met' if ok else 'MISSED'}] {label}")


if __name__ == "__main__":
    main()
