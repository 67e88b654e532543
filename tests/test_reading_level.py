import pytest

from turning_no.checks.reading_level import grade, prose_of_markdown

pytestmark = pytest.mark.unit


def test_prose_leaves_out_front_matter_code_and_tables():
    page = (
        "---\ntitle: Secret title words\n---\n\n"
        "## A heading\n\nA short paragraph\n\n"
        "- One item\n- Two item\n\n"
        "```text\nSubject: template words\n```\n\n"
        "/// email | an-id\nSubject: more template words\n\nHi [Name],\n///\n\n"
        "| Cell words |\n|---|\n| More |\n"
    )
    prose = prose_of_markdown(page)
    assert prose.splitlines() == ["A heading.", "A short paragraph.", "One item.", "Two item."]


def test_grade_of_a_known_passage():
    # 2 sentences, 20 words, 21 syllables (counted by hand: only "happy" has two):
    # 0.39 * 20/2 + 11.8 * 21/20 - 15.59 = 0.70
    text = "The cat sat on the mat in the sun. She was happy to be there with her friend the dog."
    assert grade(text) == pytest.approx(0.7, abs=0.05)
