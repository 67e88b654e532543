"""The printable packets: Chromium prints the pages, WeasyPrint makes the fillable PDF."""
