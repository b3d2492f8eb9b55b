# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Tests of work that several Odoo workers do at once (two cron workers, a manual run, posts
arriving together): each piece of work runs in a thread of its own with its own cursor and
transaction, as it would in its own worker process.

What the threads must see is committed (another transaction sees no uncommitted row), so
these tests commit their data and remove it afterwards.
"""

import threading
from unittest.mock import patch

from odoo import SUPERUSER_ID, api
from odoo.modules.registry import DummyRLock, Registry
from odoo.tests import TransactionCase

# Seconds a thread waits for the others to start, and the test for a thread to end.
START_TIMEOUT = 60
END_TIMEOUT = 300


class SeveralWorkersCase(TransactionCase):
    """A TransactionCase whose tests also run functions `function(env)` in transactions of
    their own: one at a time (`_committed`) or together (`_at_once`)."""

    def _env(self, cr):
        return api.Environment(cr, SUPERUSER_ID, {})

    def _committed(self, function):
        """`function(env)` in a transaction of its own, committed; returns its result."""
        with self.registry.cursor() as cr:
            env = self._env(cr)
            result = function(env)
            env.flush_all()
            return result

    def _at_once(self, *functions):
        """Each `function(env)` in its own thread and transaction, all started together;
        fails on any error and on a thread that does not end."""
        barrier = threading.Barrier(len(functions))
        errors = []

        def work(function):
            connection = None
            try:
                with self.registry.cursor() as cr:
                    connection = cr._cnx
                    env = self._env(cr)
                    barrier.wait(timeout=START_TIMEOUT)
                    function(env)
                    env.flush_all()
            except Exception as error:
                errors.append(error)
            finally:
                # The thread closes the connection it used (the pool forgets closed ones):
                # the test's next cursor then never resets, from the main thread, a libpq
                # connection another thread used, which once aborted the process.
                if connection is not None:
                    connection.close()

        threads = [threading.Thread(target=work, args=(function,)) for function in functions]
        # odoo-bin --test-enable runs the tests while its main thread holds the registries'
        # lock (ThreadedServer.run): a thread making an Environment (Registry(db_name)) would
        # wait for it until the tests end. The registry is loaded: the threads only look it
        # up, which needs no lock, as in HttpCase's test mode.
        with patch.object(Registry, "_lock", DummyRLock()):
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=END_TIMEOUT)
        self.assertFalse([thread for thread in threads if thread.is_alive()],
                         "a worker did not end")
        self.assertFalse(errors)
