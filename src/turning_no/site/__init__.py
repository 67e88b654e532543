"""What the built site gets after the engine.

The post-build step (CSP, QR codes, HTML mends, offline), brand colors, a local server.
"""
