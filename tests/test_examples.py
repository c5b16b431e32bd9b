"""The examples run: the script end to end, the notebook's code cells in one namespace."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def test_script_runs(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, str(EXAMPLES / "spending_clause.py"), str(tmp_path)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert "“Yes: agencies may condition grants on cooperation” is accepted" in proc.stdout
    assert (tmp_path / "spending.yaml").exists() and (tmp_path / "spending-memo.md").exists()


@pytest.mark.exe
def test_notebook_cells_run() -> None:
    nb = json.loads((EXAMPLES / "sanctuary.ipynb").read_text(encoding="utf-8"))
    namespace: dict[str, object] = {}
    for cell in nb["cells"]:
        if cell["cell_type"] != "code":
            continue
        source = "".join(cell["source"])
        exec(compile(source, "sanctuary.ipynb", "exec"), namespace)
        # what Jupyter would display for the last expression must render without error
        last = source.strip().splitlines()[-1]
        if not last.startswith(("print(", "for ", " ")) and "=" not in last.split("(")[0]:
            value = eval(last, namespace)
            bundle = value._repr_mimebundle_() if hasattr(value, "_repr_mimebundle_") else None
            if bundle is not None:
                assert "image/svg+xml" in bundle or "text/plain" in bundle
