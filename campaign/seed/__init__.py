"""Loading the fixture campaign (and, on request, demo data) into a fresh or existing database.

Both loaders only ever add what is missing: records the office has edited since are left as
they are, so `make run` can run them every time. When the fixture's own texts are corrected, a
data migration carries the corrections to earlier installs (as campaign's
0007_report_letterhead_and_seed_corrections does), changing a field only while it still holds
the fixture's earlier text.
"""
