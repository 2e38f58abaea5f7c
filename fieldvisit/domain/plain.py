"""Conversion of records to and from plain JSON values, driven by the dataclass type hints.

``to_plain`` gives dicts of str/int/float/bool/None/lists that ``json.dumps`` accepts, in field
order; ``from_plain`` builds a record back and raises DocumentError naming the JSON path of the
first problem. Both the visit document and the database mapping use them, so a field's shape is
declared once, in ``entities.py``.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import UTC, date, datetime, time
from enum import Enum
from functools import cache, partial
from typing import Any, Callable, Hashable, TypeVar, Union, cast
from uuid import UUID

from fieldvisit.domain import limits, storable
from fieldvisit.domain.entities import LocalDateTime, Timestamp
from fieldvisit.domain.errors import DocumentError, ValidationError
from fieldvisit.domain.json_path import member
from fieldvisit.domain.messages import QT_TRANSLATE_NOOP, Message

T = TypeVar("T", bound=Hashable)  # records: frozen dataclasses, hashable like their types


F = TypeVar("F", bound=Callable[[Any], Any])


def per_class(function: F) -> F:
    """``function`` of a class, computed once per class (``functools.cache``, keeping the
    signature: typeshed types a cached function's arguments as Hashable, which mypy finds a
    record class is not, as its instances' ``__hash__`` differs from the class's)."""
    return cast(F, cache(function))


@per_class
def field_types(cls: type) -> dict[str, Any]:
    """The fields of ``cls`` that are its content, with their types: all but the local ones
    (``entities.LOCAL``: a record's version in one database), which no document holds."""
    hints = typing.get_type_hints(cls)
    return {f.name: hints[f.name] for f in dataclasses.fields(cls) if not _local(f)}


@per_class
def local_fields(cls: type) -> tuple[str, ...]:
    """The fields of ``cls`` that belong to one database (``version``, ``changed_by``)."""
    return tuple(f.name for f in dataclasses.fields(cls) if _local(f))


def _local(f: dataclasses.Field) -> bool:
    return bool(f.metadata.get("local"))


def required_fields(cls: type) -> frozenset[str]:
    return frozenset(
        f.name for f in dataclasses.fields(cls)
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING)


def to_plain(value: Any) -> Any:
    """Plain JSON values of ``value``; a record's local fields are left out."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_plain(getattr(value, f.name)) for f in dataclasses.fields(value)
                if not _local(f)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, UUID):
        return str(value)
    if isinstance(value, datetime):
        precision = "microseconds" if value.microsecond else "seconds"
        if value.tzinfo is not None:
            utc = value.astimezone(UTC).replace(tzinfo=None)
            return utc.isoformat(timespec=precision) + "Z"
        if not value.second and not value.microsecond:
            precision = "minutes"
        return value.isoformat(timespec=precision)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.isoformat(timespec="minutes" if not value.second else "seconds")
    if isinstance(value, (list, tuple)):
        return [to_plain(v) for v in value]
    return value


def from_plain(cls: type[T], data: Any, path: str = "$", *, strict: bool = True) -> T:
    """Build ``cls`` from a plain dict. ``strict`` rejects unknown keys (documents do), local
    fields among them; otherwise local fields given are kept as they are."""
    if not isinstance(data, dict):
        raise DocumentError(path, Message(QT_TRANSLATE_NOOP(
            "Messages", "expected an object, got {kind}"), kind=_describe(data)))
    types_ = field_types(cls)
    if strict:
        unknown = sorted(set(data) - set(types_))
        if unknown:
            raise DocumentError(member(path, unknown[0]),
                                Message(QT_TRANSLATE_NOOP("Messages", "unknown field")))
    for name in sorted(required_fields(cls) - set(data)):
        raise DocumentError(f"{path}.{name}",
                            Message(QT_TRANSLATE_NOOP("Messages", "missing required field")))
    kwargs = {name: _coerce(data[name], hint, f"{path}.{name}")
              for name, hint in types_.items() if name in data}
    if not strict:
        kwargs.update((name, data[name]) for name in local_fields(cls) if name in data)
    try:
        return cls(**kwargs)
    except ValidationError as error:
        where = f"{path}.{error.field}" if error.field else path
        raise DocumentError(where, error.message) from None


def _coerce(value: Any, hint: Any, path: str) -> Any:
    origin = typing.get_origin(hint)
    if origin in (Union, types.UnionType):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        if value is None:
            return None
        return _coerce(value, options[0], path)
    if value is None:
        raise DocumentError(path, Message(QT_TRANSLATE_NOOP("Messages", "must not be null")))
    if origin is tuple:
        item_hint = typing.get_args(hint)[0]
        if not isinstance(value, (list, tuple)):
            raise DocumentError(path, Message(QT_TRANSLATE_NOOP(
                "Messages", "expected a list, got {kind}"), kind=_describe(value)))
        return tuple(_coerce(v, item_hint, f"{path}[{i}]") for i, v in enumerate(value))
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        record: Any = hint  # a record class (typing has no "hashable dataclass type")
        if isinstance(value, record):
            return value
        return from_plain(record, value, path)
    if isinstance(hint, type) and issubclass(hint, Enum):
        try:
            return hint(value)
        except ValueError:
            allowed = ", ".join(m.value for m in hint)
            raise DocumentError(path, Message(QT_TRANSLATE_NOOP(
                "Messages", "{value!r} is not one of: {allowed}"), value=value,
                allowed=allowed)) from None
    return _coerce_scalar(value, hint, path)


def _coerce_scalar(value: Any, hint: Any, path: str) -> Any:
    if hint is Timestamp:
        moment = _parse_datetime(value, path)
        if moment.tzinfo is None:
            raise DocumentError(path, Message(QT_TRANSLATE_NOOP(
                "Messages", "timestamp needs a time zone, e.g. 2023-05-01T08:00:00Z")))
        if not limits.FIRST_YEAR <= limits.moment_year(moment) <= limits.LAST_YEAR:
            name = path.rpartition(".")[2]  # (converting it to UTC could overflow)
            raise DocumentError(path, limits.out_of_range(
                name, limits.FIRST_DATE.isoformat(), limits.LAST_DATE.isoformat()).message)
        return moment.astimezone(UTC)
    if hint is LocalDateTime:
        moment = _parse_datetime(value, path)
        if moment.tzinfo is not None:
            raise DocumentError(path, Message(QT_TRANSLATE_NOOP(
                "Messages", "planned times are local wall-clock times without a zone")))
        return moment
    if hint is date:
        if isinstance(value, date) and not isinstance(value, datetime):
            return value
        try:
            return date.fromisoformat(_expect(value, str, path))
        except ValueError:
            raise DocumentError(path, Message(QT_TRANSLATE_NOOP(
                "Messages", "{value!r} is not a date like 2023-05-01"), value=value)) from None
    if hint is time:
        if isinstance(value, time):
            return value
        try:
            return time.fromisoformat(_expect(value, str, path))
        except ValueError:
            raise DocumentError(path, Message(QT_TRANSLATE_NOOP(
                "Messages", "{value!r} is not a time of day like 09:30"), value=value)) from None
    if hint is UUID:
        if isinstance(value, UUID):
            return value
        try:
            return UUID(_expect(value, str, path))
        except ValueError:
            raise DocumentError(path, Message(QT_TRANSLATE_NOOP(
                "Messages", "{value!r} is not a UUID"), value=value)) from None
    if hint is bool:
        return _expect(value, bool, path)
    if hint is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise DocumentError(path, Message(QT_TRANSLATE_NOOP(
                "Messages", "expected a whole number, got {kind}"), kind=_describe(value)))
        return value
    if hint is float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise DocumentError(path, Message(QT_TRANSLATE_NOOP(
                "Messages", "expected a number, got {kind}"), kind=_describe(value)))
        return float(value)
    if hint is str:
        return _expect(value, str, path)
    raise TypeError(f"no conversion for {hint!r}")  # pragma: no cover - programming error


def _parse_datetime(value: Any, path: str) -> datetime:
    if isinstance(value, datetime):
        return value
    try:
        return datetime.fromisoformat(_expect(value, str, path))
    except ValueError:
        raise DocumentError(path, Message(QT_TRANSLATE_NOOP(
            "Messages", "{value!r} is not a date and time like 2023-05-01T09:30"),
            value=value)) from None


def _expect(value: Any, kind: type, path: str) -> Any:
    if not isinstance(value, kind):
        raise DocumentError(path, Message(QT_TRANSLATE_NOOP(
            "Messages", "expected {expected}, got {kind}"), expected=_KIND_NAMES[kind],
            kind=_describe(value)))
    return value


_KIND_NAMES = {str: Message(QT_TRANSLATE_NOOP("Messages", "text")),
               bool: Message(QT_TRANSLATE_NOOP("Messages", "true or false"))}


_TYPE_NAMES = {dict: Message(QT_TRANSLATE_NOOP("Messages", "an object")),
               list: Message(QT_TRANSLATE_NOOP("Messages", "a list")),
               str: Message(QT_TRANSLATE_NOOP("Messages", "text")),
               bool: Message(QT_TRANSLATE_NOOP("Messages", "true/false")),
               int: Message(QT_TRANSLATE_NOOP("Messages", "a number")),
               float: Message(QT_TRANSLATE_NOOP("Messages", "a number"))}


def _describe(value: Any) -> str:
    if value is None:
        return "null"
    return _TYPE_NAMES.get(type(value), type(value).__name__)


def _text_tuple(value: Any) -> tuple[str, ...]:
    """A stored list of texts (tags, methods…) as a tuple, quickly; else the full coercion."""
    if isinstance(value, list) and all(type(item) is str for item in value):
        return tuple(value)
    raise TypeError("not a list of texts")


@per_class
def row_loader(cls: type[T]) -> Callable[[dict[str, Any]], T]:
    """A fast builder of ``cls`` from already typed values (as a database returns them): only
    enums, tuples and nested records are converted. Anything unexpected falls back to
    ``from_plain``, which names the problem."""
    converters: dict[str, Callable[[Any], Any]] = {}
    for name, hint in field_types(cls).items():
        origin = typing.get_origin(hint)
        options = [a for a in typing.get_args(hint) if a is not type(None)] \
            if origin in (Union, types.UnionType) else [hint]
        target = options[0]
        if isinstance(target, type) and issubclass(target, Enum):
            converters[name] = target
        elif target == tuple[str, ...]:
            converters[name] = _text_tuple
        elif typing.get_origin(target) is tuple or dataclasses.is_dataclass(target):
            converters[name] = partial(_coerce, hint=hint, path=f"$.{name}")

    def load(values: dict[str, Any]) -> T:
        try:
            for name, convert in converters.items():
                value = values[name]
                if value is not None:
                    values[name] = convert(value)
            return cls(**values)
        except (ValueError, TypeError, DocumentError, ValidationError):
            try:
                return from_plain(cls, values, strict=False)
            except DocumentError:  # a value an older FieldVisit stored: repaired if possible
                return _with_defaults(cls, storable.repaired(values))

    return load


def _with_defaults(cls: type[T], values: dict[str, Any]) -> T:
    """``cls`` from stored ``values``, a field whose value is refused (out of its range, as an
    older FieldVisit let it be stored) taking its default; the last error if that fails."""
    record: Any = cls
    defaults = {f.name for f in dataclasses.fields(record)} - required_fields(cls)
    while True:
        try:
            return from_plain(cls, values, strict=False)
        except DocumentError as error:
            name, _, inner = error.path.removeprefix("$.").partition("[")[0].partition(".")
            nested = values.get(name)
            if isinstance(nested, dict) and inner in nested:  # a travel speed: that one only
                values = {**values, name: {k: v for k, v in nested.items() if k != inner}}
            elif name in defaults and name in values:
                values = {key: value for key, value in values.items() if key != name}
            else:
                raise
