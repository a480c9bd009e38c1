"""Domain exceptions raised by services and mapped once to HTTP (API) and messages (pages)."""

from __future__ import annotations


class DomainError(Exception):
    code = "error"
    status = 400

    def __init__(self, message: str, *, errors: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.errors = errors or {}


class InvalidInput(DomainError):
    code = "invalid_input"
    status = 422


class NotPermitted(DomainError):
    code = "not_permitted"
    status = 403


class NotFound(DomainError):
    code = "not_found"
    status = 404


class TooManyAttempts(DomainError):
    """Refused for a while after too many failed tries (a secret guessed at); says when to try again."""

    code = "too_many_attempts"
    status = 429


class Conflict(DomainError):
    code = "conflict"
    status = 409


class TransitionNotAllowed(DomainError):
    code = "transition_not_allowed"
    status = 409
