"""Issue 2 speed targets: import time, and loading/dumping a 10,000-statement file.

* ``python -c "import argmap"`` within 1.3x of ``python -c "import attrs, networkx"``,
  with compiled ``.pyc`` files (compiled first), medians of interleaved runs. Since
  argmap no longer imports networkx at start, that reference no longer bounds much:
  ``import attrs`` (all argmap imports at start) is printed beside it (issue 12).
* loading a generated 10,000-statement YAML file (parse and validate) within 2x of
  ``yaml.load`` with PyYAML's C loader on the same file; dumping within 2x of
  ``yaml.dump`` with the C dumper on the same data.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import best_of, generated_map, report

import argmap
from argmap.formats.native import dumps, load, to_dict


def import_times(statements: list[str], repeat: int = 15) -> list[float]:
    """Median time of ``python -c statement`` for each, over interleaved runs."""
    import compileall
    import statistics
    import time

    compileall.compile_dir(str(Path(argmap.__file__).parent), quiet=1)  # .pyc present
    times: list[list[float]] = [[] for _ in statements]
    for _ in range(repeat):
        for i, statement in enumerate(statements):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", statement], check=True)
            times[i].append(time.perf_counter() - start)
    return [statistics.median(t) for t in times]


def main() -> None:
    ours, ref, bare = import_times(["import argmap", "import attrs, networkx", "import attrs"])
    report("import argmap", ours, ref, "import attrs, networkx", 1.3)
    print(f"import argmap / import attrs: {ours / bare:.2f} (reference, no target)")

    m = generated_map(10_000)
    text = dumps(m)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.yaml"
        path.write_text(text, encoding="utf-8")
        print(
            f"generated file: {len(m)} statements, {len(m.relations)} relations, "
            f"{len(text) / 2**20:.1f} MB"
        )
        loaded = load(path)
        assert loaded == m
        ours = best_of(lambda: load(path), 3)
        ref = best_of(
            lambda: yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader), 3
        )
        report("load 10k statements", ours, ref, "yaml.load(CSafeLoader)", 2.0)
    data = json.loads(json.dumps(to_dict(m)))  # plain lists for the reference dumper
    ours = best_of(lambda: dumps(m), 3)
    ref = best_of(
        lambda: yaml.dump(
            data, Dumper=yaml.CSafeDumper, sort_keys=False, allow_unicode=True, width=100
        ),
        3,
    )
    report("dump 10k statements", ours, ref, "yaml.dump(CSafeDumper)", 2.0)
    print(f"argmap {argmap.__version__}")


if __name__ == "__main__":
    main()
