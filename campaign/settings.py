"""Moved to config/settings.py. This name stays for installs set up before the move, whose systemd
unit, cron jobs or shell still say DJANGO_SETTINGS_MODULE=campaign.settings: they keep running,
and every process they start says what to change (a FutureWarning, shown by default, unlike a
DeprecationWarning, so it reaches the journal and cron's mail). Remove once installs have moved.
"""

import warnings

warnings.warn(
    "DJANGO_SETTINGS_MODULE=campaign.settings is deprecated: set it to config.settings "
    "(or leave it unset) in the systemd unit, cron jobs and shell that start the portal.",
    FutureWarning,
    stacklevel=1,
)

from config.settings import *  # noqa: E402, F403
