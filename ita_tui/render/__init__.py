"""Layouts → PDF: the memo (บันทึกข้อความ) and the measures report, with true Thai typography.

fpdf2 embeds and subsets the fonts and writes the file; shaping (HarfBuzz), line breaking, justification
and glyph emission are ours (see docs/rendering.md for why).
"""
