"""Reading roster files (CSV in three encodings and three delimiters, XLSX) and guessing the
column mapping. The files are built in each test; nothing binary is committed."""

from __future__ import annotations

import zipfile
from datetime import date, datetime

import openpyxl
import pytest

from fieldvisit.domain.errors import ValidationError
from fieldvisit.services import roster_files
from fieldvisit.services.roster_files import RosterRow, guess_mapping, read_roster

HEADER = ("姓名", "职务", "单位", "手机", "邮箱")
PEOPLE = (
    ("冯建国", "市委主题教育第六巡回指导组副组长", "市委主题教育第六巡回指导组", "13800138000",
     "fengjg@example.cn"),
    ("潘建新", "市总工会党组书记、副主席", "市总工会", "", ""),
    ("钟棉棉", "团市委副书记", "团市委", "010-6512 3456", ""),
    ("韦江", "市妇联党组书记、副主席", "市妇联", "", "weijiang@example.cn"),
)


def roster_text(delimiter: str = ",") -> str:
    return "\r\n".join(delimiter.join(row) for row in (HEADER, *PEOPLE)) + "\r\n"


def workbook(path, sheets: dict[str, list[list]]) -> None:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(path)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_csv_in_each_encoding_reads_the_same_table(tmp_path, encoding):
    path = tmp_path / "名单.csv"
    path.write_bytes(roster_text().encode(encoding))
    table = read_roster(path)
    assert table.file_name == "名单.csv"
    assert table.sheet_names == ("名单",) and table.sheet == "名单"
    assert table.header_row == 1 and table.header == HEADER
    assert table.rows == tuple(RosterRow(n, row) for n, row in enumerate(PEOPLE, start=2))


@pytest.mark.parametrize("delimiter", [";", "\t"])
def test_semicolon_and_tab_delimiters_are_detected(tmp_path, delimiter):
    path = tmp_path / "roster.csv"
    path.write_text(roster_text(delimiter), encoding="utf-8")
    table = read_roster(path)
    assert table.header == HEADER
    assert [row.cells for row in table.rows] == list(PEOPLE)


def test_quoted_cells_empty_rows_and_title_rows_keep_true_row_numbers(tmp_path):
    path = tmp_path / "roster.csv"
    path.write_text(
        "联合调研人员名单,,,\n"  # a title line above the header
        "序号,姓名,职务,单位\n"
        '1,冯建国,"副组长, 联络员",市委主题教育第六巡回指导组\n'
        ",,,\n"
        "\n"
        '2,潘建新,"党组书记\n副主席",市总工会\n'  # one record over two lines
        "3,钟棉棉,团市委副书记\n",  # a short row is padded
        encoding="utf-8")
    table = read_roster(path)
    assert table.header_row == 2 and table.header == ("序号", "姓名", "职务", "单位")
    assert table.rows == (
        RosterRow(3, ("1", "冯建国", "副组长, 联络员", "市委主题教育第六巡回指导组")),
        RosterRow(6, ("2", "潘建新", "党组书记 副主席", "市总工会")),
        RosterRow(7, ("3", "钟棉棉", "团市委副书记", "")),
    )


def test_a_title_line_is_skipped_even_when_no_heading_is_recognized(tmp_path):
    path = tmp_path / "roster.csv"
    path.write_text("2023年5月联合调研\n人员,部门\n冯建国,市委主题教育第六巡回指导组\n",
                    encoding="utf-8")
    table = read_roster(path)
    assert (table.header_row, table.header) == (2, ("人员", "部门"))
    assert table.rows == (RosterRow(3, ("冯建国", "市委主题教育第六巡回指导组")),)
    path.write_text("冯建国\n潘建新\n", encoding="utf-8")  # one column, no heading
    table = read_roster(path)
    assert (table.header_row, table.header) == (1, ("冯建国",))


def test_header_only_file_has_no_rows(tmp_path):
    path = tmp_path / "roster.csv"
    path.write_text("Name,Title,Organization\n", encoding="utf-8")
    table = read_roster(path)
    assert table.header == ("Name", "Title", "Organization") and table.rows == ()


def test_hidden_characters_are_dropped_and_spaces_collapsed(tmp_path):
    path = tmp_path / "roster.csv"
    path.write_text("name,title\n\u202e王\u200b芳\x07 ,\u3000副主席 \t 兼 秘书长\n",
                    encoding="utf-8")
    assert read_roster(path).rows[0].cells == ("王芳", "副主席 兼 秘书长")


