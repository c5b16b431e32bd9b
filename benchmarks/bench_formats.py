"""Issue 11 speed target: parsing a generated 5,000-statement Argdown document.

The same map is written as Argdown and as native YAML; reading the Argdown text
(parse, build, validate) should take at most 2x the time our loader takes to read
the native YAML of the same content. AIF reading is measured for reference.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import best_of, generated_map, report

from argmap.formats import aif, argdown, native


def main() -> None:
    m = generated_map(5_000)
    ad = argdown.dumps(m)
    yml = native.dumps(m)
    js = aif.dumps(m)
    assert argdown.loads(ad) == m
    print(
        f"generated map: {len(m)} statements, {len(m.relations)} relations; "
        f"Argdown {len(ad) / 2**20:.2f} MB, YAML {len(yml) / 2**20:.2f} MB, "
        f"AIF {len(js) / 2**20:.2f} MB",
        flush=True,
    )
    ref = best_of(lambda: native.loads(yml), 3)
    ours = best_of(lambda: argdown.loads(ad), 3)
    report("read 5k-statement Argdown", ours, ref, "native YAML loader", 2.0)
    ours = best_of(lambda: aif.loads(js), 3)
    report("read 5k-statement AIF (for reference)", ours, ref, "native YAML loader", 2.0)
    ours = best_of(lambda: argdown.dumps(m), 3)
    ref = best_of(lambda: native.dumps(m), 3)
    report("write 5k-statement Argdown", ours, ref, "native YAML dumper", 2.0)


if __name__ == "__main__":
    main()
