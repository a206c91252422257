"""CSV the platform writes, safe to open in a spreadsheet program.

A cell whose text starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or a carriage return) is
read as a formula by Excel, LibreOffice and Google Sheets: a consultation answer or a title
could compute, fetch a web address or start a program on the computer of whoever opens the
download. Following OWASP's rule on CSV injection, such a text starts with a single quote, which
the programs show as text. Numbers the platform writes itself (a count, a score) stay numbers.

Every CSV download goes through ``writer`` (open data, consultation results, indicators).
"""

import csv


# What a spreadsheet reads as the start of a formula, the full-width forms included (read as
# formulas by some programs in East Asian locales).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def cell(value):
    """``value`` as a CSV cell: None as empty, a number as it is, a text that a spreadsheet would
    run as a formula behind a single quote."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, float)):
        return value
    text = str(value)
    if text.lstrip(" ").startswith(FORMULA_STARTS):
        return f"'{text}"
    return text


class SafeWriter:
    """``csv.writer`` whose rows are made of safe cells."""

    def __init__(self, stream, **options):
        self._writer = csv.writer(stream, **options)

    def writerow(self, row):
        return self._writer.writerow([cell(value) for value in row])

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def writer(stream, **options):
    """A CSV writer (``csv.writer``'s options) that neutralises formulas in every cell."""
    return SafeWriter(stream, **options)
