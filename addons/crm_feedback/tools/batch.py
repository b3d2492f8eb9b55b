# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Batches of a cron that several workers may run at once."""

from psycopg2.errors import SerializationFailure

CLAIM_RETRIES = 3


def claim_ids(cr, query, retry):
    """The ids `query` selects, a SELECT ending with FOR ... SKIP LOCKED: the rows are this
    transaction's until it ends, and the rows another worker holds are left to it.

    With `retry` (the previous batch is committed, nothing is done in this transaction
    yet), a row another worker changed and committed since this transaction began, which
    PostgreSQL refuses to lock in repeatable read, makes it start again instead of failing.
    """
    for attempt in range(CLAIM_RETRIES if retry else 1):
        try:
            cr.execute(query, log_exceptions=False)
            return [row[0] for row in cr.fetchall()]
        except SerializationFailure:
            if attempt == CLAIM_RETRIES - 1 or not retry:
                raise
            cr.rollback()
    return []
