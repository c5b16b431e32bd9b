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

from . import casebook
from .evaluation import Diff, Evaluation, IssueOutcome, diff, evaluate
from .exceptions import (
    ArgmapError,
    BriefError,
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
    "BriefError",
    "Cite",
    "Claim",
    "Conflict",
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
    "casebook",
    "diff",
    "dump",
    "dumps",
    "evaluate",
    "from_dict",
    "load",
    "loads",
    "to_dict",
]
