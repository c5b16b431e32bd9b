"""Build a small map of the Spending Clause dispute, evaluate it, ask what-if, and write outputs.

Run: python examples/spending_clause.py [OUT_DIR]
"""

from __future__ import annotations

import sys
from pathlib import Path

import argmap as am


def build() -> am.ArgumentMap:
    m = am.ArgumentMap(
        "Spending Clause conditions",
        parties={"federal": "United States", "local": "Sanctuary jurisdictions"},
        doctrines={"spending": "Spending Clause and separation of powers"},
    )
    m.authority("dole-1987", "case", "South Dakota v. Dole",
                "South Dakota v. Dole, 483 U.S. 203 (1987)", year=1987, short="Dole")  # fmt: skip
    m.authority("sf-v-trump-2018", "case", "City & County of San Francisco v. Trump",
                "City & County of San Francisco v. Trump, 897 F.3d 1225 (9th Cir. 2018)",
                year=2018, short="San Francisco")  # fmt: skip
    m.authority("ny-v-doj-2020", "case", "New York v. U.S. Dep't of Justice",
                "New York v. U.S. Dep't of Justice, 951 F.3d 84 (2d Cir. 2020)", year=2020,
                short="New York")  # fmt: skip
    q = m.issue("May the Executive withhold grants from sanctuary jurisdictions?", id="C0",
                standard="preponderance", doctrines=["spending"])  # fmt: skip
    c1 = m.claim("Yes: agencies may condition grants on cooperation", id="C1", party="federal",
                 answers=q, doctrines=["spending"])  # fmt: skip
    m.premise("Congress delegated condition-setting power in Byrne JAG", id="C1.1", supports=c1,
              party="federal", cites=["ny-v-doj-2020"], doctrines=["spending"])  # fmt: skip
    m.premise("Cooperation conditions relate to the funded program", id="C1.2", supports=c1,
              party="federal", cites=["dole-1987@211"], doctrines=["spending"])  # fmt: skip
    r1 = m.rebuttal("Only Congress holds the spending power", id="C1.R1", attacks=c1,
                    party="local", cites=["sf-v-trump-2018"], doctrines=["spending"])  # fmt: skip
    m.undercutter("Where Congress delegated the condition the objection drops out", id="C1.R1.U1",
                  undercuts=r1, party="federal", cites=["ny-v-doj-2020"],
                  doctrines=["spending"])  # fmt: skip
    return m


def main(out: Path) -> None:
    m = build()
    for problem in m.check():
        print(problem)
    ev = am.evaluate(m)
    print(ev)
    print(ev.explain("C1"))
    # What if a court holds that Congress did not delegate the power?
    print(am.diff(ev, am.evaluate(m, reject=["C1.1", "C1.R1.U1"])))
    out.mkdir(parents=True, exist_ok=True)
    am.dump(m, out / "spending.yaml")
    am.render(m, out / "spending.dot", evaluation=ev, legend=True)
    am.render_brief(m, ev, template="memo", format="md").save(out / "spending-memo.md")
    print(f"wrote {out}/spending.yaml, spending.dot and spending-memo.md")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("build/examples"))
