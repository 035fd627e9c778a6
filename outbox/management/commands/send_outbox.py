from django.core.management.base import BaseCommand

from outbox.services import outbox_flush


class Command(BaseCommand):
    help = "Send e-mails that are waiting or failed earlier. Safe to run often (e.g. every minute)."

    def handle(self, *args, **options):
        sent, remaining = outbox_flush()
        self.stdout.write(f"Sent {sent}; {remaining} not sent yet.")
