"""The one registry of our `///` blocks, by name.

Each is a pymdownx.blocks Block class; its OPTIONS say which options it takes and
their types, and its `check_source(block)` (if any) yields the other problems of one
block in the source (`turning_no.model.source_blocks.check_block` runs both). A class
with `identity(block)` and `UNIQUE_IN = "page"` or `"site"` gets its ids checked for
duplicates. The reading-level and structure gates skip a block's
body unless the class sets `PROSE = True` (turning_no.model.prose).

To add a block: write its Block class and extension in this package, list the
class here, and add the extension to mkdocs.yml's markdown_extensions.
"""

from __future__ import annotations

from turning_no.markdown.downloads import Download
from turning_no.markdown.email_template import EmailTemplate
from turning_no.markdown.page_list import LinkKit, PageList
from turning_no.markdown.worksheet_fields import Field, Fieldset

BLOCKS = {cls.NAME: cls for cls in (PageList, LinkKit, Download, Field, Fieldset, EmailTemplate)}
