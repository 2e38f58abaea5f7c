"""Messages for the user, written in English here and translated by the interface, with no Qt
in the domain.

A message is a template marked for ``pyside6-lupdate`` and its arguments::

    raise ValidationError(Message(QT_TRANSLATE_NOOP("Messages", "{field} must not be empty"),
                                  field=FieldName(field)), field)

``Message`` is a ``str``: the English text, which is what the command line prints, what tests
compare and what ``str(error)`` gives; it also keeps ``template`` and ``args``, so the interface
shows ``translate("Messages", template).format(**args)``, translating in turn the arguments that
are messages, field names (``FieldName``) or enumeration members (``fieldvisit/ui/messages.py``).

Rules for templates (tests/unit/test_messages.py checks them): the context is always
``"Messages"`` and the template a literal string (lupdate reads neither variables nor
f-strings); every ``{placeholder}`` is given as a keyword argument of ``Message`` and every
argument is used.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

CONTEXT = "Messages"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation in ``context``; returns it unchanged. Named after Qt's macro
    so that ``pyside6-lupdate`` collects it from the domain and services."""
    return text


class FieldName(str):
    """A record's field inside a message ("end_date"): shown as it is in English text, in the
    interface by ``label`` (a Message) when given, else by the interface's label of the field."""

    label: str | None

    def __new__(cls, name: str, label: str | None = None) -> FieldName:
        field = super().__new__(cls, name)
        field.label = label
        return field

    def __reduce__(self) -> tuple[Any, ...]:
        return FieldName, (str(self), self.label)


class Message(str):
    """The English text of ``template`` filled with ``args``, remembering both."""

    template: str
    args: Mapping[str, Any]

    def __new__(cls, template: str, /, **args: Any) -> Message:
        message = super().__new__(cls, template.format(**args))
        message.template = template
        message.args = args
        return message

    def __reduce__(self) -> tuple[Any, ...]:
        return _rebuild, (self.template, dict(self.args))


def _rebuild(template: str, args: dict[str, Any]) -> Message:
    return Message(template, **args)


SEPARATORS = (QT_TRANSLATE_NOOP("Messages", ", "), QT_TRANSLATE_NOOP("Messages", "; "))


class Joined(str):
    """Parts of a message joined by ``separator`` (one of ``SEPARATORS``), e.g. "3 people,
    1 sites"; the interface joins their translations with the translated separator."""

    parts: tuple[str, ...]
    separator: str

    def __new__(cls, parts: Iterable[str], separator: str = ", ") -> Joined:
        parts = tuple(parts)
        joined = super().__new__(cls, separator.join(parts))
        joined.parts, joined.separator = parts, separator
        return joined

    def __reduce__(self) -> tuple[Any, ...]:
        return Joined, (self.parts, self.separator)


def template_of(text: str) -> tuple[str, Mapping[str, Any]]:
    """The template and arguments of ``text``: its own for a Message, else the text itself
    (escaped, so that formatting it gives it back) and no arguments."""
    if isinstance(text, Message):
        return text.template, text.args
    return str(text).replace("{", "{{").replace("}", "}}"), {}
