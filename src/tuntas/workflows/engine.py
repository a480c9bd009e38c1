"""The workflow engine: an organisation's SOP as immutable data, and the checks a transition must pass.

A ``Workflow`` says which states a handling can be in, which transitions lead between them, who may take
each one, what data it needs, and which SLA clocks it starts, stops, pauses or resumes. It is plain Python
(no Django) so it can be tested exhaustively; ``loader.py`` builds it from YAML and validates the definition.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import NamedTuple

from tuntas.core.errors import InvalidInput, TransitionNotAllowed

KNOWN_ROLES = frozenset({"admin", "koordinator", "petugas", "pimpinan", "auditor", "focal_point", "viewer"})
# Not memberships: the reporter acting through the tracker, and the system acting when a clock runs out.
PSEUDO_ROLES = frozenset({"pelapor", "sistem"})

FIELD_TYPES = frozenset({"text", "textarea", "choice", "organisation", "user", "date", "integer", "boolean"})
# Choice-like fields whose choices are the workflow's closure reasons or severities.
FIELD_TYPES |= {"closure_reason", "severity"}
CLOCK_UNITS = frozenset({"working_days", "calendar_days"})
EFFECTS = frozenset({"dispose"})
REPORTER_TRIGGERS = frozenset({"reply", "accept"})
SYSTEM_TRIGGERS = frozenset({"expiry"})
VISIBILITIES = frozenset({"internal", "reporter", "public"})
STYLES = frozenset({"primary", "danger", "default"})
# What the SLA pass does when a clock without an expiry transition runs out (``on_breach`` of a clock):
# notify = the assignee (or the unit's staff when nobody is assigned); escalate_pimpinan = the unit's
# pimpinan, with an internal note on the timeline; mark_overdue = the "melewati tenggat" timeline event.
BREACH_ACTIONS = frozenset({"notify", "escalate_pimpinan", "mark_overdue"})
DEFAULT_ON_BREACH = ("notify", "mark_overdue")
# Who owns an unassigned handling (``assign_on`` of a workflow): first_action = the staff member who takes
# its first transition; never = only whoever assigns it explicitly.
ASSIGN_ON = frozenset({"first_action", "never"})
DEFAULT_ASSIGN_ON = "first_action"

# HTML checkboxes send "on"; people type "ya"/"tidak".
_TRUE_WORDS = frozenset({"true", "1", "on", "yes", "ya", "y"})
_FALSE_WORDS = frozenset({"false", "0", "off", "no", "tidak", "n"})


class WorkflowError(Exception):
    """A workflow definition breaks a rule; the message starts with ``source:line:``."""


class InvalidTransitionData(InvalidInput):
    """The data given with a transition is missing or malformed; ``errors`` maps field -> message."""

    code = "invalid_input"

    def __init__(self, errors: Mapping[str, str]) -> None:
        super().__init__("Data untuk aksi ini belum lengkap atau tidak valid.", errors=dict(errors))


@dataclass(frozen=True)
class Choice:
    value: str
    label: str
    label_en: str


@dataclass(frozen=True)
class FieldSpec:
    """One input of a transition. For ``closure_reason`` and ``severity`` the loader fills ``choices``
    from the workflow, so a form can render every choice-like field the same way."""

    name: str
    type: str
    required: bool
    label: str
    label_en: str
    help: str = ""
    choices: tuple[Choice, ...] = ()
    kinds: tuple[str, ...] = ()  # organisation kinds allowed as target (type "organisation" only)
    help_en: str = ""


@dataclass(frozen=True)
class ClockSpec:
    name: str
    label: str
    label_en: str
    duration: int
    unit: str
    tiered: bool = False  # the complaint category's tier (2/5/14/60) may override the duration
    on_expiry: str | None = None  # a transition of role "sistem" taken when the clock runs out
    on_breach: tuple[str, ...] = DEFAULT_ON_BREACH  # BREACH_ACTIONS, when it runs out with no on_expiry


@dataclass(frozen=True)
class ClockOps:
    """Clock names to start, stop, pause or resume. Stopping or pausing a clock that is not running is a
    no-op, so one transition can serve several source states."""

    start: tuple[str, ...] = ()
    stop: tuple[str, ...] = ()
    pause: tuple[str, ...] = ()
    resume: tuple[str, ...] = ()


@dataclass(frozen=True)
class StateSpec:
    name: str
    label: str
    label_en: str
    public_label: str
    public_label_en: str
    public_next: str = ""  # may contain "{due}"
    public_next_en: str = ""
    final: bool = False
    waiting_for_reporter: bool = False


@dataclass(frozen=True)
class TransitionSpec:
    name: str
    label: str
    label_en: str
    sources: tuple[str, ...]
    target: str
    roles: frozenset[str]
    fields: tuple[FieldSpec, ...] = ()
    effect: str | None = None  # "dispose": open a new handling at the organisation in field "target"
    trigger: str | None = None  # pelapor: "reply" | "accept"; sistem: "expiry"
    clocks: ClockOps = ClockOps()
    visibility: str = "internal"
    message_field: str | None = None
    style: str = "default"
    closure_reason: str | None = None  # fixed outcome recorded when this transition closes the handling

    def field(self, name: str) -> FieldSpec | None:
        return next((f for f in self.fields if f.name == name), None)


@dataclass(frozen=True)
class ClosureReason:
    code: str
    label: str
    label_en: str
    public_label: str
    public_label_en: str


@dataclass(frozen=True)
class Workflow:
    slug: str
    name: str
    name_en: str
    description: str
    initial: str
    initial_clocks: tuple[str, ...]
    on_withdraw: str
    states: Mapping[str, StateSpec]
    transitions: Mapping[str, TransitionSpec]
    clocks: Mapping[str, ClockSpec]
    closure_reasons: Mapping[str, ClosureReason]
    severities: tuple[Choice, ...] = ()
    description_en: str = ""
    assign_on: str = DEFAULT_ASSIGN_ON

    def __post_init__(self) -> None:
        # Read-only views, so a cached Workflow shared between requests cannot be changed by one of them.
        for name in ("states", "transitions", "clocks", "closure_reasons"):
            object.__setattr__(self, name, MappingProxyType(dict(getattr(self, name))))

    def __reduce__(self) -> tuple[type[Workflow], tuple[object, ...]]:
        # Mapping proxies cannot be pickled or deep-copied; plain dicts go back through __init__.
        values = (getattr(self, f.name) for f in dataclasses.fields(self))
        return type(self), tuple(dict(v) if isinstance(v, MappingProxyType) else v for v in values)

    def state(self, name: str) -> StateSpec:
        """The state called ``name``; KeyError if the workflow has none."""
        try:
            return self.states[name]
        except KeyError:
            raise KeyError(f"workflow {self.slug!r} has no state {name!r}") from None

    def final_states(self) -> frozenset[str]:
        return frozenset(name for name, s in self.states.items() if s.final)

    def transitions_from(self, state: str, roles: Iterable[str]) -> list[TransitionSpec]:
        """Transitions leaving ``state`` that at least one of ``roles`` may take, in definition order."""
        held = frozenset(roles)
        return [t for t in self.transitions.values() if state in t.sources and not t.roles.isdisjoint(held)]

    def reporter_transition(self, state: str, trigger: str) -> TransitionSpec | None:
        """The reporter's transition out of ``state`` for ``trigger`` ("reply" or "accept"), if any."""
        for t in self.transitions.values():
            if state in t.sources and "pelapor" in t.roles and t.trigger == trigger:
                return t
        return None

    def expiry_transition(self, clock: str) -> TransitionSpec | None:
        """The transition the system takes when ``clock`` runs out, if the clock names one."""
        spec = self.clocks.get(clock)
        return self.transitions[spec.on_expiry] if spec and spec.on_expiry else None

    def clock_ops_on_open(self) -> ClockOps:
        """Clock operations for a handling that has just been opened in the initial state."""
        return ClockOps(start=self.initial_clocks)

    @property
    def assigns_on_first_action(self) -> bool:
        """Whether a staff member's transition on an unassigned handling makes it theirs."""
        return self.assign_on == "first_action"

    def closure_reason_of(self, transition: TransitionSpec, cleaned: Mapping[str, object]) -> str | None:
        """The outcome code a transition records: the chosen closure_reason field, else its fixed reason."""
        for f in transition.fields:
            if f.type == "closure_reason" and cleaned.get(f.name):
                return str(cleaned[f.name])
        return transition.closure_reason

    def problems(self) -> list[Problem]:
        """The rules of a sound workflow that this one breaks; empty when sound. Assumes every name it
        refers to exists (the loader checks that while reading)."""
        found = [p for t in self.transitions.values() for p in _transition_problems(self, t)]
        if self.states[self.initial].final:
            found.append(Problem("workflow", "", "initial", f"initial state '{self.initial}' is final"))
        if not self.states[self.on_withdraw].final:
            message = f"on_withdraw state '{self.on_withdraw}' is not final"
            found.append(Problem("workflow", "", "on_withdraw", message))
        if self.assign_on not in ASSIGN_ON:
            message = f"assign_on is {self.assign_on!r}; expected one of: {', '.join(sorted(ASSIGN_ON))}"
            found.append(Problem("workflow", "", "assign_on", message))
        return found + _clock_problems(self) + _reporter_problems(self) + _path_problems(self)

    def check(
        self, state: str, transition: str, roles: Iterable[str], data: Mapping[str, object]
    ) -> tuple[TransitionSpec, dict[str, object]]:
        """Allow ``transition`` from ``state`` for someone holding ``roles`` with ``data``, or raise.

        Raises TransitionNotAllowed for an unknown transition or state, a state the transition does not
        leave, or no allowed role; InvalidTransitionData when the data does not fit the fields. Returns the
        transition and the cleaned data: only declared fields, text stripped, integers as int, dates as
        ``datetime.date``, booleans as bool (an absent boolean is False; other absent optional fields are
        left out).
        """
        spec = self.transitions.get(transition)
        if spec is None:
            raise TransitionNotAllowed(f"Aksi '{transition}' tidak dikenal dalam SOP '{self.name}'.")
        current = self.states.get(state)
        if current is None:
            raise TransitionNotAllowed(f"Status '{state}' tidak dikenal dalam SOP '{self.name}'.")
        if state not in spec.sources:
            raise TransitionNotAllowed(f"Aksi '{transition}' tidak tersedia pada status '{current.label}'.")
        if spec.roles.isdisjoint(frozenset(roles)):
            raise TransitionNotAllowed(f"Anda tidak berwenang menjalankan aksi '{transition}'.")
        return spec, self.clean(spec, data)

    def clean(self, spec: TransitionSpec, data: Mapping[str, object]) -> dict[str, object]:
        """The data for ``spec`` cleaned as described in ``check``, or InvalidTransitionData."""
        cleaned: dict[str, object] = {}
        errors: dict[str, str] = {}
        for f in spec.fields:
            try:
                value = _clean_value(f, data.get(f.name), self._allowed(f))
            except ValueError as exc:
                errors[f.name] = str(exc)
                continue
            if value is None and f.required:
                errors[f.name] = "Wajib diisi."
            elif value is None and f.type == "boolean":
                cleaned[f.name] = False  # an unticked checkbox is not sent at all
            elif value is not None:
                cleaned[f.name] = value
        if errors:
            raise InvalidTransitionData(errors)
        return cleaned

    def _allowed(self, f: FieldSpec) -> frozenset[str]:
        if f.choices:
            return frozenset(c.value for c in f.choices)
        if f.type == "closure_reason":
            return frozenset(self.closure_reasons)
        if f.type == "severity":
            return frozenset(c.value for c in self.severities)
        return frozenset()


