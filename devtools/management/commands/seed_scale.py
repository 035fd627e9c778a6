import os
import time

from django.core.management.base import BaseCommand, CommandError

from devtools.scale import ScaleCounts, ScaleDataExists, seed_scale, top_up_awards

DEFAULTS = ScaleCounts()


class Command(BaseCommand):
    help = (
        "Add a national-scale dataset (the Ministry, provincial departments and divisions, "
        "pledges, progress reports, commendations) with bulk inserts, reproducibly from --seed. "
        "For benchmarks and load tests; run it on a database of its own."
    )

    def add_arguments(self, parser):
        add = parser.add_argument
        add("--units", type=int, default=DEFAULTS.units, help="units in all (default %(default)s)")
        add("--provinces", type=int, default=DEFAULTS.provinces, help="provincial departments")
        add("--pledges", type=int, default=DEFAULTS.pledges)
        add("--reports", type=int, default=DEFAULTS.reports, help="progress reports")
        add("--commendations", type=int, default=DEFAULTS.commendations)
        add("--proposals", type=int, default=DEFAULTS.proposals, help="of the evaluation round")
        add(
            "--awards-only",
            action="store_true",
            help="add only the evaluation round and its decision to scale data seeded without them",
        )
        add("--seed", type=int, default=1, help="the same seed gives the same data")
        add(
            "--password-env",
            default="SCALE_PASSWORD",
            help="environment variable holding the password of the accounts made (unit heads "
            "scale-head-NNNN, scale-office); without it they cannot log in",
        )

    def handle(self, *args, **options):
        counts = ScaleCounts(
            units=options["units"],
            provinces=options["provinces"],
            pledges=options["pledges"],
            reports=options["reports"],
            commendations=options["commendations"],
            proposals=options["proposals"],
        )
        started = time.monotonic()
        try:
            if options["awards_only"]:
                created = top_up_awards(seed=options["seed"])
            else:
                created = seed_scale(
                    counts=counts,
                    seed=options["seed"],
                    password=os.environ.get(options["password_env"]) or None,
                )
        except (ScaleDataExists, ValueError) as error:
            raise CommandError(str(error)) from error
        summary = ", ".join(f"{n} {what}" for what, n in created.items())
        elapsed = time.monotonic() - started
        self.stdout.write(self.style.SUCCESS(f"Created {summary} in {elapsed:.1f} s."))
