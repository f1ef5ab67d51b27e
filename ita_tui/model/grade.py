"""The ITA grade is derived from the score, never stored: AA ≥ 95, A ≥ 85, B ≥ 75, C ≥ 65, D ≥ 55, E ≥ 50, F."""

GRADE_THRESHOLDS = ((95.0, "AA"), (85.0, "A"), (75.0, "B"), (65.0, "C"), (55.0, "D"), (50.0, "E"))


def grade_for_score(score: float) -> str:
    for threshold, grade in GRADE_THRESHOLDS:
        if score >= threshold:
            return grade
    return "F"
