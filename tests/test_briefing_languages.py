"""The briefing pack in Russian and Turkmen: every heading, label and table header in the language, no English
heading left, and the document's language set, in Word and in Excel, from the command line too."""

from __future__ import annotations

import io
import zipfile

import openpyxl
import pytest
from docx import Document
from docx.oxml.ns import qn

from actionplan import briefing as pack
from actionplan import i18n, load_plan
from actionplan.briefing.brief import brief_docx
from actionplan.briefing.docx import briefing_docx
from actionplan.briefing.xlsx import briefing_xlsx
from actionplan.cli import main

# The pack's fixed headings in English: none may be left in a Russian or Turkmen pack.
ENGLISH_HEADINGS = (
    "Briefing pack",
    "Summary",
    "Key messages",
    "Timeline by quarter",
    "Delivered",
    "Open and overdue",
    "Around the session",
    "Before the session",
    "During the session: its own events",
    "After the session: follow-up",
    "By domain",
    "By convention",
    "Changes since an earlier version",
    "Annex: the activities in full",
    "About this pack",
    "Contents",
    "Open items to watch",
)
ENGLISH_SHEETS = ("Cover", "Contents", "Key messages", "Summary by status", "Summary by domain", "Timeline")
EXPECTED = {
    "ru": {
        "tag": "ru-RU",
        "title": "Справочные материалы",
        "headings": {
            "Сводка",
            "Ключевые тезисы",
            "График по кварталам",
            "Открытые и просроченные",
            "До, во время и после сессии",
        },
        "sheets": {"Титул", "Содержание", "Сводка по статусам", "График"},
        "cover": "Отчётный период",
        "footer": "страница",
    },
    "tk": {
        "tag": "tk-TM",
        "title": "Maglumatnama",
        "headings": {"Gysgaça mazmun", "Esasy tezisler", "Açyk we möhleti geçenler", "Mejlisden öň, dowamynda we soň"},
        "sheets": {"Daşky sahypa", "Mazmuny", "Ýagdaýlar boýunça jemleme"},
        "cover": "Hasabat döwri",
        "footer": "sahypadan",
    },
}


@pytest.fixture(scope="module")
def plan(tmp_path_factory):
    from actionplan.plan.seed import SEED_ACTIVITIES, SEED_FACTS, SEED_LISTS, SEED_MILESTONES, SEED_STEPS
    from actionplan.plan.workbook import write_workbook

    path = tmp_path_factory.mktemp("languages") / "plan.xlsx"
    write_workbook(path, SEED_ACTIVITIES, SEED_STEPS, SEED_MILESTONES, SEED_LISTS, facts=SEED_FACTS)
    return load_plan(path)


def _pack(plan, lang: str, render):
    with i18n.using(lang):
        briefing = pack.build_briefing(plan, pack.session_scope(plan, pack.find_session(plan, "42")))
        return render(briefing)


def _headings(document) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))]


def _styles_lang(content: bytes) -> str:
    styles = Document(io.BytesIO(content)).styles.element
    return (
        styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:lang")).get(qn("w:val"))
    )


@pytest.mark.parametrize("lang", ["ru", "tk"])
def test_the_word_pack_speaks_the_language(plan, lang):
    content = _pack(plan, lang, briefing_docx)
    document = Document(io.BytesIO(content))
    expected = EXPECTED[lang]
    headings = _headings(document)
    assert headings[0] == expected["title"]
    assert expected["headings"] <= set(headings)
    assert not set(ENGLISH_HEADINGS) & set(headings), set(ENGLISH_HEADINGS) & set(headings)
    text = "\n".join(p.text for p in document.paragraphs)
    assert not any(f"{english}\n" in text or text.startswith(english) for english in ENGLISH_HEADINGS)
    assert expected["cover"] in text
    header_row = [cell.text for cell in document.tables[0].rows[0].cells]
    assert "Activities" not in header_row and "Meaning" not in header_row
    assert _styles_lang(content) == expected["tag"]
    assert document.core_properties.language == expected["tag"]
    footer = zipfile.ZipFile(io.BytesIO(content)).read("word/footer1.xml").decode()
    assert expected["footer"] in footer and "page" not in footer


@pytest.mark.parametrize("lang", ["ru", "tk"])
def test_the_one_page_brief_speaks_the_language(plan, lang):
    content = _pack(plan, lang, brief_docx)
    headings = _headings(Document(io.BytesIO(content)))
    assert EXPECTED[lang]["headings"] & set(headings) and not set(ENGLISH_HEADINGS) & set(headings)
    assert _styles_lang(content) == EXPECTED[lang]["tag"]


def test_the_english_pack_is_english(plan):
    content = _pack(plan, "en", briefing_docx)
    headings = _headings(Document(io.BytesIO(content)))
    assert {"Summary", "Key messages", "Open and overdue"} <= set(headings)
    assert _styles_lang(content) == "en-GB"


@pytest.mark.parametrize("lang", ["ru", "tk"])
def test_the_excel_pack_speaks_the_language(plan, lang):
    book = openpyxl.load_workbook(io.BytesIO(_pack(plan, lang, briefing_xlsx)))
    expected = EXPECTED[lang]
    assert expected["sheets"] <= set(book.sheetnames)
    assert not set(ENGLISH_SHEETS) & set(book.sheetnames)
    contents = book[book.sheetnames[1]]
    headers = [cell.value for cell in contents[1]]
    assert not {"Section", "Sheet", "Rows", "Summary"} & set(headers)
    listed = {row[0] for row in contents.iter_rows(min_row=2, values_only=True)}
    assert not set(ENGLISH_HEADINGS) & listed
    cover = {row[0] for row in book[book.sheetnames[0]].iter_rows(min_row=2, values_only=True)}
    assert expected["cover"] in cover
    assert book.properties.language == expected["tag"]
    assert "page" not in book[book.sheetnames[0]].oddFooter.center.text


def test_the_command_line_writes_a_russian_pack(plan, tmp_path, capsys):
    out = tmp_path / "x.docx"
    code = main(
        ["briefing", str(plan.source.path), "--session", "42", "--lang", "ru", "--format", "docx", "--out", str(out)]
    )
    assert code == 0
    document = Document(str(out))
    assert _headings(document)[0] == "Справочные материалы" and "Сводка" in _headings(document)
    assert _styles_lang(out.read_bytes()) == "ru-RU"
    assert capsys.readouterr().err.startswith("Записан ")
    assert i18n.current().lang == "en"


def test_an_unknown_session_is_named_in_the_language(plan):
    with i18n.using("ru"), pytest.raises(pack.UnknownSession, match="Сессии: "):
        pack.find_session(plan, "99")


def test_a_download_written_later_in_another_thread_keeps_the_readers_language(plan):
    import threading

    from components.briefing_view import _writer

    with i18n.using("ru"):
        briefing = pack.build_briefing(plan, pack.session_scope(plan, pack.find_session(plan, "42")))
        write = _writer(briefing, "docx")
    written: list[bytes] = []
    worker = threading.Thread(target=lambda: written.append(write()))  # as Streamlit runs a deferred download
    worker.start()
    worker.join()
    assert _headings(Document(io.BytesIO(written[0])))[0] == "Справочные материалы"
