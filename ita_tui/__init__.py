"""ita-tui: a Thai agency's yearly ITA records as TOML in git — edit, check, and print the official PDFs."""

__version__ = "0.1.0"
