"""The links gate of `make check`: internal links and anchors, and mkdocs.yml's nav, at their line."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from turning_no.checks.links import check_links, check_nav
from turning_no.checks.runner import GATES, run_gates
from turning_no.model.pages import read_page

pytestmark = pytest.mark.unit

FRONT = "---\ntitle: {title}\ndescription: A page.\n---\n\n"

PAGES = {
    "index.md": """\
        ## Intro

        Go on to [the next page](next.md) or [its first step](next.md#step-one).
        A typo: [the next page](nxt.md). A bad anchor: [step one](next.md#step-on).
        On this page: [the intro](#intro) and [a typo](#intrro).
        From the root: [next](/next.md). A folder: [the section](sub/).
        ![A picture](images/missing.png) and ![A logo](images/logo.svg)
        In code, `[not a link](nope.md)`, and an [outside link](https://example.com/x.md).
        <a href="../downloads/guide.pdf">Raw HTML</a>

        ```
        [in a code block](nope.md)
        ```

        /// email | say-hello
        Subject: Hi

        Hi, see [the list](nope.md).
        ///

        [ref]: missing.md
        [good]: sub/index.md#later
        """,
    "next.md": """\
        ## Step one

        Back to [the start](index.md#intro) and [the template](#say-hi).

        /// email | say-hi
        Subject: Hi

        Hello.
        ///
        """,
    "sub/index.md": """\
        ## Later {#later}

        Up: [home](../index.md), [a page that moved](../nxt.md), [a template](../next.md#say-hi).
        """,
}

CONFIG = """\
site_name: Test
site_url: !ENV [SITE_URL, "http://127.0.0.1:8000/"]
nav:
  - index.md
  - nxt.md
  - Sub:
      - sub/index.md
      - sub/gone.md
  - Elsewhere: https://example.com/
"""


@pytest.fixture
def project(tmp_path) -> Path:
    docs = tmp_path / "docs"
    for src_uri, body in PAGES.items():
        path = docs / src_uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(FRONT.format(title=src_uri) + textwrap.dedent(body), encoding="utf-8")
    (docs / "images").mkdir()
    (docs / "images" / "logo.svg").write_text("<svg/>", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    return tmp_path


def pages_of(docs: Path):
    return [read_page(path, docs) for path in sorted(docs.rglob("*.md"))]


def test_every_broken_internal_link_is_named_at_its_line_with_a_fix(project):
    docs = project / "docs"
    found = [str(problem) for problem in check_links(pages_of(docs), docs, project)]
    assert found == [
        "docs/index.md:9: link: 'nxt.md' leads to no page: docs/nxt.md does not exist; did you mean 'next.md'?",
        "docs/index.md:9: link: 'next.md#step-on': docs/next.md has no heading or element with the id 'step-on'; "
        "did you mean 'next.md#step-one'?",
        "docs/index.md:10: link: '#intrro': this page has no heading or element with the id 'intrro'; "
        "did you mean '#intro'?",
        "docs/index.md:11: link: '/next.md' starts at the root of docs/, which breaks under a subpath and in the "
        "offline copy; write it from this page: 'next.md'",
        "docs/index.md:11: link: 'sub/' is a folder; link its page's file, 'sub/index.md', so that the build checks it",
        "docs/index.md:12: link: 'images/missing.png' leads to no file: docs/images/missing.png does not exist",
        "docs/index.md:14: link: '../downloads/guide.pdf' is a raw HTML link, which the engines rewrite differently "
        "(Zensical adds a '../'); write a Markdown link to the page's file, such as [words](page.md), or use a "
        "'/// download' block for a file made after the build",
        "docs/index.md:26: link: 'missing.md' leads to no page: docs/missing.md does not exist",
        "docs/sub/index.md:8: link: '../nxt.md' leads to no page: docs/nxt.md does not exist; "
        "did you mean '../next.md'?",
    ]


def test_every_nav_entry_must_name_a_page_of_docs(project):
    found = [str(problem) for problem in check_nav(project / "mkdocs.yml", project)]
    assert found == [
        "mkdocs.yml:5: nav: 'nxt.md' is not a page in docs/; did you mean 'next.md'?",
        "mkdocs.yml:8: nav: 'sub/gone.md' is not a page in docs/; create it or remove the entry",
    ]


def test_make_check_runs_the_links_gate(project):
    assert "links" in [name for name, _ in GATES]
    rules = {problem.rule for problem in run_gates(project / "docs", root=project).problems}
    assert {"link", "nav"} <= rules


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            "[a part](next.md#zzzz)",
            "'next.md#zzzz': docs/next.md has no heading or element with the id 'zzzz'; "
            "link one of its headings, or leave out the '#...'",
        ),
        ("[gone](gone/)", "'gone/' leads to no page: docs/gone/ does not exist; link a page's file (page.md)"),
        ("[images](images/)", "'images/' is a folder with no index.md; link a page's file instead"),
        (
            "[up](../../x.md)",
            "'../../x.md' leads out of docs/; link a page of the site, or the other site's full address",
        ),
        ("[field](next.md#ws-plan)", None),
        ('<span id="here"></span> [there](#here) [attr](#para) and a paragraph\n{: #para }', None),
        ("[mail](mailto:a@example.edu) [phone](tel:555) [site](//example.com/a.md)", None),
    ],
)
def test_each_kind_of_link(project, body, message):
    docs = project / "docs"
    (docs / "next.md").write_text(
        FRONT.format(title="Next") + "## Step one\n\n/// field | Plan?\n    id: plan\n    kind: short\n///\n",
        encoding="utf-8",
    )
    (docs / "index.md").write_text(FRONT.format(title="Home") + body + "\n", encoding="utf-8")
    found = [
        problem.message for problem in check_links(pages_of(docs), docs, project) if problem.path == "docs/index.md"
    ]
    assert found == ([message] if message else [])
