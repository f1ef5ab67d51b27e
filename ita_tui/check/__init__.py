"""Rules → findings. Each rule is a function of the model; `run_checks` also adds what loading found."""

from .runner import CheckReport, run_checks

__all__ = ["CheckReport", "run_checks"]
