"""Checks for modelling traps (issue 15 §5), the balance report, and the import graph."""

from __future__ import annotations

import ast
import importlib
import json
from pathlib import Path

import attrs
import pytest

import argmap
from argmap import ArgumentMap, casebook
from argmap.checks import Balance, balance
from argmap.cli import main

PACKAGE = Path(argmap.__file__).parent


def rivals(*, mutual: bool) -> ArgumentMap:
    m = ArgumentMap(parties={"us": "United States", "city": "City"})
    m.authority("dole", "case", "South Dakota v. Dole", "South Dakota v. Dole, 483 U.S. 203 (1987)")
    q = m.issue("May grants be conditioned?", id="Q")
    yes = m.claim("Yes", id="YES", party="us", answers=q, cites=["dole"])
    m.claim("No", id="NO", party="city", answers=q, attacks=yes, cites=["dole"])
    if mutual:
        m.attack("YES", "NO")
    return m


# ---------------------------------------------------------------- one-way attacks


def test_a_one_way_attack_between_rival_answers_is_flagged() -> None:
    (p,) = [p for p in rivals(mutual=False).check() if p.code == "one-way-attack"]
    assert p.severity == "warning" and p.node == "NO"
    # it says what to do: make the conflict mutual, or rebut a premise instead
    assert "m.attack('YES', 'NO')" in p.message and "premise" in p.message


def test_a_mutual_conflict_is_not_flagged() -> None:
    assert not [p for p in rivals(mutual=True).check() if p.code == "one-way-attack"]


def test_an_attack_on_a_claim_of_another_issue_is_not_a_rival_attack() -> None:
    m = ArgumentMap()
    a = m.claim("a", answers=m.issue("one?"))
    m.claim("b", answers=m.issue("two?"), attacks=a)
    assert not [p for p in m.check() if p.code == "one-way-attack"]


def test_the_warning_carries_the_line_of_a_loaded_map() -> None:
    m = argmap.loads(
        "argmap: 1\n"
        "statements:\n"
        "  Q: {issue: Valid?}\n"
        "  A: {claim: 'Yes', answers: Q}\n"
        "  B: {claim: 'No', answers: Q, attacks: A}\n"
    )
    (p,) = [p for p in m.check() if p.code == "one-way-attack"]
    assert p.line == 5


# ---------------------------------------------------------------- bare answers


def test_an_answer_with_no_premise_and_no_authority_is_flagged() -> None:
    m = ArgumentMap()
    q = m.issue("?")
    bare = m.claim("yes", answers=q)
    argued = m.claim("no", answers=q)
    m.premise("because", supports=argued)
    loose = m.claim("an aside")
    codes = {(p.code, p.node) for p in m.check() if p.code.startswith("unsupported")}
    assert codes == {("unsupported-answer", bare.id), ("unsupported-claim", loose.id)}
    (p,) = [p for p in m.check() if p.code == "unsupported-answer"]
    assert "full argument" in p.message and "Q1" in p.message


def test_an_answer_citing_an_authority_is_not_flagged() -> None:
    assert not [p for p in rivals(mutual=True).check() if p.code.startswith("unsupported")]


# ---------------------------------------------------------------- balance


def lopsided() -> ArgumentMap:
    m = ArgumentMap(parties={"us": "United States", "city": "City"})
    q = m.issue("May grants be conditioned?", id="Q")
    sub = m.issue("Is the condition germane?", id="Q.1", parent=q)
    yes = m.claim("Yes", id="YES", party="us", answers=q)
    p = m.premise("Congress delegated", id="P", party="us", supports=yes)
    no = m.claim("No", id="NO", party="city", answers=q)
    m.attack(yes, no)
    m.attack(no, yes)
    r1 = m.rebuttal("Delegation unclear", id="R1", party="city", attacks=p)
    m.rebuttal("Clear enough", id="R1.R", party="us", attacks=r1)
    m.rebuttal("Only Congress spends", id="R2", party="city", attacks=yes)
    m.claim("Germane", id="G", party="us", answers=sub)
    return m


def test_balance_counts_attacks_and_what_goes_unanswered() -> None:
    b = lopsided().balance()
    assert [i.issue for i in b.issues] == ["Q", "Q.1"]
    us, city = b["Q"]["us"], b["Q"]["city"]
    # us: YES-|NO (answered: NO attacks YES back) and R1.R-|R1 (nobody answers it)
    assert (us.claims, us.attacks, us.unanswered_attacks, us.unanswered_claims) == (1, 2, 1, 0)
    # city: NO-|YES (answered), R1-|P (answered by R1.R), R2-|YES (unanswered)
    assert (city.claims, city.attacks, city.unanswered_attacks) == (1, 3, 1)
    assert city.unanswered_claims == 0  # YES attacks NO
    # the sub-issue is reported on its own, and the parent points to it
    assert b["Q"].sub_issues == ("Q.1",) and b["Q.1"]["us"].unanswered_claims == 1
    assert b["Q.1"]["city"] == type(city)("city", 0, 0, 0, 0)


