"""Workflow definitions in YAML -> validated ``Workflow`` objects.

A definition that breaks a rule is refused whole with ``WorkflowError("<source>:<line>: <what is wrong>")``,
naming the first problem found, so an SOP author can go straight to the line. The format is documented
by the shipped files in ``definitions/``; ``from: "*"`` means every non-final state.
"""

from __future__ import annotations

import os
import pathlib
import re
import string
from collections.abc import Iterator

import yaml

from tuntas.workflows.engine import (
    ASSIGN_ON,
    BREACH_ACTIONS,
    CLOCK_UNITS,
    DEFAULT_ASSIGN_ON,
    DEFAULT_ON_BREACH,
    EFFECTS,
    FIELD_TYPES,
    KNOWN_ROLES,
    PSEUDO_ROLES,
    REPORTER_TRIGGERS,
    STYLES,
    SYSTEM_TRIGGERS,
    VISIBILITIES,
    Choice,
    ClockOps,
    ClockSpec,
    ClosureReason,
    FieldSpec,
    StateSpec,
    TransitionSpec,
    Workflow,
    WorkflowError,
)

# Names end up in URLs, CSS classes and stored events, so they stay lowercase ASCII words.
_NAME = re.compile(r"[a-z][a-z0-9_]*\Z")
_SLUG = re.compile(r"[a-z][a-z0-9-]*\Z")
ANY_OPEN_STATE = "*"

# (required keys, optional keys) of each kind of mapping in a definition.
_KEYS = {
    "workflow": (
        "slug name initial on_withdraw states transitions",
        "name_en description description_en initial_clocks clocks closure_reasons severities assign_on",
    ),
    "clock": ("label duration unit", "label_en tiered on_expiry on_breach"),
    "state": (
        "label public_label",
        "label_en public_label_en public_next public_next_en final waiting_for_reporter",
    ),
    "transition": (
        "name label from to roles",
        "label_en fields effect trigger clocks visibility message_field style closure_reason",
    ),
    "field": ("name type label", "required label_en help help_en choices kinds reasons"),
    "closure_reason": ("code label public_label", "label_en public_label_en"),
    "choice": ("value label", "label_en"),
}


class _Problem(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line, self.message = line, message


class _Map(dict):
    """A YAML mapping that remembers its own line and the line of each key."""

    def __init__(self, line: int) -> None:
        super().__init__()
        self.line, self.lines = line, {}

    def at(self, key: str) -> int:
        return self.lines.get(key, self.line)


class _Seq(list):
    """A YAML sequence that remembers its own line and the line of each item."""

    def __init__(self, line: int) -> None:
        super().__init__()
        self.line, self.lines = line, []


class _LineLoader(yaml.SafeLoader):
    """SafeLoader building ``_Map``/``_Seq`` and refusing duplicate keys (PyYAML silently keeps the last)."""


def _construct_map(loader: _LineLoader, node: yaml.MappingNode) -> _Map:
    loader.flatten_mapping(node)
    result = _Map(node.start_mark.line + 1)
    for key_node, value_node in node.value:
        line = key_node.start_mark.line + 1
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str):
            # YAML 1.1 reads unquoted yes/no/on/off as booleans.
            raise _Problem(line, f"key {key!r} must be a word; quote it")
        if key in result:
            raise _Problem(line, f"duplicate key '{key}'")
        result[key] = loader.construct_object(value_node, deep=True)
        result.lines[key] = line
    return result


def _construct_seq(loader: _LineLoader, node: yaml.SequenceNode) -> _Seq:
    result = _Seq(node.start_mark.line + 1)
    for item in node.value:
        result.append(loader.construct_object(item, deep=True))
        result.lines.append(item.start_mark.line + 1)
    return result


_LineLoader.add_constructor("tag:yaml.org,2002:map", _construct_map)
_LineLoader.add_constructor("tag:yaml.org,2002:seq", _construct_seq)


