"""Whose progress it is: the student's name, as typed once in the app and kept in settings.

Every attempt carries it (`Attempt.student`, the `student` column of the store and of
`export-progress`), and the store keeps each student's review cards apart, so one progress
file can serve a class. The app saves the name in its settings file (`settings.json` in the
user's data folder, key `"student"`); the CLI reads it from there with `saved_student()`.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from trainer.locations import settings_path

MAX_STUDENT_NAME = 60
"""Longest name kept, in characters: enough for a full name, short enough for a column."""

_SPACES = re.compile(r"\s+")
UNSAFE = re.compile(
    "[\n\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
"""`trainer.packs.safe_text.UNSAFE`, written out: the app reads the name before its first
frame, and importing `trainer.packs` there would import the pack loader (a worker's job)."""


def clean_student_name(text: str) -> str:
    """The name as stored: control and bidi characters dropped, spaces collapsed, at most
    `MAX_STUDENT_NAME` characters, and a leading formula character kept harmless by the
    export (`csv_cell`), not here. "" when nothing is left."""
    text = UNSAFE.sub(" ", text)
    return _SPACES.sub(" ", text).strip()[:MAX_STUDENT_NAME].strip()


def saved_student(path: Path | None = None) -> str:
    """The name the app saved ("" when none was given, or the settings file is unreadable:
    the app says why when it starts; a command just counts the unnamed attempts)."""
    try:
        data = json.loads((path or settings_path()).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return ""
    name = data.get("student") if isinstance(data, dict) else None
    return clean_student_name(name) if isinstance(name, str) else ""
