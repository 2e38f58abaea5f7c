"""Messages of the domain and services in the interface's language.

The domain writes them in English as ``Message`` objects (``fieldvisit.domain.messages``): a
template marked with ``QT_TRANSLATE_NOOP("Messages", ...)`` and its arguments. Here the template
is translated and filled in; arguments that are messages, field names or enumeration members are
translated too, other values (names, numbers, paths) are shown as they are.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from PySide6.QtCore import QCoreApplication

from fieldvisit.domain.errors import FieldVisitError
from fieldvisit.domain.messages import CONTEXT, FieldName, Joined, Message
from fieldvisit.ui.labels import field_label, label

translate = QCoreApplication.translate


def message_text(text: Any) -> Any:
    """``text`` in the interface's language if the domain made it translatable, else as it is."""
    if isinstance(text, Message):
        arguments = {name: message_text(value) for name, value in text.args.items()}
        try:
            return translate(CONTEXT, text.template).format(**arguments)
        except (KeyError, IndexError, ValueError):  # a translation broke a placeholder
            return text.template.format(**arguments)
    if isinstance(text, Joined):
        return translate(CONTEXT, text.separator).join(message_text(p) for p in text.parts)
    if isinstance(text, FieldName):
        return message_text(text.label) if text.label is not None else field_label(text)
    if isinstance(text, Enum):
        return label(text)
    return text


def error_text(error: BaseException) -> str:
    """What went wrong, for a message box or a status line, in the interface's language."""
    if isinstance(error, FieldVisitError) and len(error.args) == 1:
        return str(message_text(error.message))
    if isinstance(error, OSError):
        where = f"\n{error.filename}" if error.filename else ""
        return f"{message_text(error.strerror) if error.strerror else error}{where}"
    return str(error)
