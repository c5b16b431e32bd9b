"""Hypothesis strategies for argmap: arbitrary valid argument maps and texts."""

from __future__ import annotations

import contextlib
from typing import Any

from hypothesis import strategies as st

from argmap.exceptions import DuplicateIdError, RelationError
from argmap.graph import ArgumentMap
from argmap.model import AUTHORITY_KINDS, ISSUE_NATURES, PROOF_STANDARDS, SIDES, SIGNALS, Cite

#: Any text a user could type: every Unicode character but surrogates and NUL.
any_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    min_size=1,
    max_size=40,
).filter(lambda s: s.strip() != "")

#: Texts that stress escaping in DOT, HTML, LaTeX and Markdown.
nasty_text = st.sampled_from(
    [
        'He said "no"',
        "ends with a backslash \\",
        "<Brown v. Board>",
        "{braces} and [brackets]",
        "]; evil -> x [",
        "line one\nline two",
        "tab\there",
        "emoji \U0001f9d1\u200d\u2696\ufe0f scales",
        "\u05d1\u05d2\u05e5 right-to-left \u0627\u0644\u0639\u0631\u0628\u064a\u0629",
        "# $ % & ~ _ ^ \\ { }",
        "<script>alert(1)</script>",
        "*not* a [link](x) `code`",
        "yes",
        "1.10",
        "null",
        "- dash",
        ": colon",
        "'single' \"double\"",
        "\\n literal backslash-n",
        "{{ jinja }} {% raw %}",
    ]
)

texts = st.one_of(nasty_text, any_text)

ids = st.from_regex(r"[A-Za-z_][A-Za-z0-9_]{0,6}(\.[A-Za-z0-9_]{1,3}){0,2}", fullmatch=True)
weights = st.one_of(st.none(), st.floats(min_value=0, max_value=1, allow_nan=False))


