"""Moved to config/wsgi.py. This name stays for installs set up before the move, whose systemd unit
still runs `gunicorn campaign.wsgi`: they keep serving, and say what to change (see
campaign/settings.py for why a FutureWarning). Remove once installs have moved.
"""

import warnings

warnings.warn(
    "gunicorn campaign.wsgi is deprecated: serve config.wsgi instead (the ExecStart= line of the "
    "portal's systemd unit).",
    FutureWarning,
    stacklevel=1,
)

from config.wsgi import application  # noqa: E402, F401
