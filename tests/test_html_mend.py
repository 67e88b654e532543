"""turning_no.site.html_mend: Material's markup mended in a finished page, string in, string out.

The snippets are cut from pages that Material 9.8 writes for this site.
"""

from __future__ import annotations

import pytest

from turning_no.site.html_mend import (
    drop_dangling_toc_label,
    hide_permalinks,
    mend,
    name_section_menus,
    skip_to_title,
    skip_words,
)

pytestmark = pytest.mark.unit

SKIP = """<div data-md-component="skip">
      <a href="#why-it-matters" class="md-skip">
        Skip to content
      </a>
    </div>"""
NO_SKIP = """<div data-md-component="skip">

    </div>"""
ARTICLE = """<article class="md-content__inner md-typeset">
  <p class="eyebrow">Strategy 2 of 8</p>
  <h1>Ask for feedback</h1>

<h2 id="why-it-matters">Why it matters<a class="headerlink" href="#why-it-matters"
title="Link to this section">&para;</a></h2>
<p>Text.</p>
</article>""".replace('"\ntitle', '" title')
SECTION_NAV = """<nav class="md-nav" data-md-level="1" aria-labelledby="__nav_3_label" aria-expanded="true">
          <label class="md-nav__title" for="__nav_3">
            <span class="md-nav__icon md-icon"></span>


    Strategies


          </label>"""
TOC = """<nav class="md-nav md-nav--secondary" aria-label="Table of contents">
    <label class="md-nav__title" for="__toc">
      <span class="md-nav__icon md-icon"></span>
      Table of contents
    </label>"""


def test_the_skip_link_goes_to_the_title_which_takes_focus():
    page = skip_to_title(SKIP + ARTICLE)
    assert '<a href="#__title" class="md-skip">' in page
    assert '<h1 id="__title" tabindex="-1">Ask for feedback</h1>' in page
    assert "#why-it-matters" not in page.split("<article")[0]


def test_a_title_that_has_an_id_keeps_it():
    page = skip_to_title(SKIP + ARTICLE.replace("<h1>", '<h1 id="start">'))
    assert '<a href="#start" class="md-skip">' in page
    assert '<h1 id="start" tabindex="-1">' in page


def test_a_page_without_a_skip_link_gets_one_in_the_words_given():
    page = skip_to_title(NO_SKIP + ARTICLE, "Saltar a contenido")
    assert '<a href="#__title" class="md-skip">' in page
    assert "Saltar a contenido" in page.split("<article")[0]
    # Without the words, no link is made up.
    assert "md-skip" not in skip_to_title(NO_SKIP + ARTICLE).split("<article")[0]


def test_only_the_title_in_the_article_is_the_target():
    header = '<div class="md-header__title"><h1>Not this one</h1></div>'
    page = skip_to_title(SKIP + header + ARTICLE)
    assert "<h1>Not this one</h1>" in page
    assert '<h1 id="__title" tabindex="-1">Ask for feedback</h1>' in page


def test_a_page_it_does_not_know_is_left_alone():
    for page in ("", "<p>No article here</p>", SKIP, '<article class="md-content__inner md-typeset"><p>No h1</p>'):
        assert mend(page, "Skip to content") == page


def test_each_section_menu_is_named_by_its_heading():
    page = name_section_menus(SECTION_NAV)
    assert '<nav class="md-nav" data-md-level="1" aria-label="Strategies" aria-expanded="true">' in page
    assert "aria-labelledby" not in page
    assert page.endswith(SECTION_NAV[SECTION_NAV.index(">") + 1 :])  # the heading itself is unchanged


def test_a_section_menu_with_an_empty_heading_is_left_as_it_is():
    empty = SECTION_NAV.replace("Strategies", "")
    assert name_section_menus(empty) == empty


def test_a_menu_heading_with_markup_in_it_gives_plain_words():
    page = name_section_menus(SECTION_NAV.replace("Strategies", "Tips &amp; <em>tools</em>"))
    assert 'aria-label="Tips &amp; tools"' in page


def test_the_toc_label_loses_its_for_only_where_there_is_no_toc_switch():
    assert drop_dangling_toc_label(TOC) == TOC.replace(' for="__toc"', "")
    with_switch = '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">' + TOC
    assert drop_dangling_toc_label(with_switch) == with_switch


def test_permalinks_are_hidden_from_screen_readers_and_the_tab_order():
    page = hide_permalinks(ARTICLE)
    assert (
        '<a class="headerlink" href="#why-it-matters" title="Link to this section"'
        ' aria-hidden="true" tabindex="-1">&para;</a>'
    ) in page


def test_every_permalink_is_hidden_and_only_those():
    page = "<h1>Title</h1>\n" + ARTICLE + ARTICLE.replace("why-it-matters", "another")
    hidden = hide_permalinks(page)
    assert hidden.count('aria-hidden="true" tabindex="-1"') == 2
    assert "<h1>Title</h1>" in hidden


def test_mending_twice_changes_nothing_more():
    page = SKIP + SECTION_NAV + TOC + ARTICLE
    once = mend(page, "Skip to content")
    assert once != page
    assert mend(once, "Skip to content") == once


def test_the_skip_words_come_from_a_page_that_has_the_link():
    assert skip_words(SKIP + ARTICLE) == "Skip to content"
    assert skip_words(NO_SKIP + ARTICLE) is None
