"""Files ⇄ model: reading a records folder safely, locating values, saving edits atomically."""

from .errors import ConflictError, SaveRefused
from .folder import RecordStore, load_records

__all__ = ["ConflictError", "SaveRefused", "RecordStore", "load_records"]
