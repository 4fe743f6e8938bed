"""How many cells calamine will allocate for a sheet, worked out before it parses it.

calamine makes each sheet one dense grid, from its first cell to its last, and reserves
room for counts a file declares. Both come from the file: two cells far apart (``A1`` and
``XFD1048576``) in a 5 KB workbook ask for 550 GB, and a failed allocation aborts the
process instead of raising (calamine issue #693). So the cells of each sheet are placed
here first, by calamine's own rules, and ``reading`` refuses a file whose grid would pass
``Limits.max_cells``.

A bound may be larger than calamine's grid, never smaller. An xlsx sheet written the usual
way (every cell tag ``<c r="B7" s="1" t="n">``: ``r`` first and only, double quotes, single
spaces) is cleared by one regular expression; any other spelling is followed tag by tag.
"""

from __future__ import annotations

import functools
import html
import re
import zipfile
from collections.abc import Iterator

_NAME = rb"(?:[^\s<>/:!?]+:)?"  # an element name's optional prefix: calamine ignores it
_ATTRIBUTES = rb"((?:[^>\"']|\"[^\"]*\"|'[^']*')*)"  # a '>' inside quotes does not end a tag
_XLSX_TAG = re.compile(rb"<(/?)" + _NAME + rb"(row|c)(?=[\s/>])" + _ATTRIBUTES + rb">")
_R = re.compile(rb"(?<![\w:.-])r\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_NO_VALUE = re.compile(rb"\s*</" + _NAME + rb"c\s*>")
_EMPTY_VALUE = re.compile(
    rb"\s*(?:<"
    + _NAME
    + rb"v\s*/>|<"
    + _NAME
    + rb"v\s*></"
    + _NAME
    + rb"v\s*>)\s*</"
    + _NAME
    + rb"c\s*>"
)
_ATTRIBUTE = re.compile(rb"""\s*([^\s=/>"']+)\s*=\s*(?:"[^"]*"|'[^']*')""")
_T = re.compile(rb"(?<![\w:.-])t\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
# Cell types whose empty <v> calamine reads as no value; "str" and "d" make an empty text.
_EMPTY_WHEN_BLANK = (None, b"n", b"s", b"b", b"e", b"inlineStr")
_REFERENCE = re.compile(rb"([A-Za-z]*)([0-9]*)")
_SST = re.compile(rb"<" + _NAME + rb"sst(?=[\s/>])" + _ATTRIBUTES + rb">")
_UNIQUE_COUNT = re.compile(rb"(?<![\w:.-])uniqueCount\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_COLUMNS_OF_ONE_LETTER = 26


class TooManyCellsError(Exception):
    def __init__(self, limit: int) -> None:
        super().__init__(limit)
        self.limit = limit


def xlsx_sheet_fits(xml: bytes, limit: int) -> bool:
    """Whether calamine's grid for this sheet part stays within ``limit`` cells."""
    start, end = xml.find(b"sheetData"), xml.rfind(b"sheetData")
    if start < 0:
        return True  # calamine reads no cell without one
    unusual_cell = _unusual_cell(limit, _prefixed_cell(xml, start, end))
    usual = unusual_cell is not None and unusual_cell.search(xml, start, end) is None
    if usual:
        return True  # every cell is in columns A-Z, in rows short enough for the limit
    return xlsx_sheet_cells(xml) <= limit


def xlsx_piece_usual(text: bytes, end: int, limit: int) -> bool:
    """Whether every cell tag in ``text[:end]`` is spelt the usual way (see
    ``_unusual_cell``) without a prefix: a sheet whose every piece is so stays within
    ``limit`` cells. A sheet with a piece that is not may still fit: ``xlsx_sheet_fits``
    on the whole part decides."""
    unusual_cell = _unusual_cell(limit, False)
    if unusual_cell is None or _prefixed_cell(text, 0, end):
        return False
    return unusual_cell.search(text, 0, end) is None


@functools.lru_cache
def _unusual_cell(limit: int, prefixed: bool) -> re.Pattern[bytes] | None:
    """A cell tag not spelt ``<c r="B7" s="1" t="n">``: ``r`` first and only, one letter
    and few enough row digits that 26 columns of such rows stay within ``limit``, then
    other attributes in double quotes, single spaces between; None when no row would fit.
    Possessive quantifiers: the pattern runs once for every cell of a sheet. With
    ``prefixed`` the element may have a prefix (``<x:c``, as the OpenXML SDK writes): the
    pattern then tries every tag, about three times slower, still a tenth of following
    the sheet tag by tag."""
    digits = len(str(limit // _COLUMNS_OF_ONE_LETTER))
    while digits and _COLUMNS_OF_ONE_LETTER * (10**digits - 1) > limit:
        digits -= 1
    if not digits:
        return None
    usual = rb' r="[A-Z][0-9]{1,%d}"(?: [a-qs-z][a-zA-Z]*+="[^"]*+")*+/?>' % digits
    cell = rb"<(?:[^\s<>/:!?]++:)?c" if prefixed else rb"<c"
    return re.compile(cell + rb"(?!" + usual + rb")(?=[\s/>])")


def _prefixed_cell(xml: bytes, start: int, end: int) -> bool:
    """Whether a cell could be ``<x:c``: calamine ignores prefixes. A colon is looked for
    first, at memchr speed."""
    return xml.find(b":", start, end) >= 0 and xml.find(b":c", start, end) >= 0


def xlsx_sheet_cells(xml: bytes) -> int:
    """The cells of calamine's grid for one sheet part (or more, never fewer).

    A cell goes where its ``r`` attribute says, or after the cell before it in its row; a
    row without ``r`` follows the one before; cells without a value are left out but still
    move the next one along. Comments, CDATA and processing instructions can hide tags
    from calamine that a scan of the bytes would see, and after a malformed or repeated
    attribute calamine may keep an earlier value than the last: a sheet with any of them
    gets a bound that does not depend on the order of its tags or attributes.
    """
    start = xml.find(b"sheetData")
    if start < 0:
        return 0
    if xml.find(b"<!", start) >= 0 or xml.find(b"<?", start) >= 0:
        return _cells_in_any_order(xml, start)
    row_index = column_index = 0
    low_row = low_column = high_row = high_column = -1
    for tag in _XLSX_TAG.finditer(xml, start):
        closing, name, attributes = tag.groups()
        if not closing and not _plain_attributes(attributes):
            return _cells_in_any_order(xml, start)
        self_closing = attributes.endswith(b"/")
        if name == b"row":
            reference = None if closing else _last(_R, attributes)
            if reference is not None:
                row = _row_number(reference)
                if row is None:
                    break  # calamine stops with an error: no grid is made
                row_index = row
            if closing or self_closing:
                row_index += 1
                column_index = 0
            continue
        if closing:
            continue
        reference = _last(_R, attributes)
        position = (row_index, column_index) if reference is None else _cell_position(reference)
        if position is None:
            break
        row, column = position
        column_index = column + 1
        if self_closing or not _has_value(xml, tag.end(), attributes):
            continue
        if high_row < 0:
            low_row, high_row, low_column, high_column = row, row, column, column
        else:
            low_row, high_row = min(low_row, row), max(high_row, row)
            low_column, high_column = min(low_column, column), max(high_column, column)
    if high_row < 0:
        return 0
    return (high_row - low_row + 1) * (high_column - low_column + 1)


def _cells_in_any_order(xml: bytes, start: int) -> int:
    """Every ``r`` seen anywhere, plus one step per tag for the cells placed by order."""
    high_row = high_column = 0
    for double, single in _R.findall(xml, start):
        reference = double or single
        row = _row_number(reference)
        position = (row, 0) if row is not None else _cell_position(reference)
        if position is not None:
            high_row, high_column = max(high_row, position[0]), max(high_column, position[1])
    tags = xml.count(b"<", start)
    return (high_row + 1 + tags) * (high_column + 1 + tags)


def shared_strings_declared(xml: bytes) -> int | None:
    """The ``uniqueCount`` a shared-strings part declares (calamine reserves that many);
    None when ``xml`` holds no whole ``<sst>`` tag."""
    tag = _SST.search(xml)
    if tag is None:
        return None
    counts = [_integer(a or b) for a, b in _UNIQUE_COUNT.findall(tag.group(1))]
    return max((count for count in counts if count is not None), default=0)


def _plain_attributes(attributes: bytes) -> bool:
    """Whether a tag's attributes are all ``name="value"`` (or single quotes), each name
    once: those calamine's XML parser reads as written."""
    body = attributes[:-1] if attributes.endswith(b"/") else attributes
    names: set[bytes] = set()
    position = 0
    for attribute in _ATTRIBUTE.finditer(body):
        if attribute.start() != position or attribute.group(1) in names:
            return False
        names.add(attribute.group(1))
        position = attribute.end()
    return not body[position:].strip()


def _last(attribute: re.Pattern[bytes], attributes: bytes) -> bytes | None:
    """The value calamine keeps when an attribute is repeated: the last."""
    values = attribute.findall(attributes)
    if not values:
        return None
    double: bytes
    single: bytes
    double, single = values[-1]
    return double or single


def _has_value(xml: bytes, after_tag: int, attributes: bytes) -> bool:
    if _NO_VALUE.match(xml, after_tag):
        return False
    return not (_EMPTY_VALUE.match(xml, after_tag) and _last(_T, attributes) in _EMPTY_WHEN_BLANK)


def _row_number(reference: bytes) -> int | None:
    """0-based; None where calamine refuses the attribute."""
    return int(reference) - 1 if reference.isdigit() and int(reference) > 0 else None


def _cell_position(reference: bytes) -> tuple[int, int] | None:
    """(row, column), 0-based, as calamine reads ``B7``; None where it refuses it."""
    match = _REFERENCE.fullmatch(reference)
    if match is None or not match.group(1) or not match.group(2) or int(match.group(2)) == 0:
        return None
    column = 0
    for letter in match.group(1).upper():
        column = column * 26 + letter - 64
    return int(match.group(2)) - 1, column - 1


def _integer(value: bytes) -> int | None:
    text = html.unescape(value.decode("utf-8", "replace")).strip()
    return int(text) if text.isdigit() else None


_ODS_TAG = re.compile(
    rb"<(/?)(table:table|table:table-row|table:table-cell|table:covered-table-cell)(?=[\s/>])"
    + _ATTRIBUTES
    + rb">"
)
_ROWS_REPEATED = re.compile(rb"table:number-rows-repeated\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_COLUMNS_REPEATED = re.compile(rb"table:number-columns-repeated\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
# What makes calamine keep an ODS cell: a value, a formula, or text content.
_ODS_VALUE = re.compile(
    rb"office:(?:value|string-value|date-value|time-value|boolean-value)\s*=|"
    rb"table:formula\s*=|office:value-type\s*=\s*[\"']string"
)
_ODS_VALUE_ATTRIBUTE = re.compile(
    rb"office:(?:value|string-value|date-value|time-value|boolean-value)\s*="
)
_VALUE_TYPE = re.compile(rb"office:value-type\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_ODS_CELLS = (b"table:table-cell", b"table:covered-table-cell")


def ods_table_cells(content: bytes) -> int:
    """The most cells calamine allocates for one table of an ODS ``content.xml``.

    Repeated rows and columns are written once and expanded by calamine: a row repeated
    a million times holding a cell repeated sixteen thousand times is a 1 KB file. Empty
    cells at the end of a row and empty rows at the end of a table are not kept, as in
    calamine; empty ones before a value are.
    """
    if b"<!" in content or content.find(b"<?", 1) >= 0:
        return _ods_cells_in_any_order(content)
    largest = 0
    rows: list[tuple[int, int, int, int]] = []  # repeats, cells kept, first and last value
    in_table = in_row = False
    repeats = kept = pending = first = last = 0
    tags = _ODS_TAG.finditer(content)
    for tag in tags:
        closing, name, attributes = tag.groups()
        if not closing and not _plain_attributes(attributes):
            return _ods_cells_in_any_order(content)
        self_closing = attributes.endswith(b"/")
        if name == b"table:table":
            if not closing and not in_table:  # calamine reads on through a nested start
                in_table, rows = not self_closing, []
            elif closing and in_table:
                largest, in_table, rows = max(largest, _ods_grid(rows)), False, []
        elif name == b"table:table-row" and in_table:
            if not closing:
                in_row, kept, pending, first, last = True, 0, 0, -1, -1
                repeats = _repeats(_ROWS_REPEATED, attributes)
            if in_row and (closing or self_closing):
                rows.append((repeats, kept, first, last))
                in_row = False
        elif in_row and not closing:
            columns = _repeats(_COLUMNS_REPEATED, attributes)
            kept, pending = kept + pending, 0
            if _ODS_VALUE.search(attributes):
                first = kept if first < 0 else first
                kept += columns
                last = kept - 1
            else:
                pending = columns
            if not self_closing:
                _skip_cell_content(tags, name, _is_text_cell(attributes))
    return max(largest, _ods_grid(rows))


def _ods_grid(rows: list[tuple[int, int, int, int]]) -> int:
    """calamine's range of one table: the rows from the first with a value to the last,
    each as wide as the widest value, every repeat written out; and the cells it keeps
    while reading, which can be more."""
    with_values = [index for index, (_, _, first, _) in enumerate(rows) if first >= 0]
    kept = sum(cells for _, cells, _, _ in rows)
    if not with_values:
        return kept
    span = rows[with_values[0] : with_values[-1] + 1]
    width = max(last for _, _, _, last in span) + 1
    return max(kept, sum(repeats for repeats, _, _, _ in span) * width)


def _ods_cells_in_any_order(content: bytes) -> int:
    """Every repeat multiplied out, for a document whose comments could hide tags."""
    tags = content.count(b"<")
    rows = sum(_repeats(_ROWS_REPEATED, m.group(0)) for m in _ROWS_REPEATED.finditer(content))
    columns = sum(
        _repeats(_COLUMNS_REPEATED, m.group(0)) for m in _COLUMNS_REPEATED.finditer(content)
    )
    return (rows + tags) * (columns + tags)


def _repeats(attribute: re.Pattern[bytes], attributes: bytes) -> int:
    value = _last(attribute, attributes)
    number = None if value is None else _integer(value)
    return 1 if number is None else number


def _is_text_cell(attributes: bytes) -> bool:
    """A cell whose value is its text: calamine reads it up to the first cell end."""
    return not _ODS_VALUE_ATTRIBUTE.search(attributes) and _last(_VALUE_TYPE, attributes) == (
        b"string"
    )


def _skip_cell_content(tags: Iterator[re.Match[bytes]], name: bytes, text_cell: bool) -> None:
    """Past a cell's content as calamine passes it: a text cell up to the first end of any
    cell, nested or not; any other cell up to its own end, nested cells of its name
    skipped whole."""
    depth = 1
    for tag in tags:
        closing, inner, attributes = tag.groups()
        self_closing = attributes.endswith(b"/")
        if text_cell:
            if inner in _ODS_CELLS and (closing or self_closing):
                return
            continue
        if inner != name or self_closing:
            continue
        depth += -1 if closing else 1
        if depth == 0:
            return


# BIFF records calamine reads in a sheet of an .xls, and where it finds their positions.
_XLS_FORMULA, _XLS_STRING = 0x0006, 0x0207  # a formula's text result follows it
_XLS_CELLS = frozenset({_XLS_FORMULA, 0x0203, 0x0204, 0x0205, 0x027E, 0x00FD})
_XLS_MULRK, _XLS_DIMENSIONS, _XLS_EOF = 0x00BD, 0x0200, 0x000A
_XLS_BOUNDSHEET, _XLS_SST = 0x0085, 0x00FC


def xls_cells(data: bytes) -> int:
    """The most cells calamine allocates for a sheet of an .xls, or reserves for its
    shared strings or a sheet's declared dimensions (read as calamine reads them)."""
    import olefile

    largest = 0
    with olefile.OleFileIO(data) as ole:
        for entry in ole.listdir(streams=True, storages=False):
            if entry[-1].lower() in ("workbook", "book"):
                largest = max(largest, _workbook_stream_cells(ole.openstream(entry).read()))
    return largest


def _workbook_stream_cells(stream: bytes) -> int:
    largest, sheets = 0, []
    for kind, body in _records(stream, 0):
        if kind == _XLS_BOUNDSHEET and len(body) >= 4:
            sheets.append(int.from_bytes(body[:4], "little"))
        elif kind == _XLS_SST and len(body) >= 8:
            declared = int.from_bytes(body[4:8], "little", signed=True)
            largest = max(largest, declared if declared >= 0 else 2**63)
    for position in sheets:
        largest = max(largest, _xls_sheet_cells(stream, position))
    return largest


def _xls_sheet_cells(stream: bytes, position: int) -> int:
    reserved = 0
    rows: list[int] = []
    columns: list[int] = []
    formula = (0, 0)
    for kind, body in _records(stream, position):
        if kind in _XLS_CELLS and len(body) >= 4:
            rows.append(int.from_bytes(body[0:2], "little"))
            columns.append(int.from_bytes(body[2:4], "little"))
            if kind == _XLS_FORMULA:
                formula = rows[-1], columns[-1]
        elif kind == _XLS_STRING:
            rows.append(formula[0])
            columns.append(formula[1])
        elif kind == _XLS_MULRK and len(body) >= 6:
            first = int.from_bytes(body[2:4], "little")
            rows.append(int.from_bytes(body[0:2], "little"))
            columns += [first, first + max(0, (len(body) - 6) // 6 - 1)]
        elif kind == _XLS_DIMENSIONS:
            reserved = max(reserved, _declared_dimensions(body))
    if not rows:
        return reserved
    grid = (max(rows) - min(rows) + 1) * (max(columns) - min(columns) + 1)
    return max(reserved, grid)


def _declared_dimensions(body: bytes) -> int:
    """The room calamine reserves for a DIMENSIONS record: last minus first, row by column."""
    if len(body) == 10:
        first_row, last_row = (int.from_bytes(body[i : i + 2], "little") for i in (0, 2))
        first_column, last_column = (int.from_bytes(body[i : i + 2], "little") for i in (4, 6))
    elif len(body) == 14:
        first_row, last_row = (int.from_bytes(body[i : i + 4], "little") for i in (0, 4))
        first_column, last_column = (int.from_bytes(body[i : i + 2], "little") for i in (8, 10))
    else:
        return 0
    if last_row < 1 or last_column < 1:
        return 1
    rows, columns = last_row - first_row, last_column - first_column
    return 2**63 if rows < 0 or columns < 0 else rows * columns


def _records(stream: bytes, position: int) -> Iterator[tuple[int, bytes]]:
    """BIFF records from ``position`` to the end-of-file record, as calamine walks them."""
    while position + 4 <= len(stream):
        kind = int.from_bytes(stream[position : position + 2], "little")
        length = int.from_bytes(stream[position + 2 : position + 4], "little")
        body = stream[position + 4 : position + 4 + length]
        if len(body) < length:
            return  # calamine stops with an error here
        if kind == _XLS_EOF:
            return
        yield kind, body
        position += 4 + length


def check_ods(archive: zipfile.ZipFile, limit: int) -> None:
    """Refuse an ODS whose tables (every ``content.xml`` entry) would pass ``limit``."""
    for info in archive.infolist():
        if info.filename == "content.xml" and ods_table_cells(archive.read(info)) > limit:
            raise TooManyCellsError(limit)


def check_xls(data: bytes, limit: int) -> None:
    if xls_cells(data) > limit:
        raise TooManyCellsError(limit)
