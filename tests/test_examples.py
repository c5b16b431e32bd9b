"""The examples run: scripts end to end, notebooks in a Jupyter kernel, docs pages' code cells.

Notebooks are stored without outputs (the docs build and these tests produce them), and the
docs pages executed by myst-nb at build time are executed here too, so `make test` catches a
broken page before `make docs` does.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
DOCS = ROOT / "docs"
NOTEBOOKS = sorted(EXAMPLES.glob("*.ipynb"))
#: Docs pages that myst-nb executes at build time (front matter `file_format: mystnb`).
CELL_PAGES = sorted(
    p for p in DOCS.rglob("*.md") if "file_format: mystnb" in p.read_text(encoding="utf-8")[:200]
)
_CELL = re.compile(r"^```\{code-cell\}[^\n]*\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def _run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, check=False, cwd=cwd
    )


def test_script_runs(tmp_path: Path) -> None:
    proc = _run(str(EXAMPLES / "spending_clause.py"), str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    assert "“Yes: agencies may condition grants on cooperation” is accepted" in proc.stdout
    assert (tmp_path / "spending.yaml").exists() and (tmp_path / "spending-memo.md").exists()


def test_what_if_finds_the_holdings_that_decide_the_funding_issue() -> None:
    proc = _run(str(EXAMPLES / "what_if.py"), "C0")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("C0: undecided; prevailing: none")
    # rejecting the rule that only Congress may attach conditions decides C for the Executive
    assert "reject C1.R1 (No conditions without Congress): accepted; prevailing: C1" in proc.stdout


def test_what_if_reports_a_robust_outcome() -> None:
    proc = _run(str(EXAMPLES / "what_if.py"), "D0")
    assert proc.returncode == 0, proc.stderr
    assert "No single rejection changes the outcome." in proc.stdout


def test_custom_template_extends_the_builtin_memo(tmp_path: Path) -> None:
    proc = _run(str(EXAMPLES / "custom_template" / "run.py"), str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    text = (tmp_path / "clinic-memo.md").read_text(encoding="utf-8")
    assert text.startswith("*Privileged and confidential")
    assert "# Memorandum" in text  # the built-in memo is kept
    assert text.count("- [ ] Check every authority") == 8  # T0 and its seven sub-issues


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_stored_without_outputs(path: Path) -> None:
    nbformat = pytest.importorskip("nbformat")
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, path.name


@pytest.mark.exe
@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_executes(path: Path, tmp_path: Path) -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    nb = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(
        nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    )
    client.execute()  # raises CellExecutionError, naming the cell, if any cell fails
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    # the diagrams display as SVG, as they do in Jupyter
    assert any("image/svg+xml" in o.get("data", {}) for o in outputs)


def test_every_docs_page_with_code_cells_is_found() -> None:
    names = {p.relative_to(DOCS).as_posix() for p in CELL_PAGES}
    assert {"getting-started.md", "concepts.md", "tour.md", "teaching-guide.md"} <= names


@pytest.mark.exe
@pytest.mark.parametrize("page", CELL_PAGES, ids=lambda p: p.relative_to(DOCS).as_posix())
def test_docs_page_code_cells_run(page: Path, tmp_path: Path) -> None:
    cells = _CELL.findall(page.read_text(encoding="utf-8"))
    assert cells, f"{page.name} declares mystnb but has no code cells"
    namespace: dict[str, object] = {"__name__": "__main__"}
    cwd = os.getcwd()
    os.chdir(tmp_path)  # pages write files (brief.html, map.svg) as the docs build does
    try:
        for number, cell in enumerate(cells, 1):
            source = "\n".join(line for line in cell.splitlines() if not line.startswith(":"))
            exec(compile(source, f"{page.name}, code cell {number}", "exec"), namespace)
    finally:
        os.chdir(cwd)


def test_readme_picture_is_the_committed_spending_diagram() -> None:
    import xml.etree.ElementTree as ET

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "](docs/_static/readme-spending.svg)" in readme
    svg = ET.parse(DOCS / "_static" / "readme-spending.svg").getroot()
    assert svg.tag.endswith("svg")
    text = "".join(svg.itertext())
    assert "Spending Clause" in text and "May the Executive withhold or condition" in text
