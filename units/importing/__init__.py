"""Import units and their heads from a spreadsheet (XLSX or CSV), all or nothing.

Every row is checked first and every problem reported with its row number and column; only a
file without a single problem is written, in one transaction. Units are matched by slug (given,
or made from the name) and people by user name, so importing the same file again changes
nothing. An empty cell leaves what is stored unchanged.

New accounts get no usable password (the office sets one in the admin). An existing account is
never changed: where the file disagrees with it, the difference is reported instead.
"""

from units.importing.columns import COLUMNS, ImportInvalid, RowError
from units.importing.writing import ImportReport, units_import

__all__ = ["COLUMNS", "ImportInvalid", "ImportReport", "RowError", "units_import"]
