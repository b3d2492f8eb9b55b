from odoo.tools import SQL

from . import models
from . import report
from . import wizard
from .models.parand_jalali_day import (
    PERIOD_SEARCH_ARGUMENTS,
    PERIOD_SEARCH_FUNCTION,
    PERIOD_START_FUNCTIONS,
)


def _post_init_hook(env):
    """Persian speakers read Jalali from the day the module is installed.

    Only the new date_calendar column is written; the users' own data stays as it was.
    """
    env.cr.execute("""
        UPDATE res_users u SET date_calendar = 'jalali'
          FROM res_partner p
         WHERE p.id = u.partner_id AND p.lang LIKE 'fa%%'
    """)
    _apply_pipeline_on_new_database(env)
    env["parand.pipeline.stage"]._fill_stage_translations()


def _uninstall_hook(env):
    """The Jalali period functions are not a model's table: Odoo would leave them behind."""
    for (_kind, value_type), function in PERIOD_START_FUNCTIONS.items():
        env.cr.execute(SQL("DROP FUNCTION IF EXISTS %s(%s)", SQL.identifier(function),
                           SQL(value_type)))
    for arguments in PERIOD_SEARCH_ARGUMENTS.values():
        env.cr.execute(SQL("DROP FUNCTION IF EXISTS %s(%s)",
                           SQL.identifier(PERIOD_SEARCH_FUNCTION), SQL(arguments)))


def _apply_pipeline_on_new_database(env):
    """On a new database the Persian pipeline is the pipeline.

    New means no lead at all and only Odoo's own untouched stages: an organization that
    already works in Odoo keeps its pipeline until it applies the template to its teams.
    The stages are created as ordinary records (no XML id), so that they stay the
    organization's pipeline if this module is uninstalled.
    """
    if env["crm.lead"].with_context(active_test=False).search_count([], limit=1):
        return
    stages = env["crm.stage"].search([])
    odoo_stages = env["ir.model.data"].search_count([
        ("model", "=", "crm.stage"), ("module", "=", "crm"), ("res_id", "in", stages.ids)])
    if odoo_stages != len(stages) or any(stage.write_date != stage.create_date
                                         for stage in stages):
        return
    env["parand.pipeline.stage"].search([])._create_stages()
    stages.unlink()
