"""The office's admin of the commendation decisions, one module per part."""

from awards.admin import decisions, records, rounds  # noqa: F401 - registers the ModelAdmins
