# Pure helpers: no Odoo import, tested without a database.