class Problem(NamedTuple):
    """A broken rule, located by the kind ("workflow", "clock", "state", "transition") and name of the part
    that breaks it and the key of that part to point at."""

    kind: str
    name: str
    key: str
    message: str


def _transition_problems(wf: Workflow, t: TransitionSpec) -> Iterator[Problem]:
    what = f"transition '{t.name}'"
    for source in t.sources:
        if wf.states[source].final:
            yield Problem("transition", t.name, "from", f"{what} leaves final state '{source}'")
    pseudo = t.roles & PSEUDO_ROLES
    if pseudo and len(t.roles) > 1:
        yield Problem("transition", t.name, "roles", f"{what}: role '{min(pseudo)}' must be its only role")
    # Reporter and system transitions are found by their trigger, so each needs the right one.
    if "pelapor" in t.roles and t.trigger not in REPORTER_TRIGGERS:
        yield Problem(
            "transition", t.name, "trigger", f"{what}: a pelapor transition needs trigger reply or accept"
        )
    elif "sistem" in t.roles and t.trigger not in SYSTEM_TRIGGERS:
        yield Problem("transition", t.name, "trigger", f"{what}: a sistem transition needs trigger expiry")
    elif not pseudo and t.trigger is not None:
        yield Problem(
            "transition", t.name, "trigger", f"{what}: only pelapor and sistem transitions take a trigger"
        )
    if "sistem" in t.roles and any(f.required for f in t.fields):
        yield Problem("transition", t.name, "fields", f"{what}: the system cannot fill required fields")
    target = t.field("target")
    if t.effect == "dispose" and not (target and target.type == "organisation" and target.required):
        message = f"{what}: effect 'dispose' needs a required field 'target' of type organisation"
        yield Problem("transition", t.name, "effect", message)
    if t.message_field is not None:
        shown = t.field(t.message_field)
        if shown is None or shown.type not in ("text", "textarea"):
            message = f"{what}: message_field '{t.message_field}' is not one of its text fields"
            yield Problem("transition", t.name, "message_field", message)
        if t.visibility == "internal":
            message = f"{what}: a message_field needs visibility 'reporter' or 'public'"
            yield Problem("transition", t.name, "message_field", message)
    if t.closure_reason is not None and not wf.states[t.target].final:
        message = f"{what}: a closure_reason needs a final target state"
        yield Problem("transition", t.name, "closure_reason", message)


