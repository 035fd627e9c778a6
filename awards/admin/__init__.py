"""The office's admin of the commendation decisions, one module per part."""

from awards.admin import (  # noqa: F401 - registers the ModelAdmins
    certificates,
    decisions,
    records,
    rounds,
)
