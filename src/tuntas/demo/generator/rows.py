"""The rows of one batch, held as plain dicts with their primary keys assigned up front, so events can name
the handlings they link (``parent``, ``from_handling``) before anything is written.

Column names are the models' own (``<field>_id`` for foreign keys); ``writer`` inserts them in bulk.
"""

from __future__ import annotations

from dataclasses import dataclass, field

TABLES = ("complaint", "identity", "handling", "clock", "event", "attachment", "alert")


@dataclass
class Batch:
    """Rows of a batch of complaints, and the next free primary key of each table."""

    next_ids: dict[str, int]
    complaints: list[dict] = field(default_factory=list)
    identities: list[dict] = field(default_factory=list)
    handlings: list[dict] = field(default_factory=list)
    clocks: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    attachments: list[dict] = field(default_factory=list)
    alerts: list[dict] = field(default_factory=list)

    def new_id(self, table: str) -> int:
        pk = self.next_ids[table]
        self.next_ids[table] = pk + 1
        return pk

    def counts(self) -> dict[str, int]:
        return {
            "complaint": len(self.complaints),
            "identity": len(self.identities),
            "handling": len(self.handlings),
            "clock": len(self.clocks),
            "event": len(self.events),
            "attachment": len(self.attachments),
            "alert": len(self.alerts),
        }
