"""Whether each app's newest migrations can run while the previous release still serves.

``online=True``: run ``tuntas migrate`` first and restart afterwards; the old code keeps working against the
new schema (new tables, new nullable columns, data loads, choice changes that touch no SQL).
``online=False``: stop ``tuntas-web`` and ``tuntas-worker`` before migrating (renamed or dropped columns,
new NOT NULL columns the old code would not fill, long table rewrites).

``tuntas upgrade_notes`` prints the notes of the migrations not yet applied; a test requires a note for
every app's newest migration, so a new migration lands with its note.
"""

from __future__ import annotations

import dataclasses


@dataclasses.dataclass(frozen=True)
class Note:
    online: bool
    why: str


NOTES: dict[tuple[str, str], Note] = {
    ("api", "0002_initial"): Note(True, "Initial schema (API tokens)."),
    ("audit", "0001_audit_log"): Note(True, "New table only (the staff audit log)."),
    ("audit", "0002_password_actions"): Note(
        True, "Adds the password reset and change actions to the choices list: no SQL is run."
    ),
    ("channels", "0001_inbound_messages_and_drafts"): Note(
        True, "New tables only (inbound channel messages, drafts, their files, channel health)."
    ),
    ("clarifications", "0002_request_kinds"): Note(True, "Loads the request kinds catalogue (rows only)."),
    ("complaints", "0005_event_clarification_kinds"): Note(
        True, "Adds event kinds to the choices list: no SQL is run."
    ),
    ("complaints", "0006_complaint_channel_email"): Note(
        True, "Adds a channel to the choices list: no SQL is run."
    ),
    ("compliance", "0002_shipped_schemes"): Note(True, "Loads the shipped scoring schemes (rows only)."),
    ("compliance", "0003_five_categories"): Note(
        True, "Adds new versions of the shipped schemes (five categories, re-banded opinion): rows only."
    ),
    ("followup", "0001_findings_recommendations"): Note(
        True, "New tables for findings, recommendations, evidence, TGR instalments and their history."
    ),
    ("cooperation", "0002_catalogues"): Note(True, "Loads catalogues (rows only)."),
    ("triage", "0002_search_engines"): Note(
        True, "New search table and its engine index; run `tuntas rebuild_search_index` after migrating."
    ),
    ("core", "0001_initial"): Note(True, "Initial schema (holidays)."),
    ("directory", "0003_organisation_profile"): Note(
        False,
        "Adds NOT NULL profile columns to organisations; Django keeps no database default, so the old code "
        "would fail to create an organisation until it is restarted. Reads are unaffected: a short stop of "
        "web and worker is the safe way.",
    ),
    ("directory", "0004_kind_roles"): Note(
        True,
        "Adds the kinds' role columns (coordinator, oversight rank, ...) and fills them for the shipped kinds; "
        "the old code reads kinds as before. Only creating a new organisation kind in the admin fails until "
        "the restart.",
    ),
    ("directory", "0005_kind_identity_roles"): Note(
        True,
        "Adds the kinds' confidential-identity roles (the Ombudsman kinds gain petugas, the asisten); the old "
        "code ignores the column. Only creating a new organisation kind in the admin fails until the restart.",
    ),
    ("interop", "0001_open311_clients"): Note(True, "New tables only (Open311 clients and requests)."),
    ("notify", "0002_digestrun_messagetemplate"): Note(
        True, "New tables only (digest runs, message templates)."
    ),
    ("notify", "0003_outbox_sending_until"): Note(
        True, "Adds a nullable column (the sending lease); the old code ignores it."
    ),
    ("notify", "0004_outbox_reply_to"): Note(
        True, "New column with a default (Reply-To of an outbox message)."
    ),
    ("ops", "0001_initial"): Note(True, "New table only (worker heartbeat)."),
    ("sla", "0002_staffalert"): Note(True, "New table only (staff alerts)."),
    ("sla", "0003_clock_counted_from"): Note(
        True,
        "New nullable column on clocks, filled from the start date for clocks never paused; one new table.",
    ),
    ("standards", "0002_component_catalogue"): Note(True, "Loads the 14 components catalogue (rows only)."),
    ("surveys", "0002_catalogue"): Note(True, "Loads the survey elements catalogue (rows only)."),
    ("villages", "0002_shipped_instrument"): Note(True, "Loads the shipped instrument (rows only)."),
    ("workflows", "0001_initial"): Note(True, "Initial schema (SOP definitions)."),
    ("audit", "0003_verbose_names"): Note(
        True, "Indonesian field and model labels for the admin: no SQL is run."
    ),
    ("api", "0003_verbose_names"): Note(
        True, "Indonesian field and model labels for the admin: no SQL is run."
    ),
    ("clarifications", "0003_verbose_names"): Note(
        True, "Indonesian field and model labels for the admin: no SQL is run."
    ),
    ("complaints", "0007_verbose_names"): Note(
        True, "Indonesian field and model labels for the admin: no SQL is run."
    ),
    ("compliance", "0004_verbose_names"): Note(
        True, "Indonesian field and model labels for the admin: no SQL is run."
    ),
    ("cooperation", "0003_verbose_names"): Note(
        True, "Indonesian field and model labels for the admin: no SQL is run."
    ),
    ("directory", "0006_verbose_names"): Note(
        True, "Indonesian field and model labels for the admin: no SQL is run."
    ),
    ("followup", "0002_verbose_names"): Note(
        True, "Indonesian field and model labels for the admin: no SQL is run."
    ),
    ("interop", "0002_verbose_names"): Note(
        True, "Indonesian field and model labels for the admin: no SQL is run."
    ),
    ("directory", "0007_requires_two_factor"): Note(
        True, "New boolean column with a database default (false): the old code's inserts still work."
    ),
    ("audit", "0004_two_factor"): Note(
        True, "Two-step sign-in actions in the choices list and the authenticator proxy model: no SQL is run."
    ),
    ("interop", "0003_webhooks"): Note(
        True, "New tables only (webhook subscriptions and deliveries); the old code never writes them."
    ),
    ("notify", "0005_verbose_names"): Note(
        True, "Indonesian field and model labels for the admin: no SQL is run."
    ),
    ("sla", "0004_verbose_names"): Note(
        True, "Indonesian field and model labels for the admin: no SQL is run."
    ),
    ("standards", "0003_verbose_names"): Note(
        True, "Indonesian field and model labels for the admin: no SQL is run."
    ),
    ("surveys", "0003_verbose_names"): Note(
        True, "Indonesian field and model labels for the admin: no SQL is run."
    ),
    ("villages", "0003_verbose_names"): Note(
        True, "Indonesian field and model labels for the admin: no SQL is run."
    ),
    ("workflows", "0002_verbose_names"): Note(
        True, "Indonesian field and model labels for the admin: no SQL is run."
    ),
}


def note_for(app_label: str, name: str) -> Note | None:
    return NOTES.get((app_label, name))
