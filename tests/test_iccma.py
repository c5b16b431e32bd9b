"""Tests of argmap.formats.iccma: the .apx, .tgf and ICCMA 2023 .af framework formats."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.exceptions import LoadError, ModelError
from argmap.formats import iccma
from argmap.formats.iccma import (
    dump_framework,
    dumps_af,
    dumps_apx,
    dumps_tgf,
    load_framework,
    loads_af,
    loads_apx,
    loads_framework,
    loads_tgf,
)
from tests.strategies_af import frameworks

# Our own fixture: bas1 (the Carneades sample) in each format, written by us.
BAS1_EDGES = [
    ("a", "b"),
    ("c", "b"),
    ("c", "d"),
    ("d", "c"),
    ("d", "e"),
    ("e", "g"),
    ("f", "e"),
    ("g", "f"),
]
BAS1_TGF = "a\nb\nc\nd\ne\nf\ng\n#\n" + "".join(f"{u} {v}\n" for u, v in BAS1_EDGES)
BAS1_APX = (
    "% bas1\n"
    + "".join(f"arg({x}).\n" for x in "abcdefg")
    + "".join(f"att({u},{v}).\n" for u, v in BAS1_EDGES)
)


def graph(af: nx.DiGraph[Any]) -> tuple[list[Any], list[tuple[Any, Any]]]:
    return list(af.nodes), list(af.edges)


def problems(err: pytest.ExceptionInfo[LoadError]) -> list[tuple[int | None, str]]:
    return [(p.line, p.code) for p in err.value.problems]


# ----------------------------------------------------------------------- reading


def test_tgf_and_apx_fixtures_read_alike() -> None:
    tgf = loads_tgf(BAS1_TGF)
    apx = loads_apx(BAS1_APX)
    assert graph(tgf) == graph(apx) == (list("abcdefg"), BAS1_EDGES)


def test_apx_syntax_variants() -> None:
    text = 'arg( a ).arg(b). % two on a line\n  att(a , b).\natt(b,"c d").\narg("c d").\n'
    af = loads_apx(text)
    assert graph(af) == (["a", "b", "c d"], [("a", "b"), ("b", "c d")])
    assert graph(loads_apx("")) == ([], [])
    assert graph(loads_apx('arg("say \\"hi\\"\\n").')) == (['say "hi"\n'], [])


def test_apx_reports_every_bad_line() -> None:
    text = "arg(a).\narg(b)\natt(a,z).\nfoo(a).\narg(a).\natt(a,b,c).\natt(a,a).\natt(a,a).\n"
    with pytest.raises(LoadError) as err:
        loads_apx(text, source="bad.apx")
    assert problems(err) == [
        (2, "apx-syntax"),
        (3, "apx-unknown-argument"),
        (4, "apx-syntax"),
        (5, "apx-duplicate"),
        (6, "apx-syntax"),
        (8, "apx-duplicate"),
    ]
    assert all(p.source == "bad.apx" for p in err.value.problems)
    assert str(err.value).startswith("6 problems in bad.apx:\n  bad.apx:2: error: cannot read")


def test_tgf_labels_blank_lines_and_no_separator() -> None:
    af = loads_tgf("\n1 node one \n2\n\n#\n1 2 attacks\n\n")
    assert [(n, af.nodes[n].get("label")) for n in af] == [("1", "node one"), ("2", None)]
    assert list(af.edges(data=True)) == [("1", "2", {"label": "attacks"})]
    assert graph(loads_tgf("a\nb\n")) == (["a", "b"], [])


def test_tgf_reports_every_bad_line() -> None:
    text = "1\n2\n1\n#\n1 2\n1 3\n1\n1 2\n#\n"
    with pytest.raises(LoadError) as err:
        loads_tgf(text, source="bad.tgf")
    assert problems(err) == [
        (3, "tgf-duplicate"),
        (6, "tgf-unknown-argument"),
        (7, "tgf-syntax"),
        (8, "tgf-duplicate"),
        (9, "tgf-syntax"),
    ]


def test_af_reads_numbers_and_comments() -> None:
    af = loads_af("# made by hand\np af 4\n\n1 2\n# 2 3 is not an attack\n2 3\n3 3\n")
    assert graph(af) == (["1", "2", "3", "4"], [("1", "2"), ("2", "3"), ("3", "3")])
    assert graph(loads_af("p af 0\n")) == ([], [])


def test_af_names_convention() -> None:
    named = "p af 3\n# 1 alpha\n# 2 beta gamma\n# 3 c\n1 2\n2 3\n"
    assert graph(loads_af(named)) == (
        ["alpha", "beta gamma", "c"],
        [("alpha", "beta gamma"), ("beta gamma", "c")],
    )
    assert list(loads_af(named, names=False)) == ["1", "2", "3"]
    # comments that do not name every argument are just comments
    partial = "p af 3\n# 1 instance from a generator\n1 2\n"
    assert list(loads_af(partial)) == ["1", "2", "3"]
    duplicate_names = "p af 2\n# 1 x\n# 2 x\n"
    assert list(loads_af(duplicate_names)) == ["1", "2"]
    with pytest.raises(LoadError) as err:
        loads_af(partial, names=True)
    assert problems(err) == [(1, "af-names")]
    with pytest.raises(LoadError) as err:
        loads_af(duplicate_names, names=True)
    assert problems(err) == [(3, "af-names")]


def test_af_reports_every_bad_line() -> None:
    text = "1 2\np af 3\n1 4\n1 x\n1 2 3\n2 1\n2 1\np af 3\n"
    with pytest.raises(LoadError) as err:
        loads_af(text, source="bad.af")
    assert problems(err) == [
        (1, "af-header"),
        (3, "af-range"),
        (4, "af-syntax"),
        (5, "af-syntax"),
        (7, "af-duplicate"),
        (8, "af-header"),
    ]
    with pytest.raises(LoadError) as err:
        loads_af("# nothing\n")
    assert problems(err) == [(1, "af-header")]
    with pytest.raises(LoadError) as err:
        loads_af("p af three\n")
    assert problems(err) == [(1, "af-header")]


def test_tgf_hash_line_is_not_an_af_comment() -> None:
    # the two conventions for '#': a TGF separator and an ICCMA 2023 comment
    assert graph(loads_tgf("1\n2\n#\n1 2\n")) == (["1", "2"], [("1", "2")])
    assert graph(loads_af("p af 2\n#\n1 2\n")) == (["1", "2"], [("1", "2")])


# ----------------------------------------------------------------------- writing


def test_writers_are_deterministic_and_in_insertion_order() -> None:
    af: nx.DiGraph[str] = nx.DiGraph()
    af.add_nodes_from(["z", "a", "m"])
    af.add_edges_from([("m", "z"), ("z", "a")])
    assert dumps_apx(af) == "arg(z).\narg(a).\narg(m).\natt(z,a).\natt(m,z).\n"
    assert dumps_tgf(af) == "z\na\nm\n#\nz a\nm z\n"
    assert dumps_af(af) == "p af 3\n# 1 z\n# 2 a\n# 3 m\n1 2\n3 1\n"
    assert dumps_af(af) == dumps_af(af.copy())


def test_apx_writer_quotes_what_asp_would_misread() -> None:
    af: nx.DiGraph[str] = nx.DiGraph([("Upper", "two words"), ("x_1", "0"), ("007", 'q"uote')])
    text = dumps_apx(af)
    assert 'arg("Upper").' in text
    assert "arg(x_1)." in text
    assert "arg(0)." in text
    assert 'arg("007").' in text
    assert 'arg("q\\"uote").' in text
    assert graph(loads_apx(text)) == graph(af)


def test_writers_refuse_what_the_format_cannot_hold() -> None:
    with pytest.raises(ModelError, match="cannot write argument 'two words' to TGF"):
        dumps_tgf(nx.DiGraph([("two words", "b")]))
    with pytest.raises(ModelError, match="cannot write argument '#' to TGF"):
        dumps_tgf(nx.DiGraph([("#", "b")]))
    with pytest.raises(ModelError, match="ICCMA 2023 comment"):
        dumps_af(nx.DiGraph([(" padded", "b")]))
    with pytest.raises(ModelError, match="would both be written as '1'"):
        dumps_apx(nx.DiGraph([(1, "1")]))


@given(frameworks(max_size=12, names=st.text(min_size=1, max_size=6)))
def test_apx_round_trip(af: nx.DiGraph[str]) -> None:
    assert graph(loads_apx(dumps_apx(af))) == graph(af)


@given(frameworks(max_size=12, names=st.text(min_size=1, max_size=6)))
def test_af_round_trip_keeps_names(af: nx.DiGraph[str]) -> None:
    names = list(af)
    writable = all(n == n.strip() and "\n" not in n and "\r" not in n for n in names)
    if not writable:
        with pytest.raises(ModelError):
            dumps_af(af)
        return
    text = dumps_af(af)
    assert graph(loads_af(text)) == graph(af)
    numbered = loads_af(dumps_af(af, names=False))
    assert list(numbered) == [str(i) for i in range(1, len(af) + 1)]
    assert numbered.number_of_edges() == af.number_of_edges()


tgf_names = st.text(
    alphabet=st.characters(blacklist_categories=["Zs", "Cc", "Zl", "Zp"]), min_size=1, max_size=5
).filter(lambda s: s != "#" and not any(c.isspace() for c in s))


@given(frameworks(max_size=12, names=tgf_names))
def test_tgf_round_trip(af: nx.DiGraph[str]) -> None:
    assert graph(loads_tgf(dumps_tgf(af))) == graph(af)


@given(af=frameworks(max_size=10))
def test_every_format_round_trips_through_files(af: nx.DiGraph[str], tmp_path_factory: Any) -> None:
    folder = tmp_path_factory.mktemp("round")
    for suffix in (".apx", ".tgf", ".af", ".i23"):
        path = folder / f"f{suffix}"
        dump_framework(af, path)
        assert graph(load_framework(path)) == graph(af), suffix


# ----------------------------------------------------------------------- files


def test_load_framework_errors(tmp_path: Path) -> None:
    path = tmp_path / "f.txt"
    path.write_text("a\n#\n")
    with pytest.raises(LoadError, match="cannot tell the framework format"):
        load_framework(path)
    assert list(load_framework(path, format="tgf")) == ["a"]
    with pytest.raises(LoadError, match=r"unknown framework format 'tfg'.*did you mean 'tgf'"):
        load_framework(path, format="tfg")  # type: ignore[arg-type]
    bad = tmp_path / "bad.tgf"
    bad.write_bytes(b"a\n\xff\n")
    with pytest.raises(LoadError) as err:
        load_framework(bad)
    assert problems(err) == [(2, "encoding")]
    bom = tmp_path / "bom.apx"
    bom.write_bytes(b"\xef\xbb\xbfarg(a).\n")
    assert list(load_framework(bom)) == ["a"]
    broken = tmp_path / "broken.apx"
    broken.write_text("arg(a).\natt(a,b).\n")
    with pytest.raises(LoadError) as err:
        load_framework(broken)
    assert err.value.problems[0].source == str(broken)
    assert str(err.value).startswith(f"{broken}:2: error:")


def test_loads_and_dumps_framework() -> None:
    af = loads_framework(BAS1_APX, "apx")
    for fmt in iccma.FORMATS:
        assert graph(loads_framework(iccma.dumps_framework(af, fmt), fmt)) == graph(af)
    with pytest.raises(LoadError, match="unknown framework format"):
        loads_framework("", "json")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "name",
    [
        "carneades4_bas1.tgf",
        "carneades4_even_cycle1.tgf",
        "carneades4_even_cycle2.tgf",
        "carneades4_irrelevant1.tgf",
        "carneades4_odd_cycle1.tgf",
        "carneades4_reinstatement1.tgf",
        "carneades4_simple_attack1.tgf",
        "carneades4_unattacked1.tgf",
        "pygarg_BA-numArg10-pbCycle0.5-3.apx",
        "pygarg_ER-numArg10-pbAtt0.15-15.apx",
    ],
)
def test_shared_samples_load_and_round_trip(shared: Path, name: str) -> None:
    af = load_framework(shared / "samples" / "af" / name)
    assert len(af) > 0
    for fmt in iccma.FORMATS:
        again = loads_framework(iccma.dumps_framework(af, fmt), fmt)
        assert graph(again) == graph(af)


def test_shared_bas1_is_our_fixture(shared: Path) -> None:
    af = load_framework(shared / "samples" / "af" / "carneades4_bas1.tgf")
    assert graph(af) == graph(loads_tgf(BAS1_TGF))
    pygarg = load_framework(shared / "samples" / "af" / "pygarg_ER-numArg10-pbAtt0.15-15.apx")
    assert list(pygarg) == [f"a{i}" for i in range(10)]
    assert list(pygarg.edges) == [("a2", "a7"), ("a6", "a3"), ("a7", "a6")]


# ---------------------------------------------------------------- hostile .af headers and numbers


@pytest.mark.parametrize(
    "text",
    [
        "p af 1000000000000\n",  # 21 bytes asking for 10**12 arguments
        "p af 1000001\n",
        "p af " + "9" * 5000 + "\n",  # longer than int() converts by default
    ],
)
def test_a_header_above_the_cap_is_refused_with_its_line(text: str) -> None:
    with pytest.raises(LoadError) as info:
        loads_af("# a framework\n" + text, source="big.af")
    (problem,) = info.value.problems
    assert (problem.line, problem.code) == (2, "af-too-large")
    assert f"{iccma.AF_MAX_ARGUMENTS:,}" in problem.message
    assert len(str(info.value)) < 400  # the 5,000 digits are not echoed


def test_the_cap_is_documented_and_can_be_raised() -> None:
    assert list(loads_af("p af 3\n1 2\n", max_arguments=3).nodes) == ["1", "2", "3"]
    with pytest.raises(LoadError, match="at most 2"):
        loads_af("p af 3\n", max_arguments=2)


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("p af ²\n", 1),  # superscript two: str.isdigit() says yes
        ("p af 2\n1 ²\n", 2),
        ("p af ٣\n", 1),  # Arabic-Indic three
        ("p af 3\n١ ٢\n", 2),
        ("p af ３\n", 1),  # full-width three
        ("p af 3\n１ 2\n", 2),
        ("p af 2\n1 " + "7" * 5000 + "\n", 2),
    ],
)
def test_only_ascii_digits_are_numbers(text: str, line: int) -> None:
    with pytest.raises(LoadError) as info:
        loads_af(text, source="d.af")
    assert [p.line for p in info.value.problems] == [line]
    assert all(p.source == "d.af" for p in info.value.problems)


def test_a_long_number_in_a_name_comment_is_a_clean_problem() -> None:
    text = "p af 1\n# " + "5" * 5000 + " huge\n# 1 a\n"
    assert list(loads_af(text).nodes) == ["1"]  # default: an incomplete naming is ignored
    with pytest.raises(LoadError) as info:
        loads_af(text, names=True)
    assert [p.line for p in info.value.problems] == [2]


def test_a_large_framework_within_the_cap_loads_without_names_in_the_file() -> None:
    af = loads_af("p af 200000\n1 200000\n")
    assert af.number_of_nodes() == 200000
    assert list(af.edges) == [("1", "200000")]


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_device_is_refused_not_read(tmp_path: Path) -> None:
    link = tmp_path / "zero.af"
    link.symlink_to("/dev/zero")
    with pytest.raises(LoadError, match="not a regular file"):
        load_framework(link)
