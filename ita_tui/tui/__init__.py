"""The terminal app (Textual): screens own their behaviour, the store and checker own the data."""
