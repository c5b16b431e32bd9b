"""argmap: map legal arguments as typed graphs.

Build a map in a notebook or load one from YAML, then draw it, evaluate it and
write briefs from it.

Example:
    >>> import argmap as am
    >>> m = am.ArgumentMap("Spending Clause", parties={"federal": "United States",
    ...                                               "local": "Sanctuary jurisdictions"})
    >>> q = m.issue("May the Executive withhold grants?", standard="preponderance")
    >>> c = m.claim("Yes: agencies may condition grants", party="federal", answers=q)
    >>> r = m.rebuttal("Only Congress holds the spending power", attacks=c, party="local")
    >>> am.loads(am.dumps(m)) == m
    True
"""

from . import casebook, dot
from .brief import Brief, available_templates, brief_context, render_brief
from .dot import escape_label, mimebundle, render, to_dot, to_svg
from .evaluation import Diff, Evaluation, IssueOutcome, diff, evaluate
from .exceptions import (
    ArgmapError,
    BriefError,
    DiagramError,
    DuplicateIdError,
    EvaluationError,
    LoadError,
    MissingDependencyError,
    ModelError,
    RelationError,
    RenderError,
    UnknownNodeError,
)
from .formats.native import dump, dumps, from_dict, load, loads, to_dict
from .graph import ArgumentMap
from .model import (
    Authority,
    Cite,
    Claim,
    Conflict,
    Doctrine,
    Inference,
    Issue,
    Party,
    Premise,
    Rebuttal,
    Statement,
    Undercutter,
)
from .problems import Problem

__version__ = "0.1.0"

__all__ = [
    "ArgmapError",
    "ArgumentMap",
    "Authority",
    "Brief",
    "BriefError",
    "Cite",
    "Claim",
    "Conflict",
    "DiagramError",
    "Diff",
    "Doctrine",
    "DuplicateIdError",
    "Evaluation",
    "EvaluationError",
    "Inference",
    "Issue",
    "IssueOutcome",
    "LoadError",
    "MissingDependencyError",
    "ModelError",
    "Party",
    "Premise",
    "Problem",
    "Rebuttal",
    "RelationError",
    "RenderError",
    "Statement",
    "Undercutter",
    "UnknownNodeError",
    "__version__",
    "available_templates",
    "brief_context",
    "casebook",
    "diff",
    "dot",
    "dump",
    "dumps",
    "escape_label",
    "evaluate",
    "from_dict",
    "load",
    "loads",
    "mimebundle",
    "render",
    "render_brief",
    "to_dict",
    "to_dot",
    "to_svg",
]
