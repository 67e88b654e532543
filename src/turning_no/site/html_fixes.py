"""Mend small flaws of the theme's markup in the finished HTML.

Doing it here, rather than in copies of the theme's partials, keeps every theme
upgrade (and a change of engine) free of a merge. Each mend is a plain string
replacement that does nothing when the flaw is not there.

1. Material 9.8 writes `tabindex=""` on the labels of navigation sections
   (partials/nav-item.html, with navigation.sections). An empty tabindex is invalid
   HTML (the Nu HTML Checker: "Bad value '' for attribute tabindex") and browsers
   ignore it, so removing it changes nothing else.
2. Its search panel is a `role="dialog"` without a name (partials/search.html), so
   a screen reader announces an unnamed dialog (axe and Lighthouse:
   aria-dialog-name). It gets the name of the button that opens it: "Search".
3. Zensical's theme marks the drawer's overlay label `aria-hidden="true"`, which a
   label of a form control may not carry (the Nu HTML Checker: "The aria-hidden
   attribute must not be used on any label element that is associated with a
   labelable element"). Material for MkDocs writes the same label without it.
4. The rest (the skip link, the menu's landmarks, the table of contents label, the
   permalinks) is mended by turning_no.site.html_mend, which says why for each.
"""

from __future__ import annotations

from turning_no.site.html_mend import mend

_FIXES = {
    ' tabindex=""': "",
    '<div class="md-search" data-md-component="search" role="dialog">': (
        '<div class="md-search" data-md-component="search" role="dialog" aria-label="Search">'
    ),
    '<label class="md-overlay" for="__drawer" aria-hidden="true">': '<label class="md-overlay" for="__drawer">',
}


def fix_theme_markup(html: str, skip_text: str | None = None) -> str:
    """`skip_text`: the theme's "Skip to content", for pages it wrote no skip link on."""
    for flaw, fixed in _FIXES.items():
        html = html.replace(flaw, fixed)
    return mend(html, skip_text)
