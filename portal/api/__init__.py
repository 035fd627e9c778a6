"""Open data: read-only JSON of what the public pages show, under /api/v1/.

It gathers campaigns, units, pledges, news and scoring, so it lives in the portal package, on
top. Field names are English and stable; see docs/open-data.md.
"""
