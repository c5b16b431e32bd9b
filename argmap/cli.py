"""The ``argmap`` command: check, evaluate, draw and write briefs from map files.

Every subcommand takes a map file in any format argmap reads (native ``.yaml``/``.json``,
``.argdown``, the AIF family, Carneades, ICCMA frameworks; ``--from`` overrides the
detection) or a bundled map as ``casebook:NAME``. Errors are printed as ``file:line: message`` without a
traceback, and the exit status is 0 on success, 1 on an error in the input, 2 on
a usage error. Control characters from a map (ESC, BEL, bidirectional overrides)
are printed escaped (``\\u001b``). Every output file is written atomically: on
any failure the old file is left as it was. On a terminal, ``eval``, ``render``
and ``brief`` show progress once they run for over a second
(``ARGMAP_PROGRESS=0`` turns it off).

Example:
    >>> main(["casebook"])
    sanctuary
    0
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from . import __version__
from ._io import atomic_write_text
from .exceptions import ArgmapError, LoadError, UnknownNodeError
from .problems import Problem

if TYPE_CHECKING:
    from .evaluation import Evaluation
    from .formats import Imported
    from .graph import ArgumentMap

__all__ = ["main"]

PROG = "argmap"


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, _escape_controls(f"{self.prog}: error: {message}\n"))


#: Characters that steer a terminal rather than print: C0/C1 controls except tab and
#: newline, DEL, the bidirectional overrides and isolates that reorder a line, and
#: lone surrogates (which a terminal's UTF-8 encoder cannot even write).
_CONTROLS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def _escape_controls(text: str) -> str:
    """``text`` with every terminal control character shown as a ``\\uXXXX`` escape.

    Statement text and ids come from the user's file; an ESC or BEL in them must
    not reach the terminal as such (it could recolour, retitle or rewrite the
    screen). The ``\\uXXXX`` form also keeps JSON output valid.

    Example:
        >>> _escape_controls("bell\\a, esc\\x1b[31m, tab\\tand newline\\n kept")
        'bell\\\\u0007, esc\\\\u001b[31m, tab\\tand newline\\n kept'
    """
    return _CONTROLS.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _print(*values: object, file: TextIO | None = None, flush: bool = False) -> None:
    """The one printer of the command: like ``print``, with controls escaped."""
    text = " ".join(str(v) for v in values)
    print(_escape_controls(text), file=sys.stdout if file is None else file, flush=flush)


def _load(spec: str, source_format: str | None = None) -> ArgumentMap:
    return _read(spec, source_format).map


def _read(spec: str, source_format: str | None = None) -> Imported:
    """Read a map file in any format argmap reads (``--from`` overrides detection)."""
    from . import casebook
    from .formats import Imported, read

    if spec.startswith("casebook:"):
        return Imported(casebook.load(spec.split(":", 1)[1]), "native")
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
    return read(path, format=source_format)


def _print_problems(problems: Sequence[Problem], out: TextIO) -> None:
    for p in problems:
        _print(p, file=out)
    errors = sum(p.severity == "error" for p in problems)
    warnings = sum(p.severity == "warning" for p in problems)
    infos = len(problems) - errors - warnings
    _print(
        f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}, "
        f"{infos} note{'s' * (infos != 1)}",
        file=out,
    )


# ---------------------------------------------------------------- subcommands


def cmd_check(args: argparse.Namespace) -> int:
    import attrs

    m: ArgumentMap | None = None
    fmt = None
    try:
        result = _read(args.file, args.source_format)
    except LoadError as exc:
        problems: list[Problem] = list(exc.problems)
    else:
        m = result.map
        fmt = result.format
        problems = [*result.notes, *m.check()]
    found = [_problem_dict(p) for p in problems]
    report = m.balance() if args.balance and m is not None else None
    if fmt is not None and not args.json and fmt != "native":
        _print(f"{args.file}: read as {_FORMAT_NAMES.get(fmt, fmt)}")
    if args.json:
        # with --balance: one JSON object holding both, so the output stays one document
        doc: Any = (
            found
            if not args.balance
            else {
                "problems": found,
                "balance": None if report is None else attrs.asdict(report),
            }
        )
        _print(json.dumps(doc, indent=2, ensure_ascii=False))
    else:
        _print_problems(problems, sys.stdout)
        if report is not None:
            _print(f"\nBalance of argument by issue\n\n{report}")
    return 1 if any(p.is_error for p in problems) else 0


_FORMAT_NAMES = {
    "argdown": "Argdown",
    "aif": "AIF",
    "xaif": "xAIF (OVA)",
    "aifdb": "an AIFdb export",
    "sadface": "SADFace",
    "carneades": "Carneades 4 YAML",
    "apx": "an ASPARTIX framework",
    "tgf": "a TGF framework",
    "af": "an ICCMA 2023 framework",
}


def _problem_dict(p: Problem) -> dict[str, Any]:
    import attrs

    return attrs.asdict(p)


def cmd_casebook(args: argparse.Namespace) -> int:
    from . import casebook

    if args.name is None:
        for name in casebook.names():
            _print(name)
        return 0
    text = casebook.text(args.name)
    if args.output:
        atomic_write_text(args.output, text, mkdir=True)
        _print(f"wrote {args.output}")
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


def _evaluate(
    m: ArgumentMap, args: argparse.Namespace, *, what_if: bool = True, as_written: bool = False
) -> Evaluation:
    """Evaluate ``m`` with the command's options.

    ``what_if=False`` leaves out --assume/--reject; ``as_written=True`` (a --diff
    baseline) leaves out --standard and --weight too, keeping only --semantics.
    """
    from .evaluation import evaluate

    standards: dict[str, str] | str | None = None
    what_if = what_if and not as_written
    given = list(getattr(args, "standard", None) or []) if not as_written else []
    if given:
        # A plain STD sets every issue; ISSUE=STD then overrides single issues.
        plain = [s for s in given if "=" not in s]
        pairs = _pairs([s for s in given if "=" in s], "--standard")
        if plain and pairs:
            standards = {issue.id: plain[-1] for issue in m.issues} | pairs
        else:
            standards = plain[-1] if plain else pairs
    weights: dict[str, float] = {}
    for option in ("--assume", "--reject") if what_if else ():
        for ident in getattr(args, option.lstrip("-"), None) or []:
            try:
                m.statement(ident)
            except UnknownNodeError as exc:
                raise ArgmapError(f"{option}: {exc}") from None
    given_weights = (getattr(args, "weight", None) or []) if not as_written else []
    for key, value in _pairs(given_weights, "--weight").items():
        try:
            weights[key] = float(value)
        except ValueError:
            raise ArgmapError(f"--weight {key}={value}: the weight must be a number") from None
    try:
        return evaluate(
            m,
            semantics=args.semantics,
            standards=standards,
            assume=(args.assume or []) if what_if else [],
            reject=(args.reject or []) if what_if else [],
            weights=weights or None,
        )
    except ArgmapError as exc:
        # The library names its parameters (standards=, weights=); say the options.
        message = str(exc)
        for param, option in (("standards: ", "--standard: "), ("weights: ", "--weight: ")):
            if message.startswith(param):
                raise ArgmapError(option + message.removeprefix(param)) from None
        raise


def cmd_eval(args: argparse.Namespace) -> int:
    from ._progress import steps
    from .evaluation import diff

    with steps(["read", "evaluate", "compare", "report"], desc="argmap eval") as step:
        step("read")
        m = _load(args.file, args.source_format)
        step("evaluate")
        ev = _evaluate(m, args)
        baseline = None
        step("compare")
        if args.diff_against:
            other = _load(args.diff_against)
            baseline = _evaluate(other, args, as_written=True)
        elif args.diff:
            baseline = _evaluate(m, args, as_written=True)
        step("report")
        if args.json:
            data: dict[str, Any] = ev.to_dict()
            if args.explain:
                ids = [*m.statements, *m.relations]
                data["explanations"] = {i: ev.explanation(i).to_dict() for i in ids}
            if baseline is not None:
                data["changes"] = diff(baseline, ev).to_dict()
            report = json.dumps(data, indent=2, ensure_ascii=False)
        else:
            report = _status_table(ev, explain=args.explain)
            if baseline is not None:
                heading = (
                    "Changes against the baseline:"
                    if args.diff
                    else f"Changes against {args.diff_against}:"
                )
                report += f"\n\n{heading}\n{diff(baseline, ev)}"
    _print(report)
    return 0


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _status_table(ev: Evaluation, *, explain: bool) -> str:
    from ._progress import track

    m = ev.map
    rows = [("id", "kind", "party", "status", "statement")]
    for s in track(m, desc="statuses", total=len(m.statements)):
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
        explained = track(ids, desc="explanations", total=len(ids))
        lines.extend(f"  {i:<{width}}  {ev.explain(i)}" for i in explained)
    lines.append("")
    lines.append(f"Issues ({ev.semantics} semantics):")
    for issue in m.issues:
        lines.append(f"  {issue.id}: {ev.outcome(issue).explanation}")
    if not m.issues:
        lines.append("  none: the map has no issue, so no outcome to decide")
    return "\n".join(lines)


def _view_options(args: argparse.Namespace) -> dict[str, Any]:
    options: dict[str, Any] = {"theme": args.theme, "legend": args.legend}
    if getattr(args, "legend_style", None):  # a style asks for a legend
        options["legend"] = args.legend_style
    if args.focus:
        options["focus"] = args.focus
        options["depth"] = args.depth
    if args.doctrine:
        options["doctrines"] = args.doctrine
    if args.party:
        options["parties"] = args.party
    if args.authorities:
        options["authorities"] = args.authorities
    for name in ("wrap", "max_lines", "rankdir", "arrange", "layout"):
        if getattr(args, name, None) is not None:
            options[name] = getattr(args, name)
    return options


def _check_diagram_output(path: str) -> None:
    suffix = Path(path).suffix.lower()
    if suffix not in (".svg", ".pdf", ".png", ".dot"):
        said = f"its suffix {suffix!r}" if suffix else "it has no suffix"
        raise ArgmapError(
            f"cannot draw to {Path(path).name}: {said}; name the output "
            "OUT.svg, OUT.pdf, OUT.png or OUT.dot"
        )


def cmd_render(args: argparse.Namespace) -> int:
    _check_diagram_output(args.output)
    from ._progress import steps
    from .dot import render

    with steps(["read", "evaluate", "draw"], desc="argmap render") as step:
        step("read")
        m = _load(args.file, args.source_format)
        step("evaluate")
        ev = _evaluate(m, args) if args.evaluate else None
        step("draw")
        options = _view_options(args)
        extra: dict[str, Any] = {"dpi": args.dpi, "timeout": args.timeout}
        if args.split == "issue":
            if args.focus:
                raise ArgmapError("--split issue draws whole issues: leave out --focus")
            outs = render(m, args.output, evaluation=ev, pages=True, **extra, **options)
        else:
            outs = [render(m, args.output, evaluation=ev, **extra, **options)]
    for out in outs:
        _print(f"wrote {out}")
    return 0


def cmd_brief(args: argparse.Namespace) -> int:
    from ._progress import steps
    from .brief import render_brief

    _check_format_matches(args.output, args.format)
    with steps(["read", "evaluate", "write", "save"], desc="argmap brief") as step:
        step("read")
        m = _load(args.file, args.source_format)
        step("evaluate")
        ev = _evaluate(m, args) if args.evaluate else None
        out = Path(args.output)
        fmt = args.format or out.suffix.lstrip(".").lower() or "md"
        step("write")
        brief = render_brief(
            m,
            ev,
            template=args.template,
            format=fmt,
            side=args.side,
            templates=args.templates,
            diagram=not args.no_diagram,
            drafting=args.drafting,
            include_rejected=args.include_rejected,
            memo_to=args.to,
            memo_from=args.sender,
            date=args.date,
        )
        step("save")
        brief.save(out)
    _print(f"wrote {out}")
    return 0


def cmd_convert(args: argparse.Namespace) -> int:
    from .formats import WRITE_FORMATS, dump, format_of_suffix, losses

    target = args.target_format or format_of_suffix(args.output)
    if target is None:
        name = Path(args.output).name
        hint = ""
        if Path(name).suffix.lower() in (".svg", ".pdf", ".png", ".dot"):
            hint = f" For a diagram, use: argmap render {args.file} -o {name}"
        raise ArgmapError(
            f"cannot convert to {name}: its suffix names no format argmap writes "
            f"(supported: {', '.join(sorted(WRITE_FORMATS))}, or --to FORMAT).{hint}"
        )
    result = _read(args.file, args.source_format)
    lost = losses(result.map, target)
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    dump(result.map, args.output, format=target)
    _print(f"wrote {args.output}")
    for note in result.notes:
        _print(str(note), file=sys.stderr)
    if lost:
        _print(f"{PROG}: the conversion to {target} left out:", file=sys.stderr)
        for line in lost:
            _print(f"  - {line}", file=sys.stderr)
    return 0


def cmd_watch(args: argparse.Namespace) -> int:
    """Re-render (and re-evaluate) every time the file changes; print problems as they appear."""
    import time

    from .dot import render

    _check_diagram_output(args.output)
    if args.file.startswith("casebook:"):
        name = args.file.removeprefix("casebook:")
        raise ArgmapError(
            f"a bundled casebook never changes, so there is nothing to watch: write it out "
            f"with 'argmap casebook {name} -o {name}.yaml', then watch {name}.yaml"
        )
    path = Path(args.file)
    last: tuple[float, int] | None = None
    missing_said = False
    renders = 0
    checks = 0
    _print(f"watching {path} (Ctrl-C to stop)", flush=True)
    while args.max_checks is None or checks < args.max_checks:
        checks += 1
        try:
            stat = path.stat()
            stamp: tuple[float, int] | None = (stat.st_mtime, stat.st_size)
        except OSError:
            stamp = None
            if not missing_said:
                _print(f"{PROG}: {path}: no such file yet; waiting for it", flush=True)
                missing_said = True
        else:
            missing_said = False
        if stamp is not None and stamp != last:
            last = stamp
            renders += 1
            try:
                result = _read(args.file, args.source_format)
                problems = [*result.notes, *result.map.check()]
                ev = _evaluate(result.map, args) if args.evaluate else None
                out = render(
                    result.map,
                    args.output,
                    evaluation=ev,
                    dpi=args.dpi,
                    timeout=args.timeout,
                    **_view_options(args),
                )
            except LoadError as exc:
                _print_problems(exc.problems, sys.stdout)
            except ArgmapError as exc:
                _print(f"{PROG}: error: {exc}", flush=True)
            else:
                if problems:
                    _print_problems(problems, sys.stdout)
                _print(f"wrote {out}", flush=True)
        if args.max_checks is not None and checks >= args.max_checks:
            break
        time.sleep(args.interval)
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
    atomic_write_text(yaml_path, casebook.text("sanctuary"))
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
    _print("argmap demo: the sanctuary casebook map, drawn, evaluated and briefed:")
    for path in written:
        _print(f"  {path}")
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


def _whole(text: str) -> int:
    """A whole number >= 0, for options such as --wrap."""
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(f"expected a whole number (0 or more), not {text!r}")
    return value


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
        "--legend-style",
        choices=["compact", "full"],
        help="compact: rows under the drawing (default); full: a column beside the top "
        "(implies --legend)",
    )
    p.add_argument(
        "--authorities",
        choices=["inline", "nodes", "none"],
        help="citations in the nodes (default), as nodes, or not at all",
    )


def _add_layout_options(p: argparse.ArgumentParser) -> None:
    """Options of the drawing itself, shared by ``render`` and ``watch``."""
    p.add_argument(
        "--wrap", type=_whole, metavar="N", help="characters per line of text (0: no wrapping)"
    )
    p.add_argument(
        "--max-lines",
        type=_whole,
        metavar="N",
        help="lines of each statement shown (0: all); the full text stays in the tooltip",
    )
    p.add_argument("--rankdir", choices=["BT", "TB", "LR", "RL"], help="direction (default BT)")
    p.add_argument("--dpi", type=_whole, help="resolution of .png output (default 144)")
    p.add_argument(
        "--arrange",
        choices=["rows", "strip"],
        help="issues stacked in rows to fit a page (default) or side by side",
    )
    p.add_argument(
        "--layout",
        choices=["auto", "full", "fast", "packed"],
        help="auto (default): above 2,000 nodes each issue is laid out on its own and "
        "the drawings packed into one picture; full or fast: one Graphviz layout "
        "(fast: cheaper settings); packed: packed at any size",
    )
    p.add_argument(
        "--timeout",
        type=float,
        metavar="SECONDS",
        help="stop Graphviz after this long, for the whole drawing (default 120; 0: no limit)",
    )


def _write_formats() -> list[str]:
    from .formats import WRITE_FORMATS

    return list(WRITE_FORMATS.values())


def _add_from_option(p: argparse.ArgumentParser) -> None:
    from .formats import READ_FORMATS

    p.add_argument(
        "--from",
        dest="source_format",
        choices=READ_FORMATS,
        help="the input's format (default: from its content and suffix)",
    )


# ---------------------------------------------------------------- teaching (issue 14)


def _write(path: str, text: str) -> None:
    from ._io import atomic_write_text

    atomic_write_text(path, text, mkdir=True)
    _print(f"wrote {path}")


_TEXT_SUFFIXES = {"md": "md", "markdown": "md", "html": "html", "htm": "html", "tex": "tex"}


def _check_format_matches(path: str, given: str | None) -> None:
    """Refuse ``--format X`` with an output whose suffix names another format."""
    named = _TEXT_SUFFIXES.get(Path(path).suffix.lstrip(".").lower())
    if given and named and named != given:
        raise ArgmapError(
            f"--format {given} does not match {Path(path).name}: name the output "
            f"OUT.{given}, or leave --format out"
        )


def _handout_format(path: str, given: str | None) -> str:
    _check_format_matches(path, given)
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
    from ._io import atomic_write_text

    m = _load(args.file, args.source_format)
    text = to_html(m, _evaluate(m, args, what_if=False), views=not args.no_views)
    atomic_write_text(args.output, text, mkdir=True)
    size = len(text.encode("utf-8"))
    took = time.perf_counter() - started
    _print(f"wrote {args.output} ({size / 1e6:.2f} MB in {took:.1f} s)")
    return 0


def cmd_teach(args: argparse.Namespace) -> int:
    from .teach import blank, questions

    m = _load(args.file, args.source_format)
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

    if args.json:  # as in check --json and eval --json
        if args.format not in (None, "json"):
            raise ArgmapError(f"--json and --format {args.format} disagree: give one of them")
        args.format = "json"
    result = grade(_load(args.student), _load(args.key))
    if args.output:
        suffix = Path(args.output).suffix.lstrip(".").lower()
        named = "json" if suffix == "json" else _TEXT_SUFFIXES.get(suffix)
        if args.format and named and named != args.format:
            raise ArgmapError(
                f"--format {args.format} does not match {Path(args.output).name}: name the "
                f"output OUT.{args.format}, or leave --format out"
            )
        fmt = args.format or named or suffix
    else:
        fmt = args.format or "md"
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
        sys.stdout.write(_escape_controls(text))
    return 0


def _add_teaching_parsers(sub: Any, file_help: str) -> None:
    p = sub.add_parser("html", help="write a self-contained explorable page (what-ifs, no server)")
    p.add_argument("file", help=file_help)
    p.add_argument("-o", "--output", required=True, help="OUT.html")
    p.add_argument("--no-views", action="store_true", help="only the whole map, no view switcher")
    _add_evaluation_options(p, what_if=False)
    _add_from_option(p)
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
    _add_from_option(p)
    p.set_defaults(func=cmd_teach)

    p = sub.add_parser("grade", help="grade a student's map against a key")
    p.add_argument("student", help="the student's map file")
    p.add_argument("key", help="the key: the teacher's map file or casebook:NAME")
    p.add_argument("-o", "--output", help="write the report to OUT.md, OUT.html or OUT.json")
    p.add_argument("--format", choices=["md", "html", "json"], help="default: from -o, else md")
    p.add_argument("--json", action="store_true", help="the report as JSON (--format json)")
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
    file_help = (
        "a map file (.yaml, .json, .argdown, AIF/xAIF/AIFdb/SADFace .json, Carneades .yml, "
        ".apx/.tgf/.af) or casebook:NAME"
    )

    p = sub.add_parser("check", help="report problems in a map file (exit 1 on errors)")
    p.add_argument("file", help=file_help)
    p.add_argument("--json", action="store_true", help="print the problems as JSON")
    p.add_argument(
        "--balance",
        action="store_true",
        help="also report, per issue, each party's attacks and what of its case goes unanswered",
    )
    _add_from_option(p)
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
        help="also list what changes against another version of the map, as written",
    )
    p.add_argument(
        "--explain",
        action="store_true",
        help="print a reason for every status and relation (with --json: structured)",
    )
    p.add_argument("--json", action="store_true", help="print the evaluation as JSON")
    _add_from_option(p)
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser("render", help="draw the map: .svg, .pdf, .png or .dot")
    p.add_argument("file", help=file_help)
    p.add_argument("-o", "--output", required=True, help="OUT.svg, OUT.pdf, OUT.png or OUT.dot")
    _add_view_options(p)
    _add_layout_options(p)
    p.add_argument(
        "--split",
        choices=["issue"],
        help="one figure per issue: OUT.svg becomes OUT-01-A0.svg, OUT-02-B0.svg, ...",
    )
    p.add_argument("--evaluate", action="store_true", help="show each statement's status")
    _add_evaluation_options(p)
    _add_from_option(p)
    p.set_defaults(func=cmd_render)

    p = sub.add_parser("brief", help="write a brief, memo or outline: .md, .html or .tex")
    p.add_argument("file", help=file_help)
    p.add_argument("-o", "--output", required=True, help="OUT.md, OUT.html or OUT.tex")
    p.add_argument("--template", default="brief", help="brief (default), memo, outline, or yours")
    p.add_argument("--side", help="the party the brief argues for")
    p.add_argument("--templates", metavar="DIR", help="a folder of your own templates")
    p.add_argument("--format", choices=["md", "html", "tex"], help="default: from -o's suffix")
    p.add_argument("--evaluate", action="store_true", help="include statuses and outcomes")
    p.add_argument("--no-diagram", action="store_true", help="leave the diagrams out")
    p.add_argument("--drafting", action="store_true", help="show drafting notes in the margin")
    p.add_argument(
        "--include-rejected",
        action="store_true",
        help="keep the side's statements the evaluation rejects, with the objections",
    )
    p.add_argument("--memo-to", dest="to", help="a memo's addressee (default: File)")
    p.add_argument("--memo-from", dest="sender", help="a memo's author (default: counsel)")
    p.add_argument("--memo-date", dest="date", help="a memo's date line (default: none)")
    _add_evaluation_options(p)
    _add_from_option(p)
    p.set_defaults(func=cmd_brief)

    p = sub.add_parser(
        "convert", help="rewrite a map in another format, chosen by the output's suffix"
    )
    p.add_argument("file", help=file_help)
    p.add_argument(
        "output",
        help="OUT.yaml, .json, .argdown, .aif(.json), .xaif(.json), .graphml, .apx, .tgf or .af",
    )
    _add_from_option(p)
    p.add_argument(
        "--to",
        dest="target_format",
        choices=sorted(set(_write_formats())),
        help="the output's format (default: from its suffix)",
    )
    p.set_defaults(func=cmd_convert)

    p = sub.add_parser(
        "watch", help="re-render (and re-evaluate) on every save; print problems as they appear"
    )
    p.add_argument("file", help=file_help)
    p.add_argument("-o", "--output", required=True, help="OUT.svg, OUT.pdf, OUT.png or OUT.dot")
    _add_view_options(p)
    _add_layout_options(p)
    p.add_argument("--evaluate", action="store_true", help="show each statement's status")
    _add_evaluation_options(p)
    _add_from_option(p)
    p.add_argument(
        "--interval", type=float, default=0.5, help="seconds between checks (default 0.5)"
    )
    p.add_argument(
        "--max-checks",
        type=_whole,
        metavar="N",
        help="stop after N checks of the file (default: run until Ctrl-C)",
    )
    p.set_defaults(func=cmd_watch)

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
    with warnings.catch_warnings():
        warnings.showwarning = _show_warning
        return _run(args)


#: how a warning written for the library names what the command calls an option
_OPTION_WORDS = (
    (r"layout='(\w+)'", r"--layout \1"),
    (r"to_dot\(m, focus='([^']*)', depth=(\d+)\)", r"--focus \1 --depth \2"),
    (r"to_dot\(m, focus=\.\.\., depth=(\d+)\)", r"--focus ID --depth \1"),
    (r"focus='([^']*)', depth=(\d+)", r"--focus \1 --depth \2"),
    (r"focus=\.\.\., depth=(\d+)", r"--focus ID --depth \1"),
    (r"doctrines=\[\.\.\.\]", "--doctrine ID"),
)


def _show_warning(
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: TextIO | None = None,
    line: str | None = None,
) -> None:
    """argmap's own warnings as one line of the command's (not Python's file:line form)."""
    if category.__module__.split(".")[0] == "argmap":
        text = str(message).removeprefix(f"{PROG}: ")
        for api, option in _OPTION_WORDS:  # the library's words, as the command spells them
            text = re.sub(api, option, text)
        _print(f"{PROG}: warning: {text}", file=sys.stderr)
    else:
        sys.stderr.write(warnings.formatwarning(message, category, filename, lineno, line))


def _run(args: argparse.Namespace) -> int:
    """Run the chosen command, turning argmap's errors into messages and a status."""
    try:
        status: int = args.func(args)
        return status
    except LoadError as exc:
        _print_problems(exc.problems, sys.stderr if args.command != "check" else sys.stdout)
        return 1
    except ArgmapError as exc:
        _print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 1
    except UnicodeEncodeError as exc:
        # A lone surrogate (from a JSON "\\ud800" escape) cannot be written as UTF-8.
        _print(
            f"{PROG}: error: the map holds a character that {exc.encoding.upper()} cannot "
            f"encode ({exc.object[exc.start : exc.end]!a}); "
            "nothing was written",
            file=sys.stderr,
        )
        return 1
    except KeyboardInterrupt:
        _print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except OSError as exc:
        _print(
            f"{PROG}: error: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "),
            file=sys.stderr,
        )
        return 1


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
