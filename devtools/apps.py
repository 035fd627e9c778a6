from django.apps import AppConfig


class DevtoolsConfig(AppConfig):
    """Development tools, apart from the runtime apps: national-scale data (`manage.py
    seed_scale`) and the reference view of `make bench` (served only with PORTAL_BENCHMARK)."""

    name = "devtools"
    verbose_name = "Development tools"
