"""Content objects as plain JSON values and back, every value's type checked on the way back.

A cached deck is read from a file anything could have written, so decoding builds nothing but the
content's own frozen dataclasses, field by field from their type hints, and refuses (`ShapeError`)
any value of another shape; text with a control character is refused too, as the YAML reader
refuses it. A dataclass is a list of its field values in order, a union of dataclasses tags each
value with its class name. `shape` describes the whole type tree, so a cache written by a version
whose classes differ is never read.

A tuple of many items is stored as columns (`_column`): a dataclass's items as one column per
field, nested tuples flattened with their lengths. A column of text or numbers is checked at once
(its types in one pass, its text joined for one control-character search) and a column of
dataclasses is built field by field, not item by item: at 100,000 cards this is what lets a cached
deck load several times faster than checking and building one card at a time.
"""

from __future__ import annotations

import dataclasses
import functools
import inspect
import types
import typing
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from itertools import islice, repeat
from operator import attrgetter
from types import MappingProxyType
from typing import Any, Literal, get_args, get_origin

from quizapp.safe_text import first_control

Encode = Callable[[Any], Any]
Decode = Callable[[Any], Any]
EncodeColumn = Callable[[Sequence[Any]], Any]
DecodeColumn = Callable[[Any], list[Any]]
Build = Callable[[list[list[Any]], int], list[Any]]
_SCALARS = (str, int, float, bool, type(None))


class ShapeError(ValueError):
    """A value that is not what the type says: the data was not written by this code."""


def encode(kind: Any, value: object) -> object:
    return _codec(kind)[0](value)


def decode(kind: Any, data: object) -> Any:
    return _codec(kind)[1](data)


@functools.cache
def shape(kind: Any) -> str:
    """The type tree under `kind`, as text: equal texts, same encoding."""
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        fields = field_types(kind)
        inner = ",".join(f"{name}:{shape(field)}" for name, field in fields.items())
        return f"{_name(kind)}({inner})"
    arguments = get_args(kind)
    if arguments and get_origin(kind) is not Literal:
        return f"{_name(get_origin(kind))}[{','.join(shape(a) for a in arguments)}]"
    return repr(kind)


@functools.cache
def field_types(kind: Any) -> dict[str, Any]:
    """The types of the fields a dataclass is built from, in order: what `get_type_hints` gives
    for them, at a fraction of its cost (it checks every annotation of every class in the MRO,
    and ran twice per start before: for `shape` and for the codec). Each class's annotations
    are evaluated in its own module, once per process."""
    declared: dict[str, Any] = {}
    for klass in reversed(kind.__mro__):
        declared.update(inspect.get_annotations(klass, eval_str=True))
    return {name: declared[name] for name in _init_fields(kind)}


def _name(origin: object) -> str:
    return getattr(origin, "__qualname__", repr(origin))


@functools.cache
def _codec(kind: Any) -> tuple[Encode, Decode]:
    if kind in _SCALARS:
        return _same, _exactly(kind)
    if dataclasses.is_dataclass(kind):
        return _dataclass(kind)
    origin, arguments = get_origin(kind), get_args(kind)
    if origin is Literal:
        return _same, _one_of(frozenset(arguments))
    if origin is tuple:
        return _tuple(arguments)
    if origin in (typing.Union, types.UnionType):
        return _union(arguments)
    if origin is Mapping and arguments == (str, object):
        return dict, _parameters
    raise TypeError(f"no JSON encoding for {kind!r}")


def _same(value: object) -> object:
    return value


def _exactly(kind: type) -> Decode:
    if kind is str:
        return _text

    def check(data: object) -> object:
        if type(data) is not kind:
            raise ShapeError(f"expected {kind.__name__}, got {type(data).__name__}")
        return data

    return check


def _text(data: object) -> str:
    if type(data) is not str:
        raise ShapeError(f"expected text, got {type(data).__name__}")
    if not data.isprintable() and first_control(data) is not None:
        raise ShapeError("text holds a control character")
    return data


def _one_of(allowed: frozenset[object]) -> Decode:
    def check(data: object) -> object:
        if type(data) is not str or data not in allowed:
            raise ShapeError(f"unexpected value {data!r}")
        return data

    return check


def _listed(data: object, length: int | None = None) -> list[Any]:
    if type(data) is not list or (length is not None and len(data) != length):
        raise ShapeError("unexpected list" if type(data) is list else "expected a list")
    return data


