"""MkDocs hook: fix one flaw in Material's own markup, in the finished HTML.

Material 9.8 writes `tabindex=""` on the labels of navigation sections
(partials/nav-item.html, with navigation.sections). An empty tabindex is invalid
HTML (the Nu HTML Checker: "Bad value '' for attribute tabindex") and browsers
ignore it, so removing it changes nothing else. Doing it here, rather than in a
copy of Material's partial, keeps every Material upgrade free of a merge.
"""

_EMPTY_TABINDEX = ' tabindex=""'


def on_post_page(output, page, config):
    return output.replace(_EMPTY_TABINDEX, "")


def on_post_template(output_content, template_name, config):
    # The 404 page is a template of its own, with the same navigation.
    return output_content.replace(_EMPTY_TABINDEX, "")
