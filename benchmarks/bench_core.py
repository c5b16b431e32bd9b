"""Issue 2 speed targets: import time, and loading/dumping a 10,000-statement file.

* ``python -c "import argmap"`` within 1.3x of ``python -c "import attrs, networkx"``.
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


def import_time(statement: str, repeat: int = 15) -> float:
    def run() -> None:
        subprocess.run([sys.executable, "-c", statement], check=True)

    return best_of(run, repeat)


def main() -> None:
    ours = import_time("import argmap")
    ref = import_time("import attrs, networkx")
    report("import argmap", ours, ref, "import attrs, networkx", 1.3)

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