def test_xlsx_second_sheet_numbers_dates_and_empty_rows(tmp_path):
    path = tmp_path / "roster.xlsx"
    workbook(path, {
        "Sheet1": [["ignored"]],
        "名单": [
            ["姓名", "单位", "电话", "报到日期", "人数"],
            ["冯建国", "市委主题教育第六巡回指导组", 13800138000, datetime(2023, 5, 6), 2.5],
            [None, None, None, None, None],
            ["潘建新", "市总工会", 13911112222.0, date(2023, 5, 7), True],
        ],
    })
    table = read_roster(path, sheet="名单")
    assert table.sheet_names == ("Sheet1", "名单") and table.sheet == "名单"
    assert table.header == ("姓名", "单位", "电话", "报到日期", "人数")
    assert table.rows == (
        RosterRow(2, ("冯建国", "市委主题教育第六巡回指导组", "13800138000", "2023-05-06", "2.5")),
        RosterRow(4, ("潘建新", "市总工会", "13911112222", "2023-05-07", "TRUE")),
    )
    assert read_roster(path).sheet == "Sheet1"


def test_unknown_sheet_names_the_sheets_there_are(tmp_path):
    path = tmp_path / "roster.xlsx"
    workbook(path, {"Sheet1": [["姓名"]], "名单": [["姓名"]]})
    message = "sheet '人员' not found in roster.xlsx; the workbook has: Sheet1, 名单"
    with pytest.raises(ValidationError, match=message):
        read_roster(path, sheet="人员")
    csv_path = tmp_path / "roster.csv"
    csv_path.write_text("姓名\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="sheet '人员' not found in roster.csv"):
        read_roster(csv_path, sheet="人员")


def test_empty_sheet_is_refused(tmp_path):
    path = tmp_path / "roster.xlsx"
    workbook(path, {"Sheet1": [["姓名"]], "空": []})
    with pytest.raises(ValidationError, match="sheet '空' of roster.xlsx is empty"):
        read_roster(path, sheet="空")


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"


@pytest.mark.parametrize(("file_name", "content", "message"), [
    ("roster.csv", b"", "roster.csv is empty"),
    ("roster.csv", b"\n , \r\n\n", "roster.csv is empty"),
    ("roster.csv", PNG, "roster.csv is not a CSV file: it is a PNG image"),
    ("roster.csv", b"name\n\x00\x01\x02\x03", "roster.csv is not a CSV file: it contains binary"),
    ("roster.csv", b"\xff\xfe\xfa\x00n\x00", "roster.csv is in UTF-16"),
    ("roster.csv", b"name\n\x80\xff\xfe\n", "roster.csv is neither UTF-8 nor GB18030"),
    ("roster.xlsx", bytes(range(256)) * 4, "roster.xlsx is damaged: it is not an Excel"),
    ("roster.xlsx", b"PK\x03\x04 truncated", "roster.xlsx is damaged: "),
    ("roster.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "roster.xls is an Excel 97-2003"),
    ("roster.pdf", b"%PDF-1.4", "roster.pdf is not a CSV or Excel \\(.xlsx\\) file"),
])
def test_malformed_files_are_refused_with_a_clear_message(tmp_path, file_name, content,
                                                          message):
    path = tmp_path / file_name
    path.write_bytes(content)
    with pytest.raises(ValidationError, match=message):
        read_roster(path)


def test_a_zip_that_is_not_a_workbook_is_damaged(tmp_path):
    path = tmp_path / "roster.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    with pytest.raises(ValidationError, match="roster.xlsx is damaged: "):
        read_roster(path)


def test_missing_file_and_limits(tmp_path, monkeypatch):
    with pytest.raises(ValidationError, match="gone.csv cannot be read"):
        read_roster(tmp_path / "gone.csv")
    path = tmp_path / "roster.csv"
    path.write_text("name\n" + "".join(f"person {i}\n" for i in range(30)), encoding="utf-8")
    monkeypatch.setattr(roster_files, "MAX_ROWS", 20)
    with pytest.raises(ValidationError, match="roster.csv has more than 20 rows"):
        read_roster(path)
    monkeypatch.setattr(roster_files, "MAX_FILE_BYTES", 100)
    with pytest.raises(ValidationError, match="roster.csv is too large"):
        read_roster(path)
    monkeypatch.undo()
    path.write_text("name\n" + ",x" * 300 + "\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="row 2 of roster.csv has 301 columns"):
        read_roster(path)


def test_guess_mapping_recognizes_chinese_headings():
    header = ("序号", "姓 名：", "单位（全称）", "职务", "联系电话", "电子邮箱", "备注")
    assert guess_mapping(header) == {
        "name": 1, "title": 3, "organization": 2, "phone": 4, "email": 5}


def test_guess_mapping_recognizes_english_headings_and_leaves_the_rest_unmapped():
    header = ("Full Name", "POSITION", "Organisation:", "Tel.", "E-Mail", "Mobile")
    assert guess_mapping(header) == {
        "name": 0, "title": 1, "organization": 2, "phone": 3, "email": 4}
    assert guess_mapping(("Name", "Notes")) == {
        "name": 0, "title": None, "organization": None, "phone": None, "email": None}
    assert guess_mapping(()) == dict.fromkeys(roster_files.ROSTER_FIELDS)
