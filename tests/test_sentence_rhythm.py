"""The sentence-rhythm gate: a paragraph may not run more than five very short sentences in a row."""

from __future__ import annotations

import shutil

import pytest
from conftest import DOCS

from turning_no.checks.reading_level import ProseBlock, prose_blocks
from turning_no.checks.runner import GATES, run_gates
from turning_no.checks.sentence_rhythm import MAX_SHORT_RUN, SHORT_WORDS, rhythm_problems, sentences, word_count
from turning_no.model.pages import page_of_text

CHOPPY = "Today is for you. Let yourself be upset. Do not send emails. Rest now. Eat well. Sleep early."
FLOWING = (
    "Give today to yourself, so let yourself be upset and do not send any emails yet. "
    "Rest, eat a real meal, and get to bed early."
)


def blocks(*texts: str, first_line: int = 6) -> list[ProseBlock]:
    return [ProseBlock(first_line + 2 * index, text) for index, text in enumerate(texts)]


@pytest.mark.unit
def test_the_limits_are_those_the_contributor_guide_states():
    assert (SHORT_WORDS, MAX_SHORT_RUN) == (8, 5)


@pytest.mark.unit
def test_sentences_split_at_full_stops_questions_and_exclamations():
    assert sentences('He said "No." Then he left! Why? Because 2.67 is a number.') == [
        'He said "No."',
        "Then he left!",
        "Why?",
        "Because 2.67 is a number.",
    ]


@pytest.mark.unit
def test_an_abbreviation_does_not_end_a_sentence():
    assert sentences("Bring proof, e.g. A letter from a past boss. Then go.") == [
        "Bring proof, e.g. A letter from a past boss.",
        "Then go.",
    ]


@pytest.mark.unit
def test_an_initial_in_a_reference_does_not_end_a_sentence():
    # The sources page lists references such as this one; split at each initial, it read as
    # eight short sentences in a row, and the first run of the gate flagged it.
    reference = "Spera, S. P., Buhrfeind, E. D., & Pennebaker, J. W. (1994). Expressive writing and job loss."
    assert sentences(reference) == [
        "Spera, S. P., Buhrfeind, E. D., & Pennebaker, J. W. (1994).",
        "Expressive writing and job loss.",
    ]


@pytest.mark.unit
def test_words_are_counted_as_a_reader_counts_them():
    assert word_count("A 10-minute call, at 9 a.m. — or later.") == 8  # the dash is not a word


@pytest.mark.unit
def test_six_short_sentences_in_a_row_are_reported_at_the_paragraph_with_a_fix():
    opening = "A fine opening line that has more than eight words in it."
    problems = rhythm_problems("docs/page.md", blocks(opening, CHOPPY))
    assert [(problem.path, problem.line, problem.rule) for problem in problems] == [
        ("docs/page.md", 8, "sentence-rhythm")
    ]
    message = problems[0].message
    assert message.startswith('6 short sentences in a row (each under 8 words), from "Today is for you." to')
    assert '"Sleep early."' in message
    assert "join two that belong together" in message
    assert str(problems[0]).startswith("docs/page.md:8: sentence-rhythm: 6 short sentences")


@pytest.mark.unit
def test_five_short_sentences_in_a_row_pass():
    assert rhythm_problems("p.md", blocks("Stop. Breathe. Wait a day. Write it out. Then send it.")) == []


@pytest.mark.unit
def test_one_longer_sentence_breaks_the_run():
    text = "Stop. Breathe. Wait a day. Then write down what you felt and what you remember. Send it. Rest. Sleep."
    assert rhythm_problems("p.md", blocks(text)) == []


@pytest.mark.unit
def test_a_sentence_of_exactly_eight_words_is_not_short():
    eight = "Send one short note to a past coworker."
    assert word_count(eight) == SHORT_WORDS
    five_short = ["Wait.", "Rest.", "Go now.", "Eat.", "Sleep well."]
    assert rhythm_problems("p.md", blocks(" ".join([*five_short, eight, *five_short]))) == []


@pytest.mark.unit
def test_short_items_in_a_list_are_not_one_run():
    page = page_of_text(
        "---\ntitle: T\ndescription: D\n---\n\n" + "".join(f"- Item {n}. It is short.\n" for n in range(6))
    )
    assert rhythm_problems("p.md", prose_blocks(page)) == []


@pytest.mark.unit
def test_flowing_prose_passes_and_the_choppy_version_does_not():
    assert rhythm_problems("p.md", blocks(FLOWING)) == []
    assert len(rhythm_problems("p.md", blocks(CHOPPY))) == 1


@pytest.mark.unit
def test_worksheet_fields_and_email_templates_are_not_prose():
    page = page_of_text(
        "---\ntitle: T\ndescription: D\n---\n\n"
        "/// email | a-template\nSubject: Hi\n\nHi. Thanks. I got it. Sure. See you. Bye. Best.\n///\n"
    )
    assert rhythm_problems("p.md", prose_blocks(page)) == []


@pytest.mark.unit
def test_the_gate_reports_a_choppy_page_at_its_line(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(DOCS / "understanding-rejection.md", docs / "understanding-rejection.md")
    (docs / "next-steps.md").write_text(
        f"---\ntitle: Next steps\ndescription: A page broken on purpose.\n---\n\n{FLOWING}\n\n{CHOPPY}\n",
        encoding="utf-8",
    )
    problems = run_gates(docs, gates=[gate for gate in GATES if gate[0] != "links"]).problems
    assert [(problem.path, problem.line, problem.rule) for problem in problems] == [
        ("docs/next-steps.md", 8, "sentence-rhythm")
    ]
