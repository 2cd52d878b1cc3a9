from django.core.management.base import BaseCommand
from django.db import transaction

from coalition.emails import queue_mail


class Command(BaseCommand):
    help = "Queue a test mail through the outbox (checks the broker, worker and mail server)."

    def add_arguments(self, parser):
        parser.add_argument("to")

    def handle(self, *args, to, **options):
        with transaction.atomic():
            mail = queue_mail(to=to, template="test", context={})
        self.stdout.write(f"Queued outbox mail #{mail.pk}.")
