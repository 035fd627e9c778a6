"""Admin of the awards' decisions."""
