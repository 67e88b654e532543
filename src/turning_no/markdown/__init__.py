"""Python-Markdown extensions that render our blocks, and their one registry.

Worksheet fields, checklists, email templates, page lists and the link kit.
"""
