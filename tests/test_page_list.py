"""The page-list block: Markdown in, HTML out, against a small docs folder of two strategies."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup
from conftest import assert_same_html

from turning_no.checks.content import check_docs
from turning_no.markdown.page_list import PageListExtension, config_problem, snippet
from turning_no.model.problems import ContentError

pytestmark = pytest.mark.unit

DOCS = Path(__file__).parent / "page_list_docs"
SITE = "https://careers.example.edu/guide/"


def render(source: str, **config) -> str:
    return markdown.markdown(source, extensions=[PageListExtension(docs_dir=str(DOCS), **config)])


def assert_html(source: str, expected: str) -> None:
    """The source, rendered, is the expected HTML (a diff if not)."""
    assert_same_html(render(source), expected)


def test_strategies_in_order_with_descriptions():
    assert_html(
        "/// page-list | strategies\n///\n",
        '<div class="page-list-block">\n'
        '<ol class="page-list page-list--strategies">\n'
        '<li><a href="/strategies/first-steps/">First steps</a>'
        '<span class="page-list__detail">Start here.</span></li>\n'
        '<li><a href="/strategies/second-steps/">Second steps</a>'
        '<span class="page-list__detail">Then this.</span></li>\n'
        "</ol>\n</div>",
    )


def test_worksheets_with_strategy_and_minutes():
    assert_html(
        "/// page-list | worksheets\n///\n",
        '<div class="page-list-block">\n'
        '<ul class="page-list page-list--worksheets">\n'
        '<li><a href="/strategies/first-steps/worksheet/">Worksheet: Begin</a>'
        '<span class="page-list__detail">Strategy 1: First steps · about 10 minutes</span></li>\n'
        '<li><a href="/strategies/second-steps/worksheet/">Worksheet: Go on</a>'
        '<span class="page-list__detail">Strategy 2: Second steps · about 15 minutes</span></li>\n'
        "</ul>\n</div>",
    )


def test_every_email_template_with_its_strategy_when_to_send_it_and_a_link_to_its_heading():
    assert_html(
        "/// page-list | emails\n///\n",
        '<div class="page-list-block">\n'
        '<ul class="page-list page-list--emails">\n'
        '<li><a href="/strategies/first-steps/email/#saying-hello">Saying hello</a>'
        '<span class="page-list__detail">Strategy 1: First steps</span>'
        '<span class="page-list__when"><strong>When to send it:</strong> On a <em>quiet</em> day. '
        "See the strategy.</span></li>\n"
        '<li><a href="/strategies/second-steps/email/#follow-up-anchor">Following up</a>'
        '<span class="page-list__detail">Strategy 2: Second steps</span>'
        '<span class="page-list__when"><strong>When to send it:</strong> After a week.</span></li>\n'
        '<li><a href="/strategies/second-steps/email/#saying-thanks">Saying thanks</a>'
        '<span class="page-list__detail">Strategy 2: Second steps</span>'
        '<span class="page-list__when"><strong>When to send it:</strong> The same day.</span></li>\n'
        "</ul>\n</div>",
    )


@pytest.mark.parametrize("source", ["/// page-list | templates\n///\n", "/// link-kit | poem\n///\n"])
def test_an_unknown_list_or_snippet_is_a_content_error_that_names_the_choices(source):
    with pytest.raises(ContentError, match="needs one of these after '[|]': .* \\(found '(templates|poem)'\\)"):
        render(source)


def test_text_around_the_block_is_kept():
    html = render("Before.\n\n/// page-list | emails\n///\n\nAfter.\n")
    assert html.startswith("<p>Before.</p>\n<div")
    assert html.endswith("</div>\n<p>After.</p>")


# --- The link kit: full addresses and text to paste ----------------------------


def test_links_give_each_strategy_its_worksheet_and_templates_with_full_addresses():
    assert_html_links = render("/// page-list | links\n///\n", site_url=SITE).replace("<wbr />", "")
    address = '<code class="page-list__address">' + SITE
    assert_same_html(
        assert_html_links,
        '<div class="page-list-block">\n'
        '<ol class="page-list page-list--links">\n'
        '<li><a href="/guide/strategies/first-steps/">First steps</a>'
        '<span class="page-list__detail">Start here.</span>'
        f"{address}strategies/first-steps/</code><ul>\n"
        '<li><a href="/guide/strategies/first-steps/worksheet/">Worksheet: Begin</a>'
        '<span class="page-list__detail">Begin.</span>'
        f"{address}strategies/first-steps/worksheet/</code></li>\n"
        '<li><a href="/guide/strategies/first-steps/email/#say-hello">Email: Saying hello</a>'
        '<span class="page-list__detail">When to send it: On a <em>quiet</em> day. See the strategy.</span>'
        f"{address}strategies/first-steps/email/#say-hello</code></li>\n"
        "</ul>\n</li>\n"
        '<li><a href="/guide/strategies/second-steps/">Second steps</a>'
        '<span class="page-list__detail">Then this.</span>'
        f"{address}strategies/second-steps/</code><ul>\n"
        '<li><a href="/guide/strategies/second-steps/worksheet/">Worksheet: Go on</a>'
        '<span class="page-list__detail">Go on.</span>'
        f"{address}strategies/second-steps/worksheet/</code></li>\n"
        '<li><a href="/guide/strategies/second-steps/email/#follow-up">Email: Following up</a>'
        '<span class="page-list__detail">When to send it: After a week.</span>'
        f"{address}strategies/second-steps/email/#follow-up</code></li>\n"
        '<li><a href="/guide/strategies/second-steps/email/#say-thanks">Email: Saying thanks</a>'
        '<span class="page-list__detail">When to send it: The same day.</span>'
        f"{address}strategies/second-steps/email/#say-thanks</code></li>\n"
        "</ul>\n</li>\n"
        "</ol>\n</div>",
    )


def test_an_email_address_ends_in_the_template_id_not_the_heading_anchor():
    # The heading "Following up" has the anchor follow-up-anchor; the id follow-up never changes.
    html = render("/// page-list | links\n///\n", site_url=SITE).replace("<wbr />", "")
    assert f"{SITE}strategies/second-steps/email/#follow-up<" in html
    assert "follow-up-anchor" not in html


def test_a_site_url_without_its_last_slash_gets_one():
    html = render("/// page-list | links\n///\n", site_url="https://careers.example.edu/guide")
    assert ">https://careers.example.edu/guide/strategies/first-steps/worksheet/<" in html.replace("<wbr />", "")


def test_an_address_may_wrap_after_each_slash_and_before_its_anchor_only():
    # On a phone a long address breaks between its parts, not inside a word.
    html = render("/// page-list | links\n///\n", site_url=SITE)
    assert (
        '<code class="page-list__address">https://<wbr />careers.example.edu/<wbr />guide/<wbr />strategies/<wbr />'
        "second-steps/<wbr />email/<wbr />#follow-up</code>"
    ) in html


@pytest.mark.parametrize(
    ("kind", "text"),
    [
        (
            "paragraph",
            f"Jobs &amp; You: A short guide for when the answer is no. {SITE}",
        ),
        (
            "html",
            f'&lt;p&gt;&lt;a href="{SITE}"&gt;Jobs &amp;amp; You&lt;/a&gt;: '
            "A short guide for when the answer is no.&lt;/p&gt;",
        ),
        (
            "attribution",
            f'"Jobs &amp; You" by the Turning No Into Opportunity contributors, {SITE}, '
            "licensed under CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/).",
        ),
        (
            "attribution-html",
            f'&lt;p&gt;"&lt;a href="{SITE}"&gt;Jobs &amp;amp; You&lt;/a&gt;" by the Turning No Into Opportunity '
            'contributors, licensed under &lt;a href="https://creativecommons.org/licenses/by/4.0/"&gt;'
            "CC BY 4.0&lt;/a&gt;.&lt;/p&gt;",
        ),
    ],
)
def test_text_to_paste_comes_from_the_home_page_and_the_real_address(kind, text):
    # In a code block, so Material's copy button copies it exactly; HTML is escaped once to show as text.
    language = "html" if kind.endswith("html") else "text"
    assert_same_html(
        render(f"/// link-kit | {kind}\n///\n", site_url=SITE),
        f'<div class="link-kit-snippet" data-snippet="{kind}">\n'
        f'<pre><code class="language-{language}">{text}\n</code></pre>\n</div>',
    )


@pytest.mark.parametrize("kind", ["paragraph", "html", "attribution", "attribution-html"])
def test_text_to_paste_reads_as_written_after_the_site_s_code_highlighting(kind):
    # The site also runs pymdownx.highlight, which rewrites every code block: what a
    # reader sees (and copies) must still be the snippet, character for character.
    html = markdown.markdown(
        f"/// link-kit | {kind}\n///\n",
        extensions=[PageListExtension(docs_dir=str(DOCS), site_url=SITE), "pymdownx.highlight", "pymdownx.superfences"],
    )
    shown = BeautifulSoup(html, "html.parser").select_one(f'[data-snippet="{kind}"] code').get_text()
    assert shown == snippet(kind, DOCS, SITE, "the Turning No Into Opportunity contributors") + "\n"


def test_the_attribution_names_the_configured_author():
    html = render("/// link-kit | attribution\n///\n", site_url=SITE, author="Riverside College")
    assert '"Jobs &amp; You" by Riverside College, ' in html


@pytest.mark.parametrize("site_url", ["", "careers.example.edu/guide/", "ftp://example.edu/", "https://x.org/?page=1"])
@pytest.mark.parametrize("source", ["/// page-list | links\n///\n", "/// link-kit | paragraph\n///\n"])
def test_a_missing_or_bad_site_url_is_a_clear_content_error(site_url, source):
    with pytest.raises(ContentError) as raised:
        render(source, site_url=site_url)
    assert "site_url" in raised.value.message and "mkdocs.yml" in raised.value.message
    assert "https://" in raised.value.message  # an example of a good one


def test_an_empty_author_is_a_clear_content_error(tmp_path):
    with pytest.raises(ContentError, match="'author' in mkdocs.yml.*is empty; write who to credit"):
        render("/// link-kit | attribution\n///\n", site_url=SITE, author=" ")
    config = tmp_path / "mkdocs.yml"
    config.write_text("markdown_extensions:\n  - turning_no.markdown.page_list:\n      author: ''\n")
    assert "is empty" in config_problem(config, {"site_url": SITE, "author": ""}).message


def test_a_wrong_docs_dir_is_a_clear_content_error(tmp_path):
    for source in ("/// page-list | links\n///\n", "/// link-kit | html\n///\n"):
        with pytest.raises(ContentError, match="docs_dir"):
            markdown.markdown(source, extensions=[PageListExtension(docs_dir=str(tmp_path), site_url=SITE)])


def test_bad_config_in_mkdocs_yml_is_named_at_the_extension_line(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: X\nmarkdown_extensions:\n  - turning_no.markdown.page_list:\n      docs_dir: docs\n")
    problem = config_problem(config, {"docs_dir": "docs"})
    assert (problem.path, problem.line, problem.rule) == ("mkdocs.yml", 3, "config")
    assert "set 'site_url'" in problem.message
    assert config_problem(config, {"site_url": SITE}) is None


def test_the_content_check_names_an_unknown_snippet_and_text_inside_the_block(tmp_path):
    (tmp_path / "kit.md").write_text(
        "---\ntitle: Kit\ndescription: Kit.\n---\n\n/// link-kit | poem\n///\n\n/// link-kit | html\nHello\n///\n"
    )
    problems = [(problem.line, problem.message) for problem in check_docs(tmp_path)]
    assert problems == [
        (
            6,
            "'/// link-kit' needs one of these after '|': paragraph, html, attribution, attribution-html "
            "(found 'poem')",
        ),
        (10, "'/// link-kit' holds nothing; put text before or after the block"),
    ]


def test_links_start_at_the_site_s_path_so_they_work_under_a_subpath_in_either_engine():
    # A Markdown extension does not know its page, so it writes the final address from the
    # host's root: no engine rewrites it (MkDocs' absolute_links setting is not needed).
    html = render("/// page-list | worksheets\n///\n", site_url=SITE)
    hrefs = [a["href"] for a in BeautifulSoup(html, "html.parser").select("a")]
    assert hrefs == ["/guide/strategies/first-steps/worksheet/", "/guide/strategies/second-steps/worksheet/"]
    assert ".md" not in html


# --- Downloads: files made after the build ---------------------------------------


def test_a_download_links_the_file_from_the_site_s_path_with_a_slot_for_its_size():
    assert_same_html(
        render("/// download | guide.pdf\nThe whole guide (PDF)\n///\n", site_url=SITE),
        '<p class="download"><a href="/guide/downloads/guide.pdf">The whole guide (PDF)</a>'
        '<span class="packet-size" data-packet="guide.pdf"></span></p>',
    )
    # The zip has no page count: no slot.
    assert_same_html(
        render("/// download | turning-no-offline.zip\nThe whole site (zip)\n///\n"),
        '<p class="download"><a href="/downloads/turning-no-offline.zip">The whole site (zip)</a></p>',
    )


@pytest.mark.parametrize(
    ("source", "line", "message"),
    [
        (
            "/// download | guides.pdf\nThe guide\n///\n",
            6,
            "'guides.pdf' is not a file the downloads folder holds; did you mean 'guide.pdf'? use one of: ",
        ),
        ("/// download\nThe guide\n///\n", 6, "'/// download' needs the file's name after '|'"),
        ("/// download | guide.pdf\n///\n", 6, "this download has no link text"),
        ("/// download | guide.pdf\nThe guide\nand more\n///\n", 6, "a download's link text is one line"),
    ],
)
def test_the_content_check_names_a_bad_download_at_its_line(tmp_path, source, line, message):
    (tmp_path / "packets.md").write_text("---\ntitle: Packets\ndescription: Packets.\n---\n\n" + source)
    problems = [(problem.line, problem.rule, problem.message) for problem in check_docs(tmp_path)]
    assert len(problems) == 1, problems
    assert problems[0][:2] == (line, "block") and problems[0][2].startswith(message), problems


def test_a_bad_download_that_reaches_the_build_is_a_content_error():
    with pytest.raises(ContentError, match="'guide.zip' is not a file the downloads folder holds"):
        render("/// download | guide.zip\nThe guide\n///\n")
