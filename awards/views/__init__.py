"""The pages of the commendation decisions, one module per part (awards/urls.py)."""
