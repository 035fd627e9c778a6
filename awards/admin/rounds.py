"""Admin of the awards' rounds."""