def _tuple(arguments: tuple[Any, ...]) -> tuple[Encode, Decode]:
    if len(arguments) == 2 and arguments[1] is Ellipsis:
        encode_items, decode_items = _column(arguments[0])
        return (
            lambda value: encode_items(list(value)),
            lambda data: tuple(decode_items(data)),
        )
    codecs = [_codec(argument) for argument in arguments]
    return (
        lambda value: [codec[0](item) for codec, item in zip(codecs, value, strict=True)],
        lambda data: tuple(
            codec[1](item) for codec, item in zip(codecs, _listed(data, len(codecs)), strict=True)
        ),
    )


def _union(arguments: tuple[Any, ...]) -> tuple[Encode, Decode]:
    present = [argument for argument in arguments if argument is not type(None)]
    if len(present) == 1:
        encode_value, decode_value = _codec(present[0])
        return (
            lambda value: None if value is None else encode_value(value),
            lambda data: None if data is None else decode_value(data),
        )
    if len(present) != len(arguments) or not all(map(dataclasses.is_dataclass, present)):
        raise TypeError(f"no JSON encoding for the union {arguments!r}")
    by_name = {member.__name__: _codec(member) for member in present}

    def encode_member(value: object) -> object:
        name = type(value).__name__
        return [name, by_name[name][0](value)]

    def decode_member(data: object) -> object:
        name, inner = _listed(data, 2)
        codec = by_name.get(name) if type(name) is str else None
        if codec is None:
            raise ShapeError(f"unexpected member {name!r}")
        return codec[1](inner)

    return encode_member, decode_member


def _dataclass(kind: Any) -> tuple[Encode, Decode]:
    fields = field_types(kind)
    names = list(fields)
    codecs = [_codec(field) for field in fields.values()]
    encoders = [codec[0] for codec in codecs]
    decoders = [codec[1] for codec in codecs]
    count = len(names)

    def encode_instance(value: object) -> list[object]:
        return [
            encode_field(getattr(value, name))
            for encode_field, name in zip(encoders, names, strict=True)
        ]

    def decode_instance(data: object) -> object:
        values = _listed(data, count)
        return kind(*[read(item) for read, item in zip(decoders, values, strict=True)])

    return encode_instance, decode_instance


@functools.cache
def _column(kind: Any) -> tuple[EncodeColumn, DecodeColumn]:
    """Many values of one type as one JSON value; decoding gives them back as a list."""
    if kind is str:
        return list, _text_column
    if kind in _SCALARS:
        return list, functools.partial(_typed_column, frozenset([kind]))
    if dataclasses.is_dataclass(kind):
        return _dataclass_columns(kind)
    origin, arguments = get_origin(kind), get_args(kind)
    if origin is Literal and all(type(argument) is str for argument in arguments):
        return list, functools.partial(_literal_column, frozenset(arguments))
    if origin is tuple and len(arguments) == 2 and arguments[1] is Ellipsis:
        return _tuples_column(arguments[0])
    if origin is Mapping and arguments == (str, object):
        return (lambda values: list(map(dict, values))), _parameters_column
    if origin in (typing.Union, types.UnionType) and len(arguments) == 2:
        present = [argument for argument in arguments if argument is not type(None)]
        if len(present) == 1 and present[0] in _SCALARS:
            return list, functools.partial(_optional_scalar_column, present[0])
        if len(present) == 1:
            return _optional_column(present[0])
    encode_value, decode_value = _codec(kind)
    return (
        lambda values: [encode_value(value) for value in values],
        lambda data: [decode_value(item) for item in _listed(data)],
    )


def _typed_column(kinds: frozenset[type], data: object) -> list[Any]:
    values = _listed(data)
    if not kinds.issuperset(map(type, values)):
        raise ShapeError(f"expected only {', '.join(sorted(kind.__name__ for kind in kinds))}")
    return values


def _text_column(data: object) -> list[str]:
    values: list[str] = _typed_column(frozenset([str]), data)
    _check_texts(values)
    return values


def _check_texts(values: list[str]) -> None:
    joined = "".join(values)
    if not joined.isprintable() and first_control(joined) is not None:
        raise ShapeError("text holds a control character")


def _literal_column(allowed: frozenset[str], data: object) -> list[str]:
    values: list[str] = _typed_column(frozenset([str]), data)
    if not allowed.issuperset(values):
        raise ShapeError(f"unexpected values {sorted(set(values) - allowed)!r}")
    return values


def _optional_scalar_column(kind: type, data: object) -> list[Any]:
    values = _typed_column(frozenset([kind, type(None)]), data)
    if kind is str:
        _check_texts([value for value in values if value is not None])
    return values


