"""Typed errors of the core: a UserError is something the user can act on; anything else is a bug.

Errors carry a message code and parameters; `receptiondesk.messages` renders them in Vietnamese
or English for the GUI and the CLI alike.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Problem:
    """One finding about an input: an error blocks saving, a warning is shown and saves."""

    code: str
    field: str | None = None
    params: dict[str, Any] = dataclasses.field(default_factory=dict)
    warning: bool = False

    def render(self, lang: str = "vi") -> str:
        from receptiondesk.messages import render_problem

        return render_problem(self, lang)


class UserError(Exception):
    """An error the user can act on (bad input, a locked file, a newer database...)."""

    def __init__(self, code: str, field: str | None = None, **params: Any) -> None:
        self.problems: list[Problem] = [Problem(code, field, params)]
        super().__init__(code)

    @property
    def code(self) -> str:
        return self.problems[0].code

    def render(self, lang: str = "vi") -> str:
        return "\n".join(p.render(lang) for p in self.problems)

    def __str__(self) -> str:  # English: for logs and developers
        return self.render("en")


class ValidationError(UserError):
    """One or more input errors; nothing was saved."""

    def __init__(self, problems: list[Problem]) -> None:
        errors = [p for p in problems if not p.warning]
        if not errors:
            raise ValueError("ValidationError needs at least one error")
        Exception.__init__(self, errors[0].code)
        self.problems = errors


def raise_for(problems: list[Problem]) -> list[Problem]:
    """Raise ValidationError if any problem is an error; return the warnings otherwise."""
    if any(not p.warning for p in problems):
        raise ValidationError(problems)
    return [p for p in problems if p.warning]
