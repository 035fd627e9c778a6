from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from pledges.services import pledges_remind_stale


class Command(BaseCommand):
    help = (
        "E-mail the heads of accepted pledges that have had no progress report for a number of "
        "days (PLEDGE_STALE_DAYS, 30 by default). A pledge is reminded at most once a day "
        "however often it runs. `send_reminders` runs this too, with the deadline reminders "
        "and the office digest: schedule that one."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Days without progress before a reminder (default: PLEDGE_STALE_DAYS).",
        )

    def handle(self, *args, days: int | None, **options):
        days = settings.PLEDGE_STALE_DAYS if days is None else days
        if days < 1:
            raise CommandError("--days must be at least 1.")
        queued = pledges_remind_stale(days=days)
        self.stdout.write(
            f"{queued} reminder(s) queued for pledges without progress for {days} days."
        )
