from importlib import import_module

from django.core.management.base import BaseCommand
from django.db import transaction

from coalition.seeding import SeedReport

# Each app contributes its part; order matters (partners refer to organisations, ...).
SEED_MODULES = ["coalition.seed", "partnership.seed", "declaration.seed", "benchmarking.seed"]


class Command(BaseCommand):
    help = (
        "Load the portal's seed data from the source documents. Safe to run again: it changes nothing the second time."
    )

    def handle(self, *args, **options):
        report = SeedReport()
        with transaction.atomic():
            for module_name in SEED_MODULES:
                try:
                    module = import_module(module_name)
                except ModuleNotFoundError as exc:
                    if exc.name != module_name:
                        raise
                    continue
                module.load(report)
        for line in report.lines():
            self.stdout.write(line)