def test_balance_is_a_frozen_value_with_readable_forms() -> None:
    b = lopsided().balance()
    assert isinstance(b, Balance) and b == balance(lopsided())
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        b.issues = ()  # type: ignore[misc]
    text = str(b)
    assert "Q  May grants be conditioned?" in text and "attacks unanswered" in text
    assert "sub-issues: Q.1" in text
    md = b.to_markdown()
    assert "### Q: May grants be conditioned?" in md
    assert "| city | 1 | 3 | 1 | 0 |" in md
    assert b._repr_markdown_() == md
    assert "<table>" in b._repr_html_() and "sub-issues: Q.1" in b._repr_html_()


def test_balance_escapes_markdown_and_html() -> None:
    m = ArgumentMap(parties={"a": "A"})
    m.issue("Is <b>|this|</b> *valid*?", id="Q")
    md = m.balance().to_markdown()
    assert "<b>" not in md and "\\|this\\|" in md and "\\*valid\\*" in md
    assert "<b>" not in m.balance()._repr_html_()


def test_party_less_statements_get_their_own_row_only_when_they_argue() -> None:
    m = ArgumentMap(parties={"a": "A"})
    q = m.issue("?")
    c = m.claim("yes", party="a", answers=q)
    assert [r.party for r in m.balance()["Q1"].parties] == ["a"]
    m.rebuttal("no", attacks=c)
    assert [r.party for r in m.balance()["Q1"].parties] == ["a", None]
    assert "(no party)" in str(m.balance())


def test_balance_of_the_casebook_covers_every_issue() -> None:
    m = casebook.load("sanctuary")
    b = m.balance()
    assert [i.issue for i in b.issues] == [i.id for i in m.issues]
    for row in b.issues:
        assert [p.party for p in row.parties][: len(m.parties)] == list(m.parties)
        for p in row.parties:
            assert 0 <= p.unanswered_attacks <= p.attacks and 0 <= p.unanswered_claims <= p.claims


def test_cli_check_balance(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "casebook:sanctuary", "--balance"]) == 0
    out = capsys.readouterr().out
    assert "Balance of argument by issue" in out and "attacks unanswered" in out
    assert main(["check", "casebook:sanctuary", "--balance", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert set(doc) == {"problems", "balance"}
    assert [i["issue"] for i in doc["balance"]["issues"]] == [
        i.id for i in casebook.load("sanctuary").issues
    ]


# ---------------------------------------------------------------- import graph (issue 15 §7)


def _modules() -> dict[str, Path]:
    out = {}
    for path in PACKAGE.rglob("*.py"):
        parts = ["argmap", *path.relative_to(PACKAGE).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


def _imports(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """Every argmap module ``name`` imports anywhere (top level, functions, TYPE_CHECKING)."""
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                found.add(sub if sub in modules else target)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    # a submodule may use its own package (argmap.cli -> argmap): Python runs the
    # package first anyway, so that is not a circle
    return {m for m in found if m in modules and m != name and not name.startswith(m + ".")}


def _circles() -> list[list[str]]:
    modules = _modules()
    graph = {name: _imports(name, path, modules) for name, path in modules.items()}
    circles: list[list[str]] = []
    state: dict[str, int] = {}

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                circles.append(path[path.index(nxt) :])
            elif nxt not in state:
                visit(nxt, path)
        path.pop()
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [])
    return circles


def test_every_module_imports() -> None:
    for name in _modules():
        importlib.import_module(name)


def test_no_import_circles_among_argmap_modules() -> None:
    assert _circles() == []


def test_checks_do_not_import_the_graph() -> None:
    modules = _modules()
    assert "argmap.graph" not in _imports("argmap.checks", modules["argmap.checks"], modules)
    assert "argmap.checks" in _imports("argmap.graph", modules["argmap.graph"], modules)


def test_running_a_notebook_cell_twice_is_flagged() -> None:
    # Statements added without ids were added again, under new ids, without a word.
    import argmap as am

    m = am.ArgumentMap(parties={"a": "A", "b": "B"})
    for _ in range(2):
        q = m.issue("Is it binding?")
        c = m.claim("Yes", party="a", answers=q)
        m.premise("Both signed", party="a", supports=c)
    repeated = [p for p in m.check() if p.code == "repeated-statement"]
    assert {p.node: p.severity for p in repeated} == {
        "Q2": "warning",
        "C2": "warning",
        "P2": "warning",
    }
    assert all(f"m.remove('{p.node}', cascade=True)" in p.message for p in repeated)
    other = am.ArgumentMap(parties={"a": "A", "b": "B"})
    q = other.issue("Is it binding?")
    other.claim("Yes", party="a", answers=q)
    other.claim("Yes", party="b", answers=q)  # the same words from the other side
    assert not [p for p in other.check() if p.code == "repeated-statement"]
