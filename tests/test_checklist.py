import markdown
import pytest

from turning_no.markdown.checklist import ChecklistExtension

pytestmark = pytest.mark.unit


def test_task_list_boxes_are_hidden_from_screen_readers_but_kept():
    html = markdown.markdown(
        "- [ ] Call a friend\n- [x] Sleep\n", extensions=["pymdownx.tasklist", ChecklistExtension()]
    )
    assert html.count('aria-hidden="true"') == 2
    assert html.count('type="checkbox"') == 2
    assert "Call a friend" in html


def test_ordinary_lists_are_untouched():
    html = markdown.markdown("- [link](x.md)\n- plain\n", extensions=["pymdownx.tasklist", ChecklistExtension()])
    assert "aria-hidden" not in html
