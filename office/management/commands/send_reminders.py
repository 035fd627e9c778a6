from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from office.reminders import office_send_digest, units_remind_deadlines
from pledges.services import pledges_remind_stale


class Command(BaseCommand):
    help = (
        "The daily reminders, for a scheduler (cron, a systemd timer): e-mail the heads and "
        "deputies of each unit about the deadlines of the next days (phases that end, pledges "
        "that are due), the heads of accepted pledges without progress, and the campaign office "
        "a digest. Each e-mail is sent at most once a day, however often this runs."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Days without progress before a reminder (default: PLEDGE_STALE_DAYS).",
        )
        parser.add_argument(
            "--ahead",
            type=int,
            default=None,
            help="How many days ahead deadlines are announced (default: REMINDER_DAYS_AHEAD).",
        )

    def handle(self, *args, days: int | None, ahead: int | None, **options):
        days = settings.PLEDGE_STALE_DAYS if days is None else days
        ahead = settings.REMINDER_DAYS_AHEAD if ahead is None else ahead
        if days < 1:
            raise CommandError("--days must be at least 1.")
        if ahead < 0:
            raise CommandError("--ahead must not be negative.")
        stale = pledges_remind_stale(days=days)
        deadlines = units_remind_deadlines(ahead=ahead)
        digest = office_send_digest(days=settings.OFFICE_FLAG_DAYS, ahead=ahead)
        self.stdout.write(
            f"{stale} reminder(s) about pledges without progress for {days} days, "
            f"{deadlines} about deadlines in the next {ahead} days; office digest "
            f"{'queued' if digest else 'not needed (already sent today, or nothing to report)'}."
        )
