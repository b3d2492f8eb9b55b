"""What every benchmark module shares: the measured result and a timer.

A benchmark compares two ways of getting the same answer in the same run (our code against
hand-written SQL, or Odoo with an addon against Odoo without it) and reports the ratio, so
that the figure does not depend on how fast the machine is today.
"""

import contextlib
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


@contextlib.contextmanager
def orm_defaults_in_columns(env):
    """The generators insert rows with SQL, naming the columns they know. Modules an
    organization also runs (account, mass_mailing...) add required columns to the same
    tables: while the generators run, those columns take the ORM's default as their SQL
    default, and lose it again afterwards."""
    cr = env.cr
    cr.execute("""
        SELECT c.table_name, c.column_name FROM information_schema.columns c
         WHERE c.table_schema = 'public' AND c.is_nullable = 'NO'
           AND c.column_default IS NULL AND c.column_name <> 'id'
    """)
    missing = {}
    for table, column in cr.fetchall():
        missing.setdefault(table, []).append(column)
    altered = []
    for model in env.values():
        regular = not (model._abstract or model._transient) and model._auto
        columns = missing.get(model._table) if regular else None
        if not columns:
            continue
        defaults = model.default_get([name for name in columns if name in model._fields])
        for name, value in defaults.items():
            field = model._fields[name]
            empty = value is None or value == "" or (value is False and field.type != "boolean")
            if (empty or not field.store or field.relational or field.translate
                    or field.column_type[0] == "jsonb"):
                continue
            cr.execute(f'ALTER TABLE "{model._table}" ALTER COLUMN "{name}" SET DEFAULT %s',
                       (field.convert_to_column(value, model),))
            altered.append((model._table, name))
    cr.commit()  # pylint: disable=invalid-commit - the generators commit on their own cursors
    try:
        yield
    finally:
        for table, name in altered:
            cr.execute(f'ALTER TABLE "{table}" ALTER COLUMN "{name}" DROP DEFAULT')
        cr.commit()  # pylint: disable=invalid-commit