def _clock_problems(wf: Workflow) -> list[Problem]:
    found = []
    started = set(wf.initial_clocks).union(*(t.clocks.start for t in wf.transitions.values()))
    for clock in wf.clocks.values():
        if clock.name not in started:
            found.append(Problem("clock", clock.name, "", f"clock '{clock.name}' is never started"))
        expiry = wf.transitions.get(clock.on_expiry or "")
        if clock.on_expiry and expiry is None:
            message = f"clock '{clock.name}': on_expiry names unknown transition '{clock.on_expiry}'"
            found.append(Problem("clock", clock.name, "on_expiry", message))
        elif expiry and "sistem" not in expiry.roles:
            message = f"clock '{clock.name}': on_expiry transition '{expiry.name}' needs role sistem"
            found.append(Problem("clock", clock.name, "on_expiry", message))
    expiring = {c.on_expiry for c in wf.clocks.values()}
    for t in wf.transitions.values():
        if "sistem" in t.roles and t.name not in expiring:
            message = f"transition '{t.name}' has role sistem but no clock's on_expiry names it"
            found.append(Problem("transition", t.name, "roles", message))
    return found


def _reporter_problems(wf: Workflow) -> list[Problem]:
    found = []
    by_trigger: dict[tuple[str, str | None], str] = {}
    for t in wf.transitions.values():
        for source in t.sources if "pelapor" in t.roles else ():
            other = by_trigger.setdefault((source, t.trigger), t.name)
            if other != t.name:
                message = (
                    f"transition '{t.name}': '{other}' already takes trigger '{t.trigger}' in '{source}'"
                )
                found.append(Problem("transition", t.name, "trigger", message))
    for state in wf.states.values():
        if state.waiting_for_reporter and not any(source == state.name for source, _ in by_trigger):
            message = f"state '{state.name}' waits for the reporter but has no pelapor transition"
            found.append(Problem("state", state.name, "waiting_for_reporter", message))
    return found


