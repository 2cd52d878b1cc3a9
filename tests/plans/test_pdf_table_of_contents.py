"""The PDF's table of contents: dot leaders drawn as one run of text per line, same text as before."""

import gc
import io
import re
import subprocess

import pytest

from partnership.plans.pdf import render_plan_pdf_bytes

pytestmark = pytest.mark.django_db


def _render(plan):
    return render_plan_pdf_bytes(plan, plan.revisions.get(number=plan.version))


def _contents_page_text(data, tmp_path):
    path = tmp_path / "plan.pdf"
    path.write_bytes(data)
    command = ["pdftotext", "-layout", "-f", "2", "-l", "2", str(path), "-"]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def test_it_fills_each_contents_line_with_dots_up_to_the_page_number(plan, tmp_path):
    text = _contents_page_text(_render(plan), tmp_path)
    assert re.search(r"Uvod \.{50,} ?3\n", text)
    assert re.search(r"Boljša zakonodaja \.{50,} ?4\n", text)


def test_it_draws_each_leader_as_one_run_of_text_not_one_per_dot(plan):
    from pypdf import PdfReader

    contents_page = PdfReader(io.BytesIO(_render(plan))).pages[1]
    text_objects = len(re.findall(rb"\bBT\b", contents_page.get_contents().get_data()))
    lines = len([line for line in contents_page.extract_text().splitlines() if "..." in line])
    assert lines >= 5
    # The title, the dots and the page number of each line, plus the page's heading and margins;
    # one text object per dot was about a hundred a line.
    assert text_objects <= 3 * lines + 10


@pytest.mark.parametrize("enabled", [True, False])
def test_it_leaves_the_garbage_collector_as_it_found_it(plan, enabled):
    was_enabled = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        _render(plan)
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was_enabled else gc.disable)()
