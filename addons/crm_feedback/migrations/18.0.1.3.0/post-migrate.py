"""18.0.1.3.0: every complaint has its portal access token.

Complaints now get it when they are made; those made before got it at their first portal
link, written by the page that showed it. The portal pages are read-only routes (a replica
may serve them): the complaints still without one get it here, once.
"""

from odoo.tools import SQL


def migrate(cr, version):
    if not version:
        return
    cr.execute(SQL(
        "UPDATE crm_complaint SET access_token = gen_random_uuid()::text"
        " WHERE access_token IS NULL"))
