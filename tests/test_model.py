"""Values and the rule table."""

from __future__ import annotations

import attrs
import pytest

from argmap.exceptions import ModelError, RelationError
from argmap.model import (
    Authority,
    Cite,
    Claim,
    Conflict,
    Inference,
    Issue,
    Premise,
    Rebuttal,
    Undercutter,
    check_attack,
    check_support,
)

ISSUE = Issue(id="Q1", text="Is it lawful?")
CLAIM = Claim(id="C1", text="Yes")
PREMISE = Premise(id="P1", text="Because")
REBUTTAL = Rebuttal(id="R1", text="No")
UNDERCUTTER = Undercutter(id="U1", text="Irrelevant")
ALL = [ISSUE, CLAIM, PREMISE, REBUTTAL, UNDERCUTTER]


@pytest.mark.parametrize("premise", ALL, ids=lambda s: s.kind)
@pytest.mark.parametrize("conclusion", ALL, ids=lambda s: s.kind)
def test_support_rule_table(premise: object, conclusion: object) -> None:
    assert isinstance(premise, Issue | Claim | Premise | Rebuttal | Undercutter)
    assert isinstance(conclusion, Issue | Claim | Premise | Rebuttal | Undercutter)
    allowed = premise.kind != "issue" and conclusion.kind != "issue" and premise is not conclusion
    if allowed:
        check_support(premise, conclusion)
    else:
        with pytest.raises(RelationError) as info:
            check_support(premise, conclusion)
        # the message names both ends
        assert premise.id in str(info.value) and conclusion.id in str(info.value)


def test_a_statement_cannot_support_itself() -> None:
    with pytest.raises(RelationError, match="cannot support itself"):
        check_support(CLAIM, CLAIM)


@pytest.mark.parametrize("attacker", ALL, ids=lambda s: s.kind)
@pytest.mark.parametrize(
    "target_kind", ["issue", "claim", "premise", "rebuttal", "undercutter", "inference", "conflict"]
)
def test_attack_rule_table(attacker: object, target_kind: str) -> None:
    assert isinstance(attacker, Issue | Claim | Premise | Rebuttal | Undercutter)
    expected = {
        "claim": {"claim", "premise", "rebuttal", "undercutter"},
        "rebuttal": {"claim", "premise", "rebuttal", "undercutter"},
        "undercutter": {"inference", "conflict"},
    }.get(attacker.kind, set())
    if target_kind in expected:
        check_attack(attacker, "X9", target_kind)
    else:
        with pytest.raises(RelationError) as info:
            check_attack(attacker, "X9", target_kind)
        assert attacker.id in str(info.value) and "X9" in str(info.value)


def test_undercutter_aimed_at_statement_explains() -> None:
    with pytest.raises(RelationError, match="not a statement"):
        check_attack(UNDERCUTTER, "C1", "claim")


def test_values_are_frozen() -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        CLAIM.text = "changed"  # type: ignore[misc]
    assert attrs.evolve(CLAIM, text="changed").text == "changed"


@pytest.mark.parametrize("text", ["", "   ", "a\x00b"])
def test_bad_text(text: str) -> None:
    with pytest.raises(ModelError):
        Claim(id="C1", text=text)


@pytest.mark.parametrize("ident", ["", "has space", "a->b", "x|y", "-lead", "ü"])
def test_bad_ids(ident: str) -> None:
    with pytest.raises(ModelError):
        Claim(id=ident, text="x")


def test_unknown_standard_suggests() -> None:
    with pytest.raises(ModelError, match="did you mean 'preponderance'"):
        Issue(id="Q", text="?", standard="preponderence")  # type: ignore[arg-type]


def test_weight_range() -> None:
    with pytest.raises(ModelError):
        Inference(premises=("P1",), conclusion="C1", weight=1.5)
    with pytest.raises(ModelError):
        Conflict(attacker="R1", target="C1", weight=True)  # type: ignore[arg-type]


def test_cites() -> None:
    assert Cite.parse("printz@913") == Cite("printz", "913")
    assert Cite.parse("dole") == Cite("dole")
    with pytest.raises(ModelError):
        Cite.parse("printz@")
    with pytest.raises(ModelError, match="twice"):
        Claim(id="C1", text="x", cites=["a", "a"])


def test_authority_citation_forms() -> None:
    lunn = Authority(
        "lunn",
        "case",
        "Lunn v. Commonwealth",
        "Lunn v. Commonwealth, 477 Mass. 517, 78 N.E.3d 1143 (2017)",
    )
    assert lunn.citation_at("522") == (
        "Lunn v. Commonwealth, 477 Mass. 517, 522, 78 N.E.3d 1143 (2017)"
    )
    assert lunn.short_form("522") == "Lunn, 477 Mass. at 522"
    f3d = Authority(
        "sf",
        "case",
        "City & County of San Francisco v. Trump",
        "City & County of San Francisco v. Trump, 897 F.3d 1225 (9th Cir. 2018)",
        short="San Francisco",
    )
    assert f3d.short_form("1231") == "San Francisco, 897 F.3d at 1231"
    assert f3d.citation_at("1231") == (
        "City & County of San Francisco v. Trump, 897 F.3d 1225, 1231 (9th Cir. 2018)"
    )
    dist = Authority(
        "sc",
        "case",
        "County of Santa Clara v. Trump",
        "County of Santa Clara v. Trump, 250 F. Supp. 3d 497 (N.D. Cal. 2017)",
        short="Santa Clara",
    )
    assert dist.short_form("530") == "Santa Clara, 250 F. Supp. 3d at 530"
    assert dist.citation_at("530").startswith(
        "County of Santa Clara v. Trump, 250 F. Supp. 3d 497, 530 ("
    )
    pinned = Authority(
        "oz",
        "case",
        "United States v. Ozcelik",
        "United States v. Ozcelik, 527 F.3d 88, 100 (3d Cir. 2008)",
    )
    assert pinned.citation_at("99") == "United States v. Ozcelik, 527 F.3d 88, 99 (3d Cir. 2008)"
    wl = Authority(
        "mo",
        "case",
        "Miranda-Olivares v. Clackamas County",
        "Miranda-Olivares v. Clackamas County, No. 3:12-cv-02317-ST, 2014 WL 1414305 "
        "(D. Or. Apr. 11, 2014)",
    )
    assert wl.short_form("*11") == "Miranda-Olivares, 2014 WL 1414305, at *11"
    statute = Authority("s", "statute", "8 U.S.C. § 1373", "8 U.S.C. § 1373")
    assert statute.citation_at("(a)") == "8 U.S.C. § 1373, (a)"
    assert statute.short_form() == "8 U.S.C. § 1373"
    with pytest.raises(ModelError):
        Authority("x", "treaty", "X", "X")  # type: ignore[arg-type]