class _Obj:
    """One mapping of the definition, read key by key after its keys were checked against the allowed ones."""

    def __init__(self, value: object, line: int, what: str, required: str, optional: str = "") -> None:
        if not isinstance(value, _Map):
            raise _Problem(line, f"{what} must be a mapping")
        self.m, self.what = value, what
        allowed = required.split() + optional.split()
        for key in value:
            if key not in allowed:
                raise _Problem(value.at(key), f"{what}: unknown key '{key}' (allowed: {', '.join(allowed)})")
        for key in required.split():
            if key not in value:
                raise _Problem(value.line, f"{what}: missing required key '{key}'")

    def has(self, key: str) -> bool:
        return key in self.m

    def line(self, key: str) -> int:
        return self.m.at(key)

    def fail(self, key: str, message: str) -> _Problem:
        return _Problem(self.line(key), f"{self.what}: {message}")

    def text(self, key: str, default: str = "") -> str:
        if key not in self.m:
            return default
        value = self.m[key]
        if not isinstance(value, str) or not value.strip():
            raise self.fail(key, f"'{key}' must be a non-empty text")
        return value.strip()

    def labels(self, key: str) -> tuple[str, str]:
        """Indonesian text and its English version, which defaults to the Indonesian."""
        text = self.text(key)
        return text, self.text(f"{key}_en", text)

    def name(self, key: str, pattern: re.Pattern[str] = _NAME) -> str:
        value = self.m.get(key)
        if not isinstance(value, str) or not pattern.match(value):
            raise self.fail(key, f"'{key}' must be a lowercase name like 'tindak_lanjut', not {value!r}")
        return value

    def word(self, key: str, allowed: frozenset[str], default: str | None = None) -> str | None:
        if key not in self.m:
            return default
        value = self.m[key]
        if not isinstance(value, str) or value not in allowed:
            raise self.fail(key, f"'{key}' is {value!r}; expected one of: {', '.join(sorted(allowed))}")
        return value

    def flag(self, key: str) -> bool:
        value = self.m.get(key, False)
        if not isinstance(value, bool):
            raise self.fail(key, f"'{key}' must be true or false")
        return value

    def items(self, key: str) -> Iterator[tuple[object, int]]:
        """Items of a list, each with its line; a single value counts as a list of one."""
        value = self.m.get(key, ())
        if isinstance(value, _Seq):
            yield from zip(value, value.lines, strict=True)
        elif key in self.m:
            yield value, self.line(key)

    def names(self, key: str, known: object = None, kind: str = "") -> list[tuple[str, int]]:
        """Distinct names listed under ``key``, each one in ``known`` when given."""
        result: list[tuple[str, int]] = []
        for value, line in self.items(key):
            if not isinstance(value, str) or not _NAME.match(value):
                raise _Problem(line, f"{self.what}: '{key}' lists {value!r}, which is not a lowercase name")
            if known is not None and value not in known:
                raise _Problem(line, f"{self.what}: '{key}' names unknown {kind} '{value}'")
            if any(value == seen for seen, _ in result):
                raise _Problem(line, f"{self.what}: '{key}' lists '{value}' twice")
            result.append((value, line))
        return result

    def entries(self, key: str) -> Iterator[tuple[str, object, int]]:
        value = self.m.get(key, _Map(self.line(key)))
        if not isinstance(value, _Map):
            raise self.fail(key, f"'{key}' must be a mapping of names")
        for name, item in value.items():
            if not _NAME.match(name):
                raise _Problem(value.at(name), f"'{name}' is not a lowercase name like 'tindak_lanjut'")
            yield name, item, value.at(name)


def _what(kind: str, value: object, key: str) -> str:
    name = value.get(key) if isinstance(value, _Map) else None
    return f"{kind} '{name}'" if isinstance(name, str) else kind


