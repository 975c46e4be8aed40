"""debate-trainer: take an argument apart and answer it."""

__version__ = "0.1.0"
