"""The terminal app: it shows packs and drives the grading and quiz engines, nothing more.

Importing this package imports no Textual; `trainer.tui.app` does, so the other commands
never pay for it.
"""
