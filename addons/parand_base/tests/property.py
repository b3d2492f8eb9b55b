# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""What the property tests (hypothesis) share: how many cases a property checks, and how.

Each property checks CASES generated cases: hypothesis draws them in batches of BATCH (one
example is a list of BATCH values), which costs a tenth of hypothesis' per-example overhead;
a failing batch still shrinks to the single value that breaks the property.

CASES is 1,000 for Odoo's own runner (odoo-bin --test-enable, as OCA's CI and Odoo.sh run
it), so that the whole suite runs in minutes there; `make test` checks 10,000 through the
PARAND_PROPERTY_CASES environment variable, which sets any other count.
"""

import os

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

CASES = int(os.environ.get("PARAND_PROPERTY_CASES") or 1_000)
BATCH = 10
PROPERTY = settings(max_examples=max(CASES // BATCH, 1), deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def batch(*strategies):
    """BATCH draws of `strategies` (a tuple of values per draw when several are given)."""
    one = strategies[0] if len(strategies) == 1 else st.tuples(*strategies)
    return st.lists(one, min_size=BATCH, max_size=BATCH)
