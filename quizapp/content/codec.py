"""Content objects as plain JSON values and back, every value's type checked on the way back.

A cached deck is read from a file anything could have written, so decoding builds nothing but the
content's own frozen dataclasses, field by field from their type hints, and refuses (`ShapeError`)
any value of another shape; text with a control character is refused too, as the YAML reader
refuses it. A dataclass is a list of its field values in order, a union of dataclasses tags each
value with its class name. `shape` describes the whole type tree, so a cache written by a version
whose classes differ is never read.
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any, Literal, get_args, get_origin, get_type_hints

from quizapp.safe_text import first_control

Encode = Callable[[Any], Any]
Decode = Callable[[Any], Any]
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
    if dataclasses.is_dataclass(kind):
        hints = get_type_hints(kind)
        inner = ",".join(f"{name}:{shape(hints[name])}" for name in _init_fields(kind))
        return f"{_name(kind)}({inner})"
    arguments = get_args(kind)
    if arguments and get_origin(kind) is not Literal:
        return f"{_name(get_origin(kind))}[{','.join(shape(a) for a in arguments)}]"
    return repr(kind)


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
        encode_item, decode_item = _codec(arguments[0])
        return (
            lambda value: [encode_item(item) for item in value],
            lambda data: tuple([decode_item(item) for item in _listed(data)]),
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
    hints = get_type_hints(kind)
    names = _init_fields(kind)
    codecs = [_codec(hints[name]) for name in names]
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


def _init_fields(kind: Any) -> list[str]:
    """The fields a dataclass is built from; the others (caches) are derived, never stored."""
    return [field.name for field in dataclasses.fields(kind) if field.init]


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