class _Builder:
    """Builds one Workflow section by section; the sections read later refer to those read before."""

    def __init__(self, root: object) -> None:
        self.top = _Obj(root, 1, "workflow", *_KEYS["workflow"])
        self.reasons: dict[str, ClosureReason] = {}
        self.severities: tuple[Choice, ...] = ()
        self.clocks: dict[str, ClockSpec] = {}
        self.states: dict[str, StateSpec] = {}
        self.transitions: dict[str, TransitionSpec] = {}
        self.parts: dict[tuple[str, str], _Obj] = {}  # ("state", name) -> its mapping, to locate problems

    def build(self) -> Workflow:
        top = self.top
        slug = top.name("slug", _SLUG)
        name, name_en = top.labels("name")
        description = top.text("description")
        for value, line in top.items("closure_reasons"):
            self._closure_reason(value, line)
        if top.has("severities"):
            self.severities = self._choices(top, "severities")
        for clock, value, line in top.entries("clocks"):
            self._clock(clock, value, line)
        for state, value, line in top.entries("states"):
            self._state(state, value, line)
        for value, line in top.items("transitions"):
            self._transition(value, line)
        workflow = Workflow(
            slug=slug,
            name=name,
            name_en=name_en,
            description=description,
            description_en=top.text("description_en", description),
            initial=self._state_ref("initial"),
            initial_clocks=tuple(n for n, _ in top.names("initial_clocks", self.clocks, "clock")),
            on_withdraw=self._state_ref("on_withdraw"),
            states=self.states,
            transitions=self.transitions,
            clocks=self.clocks,
            closure_reasons=self.reasons,
            severities=self.severities,
            assign_on=top.word("assign_on", ASSIGN_ON, DEFAULT_ASSIGN_ON) or DEFAULT_ASSIGN_ON,
        )
        for problem in workflow.problems()[:1]:
            raise _Problem(
                self.parts.get((problem.kind, problem.name), top).line(problem.key), problem.message
            )
        return workflow

    def _state_ref(self, key: str) -> str:
        name = self.top.m[key]
        if not isinstance(name, str) or name not in self.states:
            raise self.top.fail(key, f"'{key}' names unknown state '{name}'")
        return name

    def _choices(self, owner: _Obj, key: str) -> tuple[Choice, ...]:
        choices: list[Choice] = []
        for value, line in owner.items(key):
            c = _Obj(value, line, f"{owner.what}: choice", *_KEYS["choice"])
            code = c.name("value")
            if any(code == seen.value for seen in choices):
                raise c.fail("value", f"duplicate value '{code}'")
            choices.append(Choice(code, *c.labels("label")))
        if not choices:
            raise owner.fail(key, f"'{key}' must list at least one choice")
        return tuple(choices)

    def _closure_reason(self, value: object, line: int) -> None:
        what = _what("closure reason", value, "code")
        r = _Obj(value, line, what, *_KEYS["closure_reason"])
        code = r.name("code")
        if code in self.reasons:
            raise r.fail("code", f"duplicate closure reason '{code}'")
        self.reasons[code] = ClosureReason(code, *r.labels("label"), *r.labels("public_label"))

    def _clock(self, name: str, value: object, line: int) -> None:
        c = _Obj(value, line, f"clock '{name}'", *_KEYS["clock"])
        duration = c.m["duration"]
        if isinstance(duration, bool) or not isinstance(duration, int) or duration < 1:
            raise c.fail("duration", "'duration' must be a whole number of days, at least 1")
        on_expiry = c.name("on_expiry") if c.has("on_expiry") else None
        unit = c.word("unit", CLOCK_UNITS)
        on_breach = DEFAULT_ON_BREACH
        if c.has("on_breach"):
            on_breach = tuple(n for n, _ in c.names("on_breach", BREACH_ACTIONS, "breach action"))
        self.clocks[name] = ClockSpec(
            name, *c.labels("label"), duration, unit, c.flag("tiered"), on_expiry, on_breach
        )
        self.parts["clock", name] = c

    def _state(self, name: str, value: object, line: int) -> None:
        s = _Obj(value, line, f"state '{name}'", *_KEYS["state"])
        public_next = s.text("public_next")
        public_next_en = s.text("public_next_en", public_next)
        for key in ("public_next", "public_next_en"):
            _check_placeholders(s, key, s.text(key))
        final, waiting = s.flag("final"), s.flag("waiting_for_reporter")
        if final and waiting:
            raise s.fail("waiting_for_reporter", "a final state cannot wait for the reporter")
        self.states[name] = StateSpec(
            name, *s.labels("label"), *s.labels("public_label"), public_next, public_next_en, final, waiting
        )
        self.parts["state", name] = s

    def _transition(self, value: object, line: int) -> None:
        t = _Obj(value, line, _what("transition", value, "name"), *_KEYS["transition"])
        name = t.name("name")
        if name in self.transitions:
            raise t.fail("name", f"duplicate transition '{name}'")
        if t.m["from"] == ANY_OPEN_STATE:
            sources = tuple(s for s, spec in self.states.items() if not spec.final)
        else:
            sources = tuple(s for s, _ in t.names("from", self.states, "state"))
        if not sources:
            raise t.fail("from", "'from' must list at least one state")
        target = t.m["to"]
        if not isinstance(target, str) or target not in self.states:
            raise _Problem(t.line("to"), f"{t.what} targets unknown state '{target}'")
        roles = frozenset(r for r, _ in t.names("roles", KNOWN_ROLES | PSEUDO_ROLES, "role"))
        if not roles:
            raise t.fail("roles", "'roles' must list at least one role")
        fields = []
        for value, field_line in t.items("fields"):
            fields.append(self._field(value, field_line, t.what))
            if any(f.name == fields[-1].name for f in fields[:-1]):
                raise _Problem(field_line, f"{t.what}: duplicate field '{fields[-1].name}'")
        closure_reason = t.name("closure_reason") if t.has("closure_reason") else None
        if closure_reason is not None and closure_reason not in self.reasons:
            raise t.fail("closure_reason", f"unknown closure reason '{closure_reason}'")
        self.transitions[name] = TransitionSpec(
            name=name,
            label=t.labels("label")[0],
            label_en=t.labels("label")[1],
            sources=sources,
            target=target,
            roles=roles,
            fields=tuple(fields),
            effect=t.word("effect", EFFECTS),
            # A system transition is only ever taken on a clock's expiry, so that trigger is implied.
            trigger=t.word(
                "trigger", REPORTER_TRIGGERS | SYSTEM_TRIGGERS, "expiry" if "sistem" in roles else None
            ),
            clocks=self._clock_ops(t),
            visibility=t.word("visibility", VISIBILITIES, "internal"),
            message_field=t.name("message_field") if t.has("message_field") else None,
            style=t.word("style", STYLES, "default"),
            closure_reason=closure_reason,
        )
        self.parts["transition", name] = t

    def _clock_ops(self, t: _Obj) -> ClockOps:
        if not t.has("clocks"):
            return ClockOps()
        ops = _Obj(t.m["clocks"], t.line("clocks"), f"{t.what}: clocks", "", "start stop pause resume")
        start, stop, pause, resume = (
            tuple(n for n, _ in ops.names(op, self.clocks, "clock"))
            for op in ("start", "stop", "pause", "resume")
        )
        return ClockOps(start, stop, pause, resume)

    def _field(self, value: object, line: int, owner: str) -> FieldSpec:
        f = _Obj(value, line, f"{owner}: {_what('field', value, 'name')}", *_KEYS["field"])
        name = f.name("name")
        ftype = f.word("type", FIELD_TYPES)
        for key, needs in (("choices", "choice"), ("kinds", "organisation"), ("reasons", "closure_reason")):
            if f.has(key) and ftype != needs:
                raise f.fail(key, f"only fields of type {needs} take '{key}'")
        choices: tuple[Choice, ...] = ()
        if ftype == "choice":
            if not f.has("choices"):
                raise f.fail("type", "a choice field needs 'choices'")
            choices = self._choices(f, "choices")
        elif ftype == "closure_reason":
            if not self.reasons:
                raise f.fail("type", "a closure_reason field needs closure_reasons in the workflow")
            codes = [c for c, _ in f.names("reasons", self.reasons, "closure reason")] or list(self.reasons)
            choices = tuple(Choice(c, self.reasons[c].label, self.reasons[c].label_en) for c in codes)
        elif ftype == "severity":
            if not self.severities:
                raise f.fail("type", "a severity field needs severities in the workflow")
            choices = self.severities
        label, label_en = f.labels("label")
        help_text, help_en = f.text("help"), f.text("help_en", f.text("help"))
        kinds = tuple(k for k, _ in f.names("kinds"))
        return FieldSpec(name, ftype, f.flag("required"), label, label_en, help_text, choices, kinds, help_en)


