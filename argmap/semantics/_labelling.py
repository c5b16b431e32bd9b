"""Labellings: each argument IN, OUT or UNDEC (Caminada 2006).

A labelling is the three-valued view of an extension: the arguments of the
extension are IN, those it attacks are OUT, the rest are UNDEC. Complete,
grounded, preferred, stable, semi-stable and ideal *labellings* correspond one to
one with the extensions of the same name, so argmap computes one and derives the
other with :func:`labelling_of`.

:class:`Labelling` is a frozen value and a read-only mapping from argument to
:class:`Label`; ``Label`` is a string enum, so ``labelling["a"] == "in"`` holds.

References:
    Caminada, M. (2006). On the issue of reinstatement in argumentation. In
    *Logics in Artificial Intelligence (JELIA 2006)*, LNCS 4160, pp. 111–123.
    Springer.

    Caminada, M. W. A., & Gabbay, D. M. (2009). A logical account of formal
    argumentation. *Studia Logica*, 93(2–3), 109–145.
"""

from __future__ import annotations

import enum
from collections.abc import Hashable, Iterable, Iterator, Mapping
from typing import Any, Generic

import attrs
import networkx as nx

from ..exceptions import EvaluationError
from ._framework import A, check_framework, extension_key, graph_dicts

__all__ = ["Label", "Labelling", "labelling_of"]


class Label(enum.StrEnum):
    """The label of an argument: ``"in"``, ``"out"`` or ``"undec"``.

    Example:
        >>> Label.IN == "in", Label("undec")
        (True, <Label.UNDEC: 'undec'>)
    """

    IN = "in"
    OUT = "out"
    UNDEC = "undec"


def _show(arguments: Iterable[Hashable]) -> str:
    return (
        "[" + ", ".join(repr(a) for a in sorted(arguments, key=lambda a: extension_key([a]))) + "]"
    )


def _frozen(items: Iterable[Any]) -> frozenset[Any]:
    return items if type(items) is frozenset else frozenset(items)


def _tuple(items: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(items)


def _check_disjoint(inst: Labelling[Any], _attr: attrs.Attribute[Any], _value: object) -> None:
    # runs after the last field is set, so all three sets are there
    clash = (inst.in_ & inst.out) | (inst.in_ & inst.undec) | (inst.out & inst.undec)
    if clash:
        raise EvaluationError(f"a labelling gives an argument two labels: {_show(clash)}")


@attrs.frozen(repr=False)
class Labelling(Mapping[A, Label], Generic[A]):
    """A labelling of a framework: which arguments are IN, OUT and UNDEC.

    It is a read-only mapping ``argument -> Label`` (iterating in the framework's
    insertion order) and a frozen value: two labellings are equal when they label
    the same arguments alike.

    Attributes:
        in_: the arguments labelled IN (the extension).
        out: the arguments labelled OUT (attacked by an IN argument, for the
            labellings argmap computes).
        undec: the remaining arguments.
        order: every argument in the framework's insertion order (for
            iteration only; not compared).

    Example:
        >>> import networkx as nx
        >>> lab = labelling_of(nx.DiGraph([("a", "b"), ("b", "c")]), {"a", "c"})
        >>> lab
        Labelling(in=['a', 'c'], out=['b'], undec=[])
        >>> lab["b"], lab["b"] == "out"
        (<Label.OUT: 'out'>, True)
        >>> {a: str(label) for a, label in lab.items()}
        {'a': 'in', 'b': 'out', 'c': 'in'}
        >>> sorted(lab.extension)
        ['a', 'c']
    """

    in_: frozenset[A] = attrs.field(converter=_frozen)
    out: frozenset[A] = attrs.field(converter=_frozen)
    undec: frozenset[A] = attrs.field(converter=_frozen, validator=_check_disjoint)
    order: tuple[A, ...] = attrs.field(factory=tuple, eq=False, converter=_tuple)

    def __attrs_post_init__(self) -> None:
        if len(self.order) != len(self):
            everything = self.in_ | self.out | self.undec
            ordered = tuple(sorted(everything, key=lambda a: extension_key([a])))
            object.__setattr__(self, "order", ordered)

    @classmethod
    def from_mapping(cls, labels: Mapping[A, Label | str]) -> Labelling[A]:
        """Build a labelling from ``{argument: "in" | "out" | "undec"}``.

        Example:
            >>> Labelling.from_mapping({"a": "in", "b": "out", "c": "undec"})
            Labelling(in=['a'], out=['b'], undec=['c'])
        """
        sets: dict[Label, list[A]] = {Label.IN: [], Label.OUT: [], Label.UNDEC: []}
        for arg, label in labels.items():
            try:
                sets[Label(label)].append(arg)
            except ValueError:
                raise EvaluationError(
                    f"unknown label {label!r} for {arg!r} (must be one of ['in', 'out', 'undec'])"
                ) from None
        return cls(sets[Label.IN], sets[Label.OUT], sets[Label.UNDEC], tuple(labels))

    @property
    def extension(self) -> frozenset[A]:
        """The IN arguments: the extension this labelling stands for.

        Example:
            >>> sorted(Labelling.from_mapping({"a": "in", "b": "out"}).extension)
            ['a']
        """
        return self.in_

    def label(self, argument: A) -> Label:
        """The label of ``argument``; :class:`EvaluationError` if it is not labelled.

        Example:
            >>> Labelling.from_mapping({"a": "in"}).label("a")
            <Label.IN: 'in'>
        """
        try:
            return self[argument]
        except KeyError:
            raise EvaluationError(f"argument {argument!r} is not in the labelling") from None

    def __getitem__(self, argument: A) -> Label:
        if argument in self.in_:
            return Label.IN
        if argument in self.out:
            return Label.OUT
        if argument in self.undec:
            return Label.UNDEC
        raise KeyError(argument)

    def __contains__(self, argument: object) -> bool:
        return argument in self.in_ or argument in self.out or argument in self.undec

    def __iter__(self) -> Iterator[A]:
        return iter(self.order)

    def __len__(self) -> int:
        return len(self.in_) + len(self.out) + len(self.undec)

    def __repr__(self) -> str:
        return f"Labelling(in={_show(self.in_)}, out={_show(self.out)}, undec={_show(self.undec)})"


def labelling_of(af: nx.DiGraph[A], extension: Iterable[A]) -> Labelling[A]:
    """The labelling of a set of arguments: IN the set, OUT what it attacks, UNDEC the rest.

    This is Caminada's ``Ext2Lab``. For a complete extension it gives the complete
    labelling; for an arbitrary set it still gives a labelling (which may then
    label an argument IN although an IN argument attacks it).

    Args:
        af: the framework (edge ``u -> v``: u attacks v).
        extension: arguments of ``af``.

    Raises:
        EvaluationError: when an argument is not in ``af``.

    Example:
        >>> import networkx as nx
        >>> af = nx.DiGraph([("a", "b"), ("b", "c"), ("c", "d"), ("d", "c")])
        >>> labelling_of(af, {"a"})
        Labelling(in=['a'], out=['b'], undec=['c', 'd'])
    """
    check_framework(af)
    succ, _pred = graph_dicts(af)
    ins = frozenset(extension)
    missing = [a for a in ins if a not in succ]
    if missing:
        raise EvaluationError(f"argument {_show(missing)[1:-1]} is not in the framework")
    out: set[A] = set()
    for a in ins:
        out.update(succ[a])
    out -= ins
    undec = frozenset(succ).difference(ins, out)
    return Labelling(ins, out, undec, tuple(succ))
