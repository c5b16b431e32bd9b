"""The AIF family: AIF JSON, xAIF (OVA), AIFdb exports and SADFace.

The Argument Interchange Format (AIF) describes an argument as a graph of
information nodes (I: statements) and scheme nodes (S): RA (inference), CA
(conflict), MA (rephrase), PA (preference); dialogue nodes (L: locutions, TA,
YA) describe who said what. argmap's model is AIF's argument layer, so:

* I-nodes become statements; their kind follows from what they do (undercut →
  undercutter, attack → rebuttal, support → premise, else claim);
* an RA node becomes an :class:`~argmap.model.Inference` (its premises linked),
  with the scheme name in ``scheme`` (``"Default Inference"`` and ``"RA"`` mean
  none); an MA node becomes an inference whose scheme names the rephrase
  (``"Default Rephrase"``), written back as MA;
* a CA node becomes a :class:`~argmap.model.Conflict`; against an RA or CA node it
  is an undercut;
* speakers (participants, or the person of a locution) become parties: the party
  of an I-node is the speaker of the locution that asserts it (L → YA → I);
* PA nodes and the dialogue nodes themselves have no place in the model: they are
  left out with a note, never silently.

Which member of the family a file is comes from its content: an ``AIF`` wrapper
is xAIF; SADFace has ``atom``/``scheme`` nodes with ``source_id`` edges; AIF nodes
carrying ``timestamp`` are an AIFdb export; the rest is plain AIF.

What AIF cannot hold (documented in ``docs/interchange.md``): statement kinds
(re-derived from the structure), issues and their standards, titles, doctrines,
authorities and cites, notes, weights. :func:`dumps` reports none of them; use
:func:`losses` to list what a map would lose.

Example:
    >>> m = loads('''{"nodes": [
    ...   {"nodeID": "1", "type": "I", "text": "Grants may be conditioned"},
    ...   {"nodeID": "2", "type": "I", "text": "Congress delegated the power"},
    ...   {"nodeID": "3", "type": "RA", "text": "Argument from statute"}],
    ...  "edges": [{"edgeID": "a", "fromID": "2", "toID": "3"},
    ...            {"edgeID": "b", "fromID": "3", "toID": "1"}], "locutions": []}''')
    >>> [(s.id, s.kind) for s in m], m.inferences[0].scheme
    ([('1', 'claim'), ('2', 'premise')], 'Argument from statute')
    >>> loads(dumps(m)) == m
    True
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from typing import Any, Literal, TypeAlias

import attrs

from .._io import atomic_write_text, read_map_file
from ..exceptions import LoadError
from ..graph import ArgumentMap
from ..model import Conflict, Inference, valid_id
from ..problems import Problem
from . import native
from ._imported import Imported

__all__ = ["Family", "detect", "dump", "dumps", "load", "loads", "losses", "read", "reads"]

Family: TypeAlias = Literal["aif", "xaif", "aifdb", "sadface"]
FAMILIES: tuple[Family, ...] = ("aif", "xaif", "aifdb", "sadface")

_NO_SCHEME = {"", "ra", "default inference", "default support", "support"}
_CONFLICT_NAMES = {"conflict", "attack", "ca", "default conflict", "rebut", "rebuttal", "undercut"}
_DIALOGUE = ("L", "TA", "YA")
_BAD_ID = re.compile(r"[^A-Za-z0-9_.:/-]+")
_RELATION_ID = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.:/+>|-]*")


@attrs.define
class _Node:
    ident: str
    type: str
    text: str
    scheme: str | None = None


@attrs.define
class _Graph:
    family: Family
    nodes: dict[str, _Node] = attrs.field(factory=dict)
    edges: list[tuple[str, str]] = attrs.field(factory=list)
    speakers: dict[str, str] = attrs.field(factory=dict)  # L-node id -> person id
    people: dict[str, str] = attrs.field(factory=dict)  # person id -> name
    title: str = ""
    description: str | None = None


def _fail(source: str | None, message: str, code: str = "aif") -> LoadError:
    return LoadError([Problem("error", code, message, source=source)], source)


def detect(data: Any) -> Family | None:
    """Which member of the AIF family ``data`` (parsed JSON) is, or None.

    Example:
        >>> detect({"AIF": {"nodes": [], "edges": []}, "OVA": []})
        'xaif'
        >>> detect({"nodes": [{"id": "x", "type": "atom", "text": "t"}], "edges": []})
        'sadface'
        >>> detect({"nodes": [{"nodeID": "1", "type": "I", "text": "t", "timestamp": "2012"}],
        ...         "edges": []})
        'aifdb'
        >>> detect({"argmap": 1})
    """
    if not isinstance(data, dict):
        return None
    if isinstance(data.get("AIF"), dict):
        return "xaif"
    nodes = data.get("nodes")
    if not isinstance(nodes, list) or not isinstance(data.get("edges"), list):
        return None
    dicts = [n for n in nodes if isinstance(n, dict)]
    if any(n.get("type") in ("atom", "scheme") for n in dicts) or (
        isinstance(data.get("metadata"), dict) and "resources" in data
    ):
        return "sadface"
    if any("timestamp" in n for n in dicts):
        return "aifdb"
    if not dicts or any("nodeID" in n for n in dicts):
        return "aif"
    return None


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _graph(data: Any, family: Family, source: str | None, text: str | None = None) -> _Graph:
    g = _Graph(family)
    body = data["AIF"] if family == "xaif" else data
    top: tuple[str, ...] = ("AIF",) if family == "xaif" else ()
    problems: list[Problem] = []
    edge_at: list[int] = []  # the index in the file of each edge kept in g.edges
    tree: list[Any] = []

    def bad(message: str, *where: Any) -> None:
        # The line is found only for a broken file: JSON is YAML, whose reader keeps lines.
        line = None
        if text is not None and where:
            if not tree:
                tree.append(native.parse_yaml(text, source=source))
            line = tree[0].line((*top, *where)) if tree[0].data is not None else None
        problems.append(Problem("error", "aif", message, source=source, line=line))

    def items(container: Any, key: str) -> list[Any]:
        value = container.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            bad(f"{key!r} must be a list", key)
            return []
        return value

    if family == "sadface":
        meta = data.get("metadata")
        core = meta.get("core") if isinstance(meta, dict) else None
        if isinstance(core, dict):
            g.title = _text(core.get("title")).strip()
            desc = _text(core.get("description")).strip()
            g.description = desc or None
        for i, n in enumerate(items(data, "nodes")):
            if not isinstance(n, dict) or "id" not in n:
                bad(f"node {i} has no id", "nodes", i)
                continue
            ident = str(n["id"])
            if n.get("type") == "atom":
                g.nodes[ident] = _Node(ident, "I", _text(n.get("text")))
            elif n.get("type") == "scheme":
                name = _text(n.get("name")).strip()
                kind = "CA" if name.lower() in _CONFLICT_NAMES else "RA"
                g.nodes[ident] = _Node(ident, kind, name, name or None)
            else:
                bad(
                    f"node {ident!r} has type {n.get('type')!r} (must be 'atom' or 'scheme')",
                    "nodes",
                    i,
                )
        for i, e in enumerate(items(data, "edges")):
            if not isinstance(e, dict) or "source_id" not in e or "target_id" not in e:
                bad(f"edge {i} needs source_id and target_id", "edges", i)
                continue
            g.edges.append((str(e["source_id"]), str(e["target_id"])))
            edge_at.append(i)
    else:
        for i, n in enumerate(items(body, "nodes")):
            if not isinstance(n, dict) or "nodeID" not in n:
                bad(f"node {i} has no nodeID", "nodes", i)
                continue
            ident = str(n["nodeID"])
            if ident in g.nodes:
                bad(f"nodeID {ident!r} is used twice", "nodes", i)
                continue
            kind = _text(n.get("type")).strip().upper() or "?"
            scheme = n.get("scheme")
            g.nodes[ident] = _Node(
                ident, kind, _text(n.get("text")), None if scheme is None else str(scheme)
            )
        for i, e in enumerate(items(body, "edges")):
            if not isinstance(e, dict) or "fromID" not in e or "toID" not in e:
                bad(f"edge {i} needs fromID and toID", "edges", i)
                continue
            g.edges.append((str(e["fromID"]), str(e["toID"])))
            edge_at.append(i)
        for loc in items(body, "locutions"):
            if isinstance(loc, dict) and "nodeID" in loc and loc.get("personID") is not None:
                g.speakers[str(loc["nodeID"])] = str(loc["personID"])
        for person in items(body, "participants"):
            if isinstance(person, dict) and person.get("participantID") is not None:
                parts = [_text(person.get(k)) for k in ("firstname", "surname")]
                name = " ".join(part for part in parts if part)
                g.people[str(person["participantID"])] = name
    for (a, b), i in zip(g.edges, edge_at, strict=True):
        for end in (a, b):
            if end not in g.nodes:
                bad(f"an edge {a} -> {b} names node {end!r}, which is not in the file", "edges", i)
    if problems:
        raise LoadError(problems, source)
    return g


def _scheme(node: _Node) -> str | None:
    for candidate in (node.scheme, node.text):
        if (
            candidate is not None
            and candidate.strip().lower() not in _NO_SCHEME
            and (node.type == "RA" or candidate.strip().upper() != node.type)
        ):
            return candidate
    return None


def _ids(g: _Graph) -> dict[str, str]:
    out: dict[str, str] = {}
    used: set[str] = set()
    for ident, node in g.nodes.items():
        ok = valid_id(ident) or (node.type != "I" and bool(_RELATION_ID.fullmatch(ident)))
        new = ident if ok else (_BAD_ID.sub("-", ident).strip("-.:/") or "n")
        if not ok and not valid_id(new):
            new = "n" + new
        base, k = new, 1
        while new in used:
            k += 1
            new = f"{base}-{k}"
        used.add(new)
        out[ident] = new
    return out


def _party_id(name: str, pid: str, used: dict[str, str]) -> str:
    base = _BAD_ID.sub("-", name).strip("-.:/")
    if not base or not valid_id(base):  # a name with no letters or digits: an id from it
        base = "party-" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:8]
    ident, k = base, 1
    while ident in used and used[ident] != pid:
        k += 1
        ident = f"{base}-{k}"
    used[ident] = pid
    return ident


def _build(g: _Graph, source: str | None) -> Imported:
    notes: list[Problem] = []
    ids = _ids(g)
    into: dict[str, list[str]] = {n: [] for n in g.nodes}
    out: dict[str, list[str]] = {n: [] for n in g.nodes}
    for a, b in g.edges:
        out[a].append(b)
        into[b].append(a)
    is_i = {n for n, node in g.nodes.items() if node.type == "I"}

    # speakers: L -> YA -> I
    party_of: dict[str, str] = {}
    parties: dict[str, str] = {}
    used_party: dict[str, str] = {}
    missing = [lid for lid in g.speakers if lid not in g.nodes]
    if missing:
        notes.append(
            Problem(
                "info",
                "aif-dropped",
                f"{len(missing)} locution{'s' * (len(missing) != 1)} name nodes that are not in "
                "the file (a dialogue exported without its L-nodes); their speakers are left out",
                source=source,
            )
        )
    for lid, pid in g.speakers.items():
        if lid not in g.nodes:
            continue
        name = g.people.get(pid) or f"Person {pid}"
        party = _party_id(name, pid, used_party)
        parties.setdefault(party, name)
        targets = [lid] if lid in is_i else []
        for ya in out.get(lid, []):
            if g.nodes[ya].type == "YA":
                targets.extend(t for t in out[ya] if t in is_i)
        for t in targets:
            party_of.setdefault(t, party)

    statements: dict[str, dict[str, Any]] = {}
    inferences: list[dict[str, Any]] = []
    conflicts: list[dict[str, Any]] = []
    does: dict[str, set[str]] = {n: set() for n in is_i}
    dropped: dict[str, int] = {}
    for nid, node in g.nodes.items():
        if node.type in ("RA", "MA"):
            premises = [p for p in into[nid] if p in is_i]
            others = [p for p in into[nid] if p not in is_i and g.nodes[p].type not in _DIALOGUE]
            concl = [c for c in out[nid] if c in is_i]
            if others or [c for c in out[nid] if c not in is_i and g.nodes[c].type != "YA"]:
                notes.append(
                    Problem(
                        "info",
                        "aif-dropped",
                        f"{node.type} node {nid!r} links scheme nodes to each other; argmap "
                        "keeps only its links between statements",
                        node=ids[nid],
                        source=source,
                    )
                )
            if not concl:
                notes.append(
                    Problem(
                        "info",
                        "aif-dropped",
                        f"{node.type} node {nid!r} supports no statement; left out",
                        node=ids[nid],
                        source=source,
                    )
                )
                continue
            scheme = _scheme(node) if node.type == "RA" else (node.scheme or node.text or "")
            if node.type == "MA":
                scheme = (scheme or "").strip() or "Default Rephrase"
                if "rephrase" not in scheme.lower():
                    scheme = f"Rephrase: {scheme}"
            for k, c in enumerate(concl):
                item: dict[str, Any] = {
                    "id": ids[nid] if len(concl) == 1 else f"{ids[nid]}.{k + 1}",
                    "premises": [ids[p] for p in premises],
                    "conclusion": ids[c],
                }
                if scheme:
                    item["scheme"] = scheme
                inferences.append(item)
            for p in premises:
                does[p].add("support")
        elif node.type == "CA":
            attackers = [p for p in into[nid] if p in is_i]
            targets = [t for t in out[nid] if g.nodes[t].type not in _DIALOGUE]
            if not attackers or not targets:
                notes.append(
                    Problem(
                        "info",
                        "aif-dropped",
                        f"CA node {nid!r} needs an attacking statement and a target; left out",
                        node=ids[nid],
                        source=source,
                    )
                )
                continue
            pairs = [(a, t) for a in attackers for t in targets]
            for k, (a, t) in enumerate(pairs):
                target = ids[t]
                if t not in is_i:
                    target_node = g.nodes[t]
                    if target_node.type not in ("RA", "MA", "CA"):
                        continue
                    # an inference split per conclusion is undercut as a whole: its first part
                    if target_node.type in ("RA", "MA"):
                        n_concl = len([c for c in out[t] if c in is_i])
                        if n_concl > 1:
                            target = f"{ids[t]}.1"
                    elif (
                        len([x for x in into[t] if x in is_i])
                        * len([x for x in out[t] if g.nodes[x].type not in _DIALOGUE])
                        > 1
                    ):
                        target = f"{ids[t]}.1"
                    does[a].add("undercut")
                else:
                    does[a].add("attack")
                conflicts.append(
                    {
                        "id": ids[nid] if len(pairs) == 1 else f"{ids[nid]}.{k + 1}",
                        "attacker": ids[a],
                        "target": target,
                    }
                )
        elif node.type != "I":
            dropped[node.type] = dropped.get(node.type, 0) + 1
    for kind, count in sorted(dropped.items()):
        what = "dialogue" if kind in _DIALOGUE else "preference" if kind == "PA" else "unknown"
        notes.append(
            Problem(
                "info",
                "aif-dropped",
                f"{count} {kind} node{'s' * (count != 1)} ({what}) left out: argmap keeps the "
                "argument, not the dialogue"
                + ("; their speakers became parties" if kind == "L" and parties else ""),
                source=source,
            )
        )
    for nid in g.nodes:
        if nid not in is_i:
            continue
        acts = does[nid]
        kind = (
            "undercutter"
            if "undercut" in acts
            else "rebuttal"
            if "attack" in acts
            else "premise"
            if "support" in acts
            else "claim"
        )
        text = g.nodes[nid].text
        entry: dict[str, Any] = {kind: text if text.strip() else f"(node {nid} has no text)"}
        if not text.strip():
            notes.append(
                Problem(
                    "info",
                    "aif-empty-text",
                    f"I-node {nid!r} has no text; argmap gives it a placeholder",
                    node=ids[nid],
                    source=source,
                )
            )
        if nid in party_of:
            entry["party"] = party_of[nid]
        statements[ids[nid]] = entry
    data: dict[str, Any] = {"argmap": 1}
    if g.title:
        data["title"] = g.title
    if g.description:
        data["description"] = g.description
    if parties:
        data["parties"] = parties
    data["statements"] = statements
    if inferences:
        data["inferences"] = inferences
    if conflicts:
        data["conflicts"] = conflicts
    m = native.from_dict(data, source=source)
    m.source = source
    return Imported(m, g.family, tuple(notes))


def reads(text: str | bytes, *, source: str | None = None) -> Imported:
    """Read a file of the AIF family; the format says which member it was.

    Raises:
        LoadError: not JSON, or not a member of the family, or a broken graph.

    Example:
        >>> r = reads('{"AIF": {"nodes": [{"nodeID": 0, "type": "I", "text": "x"}],'
        ...           ' "edges": [], "locutions": []}, "OVA": []}')
        >>> r.format, [s.id for s in r.map]
        ('xaif', ['0'])
    """
    if isinstance(text, bytes):
        text = native._decode(text, source)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise native.json_syntax_error(exc, text, source) from None
    except RecursionError:
        raise _fail(source, "JSON nested too deeply", "json-depth") from None
    family = detect(data)
    if family is None:
        raise _fail(
            source,
            "not an AIF file: expected 'nodes' and 'edges' (AIF, AIFdb, SADFace) or an 'AIF' "
            "wrapper (xAIF)",
            "not-aif",
        )
    return _build(_graph(data, family, source, text), source)


def loads(text: str | bytes, *, source: str | None = None) -> ArgumentMap:
    """Read a map from AIF, xAIF, AIFdb or SADFace JSON text.

    Example:
        >>> loads('{"nodes": [], "edges": []}').statements
        mappingproxy({})
    """
    return reads(text, source=source).map


def read(path: str | os.PathLike[str]) -> Imported:
    """Read a file of the AIF family, with notes on what was left out.

    Example:
        >>> import tempfile, pathlib
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "m.json"
        >>> _ = p.write_text('{"nodes": [], "edges": [], "locutions": []}')
        >>> read(p).format
        'aif'
    """
    name = str(path)
    raw = read_map_file(path, native.MAX_BYTES)
    return reads(raw, source=name)


def load(path: str | os.PathLike[str]) -> ArgumentMap:
    """Read a map from a file of the AIF family.

    Example:
        >>> import tempfile, pathlib
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "m.aif.json"
        >>> _ = p.write_text('{"nodes": [{"nodeID": "1", "type": "I", "text": "x"}], "edges": []}')
        >>> load(p).statement("1").text
        'x'
    """
    return read(path).map


# =========================================================================== writing


def losses(m: ArgumentMap) -> list[str]:
    """What writing ``m`` as AIF leaves out, one line per kind of loss (empty: nothing).

    Example:
        >>> from argmap.graph import ArgumentMap
        >>> m = ArgumentMap("T"); q = m.issue("Is it?", standard="preponderance")
        >>> losses(m)
        ['the title', '1 issue (written as a statement) and its proof standard']
    """
    out: list[str] = []
    if m.title:
        out.append("the title")
    if m.description:
        out.append("the description")
    issues = m.issues
    if issues:
        out.append(
            f"{len(issues)} issue{'s' * (len(issues) != 1)} (written as a statement)"
            + (" and its proof standard" if len(issues) == 1 else " and their proof standards")
        )
    for one, many, count in (
        ("statement title", "statement titles", sum(s.title is not None for s in m)),
        ("doctrine", "doctrines", sum(len(s.doctrines) for s in m)),
        ("cite", "cites", sum(len(s.cites) for s in m)),
        ("note", "notes", sum(s.note is not None for s in m)),
        (
            "answer (claim → issue)",
            "answers (claim → issue)",
            sum(getattr(s, "answers", None) is not None for s in m),
        ),
        (
            "weight",
            "weights",
            sum(getattr(r, "weight", None) is not None for r in m.relations.values()),
        ),
        ("authority", "authorities", len(m.authorities)),
    ):
        if count:
            out.append(f"{count} {one if count == 1 else many}")
    kinds = [s for s in m if s.kind not in ("issue", _derived_kind(m, s.id))]
    if kinds:
        out.append(
            f"{len(kinds)} statement kind{'s' * (len(kinds) != 1)} that the structure does not "
            f"imply ({', '.join(s.id for s in kinds[:5])}{', …' if len(kinds) > 5 else ''})"
        )
    return out


def _derived_kind(m: ArgumentMap, sid: str) -> str:
    acts = set()
    for rel in m.relations_from(sid):
        if isinstance(rel, Conflict):
            acts.add("undercut" if rel.target in m.relations else "attack")
        else:
            acts.add("support")
    if "undercut" in acts:
        return "undercutter"
    if "attack" in acts:
        return "rebuttal"
    return "premise" if "support" in acts else "claim"


def _aif_dict(m: ArgumentMap, *, integer_ids: bool) -> dict[str, Any]:
    names: dict[str, Any] = {}
    counter = iter(range(10**9))
    numeric = integer_ids and all(
        x.isdigit() and str(int(x)) == x for x in [*m.statements, *m.relations]
    )

    def node_id(ident: str) -> Any:
        if ident not in names:
            if not integer_ids:
                names[ident] = ident
            elif numeric and ident.isdigit():
                names[ident] = int(ident)
            else:
                names[ident] = next(counter)
        return names[ident]

    if numeric:
        top = max([int(x) for x in [*m.statements, *m.relations]], default=-1)
        counter = iter(range(top + 1, 10**9))
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []
    locutions: list[dict[str, Any]] = []
    participants: list[dict[str, Any]] = []
    people: dict[str, int] = {}
    for party_id, party in m.parties.items():
        people[party_id] = len(people)
        participants.append(
            {"participantID": people[party_id], "firstname": party.label or party_id, "surname": ""}
        )

    def edge(a: Any, b: Any) -> None:
        edges.append(
            {"edgeID": len(edges) if integer_ids else f"e{len(edges) + 1}", "fromID": a, "toID": b}
        )

    for s in m:
        nodes.append({"nodeID": node_id(s.id), "text": s.text, "type": "I"})
    for rel in m.relations.values():
        rid = node_id(rel.id)
        if isinstance(rel, Inference):
            ma = rel.scheme is not None and "rephrase" in rel.scheme.lower()
            kind = "MA" if ma else "RA"
            text = rel.scheme or "Default Inference"
            node: dict[str, Any] = {"nodeID": rid, "text": text, "type": kind}
            if rel.scheme is not None:
                node["scheme"] = rel.scheme
            nodes.append(node)
            for p in rel.premises:
                edge(node_id(p), rid)
            edge(rid, node_id(rel.conclusion))
        else:
            nodes.append({"nodeID": rid, "text": "Default Conflict", "type": "CA"})
            edge(node_id(rel.attacker), rid)
            edge(rid, node_id(rel.target))
    for s in m:
        if s.party is None or s.party not in people:
            continue
        lid = node_id(f"{s.id}#L")
        yid = node_id(f"{s.id}#YA")
        speaker = m.parties[s.party].label or s.party
        nodes.append({"nodeID": lid, "text": f"{speaker}: {s.text}", "type": "L"})
        nodes.append({"nodeID": yid, "text": "Asserting", "type": "YA"})
        edge(lid, yid)
        edge(yid, node_id(s.id))
        locutions.append({"nodeID": lid, "personID": people[s.party]})
    out: dict[str, Any] = {"nodes": nodes, "edges": edges, "locutions": locutions}
    if participants:
        out["participants"] = participants
    return out


def dumps(m: ArgumentMap, *, family: Literal["aif", "xaif"] = "aif") -> str:
    """Write a map as AIF JSON (always with ``locutions``) or as xAIF.

    Parties are written as participants, each statement's party as a locution that
    asserts it (L → YA → I). See :func:`losses` for what AIF cannot hold.

    Example:
        >>> from argmap.graph import ArgumentMap
        >>> m = ArgumentMap(); c = m.claim("x", id="C1")
        >>> print(dumps(m))
        {
          "nodes": [
            {
              "nodeID": "C1",
              "text": "x",
              "type": "I"
            }
          ],
          "edges": [],
          "locutions": []
        }
    """
    if family == "xaif":
        body = _aif_dict(m, integer_ids=True)
        body.setdefault("participants", [])
        body["schemefulfillments"] = None
        body["descriptorfulfillments"] = None
        data: dict[str, Any] = {
            "AIF": body,
            "OVA": [],
            "dialog": bool(body["locutions"]),
            "text": {"txt": ""},
        }
    elif family == "aif":
        data = _aif_dict(m, integer_ids=False)
    else:
        raise ValueError(f"unknown AIF family {family!r} (must be 'aif' or 'xaif')")
    return json.dumps(data, indent=2, ensure_ascii=False)


def dump(
    m: ArgumentMap, path: str | os.PathLike[str], *, family: Literal["aif", "xaif"] | None = None
) -> None:
    """Write a map to an AIF (``.aif.json``) or xAIF (``.xaif.json``) file.

    Example:
        >>> import tempfile, pathlib
        >>> from argmap.graph import ArgumentMap
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "m.xaif.json"
        >>> m = ArgumentMap(); _ = m.claim("x")
        >>> dump(m, p); sorted(json.loads(p.read_text()))
        ['AIF', 'OVA', 'dialog', 'text']
    """
    fam = family or ("xaif" if str(path).lower().endswith((".xaif.json", ".xaif")) else "aif")
    atomic_write_text(path, dumps(m, family=fam) + "\n")
