"""The ``argmap`` command: check, evaluate, draw and write briefs from map files.

Every subcommand takes a map file (``.yaml``, ``.yml``, ``.json``) or a bundled
map as ``casebook:NAME``. Errors are printed as ``file:line: message`` without a
traceback, and the exit status is 0 on success, 1 on an error in the input, 2 on
a usage error.

Example:
    >>> main(["casebook"])
    sanctuary
    0
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from . import __version__
from .exceptions import ArgmapError, LoadError
from .problems import Problem

if TYPE_CHECKING:
    from .evaluation import Evaluation
    from .graph import ArgumentMap

__all__ = ["main"]

PROG = "argmap"


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")


def _load(spec: str) -> ArgumentMap:
    from . import casebook
    from .formats.native import load

    if spec.startswith("casebook:"):
        return casebook.load(spec.split(":", 1)[1])
    path = Path(spec)
    if not path.exists() and spec in casebook.names():
        raise LoadError(
            [
                Problem(
                    "error",
                    "io",
                    f"no such file; for the bundled map write casebook:{spec}",
                    source=spec,
                )
            ],
            spec,
        )
    return load(path)


def _print_problems(problems: Sequence[Problem], out: TextIO) -> None:
    for p in problems:
        print(p, file=out)
    errors = sum(p.severity == "error" for p in problems)
    warnings = sum(p.severity == "warning" for p in problems)
    infos = len(problems) - errors - warnings
    print(
        f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}, "
        f"{infos} note{'s' * (infos != 1)}",
        file=out,
    )


# ---------------------------------------------------------------- subcommands


def cmd_check(args: argparse.Namespace) -> int:
    try:
        m = _load(args.file)
    except LoadError as exc:
        problems: list[Problem] = list(exc.problems)
    else:
        problems = m.check()
    if args.json:
        print(json.dumps([_problem_dict(p) for p in problems], indent=2, ensure_ascii=False))
    else:
        _print_problems(problems, sys.stdout)
    return 1 if any(p.is_error for p in problems) else 0


def _problem_dict(p: Problem) -> dict[str, Any]:
    import attrs

    return attrs.asdict(p)


def cmd_casebook(args: argparse.Namespace) -> int:
    from . import casebook

    if args.name is None:
        for name in casebook.names():
            print(name)
        return 0
    text = casebook.text(args.name)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
        print(f"wrote {args.output}")
    else:
        sys.stdout.write(text)
    return 0


def _pairs(values: Sequence[str], what: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for v in values:
        key, sep, value = v.partition("=")
        if not sep or not key or not value:
            raise ArgmapError(f"{what} takes ID=VALUE, not {v!r}")
        out[key] = value
    return out


def _evaluate(m: ArgumentMap, args: argparse.Namespace, *, what_if: bool = True) -> Evaluation:
    from .evaluation import evaluate

    standards: dict[str, str] | str | None = None
    given = list(getattr(args, "standard", None) or [])
    if given:
        plain = [s for s in given if "=" not in s]
        standards = (
            plain[-1]
            if plain and len(plain) == len(given)
            else _pairs([s for s in given if "=" in s], "--standard")
        )
    weights: dict[str, float] = {}
    for key, value in _pairs(getattr(args, "weight", None) or [], "--weight").items():
        try:
            weights[key] = float(value)
        except ValueError:
            raise ArgmapError(f"--weight {key}={value}: the weight must be a number") from None
    return evaluate(
        m,
        semantics=args.semantics,
        standards=standards,
        assume=(args.assume or []) if what_if else [],
        reject=(args.reject or []) if what_if else [],
        weights=weights or None,
    )


def cmd_eval(args: argparse.Namespace) -> int:
    from .evaluation import diff

    m = _load(args.file)
    ev = _evaluate(m, args)
    baseline = None
    if args.diff_against:
        other = _load(args.diff_against)
        baseline = _evaluate(other, args, what_if=False)
    elif args.diff:
        baseline = _evaluate(m, args, what_if=False)
    if args.json:
        data: dict[str, Any] = ev.to_dict()
        if args.explain:
            ids = [*m.statements, *m.relations]
            data["explanations"] = {i: ev.explanation(i).to_dict() for i in ids}
        if baseline is not None:
            data["changes"] = diff(baseline, ev).to_dict()
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return 0
    print(_status_table(ev, explain=args.explain))
    if baseline is not None:
        print()
        print(
            "Changes against the baseline:"
            if args.diff
            else f"Changes against {args.diff_against}:"
        )
        print(diff(baseline, ev))
    return 0


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _status_table(ev: Evaluation, *, explain: bool) -> str:
    m = ev.map
    rows = [("id", "kind", "party", "status", "statement")]
    for s in m:
        rows.append((s.id, s.kind, s.party or "", ev.status(s), _clip(s.text, 60)))
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = ["  ".join(r[i].ljust(widths[i]) for i in range(4)) + "  " + r[4] for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths) + "  " + "-" * 9)
    if explain:
        # every statement, then every relation: an undercut's row says why a claim survives
        ids = [s for s in m.statements if m.statement(s).kind != "issue"]
        ids += list(m.relations)
        width = max((len(i) for i in ids), default=0)
        lines.append("")
        lines.append("Why:")
        lines.extend(f"  {i:<{width}}  {ev.explain(i)}" for i in ids)
    lines.append("")
    lines.append(f"Issues ({ev.semantics} semantics):")
    for issue in m.issues:
        lines.append(f"  {issue.id}: {ev.outcome(issue).explanation}")
    return "\n".join(lines)


def _view_options(args: argparse.Namespace) -> dict[str, Any]:
    options: dict[str, Any] = {"theme": args.theme, "legend": args.legend}
    if args.focus:
        options["focus"] = args.focus
        options["depth"] = args.depth
    if args.doctrine:
        options["doctrines"] = args.doctrine
    if args.party:
        options["parties"] = args.party
    if args.authorities:
        options["authorities"] = args.authorities
    return options


def cmd_render(args: argparse.Namespace) -> int:
    from .dot import render

    m = _load(args.file)
    ev = _evaluate(m, args) if args.evaluate else None
    out = render(m, args.output, evaluation=ev, **_view_options(args))
    print(f"wrote {out}")
    return 0


def cmd_brief(args: argparse.Namespace) -> int:
    from .brief import render_brief

    m = _load(args.file)
    ev = _evaluate(m, args) if args.evaluate else None
    out = Path(args.output)
    fmt = args.format or out.suffix.lstrip(".").lower() or "md"
    brief = render_brief(
        m,
        ev,
        template=args.template,
        format=fmt,
        side=args.side,
        templates=args.templates,
        diagram=not args.no_diagram,
    )
    brief.save(out)
    print(f"wrote {out}")
    return 0


def cmd_convert(args: argparse.Namespace) -> int:
    from .formats.native import dump

    if args.source_format == "carneades":
        from .formats.carneades import load as load_carneades

        m = load_carneades(args.file).map
    else:
        m = _load(args.file)
    dump(m, args.output)
    print(f"wrote {args.output}")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from . import casebook
    from .brief import render_brief
    from .dot import render
    from .evaluation import evaluate

    out = Path(args.output)
    out.mkdir(parents=True, exist_ok=True)
    m = casebook.load("sanctuary")
    written: list[Path] = []
    yaml_path = out / "sanctuary.yaml"
    yaml_path.write_text(casebook.text("sanctuary"), encoding="utf-8")
    written.append(yaml_path)
    ev = evaluate(m)
    written.append(render(m, out / "sanctuary.svg", legend=True))
    written.append(render(m, out / "sanctuary-evaluated.svg", evaluation=ev, legend=True))
    for doctrine in m.doctrines:
        if m.by_doctrine(doctrine):
            written.append(
                render(
                    m,
                    out / f"sanctuary-{doctrine}.svg",
                    doctrines=[doctrine],
                    evaluation=ev,
                    theme="slides",
                    legend=True,
                )
            )
    for side in ("local", "federal"):
        path = out / f"sanctuary-brief-{side}.html"
        render_brief(m, ev, template="brief", format="html", side=side).save(path)
        written.append(path)
    memo = out / "sanctuary-memo.md"
    render_brief(m, ev, template="memo", format="md").save(memo)
    written.append(memo)
    print("argmap demo: the sanctuary casebook map, drawn, evaluated and briefed:")
    for path in written:
        print(f"  {path}")
    return 0


# ---------------------------------------------------------------- parser


def _add_evaluation_options(p: argparse.ArgumentParser, *, what_if: bool = True) -> None:
    p.add_argument(
        "--semantics",
        default="grounded",
        help="grounded (default), preferred, stable, complete, semi-stable, ideal",
    )
    p.add_argument(
        "--standard",
        action="append",
        metavar="ISSUE=STD",
        help="proof standard for an issue (or STD for all): scintilla, "
        "preponderance, clear-and-convincing, beyond-reasonable-doubt, "
        "dialectical-validity",
    )
    p.add_argument(
        "--weight",
        action="append",
        metavar="RELATION=W",
        help="weight in [0, 1] of an inference or conflict",
    )
    if what_if:
        p.add_argument(
            "--assume",
            action="append",
            metavar="ID",
            help="a statement the court accepts (repeatable)",
        )
        p.add_argument(
            "--reject",
            action="append",
            metavar="ID",
            help="a statement the court rejects (repeatable)",
        )
    else:
        p.set_defaults(assume=[], reject=[])


def _add_view_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--theme", default="screen", choices=["screen", "print", "slides"])
    p.add_argument("--focus", metavar="ID", help="centre the view on one statement")
    p.add_argument("--depth", type=int, default=2, help="steps kept around --focus (default 2)")
    p.add_argument(
        "--doctrine", action="append", metavar="D", help="keep one doctrine (repeatable)"
    )
    p.add_argument("--party", action="append", metavar="P", help="keep one party (repeatable)")
    p.add_argument("--legend", action="store_true", help="add a legend")
    p.add_argument(
        "--authorities",
        choices=["inline", "nodes", "none"],
        help="citations in the nodes (default), as nodes, or not at all",
    )


# ---------------------------------------------------------------- teaching (issue 14)


def _write(path: str, text: str) -> None:
    Path(path).write_text(text, encoding="utf-8")
    print(f"wrote {path}")


def _handout_format(path: str, given: str | None) -> str:
    fmt = given or Path(path).suffix.lstrip(".").lower()
    fmt = {"markdown": "md", "htm": "html", "latex": "tex"}.get(fmt, fmt)
    if fmt not in ("md", "html", "tex"):
        raise ArgmapError(f"{path}: write .md, .html or .tex (or say --format)")
    return fmt


def _key_path(path: str, given: str | None) -> str:
    if given:
        return given
    out = Path(path)
    return str(out.with_name(f"{out.stem}-key{out.suffix}"))


def cmd_html(args: argparse.Namespace) -> int:
    import time

    from .explore import to_html

    started = time.perf_counter()
    m = _load(args.file)
    text = to_html(m, _evaluate(m, args, what_if=False), views=not args.no_views)
    Path(args.output).write_text(text, encoding="utf-8")
    size = len(text.encode("utf-8"))
    took = time.perf_counter() - started
    print(f"wrote {args.output} ({size / 1e6:.2f} MB in {took:.1f} s)")
    return 0


def cmd_teach(args: argparse.Namespace) -> int:
    from .teach import blank, questions

    m = _load(args.file)
    fmt = _handout_format(args.output, args.format)
    sheet: Any
    if args.exercise == "blank":
        if not args.hide:
            raise ArgmapError("teach blank: say what to hide with --hide (kind, party:ID, ...)")
        sheet = blank(m, hide=args.hide)
        _write(args.output, sheet.handout(fmt))
    else:
        sheet = questions(m, n=args.n, seed=args.seed, evaluation=_evaluate(m, args, what_if=False))
        _write(args.output, sheet.handout(fmt))
    _write(_key_path(args.output, args.key), sheet.key(fmt))
    return 0


def cmd_grade(args: argparse.Namespace) -> int:
    from .teach import grade

    result = grade(_load(args.student), _load(args.key))
    fmt = args.format or (Path(args.output).suffix.lstrip(".") if args.output else "md")
    if fmt == "json":
        text = json.dumps(result.to_dict(), indent=2, ensure_ascii=False) + "\n"
    elif fmt == "html":
        text = result.to_html()
    elif fmt == "md":
        text = result.to_markdown()
    else:
        raise ArgmapError(f"grade: write .md, .html or .json, not {fmt!r}")
    if args.output:
        _write(args.output, text)
    else:
        sys.stdout.write(text)
    return 0


def _add_teaching_parsers(sub: Any, file_help: str) -> None:
    p = sub.add_parser("html", help="write a self-contained explorable page (what-ifs, no server)")
    p.add_argument("file", help=file_help)
    p.add_argument("-o", "--output", required=True, help="OUT.html")
    p.add_argument("--no-views", action="store_true", help="only the whole map, no view switcher")
    _add_evaluation_options(p, what_if=False)
    p.set_defaults(func=cmd_html)

    p = sub.add_parser("teach", help="exercises with answer keys: blank, questions")
    p.add_argument("exercise", choices=["blank", "questions"], help="the kind of exercise")
    p.add_argument("file", help=file_help)
    p.add_argument("-o", "--output", required=True, help="the handout: OUT.md, OUT.html or OUT.tex")
    p.add_argument("--key", help="where the key goes (default: OUT-key with the same suffix)")
    p.add_argument("--format", choices=["md", "html", "tex"], help="default: from -o's suffix")
    p.add_argument(
        "--hide",
        action="append",
        metavar="WHAT",
        help="blank: a kind (premise), party:ID, doctrine:ID or a statement id (repeatable)",
    )
    p.add_argument("-n", type=int, default=5, help="questions: how many (default 5)")
    p.add_argument("--seed", type=int, default=0, help="questions: which set (default 0)")
    _add_evaluation_options(p, what_if=False)
    p.set_defaults(func=cmd_teach)

    p = sub.add_parser("grade", help="grade a student's map against a key")
    p.add_argument("student", help="the student's map file")
    p.add_argument("key", help="the key: the teacher's map file or casebook:NAME")
    p.add_argument("-o", "--output", help="write the report to OUT.md, OUT.html or OUT.json")
    p.add_argument("--format", choices=["md", "html", "json"], help="default: from -o, else md")
    p.set_defaults(func=cmd_grade)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``argmap`` command.

    Example:
        >>> build_parser().parse_args(["check", "m.yaml"]).file
        'm.yaml'
    """
    parser = _Parser(prog=PROG, description="Map legal arguments: check, evaluate, draw, brief.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True
    file_help = "a map file (.yaml, .yml, .json) or casebook:NAME"

    p = sub.add_parser("check", help="report problems in a map file (exit 1 on errors)")
    p.add_argument("file", help=file_help)
    p.add_argument("--json", action="store_true", help="print the problems as JSON")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("casebook", help="list the bundled maps, or write one out")
    p.add_argument("name", nargs="?", help="the map's name (e.g. sanctuary)")
    p.add_argument("-o", "--output", help="write to this file instead of standard output")
    p.set_defaults(func=cmd_casebook)

    p = sub.add_parser("eval", help="which statements stand, and why")
    p.add_argument("file", help=file_help)
    _add_evaluation_options(p)
    p.add_argument(
        "--diff",
        action="store_true",
        help="also list what --assume/--reject/--weight/--standard change",
    )
    p.add_argument(
        "--diff-against",
        metavar="FILE",
        help="also list what changes against another version of the map",
    )
    p.add_argument(
        "--explain",
        action="store_true",
        help="print a reason for every status and relation (with --json: structured)",
    )
    p.add_argument("--json", action="store_true", help="print the evaluation as JSON")
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser("render", help="draw the map: .svg, .pdf, .png or .dot")
    p.add_argument("file", help=file_help)
    p.add_argument("-o", "--output", required=True, help="OUT.svg, OUT.pdf, OUT.png or OUT.dot")
    _add_view_options(p)
    p.add_argument("--evaluate", action="store_true", help="show each statement's status")
    _add_evaluation_options(p)
    p.set_defaults(func=cmd_render)

    p = sub.add_parser("brief", help="write a brief, memo or outline: .md, .html or .tex")
    p.add_argument("file", help=file_help)
    p.add_argument("-o", "--output", required=True, help="OUT.md, OUT.html or OUT.tex")
    p.add_argument("--template", default="brief", help="brief (default), memo, outline, or yours")
    p.add_argument("--side", help="the party the brief argues for")
    p.add_argument("--templates", metavar="DIR", help="a folder of your own templates")
    p.add_argument("--format", choices=["md", "html", "tex"], help="default: from -o's suffix")
    p.add_argument("--evaluate", action="store_true", help="include statuses and outcomes")
    p.add_argument("--no-diagram", action="store_true", help="leave the diagram out (html)")
    _add_evaluation_options(p)
    p.set_defaults(func=cmd_brief)

    p = sub.add_parser("convert", help="rewrite a map as .yaml or .json (or import Carneades)")
    p.add_argument("file", help=file_help)
    p.add_argument("output", help="OUT.yaml or OUT.json")
    p.add_argument(
        "--from",
        dest="source_format",
        choices=["native", "carneades"],
        default="native",
        help="the input's format (default: native)",
    )
    p.set_defaults(func=cmd_convert)

    p = sub.add_parser("demo", help="write the sanctuary map, diagrams and briefs to a folder")
    p.add_argument("-o", "--output", default="build", help="the folder (default: build)")
    p.set_defaults(func=cmd_demo)

    _add_teaching_parsers(sub, file_help)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``argmap`` command; returns the exit status.

    Example:
        >>> main(["check", "/nonexistent.yaml"])
        /nonexistent.yaml: error: cannot read the file: No such file or directory [io]
        1 error, 0 warnings, 0 notes
        1
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        status: int = args.func(args)
        return status
    except LoadError as exc:
        _print_problems(exc.problems, sys.stderr if args.command != "check" else sys.stdout)
        return 1
    except ArgmapError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except OSError as exc:
        print(
            f"{PROG}: error: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "),
            file=sys.stderr,
        )
        return 1


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
