"""Train the suggestion model on the fixed train split of the shipped labelled set and print top-1 / top-3
accuracy per target on the held-out split (``make eval-triage``)."""

from __future__ import annotations

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandParser

from tuntas.triage import dataset
from tuntas.triage.evaluate import evaluate, report
from tuntas.triage.train import train


class Command(BaseCommand):
    help = "Evaluate the routing and category suggestions on the held-out split of the labelled set."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--data", type=Path, default=dataset.DATA_FILE, help="labelled CSV file")
        parser.add_argument(
            "--bootstrap",
            choices=["none", "add", "only"],
            default="none",
            help="also train on the words of this database's categories, profiles and standards (add), "
            "or on those alone, as a deployment with no history (only)",
        )
        parser.add_argument("--confusions", type=int, default=5, help="errors to list per target")

    def handle(self, *args: object, **options: object) -> None:
        rows = dataset.load(options["data"])
        train_set = dataset.examples(rows, "train")
        test_set = dataset.examples(rows, "test")
        if options["bootstrap"] != "none":
            from tuntas.triage.bootstrap import bootstrap_examples

            words = bootstrap_examples()
            self.stdout.write(f"bootstrap examples from the database: {len(words)}")
            train_set = words if options["bootstrap"] == "only" else [*words, *train_set]
        started = time.monotonic()
        model = train(train_set)
        trained = time.monotonic() - started
        self.stdout.write(
            f"trained on {len(train_set)} texts in {trained:.1f} s ({len(model.vectoriser.vocabulary_)} terms); "
            f"held out: {len(test_set)}"
        )
        for line in report(evaluate(model, train_set, test_set), confusions=options["confusions"]):
            self.stdout.write(line)
