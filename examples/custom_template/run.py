"""Write the sanctuary casebook's memo with a custom template that extends the built-in one.

Run: python examples/custom_template/run.py [OUT_DIR]
"""

from __future__ import annotations

import sys
from pathlib import Path

import argmap as am

TEMPLATES = Path(__file__).resolve().parent / "templates"


def main(out: Path) -> Path:
    m = am.casebook.load("sanctuary")
    ev = am.evaluate(m)
    memo = am.render_brief(m, ev, template="memo", format="md", side="local", templates=TEMPLATES)
    out.mkdir(parents=True, exist_ok=True)
    path = out / "clinic-memo.md"
    memo.save(path)
    print(memo.text.split("\n\n", 1)[0])
    print(f"wrote {path}")
    return path


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("build/examples"))
