"""The app's one reading of the calendar: progress states depend on the day (tests set another one)."""

from __future__ import annotations

from datetime import date


def today() -> date:
    return date.today()
