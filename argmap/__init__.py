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

from . import casebook, dot, teach
from .brief import Brief, available_templates, brief_context, render_brief
from .checks import Balance
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
from .explore import explore
from .formats import Imported, load, read
from .formats.native import dump, dumps, from_dict, loads, to_dict
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

# Loaded on first use, so that `import argmap` does not import networkx.
_LAZY = {
    "semantics": ("argmap.semantics", None),
    "load_framework": ("argmap.formats.iccma", "load_framework"),
    "dump_framework": ("argmap.formats.iccma", "dump_framework"),
}


def __getattr__(name: str) -> object:
    if name in _LAZY:
        import importlib

        module_name, attr = _LAZY[name]
        module = importlib.import_module(module_name)
        value = module if attr is None else getattr(module, attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'argmap' has no attribute {name!r}")


__all__ = [
    "ArgmapError",
    "ArgumentMap",
    "Authority",
    "Balance",
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
    "Imported",
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
    "dump_framework",
    "dumps",
    "escape_label",
    "evaluate",
    "explore",
    "from_dict",
    "load",
    "load_framework",
    "loads",
    "mimebundle",
    "read",
    "render",
    "render_brief",
    "semantics",
    "teach",
    "to_dict",
    "to_dot",
    "to_svg",
]
