"""Loading the fixture campaign (and, on request, demo data) into a fresh or existing database.

Both loaders only ever add what is missing: records the office has edited since are left as
they are, so `make run` can run them every time.
"""