@st.composite
def argument_maps(draw: Any, max_statements: int = 12) -> ArgumentMap:
    """Arbitrary valid maps built through the public builders.

    Every statement kind, linked inferences with schemes and weights, undercuts of
    inferences and of conflicts (one undercutter may undercut several relations,
    and attacks may target relations), sub-issues, parties with relief and counsel,
    doctrines, authorities with parallel cites and subsequent history, pin cites
    with signals and quotes, statement titles, issues with a nature, background and
    per-party framings, and texts that stress every output format.
    """
    maybe_text = st.one_of(st.none(), texts)
    m = ArgumentMap(
        draw(st.one_of(st.just(""), texts)),
        description=draw(st.one_of(st.none(), texts)),
    )
    for pid in draw(
        st.lists(st.sampled_from(["federal", "local", "amicus"]), unique=True, max_size=3)
    ):
        m.party(
            pid,
            draw(st.one_of(st.just(""), texts)),
            colour=draw(st.sampled_from([None, "#0072B2", "orange"])),
            relief=draw(maybe_text),
            counsel=draw(maybe_text),
        )
    for did in draw(
        st.lists(st.sampled_from(["spending", "10A", "supremacy"]), unique=True, max_size=3)
    ):
        m.doctrine(did, draw(st.one_of(st.just(""), texts)))
    auth_ids = draw(
        st.lists(
            st.sampled_from(["printz", "dole", "usc-1373", "eo-14159"]), unique=True, max_size=4
        )
    )
    for aid in auth_ids:
        m.authority(
            aid,
            draw(st.sampled_from(AUTHORITY_KINDS)),
            draw(texts),
            draw(
                st.sampled_from(
                    [
                        "Printz v. United States, 521 U.S. 898 (1997)",
                        "8 U.S.C. § 1373",
                        "Exec. Order No. 14,159",
                    ]
                )
            ),
            year=draw(st.one_of(st.none(), st.integers(1787, 2030))),
            side=draw(st.sampled_from([None, *SIDES])),
            verified=draw(st.booleans()),
            holding=draw(st.one_of(st.none(), texts)),
            parallel=draw(st.sampled_from([None, "107 S. Ct. 2793", "117 S. Ct. 2365"])),
            history=draw(maybe_text),
        )
    parties = list(m.parties)
    doctrines = list(m.doctrines)

    def common() -> dict[str, Any]:
        return {
            "party": draw(st.sampled_from([None, *parties])),
            "doctrines": draw(st.lists(st.sampled_from(doctrines), unique=True))
            if doctrines
            else (),
            "cites": draw(
                st.lists(
                    st.tuples(
                        st.sampled_from(auth_ids),
                        st.sampled_from(["", "@913", "@17"]),
                        st.sampled_from([None, *SIGNALS]),
                        maybe_text,
                    ),
                    unique_by=lambda t: t[0],
                    max_size=2,
                ).map(
                    lambda cs: [
                        a + pin
                        if signal is None and quote is None
                        else Cite(a, pin[1:] or None, signal=signal, quote=quote)
                        for a, pin, signal, quote in cs
                    ]
                )
            )
            if auth_ids
            else (),
            "note": draw(maybe_text),
            "title": draw(maybe_text),
        }

    n = draw(st.integers(1, max_statements))
    for _ in range(n):
        kind = draw(
            st.sampled_from(
                ["issue", "claim", "premise", "rebuttal", "undercutter", "infer", "attack"]
            )
        )
        sid = draw(st.one_of(st.none(), ids))
        if sid is not None and sid in m:
            sid = None
        stmts = [s for s in m if s.kind != "issue"]
        issues = m.issues
        text = draw(texts)
        c = common()
        if kind == "issue":
            m.issue(
                text,
                id=sid,
                standard=draw(st.sampled_from([None, *PROOF_STANDARDS])),
                parent=draw(st.sampled_from([None, *issues])) if issues else None,
                doctrines=c["doctrines"],
                cites=c["cites"],
                note=c["note"],
                title=c["title"],
                nature=draw(st.sampled_from([None, *ISSUE_NATURES])),
                background=draw(maybe_text),
                framings={
                    p: draw(texts) for p in draw(st.lists(st.sampled_from(parties), unique=True))
                }
                if parties
                else None,
            )
        elif kind == "claim":
            m.claim(
                text,
                id=sid,
                answers=draw(st.sampled_from([None, *issues])) if issues else None,
                **c,
            )
        elif kind == "premise" and stmts:
            m.premise(text, id=sid, supports=draw(st.sampled_from(stmts)), **c)
        elif kind == "rebuttal" and stmts:
            m.rebuttal(text, id=sid, attacks=draw(st.sampled_from(stmts)), **c)
        elif kind == "undercutter" and m.relations:
            targets = draw(
                st.lists(st.sampled_from(list(m.relations)), min_size=1, max_size=3, unique=True)
            )
            m.undercutter(text, id=sid, undercuts=targets, **c)
        elif kind == "infer" and len(stmts) >= 2:
            concl = draw(st.sampled_from(stmts))
            prem = draw(
                st.lists(
                    st.sampled_from([s for s in stmts if s.id != concl.id]),
                    min_size=1,
                    max_size=3,
                    unique_by=lambda s: s.id,
                )
            )
            rid = draw(st.one_of(st.none(), ids))
            if rid is not None and rid in m:
                rid = None
            with contextlib.suppress(DuplicateIdError):  # the same inference drawn twice
                m.infer(
                    prem,
                    concl,
                    id=rid,
                    scheme=draw(st.one_of(st.none(), texts)),
                    weight=draw(weights),
                )
        elif kind == "attack" and len(stmts) >= 2:
            attackers = [s for s in stmts if s.kind in ("claim", "rebuttal")]
            targets = [s for s in stmts if s.kind != "issue"]
            if attackers:
                a = draw(st.sampled_from(attackers))
                t = draw(st.sampled_from([x.id for x in targets if x.id != a.id] or [a.id]))
                if draw(st.booleans()) and m.relations:  # an undercut written as an attack
                    t = draw(st.sampled_from(list(m.relations)))
                if t != a.id and f"{a.id}-|{t}" not in m:
                    with contextlib.suppress(RelationError):  # not every pair may attack
                        m.attack(a, t, weight=draw(weights))
        else:
            m.claim(text, id=sid, **c)
    return m
