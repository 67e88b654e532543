"""Markdown extension: task-list boxes are for pen and paper, not for screen readers.

On a worksheet, `- [ ] item` prints an empty box to tick by hand. pymdownx.tasklist
draws it as a disabled checkbox with no label of its own, which screen readers
announce as an unlabelled control (axe: `label`). The list item's text says
everything, so the box is hidden from assistive technology and left visible on
screen and paper.
"""

from __future__ import annotations

from markdown import Extension
from markdown.postprocessors import Postprocessor

# pymdownx.tasklist stores its box as raw HTML, so it is only seen after the raw
# HTML is put back; it is the only disabled checkbox this site writes.
_TASK_BOX = '<input type="checkbox" disabled'


class PrintableChecklist(Postprocessor):
    def run(self, text: str) -> str:
        return text.replace(_TASK_BOX, '<input type="checkbox" aria-hidden="true" disabled')


class ChecklistExtension(Extension):
    def extendMarkdown(self, md):  # noqa: N802 (the name Python-Markdown calls)
        # After Python-Markdown's raw HTML postprocessor (priority 30).
        md.postprocessors.register(PrintableChecklist(md), "printable_checklist", 5)


def makeExtension(**kwargs):  # noqa: N802 (the name Python-Markdown looks for)
    return ChecklistExtension(**kwargs)
