"""MkDocs hook: fix two flaws in Material's own markup, in the finished HTML.

1. Material 9.8 writes `tabindex=""` on the labels of navigation sections
   (partials/nav-item.html, with navigation.sections). An empty tabindex is invalid
   HTML (the Nu HTML Checker: "Bad value '' for attribute tabindex") and browsers
   ignore it, so removing it changes nothing else.
2. Its search panel is a `role="dialog"` without a name (partials/search.html), so
   a screen reader announces an unnamed dialog (axe and Lighthouse:
   aria-dialog-name). It gets the name of the button that opens it: "Search".

Doing it here, rather than in a copy of Material's partials, keeps every Material
upgrade free of a merge.
"""

_FIXES = {
    ' tabindex=""': "",
    '<div class="md-search" data-md-component="search" role="dialog">': (
        '<div class="md-search" data-md-component="search" role="dialog" aria-label="Search">'
    ),
}


def _fix(html: str) -> str:
    for flaw, fixed in _FIXES.items():
        html = html.replace(flaw, fixed)
    return html


def on_post_page(output, page, config):
    return _fix(output)


def on_post_template(output_content, template_name, config):
    # The 404 page is a template of its own, with the same navigation.
    return _fix(output_content)