def _path_problems(wf: Workflow) -> list[Problem]:
    forward: dict[str, set[str]] = {s: set() for s in wf.states}
    backward: dict[str, set[str]] = {s: set() for s in wf.states}
    for t in wf.transitions.values():
        for source in t.sources:
            forward[source].add(t.target)
            backward[t.target].add(source)
    # The withdrawn state is entered by withdrawal from any open state, never by a transition.
    reachable = _closure({wf.initial, wf.on_withdraw}, forward)
    finishing = _closure(set(wf.final_states()), backward)
    found = []
    for name in wf.states:
        if name not in reachable:
            found.append(Problem("state", name, "", f"state '{name}' cannot be reached from '{wf.initial}'"))
    for name in wf.states:
        if name not in finishing:
            found.append(Problem("state", name, "", f"state '{name}' has no path to a final state"))
    return found


def _closure(start: set[str], edges: Mapping[str, set[str]]) -> set[str]:
    seen, todo = set(start), list(start)
    while todo:
        for nxt in edges[todo.pop()] - seen:
            seen.add(nxt)
            todo.append(nxt)
    return seen


def _clean_value(f: FieldSpec, raw: object, allowed: frozenset[str]) -> object:
    """One field's value, None when absent or blank; ValueError (Indonesian message) when malformed."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    if f.type == "boolean":
        return _clean_bool(raw)
    if f.type == "integer":
        return _clean_int(raw)
    if f.type == "date":
        return _clean_date(raw)
    if f.type in ("organisation", "user"):
        # An id or slug; whether it exists (and is of an allowed kind) is for the service to check.
        if isinstance(raw, int) and not isinstance(raw, bool):
            return raw
        if isinstance(raw, str):
            return raw.strip()
        raise ValueError("Pilihan tidak valid.")
    if not isinstance(raw, str):
        raise ValueError("Harus berupa teks.")
    value = raw.strip()
    if f.type in ("choice", "closure_reason", "severity") and value not in allowed:
        raise ValueError(f"Pilihan '{value}' tidak tersedia.")
    return value


def _clean_bool(raw: object) -> bool:
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, int) and raw in (0, 1):
        return bool(raw)
    if isinstance(raw, str) and raw.strip().lower() in _TRUE_WORDS | _FALSE_WORDS:
        return raw.strip().lower() in _TRUE_WORDS
    raise ValueError("Harus berupa ya atau tidak.")


def _clean_int(raw: object) -> int:
    if isinstance(raw, int) and not isinstance(raw, bool):
        return raw
    if isinstance(raw, str):
        text = raw.strip()
        digits = text[1:] if text[:1] in "+-" else text
        if digits.isascii() and digits.isdigit():
            return int(text)
    raise ValueError("Harus berupa bilangan bulat.")


def _clean_date(raw: object) -> dt.date:
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    if isinstance(raw, str):
        try:
            return dt.date.fromisoformat(raw.strip())
        except ValueError:
            pass
    raise ValueError("Tanggal tidak valid (format TTTT-BB-HH).")