def _check_placeholders(s: _Obj, key: str, text: str) -> None:
    try:
        names = {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}
    except ValueError as exc:
        raise s.fail(key, f"'{key}' has a broken placeholder: {exc}") from None
    if names - {"due"}:
        raise s.fail(key, f"'{key}' may only use the placeholder {{due}}, not {{{min(names - {'due'})}}}")


def parse_workflow(text: str, source: str = "<string>") -> Workflow:
    """The Workflow defined by YAML ``text``; WorkflowError naming ``source`` and the line if it is invalid."""
    try:
        loader = _LineLoader(text)
        try:
            root = loader.get_single_data()
        finally:
            loader.dispose()
        if root is None:
            raise _Problem(1, "the definition is empty")
        return _Builder(root).build()
    except _Problem as problem:
        raise WorkflowError(f"{source}:{problem.line}: {problem.message}") from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise WorkflowError(f"{source}:{line}: invalid YAML: {exc.problem or exc.context}") from None
    except yaml.YAMLError as exc:
        raise WorkflowError(f"{source}:1: invalid YAML: {exc}") from None


def load_workflow_file(path: str | os.PathLike[str]) -> Workflow:
    """The Workflow in the YAML file at ``path``; errors name the file by its name."""
    path = pathlib.Path(path)
    return parse_workflow(path.read_text(encoding="utf-8"), path.name)


def default_definitions_dir() -> pathlib.Path:
    """The folder of the SOPs shipped with Tuntas."""
    return pathlib.Path(__file__).resolve().parent / "definitions"


def load_default_workflows() -> dict[str, Workflow]:
    """Every shipped SOP by slug; WorkflowError if two files share a slug."""
    workflows: dict[str, Workflow] = {}
    for path in sorted(default_definitions_dir().glob("*.yaml")):
        workflow = load_workflow_file(path)
        if workflow.slug in workflows:
            raise WorkflowError(f"{path.name}:1: slug '{workflow.slug}' is used by another definition too")
        workflows[workflow.slug] = workflow
    return workflows
