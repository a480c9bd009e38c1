"""``tuntas doctor``: check this deployment; each finding says what to do. Exit 1 when something is wrong."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand

import tuntas
from tuntas.ops.doctor import Level, run_checks
from tuntas.ops.doctor.sending import send_test

MARK = {Level.OK: "  ok  ", Level.WARNING: " PERLU", Level.ERROR: "SALAH "}


class Command(BaseCommand):
    help = (
        "Check the deployment (settings, data, worker, outbox, disk, media) and print each finding with what "
        "to do. Exits 1 when a finding is an error (with --strict also on warnings), so it can run in a timer."
    )

    def add_arguments(self, parser):
        parser.add_argument("--send-test-email", metavar="ADDRESS", help="also send a test email there")
        parser.add_argument("--send-test-sms", metavar="NUMBER", help="also send a test SMS/WhatsApp there")
        parser.add_argument("--json", action="store_true", help="print the findings as JSON")
        parser.add_argument("--strict", action="store_true", help="exit 1 on warnings too")
        parser.add_argument("--quiet", action="store_true", help="print only what needs doing")

    def handle(self, *args, **opts):
        findings = run_checks()
        if opts["send_test_email"]:
            findings.append(send_test("email", opts["send_test_email"]))
        if opts["send_test_sms"]:
            findings.append(send_test("sms", opts["send_test_sms"]))
        worst = max((f.level for f in findings), default=Level.OK)
        if opts["json"]:
            self.stdout.write(json.dumps([f.as_dict() for f in findings], ensure_ascii=False, indent=1))
        else:
            self._print(findings, quiet=opts["quiet"])
        if worst >= (Level.WARNING if opts["strict"] else Level.ERROR):
            raise SystemExit(1)

    def _print(self, findings, *, quiet: bool) -> None:  # noqa: ANN001
        self.stdout.write(f"Tuntas {tuntas.__version__} - tuntas doctor")
        style = {
            Level.OK: self.style.SUCCESS,
            Level.WARNING: self.style.WARNING,
            Level.ERROR: self.style.ERROR,
        }
        for f in findings:
            if quiet and f.level is Level.OK:
                continue
            self.stdout.write(f"[{style[f.level](MARK[f.level])}] {f.check}: {f.message}")
            if f.action:
                self.stdout.write(f"         -> {f.action}")
        errors = sum(f.level is Level.ERROR for f in findings)
        warnings = sum(f.level is Level.WARNING for f in findings)
        self.stdout.write(
            f"{errors} salah, {warnings} perlu perhatian, {len(findings) - errors - warnings} ok."
        )
