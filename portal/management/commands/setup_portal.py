import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand

from awards.seed import load_demo_round
from campaign.seed.demo import generate_password, load_demo
from campaign.seed.loader import load_campaign


def describe(counts) -> str:
    """What was added, as "what: n" (which reads right for one as for many)."""
    return ", ".join(f"{what}: {n}" for what, n in counts.items() if n) or "nothing new"


class Command(BaseCommand):
    help = (
        "Load the fixture campaign (idempotent), optionally the demo data, and create the first "
        "office admin from DJANGO_SUPERUSER_USERNAME/PASSWORD/EMAIL when set."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--demo",
            action="store_true",
            help="Also load demo units, accounts and an evaluation round.",
        )

    def handle(self, *args, demo: bool, **options):
        self.stdout.write(f"Campaign fixture: {describe(load_campaign())}.")
        if demo:
            counts = load_demo(password=self.demo_password())
            counts.update(load_demo_round())
            self.stdout.write(f"Demo data: {describe(counts)}.")
            shown = "$DEMO_PASSWORD" if os.environ.get("DEMO_PASSWORD") else self.demo_password()
            self.stdout.write(
                self.style.WARNING(
                    f"Demo accounts head1, head2, head3, deputy1, office: password {shown} "
                    "(set when each account was first created)"
                )
            )
        self.ensure_superuser()

    def demo_password(self) -> str:
        """DEMO_PASSWORD, else one generated on the first demo load and kept in var/."""
        if password := os.environ.get("DEMO_PASSWORD"):
            return password
        keep = settings.VAR_DIR / "demo_password"
        if not keep.exists():
            settings.VAR_DIR.mkdir(exist_ok=True)
            keep.write_text(generate_password())
            keep.chmod(0o600)
        return keep.read_text().strip()

    def ensure_superuser(self) -> None:
        username = os.environ.get("DJANGO_SUPERUSER_USERNAME")
        if not username:
            if not get_user_model().objects.filter(is_superuser=True).exists():
                self.stdout.write(
                    "No administrator yet. Create one with: .venv/bin/python manage.py "
                    "createsuperuser (or set DJANGO_SUPERUSER_USERNAME, DJANGO_SUPERUSER_PASSWORD "
                    "and DJANGO_SUPERUSER_EMAIL before make run)."
                )
            return
        if get_user_model().objects.filter(username=username).exists():
            return
        call_command("createsuperuser", interactive=False, verbosity=0)
        self.stdout.write(f"Created the administrator {username}.")
