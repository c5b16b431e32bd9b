"""Readable result values (issue 15 §3): repr, text, Markdown and HTML forms."""

from __future__ import annotations

import argmap as am
from argmap import ArgumentMap, IssueOutcome
from argmap._display import html_table, md_escape, md_table, text_table


def outcome() -> IssueOutcome:
    m = ArgumentMap(parties={"us": "US", "city": "City <&>"})
    q = m.issue("May grants be conditioned?", id="Q", standard="preponderance")
    yes = m.claim("Yes", id="YES", party="us", answers=q)
    m.claim("No | *never*", id="NO", party="city", answers=q, attacks=yes)
    return am.evaluate(m).outcome("Q")


def test_issue_outcome_repr_is_one_readable_line() -> None:
    text = repr(outcome())
    assert text.startswith("<IssueOutcome Q: ") and "\n" not in text
    assert "weights=" not in text and "preponderance" in text


def test_issue_outcome_text_names_status_explanation_and_weighing() -> None:
    o = outcome()
    text = str(o)
    assert text.splitlines()[0] == f"Q: {o.status} under preponderance"
    assert o.explanation in text
    assert "YES" in text and "NO" in text and "meets the standard" in text


def test_issue_outcome_displays_in_jupyter_escaped() -> None:
    o = outcome()
    md = o._repr_markdown_()
    assert md.startswith("**Q: ") and "| claim | for | against | meets the standard |" in md
    html = o._repr_html_()
    assert "<table>" in html and "<strong>" in html


def test_tables_escape_what_they_show() -> None:
    rows = [["a|b <i>", 1], ["*x*", 2.5]]
    assert "a\\|b \\<i\\>" in md_table(["h", "n"], rows)
    assert "<i>" not in html_table(["h", "n"], rows) and "&lt;i&gt;" in html_table(["h", "n"], rows)
    assert text_table(["h", "n"], rows).splitlines()[1].endswith("  1")  # numbers right-aligned
    assert md_escape("line\nbreak") == "line break"


def test_diff_and_change_reprs_are_one_line_summaries() -> None:
    m = ArgumentMap()
    c = m.claim("x", id="C")
    p = m.premise("y", id="P", supports=c)
    d = am.diff(am.evaluate(m), am.evaluate(m, reject=[p]))
    assert repr(d).startswith("<Diff: 3 changes: ") and "C accepted -> rejected" in repr(d)
    assert repr(d.changes[0]) == "<Change C (claim): accepted -> rejected>"
    assert "<table>" in d._repr_html_()
    assert repr(am.diff(am.evaluate(m), am.evaluate(m))) == "<Diff: 0 changes>"
