"""Turning No Into Opportunity: the code behind the site.

The content model (which pages exist and what their front matter must say), the
checks that keep the content sound, and the Markdown extensions that render it.
"""
