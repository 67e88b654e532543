"""MkDocs hook: templates get a `qr_svg` filter, for the QR code on a printed worksheet.

Thin glue (see DESIGN.md, "Staying portable"): turning_no.site.qr makes the code;
overrides/main.html puts it in the print footer of each worksheet.
"""

from turning_no.site.qr import qr_svg


def on_env(env, config, files):
    env.filters["qr_svg"] = qr_svg
    return env
