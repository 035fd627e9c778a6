"""Admin of the awards' records."""
