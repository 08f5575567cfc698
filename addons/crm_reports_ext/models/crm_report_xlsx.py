# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The .xlsx of a CRM report, written with xlsxwriter (an Odoo requirement) from
plain values: one sheet per section, a title with the period and the people, a
frozen header, number and currency formats, totals and a chart. No Odoo here."""

import io

import xlsxwriter
from xlsxwriter.utility import xl_rowcol_to_cell

HEADER_ROWS = 4  # title, people, currencies, generation
TABLE_ROW = HEADER_ROWS + 1  # the column headers
INVALID_SHEET_CHARS = "[]:*?/\\"


def _sheet_name(name, used):
    clean = "".join("_" if c in INVALID_SHEET_CHARS else c for c in name)[:31]
    candidate, index = clean, 2
    while candidate.lower() in used:
        suffix = f" ({index})"
        candidate, index = clean[: 31 - len(suffix)] + suffix, index + 1
    used.add(candidate.lower())
    return candidate


def _money_format(sheet):
    decimals = "0" * sheet["decimals"]
    number = "#,##0" + (f".{decimals}" if decimals else "")
    symbol = sheet["currency_symbol"].replace('"', "")
    if sheet["currency_position"] == "before":
        return f'"{symbol}" {number}'
    return f'{number} "{symbol}"'


def write_workbook(sheets):
    """The bytes of an .xlsx with one worksheet per entry of `sheets` (dicts with
    name, header lines, columns (key, title, kind), rows, message, totals)."""
    output = io.BytesIO()
    book = xlsxwriter.Workbook(output, {"in_memory": True})
    styles = {
        "title": book.add_format({"bold": True, "font_size": 14}),
        "subtitle": book.add_format({"italic": True, "font_color": "#555555"}),
        "head": book.add_format(
            {"bold": True, "bg_color": "#E9ECEF", "bottom": 1, "text_wrap": True}
        ),
        "text": book.add_format({}),
        "count": book.add_format({"num_format": "#,##0"}),
        "number": book.add_format({"num_format": "#,##0.00"}),
        "percent": book.add_format({"num_format": "0.0%"}),
        "duration": book.add_format({"num_format": "[h]:mm"}),
        "date": book.add_format({"num_format": "yyyy-mm-dd"}),
        "total_text": book.add_format({"bold": True, "top": 1}),
        "message": book.add_format({"italic": True, "font_color": "#9C0006"}),
    }
    used = set()
    for sheet in sheets:
        money = book.add_format({"num_format": _money_format(sheet)})
        total_formats = {
            kind: book.add_format(
                {
                    "bold": True,
                    "top": 1,
                    "num_format": _money_format(sheet)
                    if kind == "money"
                    else styles[kind].num_format,
                }
            )
            for kind in ("count", "number", "duration", "money")
        }
        formats = dict(styles, money=money)
        ws = book.add_worksheet(_sheet_name(sheet["name"], used))
        title, *subtitles = sheet["header"]
        ws.write(0, 0, title, styles["title"])
        for row, text in enumerate(subtitles, start=1):
            ws.write(row, 0, text or "", styles["subtitle"])
        columns = sheet["columns"]
        for col, (_key, head, kind) in enumerate(columns):
            ws.write(TABLE_ROW, col, head, styles["head"])
            ws.set_column(col, col, 32 if kind == "text" else 18)
        ws.set_row(TABLE_ROW, 30)
        ws.freeze_panes(TABLE_ROW + 1, 1)
        first = TABLE_ROW + 1
        if sheet["message"]:
            ws.write(first, 0, sheet["message"], styles["message"])
            continue
        for offset, values in enumerate(sheet["rows"]):
            for col, (key, _head, kind) in enumerate(columns):
                value = values.get(key)
                if kind == "percent":
                    value = (value or 0.0) / 100.0
                elif kind == "duration":
                    value = (value or 0.0) / 24.0  # Excel counts days
                ws.write(first + offset, col, value, formats[kind])
        last = first + len(sheet["rows"]) - 1
        ws.autofilter(TABLE_ROW, 0, max(last, TABLE_ROW), len(columns) - 1)
        if sheet["totals"] and sheet["rows"]:
            total_row = last + 1
            ws.write(total_row, 0, sheet["total_label"], styles["total_text"])
            for col, (key, _head, kind) in enumerate(columns):
                if col == 0 or kind not in total_formats:
                    continue
                if kind == "number":
                    continue  # amounts in several currencies: no meaningful total
                total = sum((values.get(key) or 0) for values in sheet["rows"])
                if kind == "duration":
                    total /= 24.0
                cells = (
                    f"{xl_rowcol_to_cell(first, col)}:{xl_rowcol_to_cell(last, col)}"
                )
                ws.write_formula(
                    total_row, col, f"=SUM({cells})", total_formats[kind], total
                )
        _add_chart(book, ws, columns, first, last)
    book.close()
    return output.getvalue()


def _add_chart(book, ws, columns, first, last):
    """A column chart of the sheet's first figure, right of the table."""
    if last < first:
        return
    measure = next(
        (
            col
            for col, (_k, _h, kind) in enumerate(columns)
            if kind in ("money", "count")
        ),
        None,
    )
    if measure is None:
        return
    name = ws.get_name()
    chart = book.add_chart({"type": "column"})
    chart.add_series(
        {
            "name": [name, TABLE_ROW, measure],
            "categories": [name, first, 0, last, 0],
            "values": [name, first, measure, last, measure],
        }
    )
    chart.set_legend({"none": True})
    ws.insert_chart(TABLE_ROW, len(columns) + 1, chart)
