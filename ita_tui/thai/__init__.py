"""Thai language helpers: digits, Buddhist-Era dates, fiscal years, segmentation.

Pure functions with no I/O, shared by the checker, the renderers and the TUI.
"""
