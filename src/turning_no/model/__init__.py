"""The content model.

Pages and their kinds, front matter, `///` blocks as they stand in the source,
which lines are prose, problems, and the address of each page.
"""
