import pytest

from turning_no.model.frontmatter import FrontMatterError, read_front_matter, split_front_matter

pytestmark = pytest.mark.unit


def test_values_and_key_lines():
    front = read_front_matter("---\ntitle: Hello\n\ndescription: A page.\n---\nBody\n")
    assert front.values == {"title": "Hello", "description": "A page."}
    assert front.lines == {"title": 2, "description": 4}
    assert front.end_line == 5


def test_page_without_front_matter():
    front = read_front_matter("Just text\n")
    assert front.values == {}
    assert front.end_line == 1


def test_unclosed_front_matter_points_at_line_one():
    with pytest.raises(FrontMatterError) as caught:
        read_front_matter("---\ntitle: Hello\nBody\n")
    assert caught.value.line == 1
    assert "never closed" in caught.value.message


def test_invalid_yaml_points_at_the_bad_line():
    with pytest.raises(FrontMatterError) as caught:
        read_front_matter('---\ntitle: Hello\ndescription: "unclosed\n---\n')
    assert caught.value.line >= 3
    assert "not valid YAML" in caught.value.message


def test_front_matter_that_is_not_a_mapping():
    with pytest.raises(FrontMatterError) as caught:
        read_front_matter("---\n- a\n- b\n---\n")
    assert "key: value" in caught.value.message


def test_split_returns_body_and_its_first_line():
    front, body, first = split_front_matter("---\ntitle: A\n---\nBody\n")
    assert front == "title: A\n"
    assert body == "Body\n"
    assert first == 4
