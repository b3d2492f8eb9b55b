"""What every benchmark module shares: the measured result and a timer.

A benchmark compares two ways of getting the same answer in the same run (our code against
hand-written SQL, or Odoo with an addon against Odoo without it) and reports the ratio, so
that the figure does not depend on how fast the machine is today.
"""

import time
from dataclasses import dataclass


@dataclass
class Result:
    name: str            # what is measured, e.g. "get_metrics over 1,000,000 feedback"
    subject: float       # seconds taken by our code
    baseline: float      # seconds taken by the reference it is compared with
    limit: float         # the largest ratio the issue allows
    baseline_label: str = "raw SQL"
    unit: str = "s"      # what subject and baseline count: seconds, or queries

    @property
    def ratio(self):
        return self.subject / self.baseline if self.baseline else float("inf")

    @property
    def ok(self):
        return self.ratio <= self.limit


def sql_text_array(values):
    """A PostgreSQL ARRAY literal of constant words (names the generators pick from)."""
    return "ARRAY[" + ",".join("'" + value.replace("'", "''") + "'" for value in values) + "]"


def best_of(function, repeat=3):
    """The fastest of `repeat` runs, in seconds: the least disturbed by the rest of the machine."""
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - started)
    return best


def interleaved(subject, baseline, repeat=3):
    """Best times of two functions run alternately, so that both see the same machine."""
    subject_best = baseline_best = float("inf")
    for _ in range(repeat):
        subject_best = min(subject_best, best_of(subject, 1))
        baseline_best = min(baseline_best, best_of(baseline, 1))
    return subject_best, baseline_best
