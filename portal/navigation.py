"""Which header entry the current page belongs to, read from the resolved URL alone.

Kept apart from the template so the mapping is one rule in one place and costs no query.
"""

# (namespace, url name prefix) -> header entry; the first match wins, so specific rules first.
SECTIONS = (
    ("", "home", "home"),
    ("", "password_change", "password"),
    ("campaign", "", "campaigns"),
    ("units", "", "units"),
    ("news", "honour-board", "honour-board"),
    ("news", "nomination", "nominations"),
    ("news", "", "commendations"),
    ("pledges", "review", "review"),
    ("pledges", "", "workspace"),
    ("office", "", "office"),
    ("awards", "my-records", "workspace"),
    ("awards", "outcomes", "workspace"),
    ("awards", "record", "records"),
    ("awards", "unit-record", "records"),
    # The evaluation rounds' pages: the list, a round, its prints, its decisions, certificates.
    ("awards", "round", "rounds"),
    ("awards", "minutes", "rounds"),
    ("awards", "submission", "rounds"),
    ("awards", "decision", "rounds"),
    ("awards", "certificate", "rounds"),
)

# Entries grouped under a header menu, so the menu's label is marked when one of them is current.
OFFICE_ENTRIES = frozenset({"review", "office", "nominations", "rounds", "records"})
PERSON_ENTRIES = frozenset({"workspace", "nominations", "password"})


def current_section(resolver_match) -> str:
    if resolver_match is None:  # error pages resolve to nothing
        return ""
    namespace, name = resolver_match.namespace, resolver_match.url_name or ""
    for section_namespace, prefix, section in SECTIONS:
        if namespace == section_namespace and name.startswith(prefix):
            return section
    return ""
