"""The one convention of every file the platform gives programs to read (CSV and JSON downloads:
open data, consultation results, indicators, a member's personal data).

- Dates and times are ISO 8601 with their offset from UTC, to the second
  (``2026-11-30T02:37:01+00:00``): what ``datetime.fromisoformat``, pandas and spreadsheets read
  without guessing. A date without a time stays a date (``2026-11-30``).
- CSV is UTF-8 with a byte-order mark (so spreadsheet programs read Greek, Cyrillic and accented
  answers right), comma-separated, each line ended by CRLF (RFC 4180), with a header row naming
  the columns; several values in one cell are separated by a semicolon and a space; no cell is
  run as a formula (csvsafe.py).

``@@open-data`` tells its readers this convention (public/templates/open_data.pt).
"""

from clusterpolisee.core import csvsafe
from DateTime import DateTime
import datetime
import io


BOM = "\ufeff"
DELIMITER = ","
LINE_END = "\r\n"
SEPARATOR = "; "
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
JSON_CONTENT_TYPE = "application/json; charset=utf-8"


def iso(value):
    """``value`` (a DateTime, a datetime, a date, or a text DateTime reads, such as the
    ``2026/11/30 02:37:1.704384 UTC`` EasyForm stores) as ISO 8601 with its offset, to the
    second; None (or an empty text) as None. A time without a zone is the server's local time,
    as DateTime and Python read it."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        value = DateTime(value)
    if isinstance(value, DateTime):
        value = value.asdatetime()
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            value = value.astimezone()
        return value.isoformat(timespec="seconds")
    if isinstance(value, datetime.date):
        return value.isoformat()
    raise TypeError(f"not a date: {value!r}")


def cell(value):
    """A value as a CSV cell: lists joined by the separator, dates in ISO 8601."""
    if isinstance(value, (list, tuple)):
        return SEPARATOR.join(str(item) for item in value)
    if isinstance(value, (DateTime, datetime.date)):
        return iso(value)
    return value


def csv_text(header, rows):
    """The CSV file of ``rows`` (sequences of values, in the order of ``header``), as text with
    its byte-order mark: the platform's one CSV convention."""
    out = io.StringIO()
    writer = csvsafe.writer(out, delimiter=DELIMITER, lineterminator=LINE_END)
    writer.writerow(header)
    for row in rows:
        writer.writerow([cell(value) for value in row])
    return BOM + out.getvalue()
