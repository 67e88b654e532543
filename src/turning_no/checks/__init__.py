"""Every gate of `make check` and its runner.

Content, reading level, spelling, Markdown style, structure, links and brand;
and the published-address check of a built site.
"""