def _optional_column(kind: Any) -> tuple[EncodeColumn, DecodeColumn]:
    """Flags saying which values are present, and the present values as one column."""
    encode_present, decode_present = _column(kind)

    def encode_values(values: Sequence[Any]) -> list[object]:
        present = [value for value in values if value is not None]
        return [[value is not None for value in values], encode_present(present)]

    def decode_values(data: object) -> list[Any]:
        flags, inner = _listed(data, 2)
        flags = _typed_column(frozenset([bool]), flags)
        present = decode_present(inner)
        if len(present) != sum(flags):
            raise ShapeError("flags and values disagree")
        if not present:
            return [None] * len(flags)
        values = iter(present)
        return [next(values) if flag else None for flag in flags]

    return encode_values, decode_values


def _tuples_column(kind: Any) -> tuple[EncodeColumn, DecodeColumn]:
    """Each tuple's length, and all their items as one column."""
    encode_items, decode_items = _column(kind)

    def encode_values(values: Sequence[tuple[Any, ...]]) -> list[object]:
        return [[len(value) for value in values], encode_items([i for v in values for i in v])]

    def decode_values(data: object) -> list[tuple[Any, ...]]:
        lengths, inner = _listed(data, 2)
        lengths = _typed_column(frozenset([int]), lengths)
        items = decode_items(inner)
        if (lengths and min(lengths) < 0) or len(items) != sum(lengths):
            raise ShapeError("lengths and items disagree")
        if not items:
            return [()] * len(lengths)
        flowing = iter(items)
        return [tuple(islice(flowing, length)) if length else () for length in lengths]

    return encode_values, decode_values


def _dataclass_columns(kind: Any) -> tuple[EncodeColumn, DecodeColumn]:
    """One column per field."""
    fields = field_types(kind)
    names = list(fields)
    codecs = [_column(field) for field in fields.values()]
    build = _builder(kind, names)

    def encode_values(values: Sequence[Any]) -> list[object]:
        return [
            codec[0](list(map(attrgetter(name), values)))
            for codec, name in zip(codecs, names, strict=True)
        ]

    def decode_values(data: object) -> list[Any]:
        columns = [
            codec[1](column)
            for codec, column in zip(codecs, _listed(data, len(names)), strict=True)
        ]
        count = len(columns[0]) if columns else 0
        if any(len(column) != count for column in columns):
            raise ShapeError("columns of different lengths")
        return build(columns, count)

    return encode_values, decode_values


def _builder(kind: Any, names: list[str]) -> Build:
    """Instances from checked columns. A slots dataclass with nothing to run at construction
    has each slot filled a column at a time (its `__init__` costs several times more per
    instance); its other fields get their defaults."""
    slots = [kind.__dict__.get(name) for name in names]
    derived = [field for field in dataclasses.fields(kind) if not field.init]
    plain = (
        all(isinstance(slot, types.MemberDescriptorType) for slot in slots)
        and not hasattr(kind, "__post_init__")
        and all(field.default is not dataclasses.MISSING for field in derived)
    )
    if not plain:
        return lambda columns, _count: list(map(kind, *columns))
    fills = [slot.__set__ for slot in slots]
    defaults = [(kind.__dict__[field.name].__set__, field.default) for field in derived]

    def build(columns: list[list[Any]], count: int) -> list[Any]:
        made = list(map(object.__new__, repeat(kind, count)))
        for fill, column in zip(fills, columns, strict=True):
            deque(map(fill, made, column), 0)
        for fill, default in defaults:
            deque(map(fill, made, repeat(default, count)), 0)
        return made

    return build


def _init_fields(kind: Any) -> list[str]:
    """The fields a dataclass is built from; the others (caches) are derived, never stored."""
    return [field.name for field in dataclasses.fields(kind) if field.init]


_NO_PARAMETERS: Mapping[str, object] = MappingProxyType({})


def _parameters_column(data: object) -> list[Mapping[str, object]]:
    """Most cards have no parameters: they share one empty mapping."""
    values = _typed_column(frozenset([dict]), data)
    if not any(values):
        return [_NO_PARAMETERS] * len(values)
    return [_parameters(value) if value else _NO_PARAMETERS for value in values]


def _parameters(data: object) -> Mapping[str, object]:
    """Authored parameters: text keys, each a scalar or a list of scalars (a tuple once read),
    as the schema allows them."""
    if type(data) is not dict:
        raise ShapeError("expected parameters")
    for key, value in data.items():
        _text(key)
        for item in value if type(value) is list else (value,):
            if type(item) is str:
                _text(item)
            elif type(item) not in _SCALARS:
                raise ShapeError(f"unexpected parameter {key!r}")
    return MappingProxyType(
        {key: tuple(value) if type(value) is list else value for key, value in data.items()}
    )
