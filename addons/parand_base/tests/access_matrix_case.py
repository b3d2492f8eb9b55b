"""The test case that runs the rows of access_matrix.TABLE: one test per row and role.

An addon's tests/test_access_matrix.py subclasses AccessMatrixCase, creates its records in
setUpClass (cls.records[name]) and calls add_matrix_tests(cls, addon). The users of every
role, two companies and two sales teams are created here.
"""

import re

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, new_test_user

from .access_matrix import ROLE_KEYS, rows

DENIED = (AccessError, UserError)
_REFERENCE = re.compile(r"^\{(\w+)\}$")


class AccessMatrixCase(HttpCase):
    """Users of every role of access_matrix.ROLES: company A (the main company) with sales
    teams A and B, company B with its own sales manager, and two portal users."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.company_a = env.company
        cls.company_b = env["res.company"].create({"name": "Matrix Company B"})
        salesman, manager = "sales_team.group_sale_salesman", "sales_team.group_sale_manager"
        cls.users = {
            "anonymous": env.ref("base.public_user"),
            "portal_owner": new_test_user(env, "mx_portal_owner", groups="base.group_portal"),
            "portal_other": new_test_user(env, "mx_portal_other", groups="base.group_portal"),
            "sales_team": new_test_user(env, "mx_sales_team", groups=salesman),
            "sales_other": new_test_user(env, "mx_sales_other", groups=salesman),
            "manager": new_test_user(env, "mx_manager", groups=manager),
            "other_company": new_test_user(env, "mx_other_company", groups=manager,
                                           company_id=cls.company_b.id,
                                           company_ids=[(6, 0, cls.company_b.ids)]),
        }
        Team = env["crm.team"]
        cls.team_a = Team.create({"name": "Matrix Team A", "company_id": cls.company_a.id,
                                  "member_ids": [(6, 0, cls.users["sales_team"].ids)]})
        cls.team_b = Team.create({"name": "Matrix Team B", "company_id": cls.company_a.id,
                                  "member_ids": [(6, 0, cls.users["sales_other"].ids)]})
        # The portal owner is a customer of the team's salesperson.
        cls.customer = cls.users["portal_owner"].partner_id
        cls.customer.write({"user_id": cls.users["sales_team"].id})
        cls.records = {"customer": cls.customer, "team_a": cls.team_a, "team_b": cls.team_b,
                       "customer_2": env["res.partner"].create({"name": "Matrix Customer 2"})}

    # --------------------------------------------------------------------- probes
    def _resolve(self, value):
        if isinstance(value, dict):
            return {key: self._resolve(item) for key, item in value.items()}
        if isinstance(value, str) and _REFERENCE.match(value):
            return self.records[_REFERENCE.match(value).group(1)].id
        return value

    def _probe_model(self, row, user):
        """Raises AccessError or UserError when `user` may not do what the row says."""
        model = self.env[row.target].with_user(user)
        record = self.records[row.record].with_user(user) if row.record else model
        if row.action == "read":
            record.read(row.fields or ["display_name"])
        elif row.action == "write":
            record.write(self._resolve(row.vals))
        elif row.action == "create":
            model.create(self._resolve(row.vals))
        elif row.action == "unlink":
            record.unlink()
        else:
            try:
                getattr(record, row.action)(**self._resolve(row.args or {}))
            except TypeError as error:
                # A method that no longer takes an argument refuses it.
                if "unexpected keyword argument" not in str(error):
                    raise
                raise UserError(str(error)) from error
        self.env.flush_all()

    def _probe_route(self, row, role):
        method, path = row.target.split(" ", 1)
        if row.record:
            path = re.sub(r"<\w+>", str(self.records[row.record].id), path)
        if role == "anonymous":
            if getattr(self, "session", None):
                self.logout()
        else:
            login = self.users[role].login
            self.authenticate(login, login + "x" * (8 - len(login)))
        response = self.url_open(path, allow_redirects=False) if method == "GET" else \
            self.url_open(path, data={"csrf_token": "x"}, allow_redirects=False)
        # Refused: a login page, 403, 404, or a redirection elsewhere (the portal sends
        # whoever may not read a document back to /my).
        if response.status_code != 200:
            location = response.headers.get("Location", "")
            # A test's own message, never shown to a user.
            raise AccessError(f"{row.target}: {response.status_code} {location}")  # pylint: disable=translation-required

    def _check_row(self, index, row, role):
        user = self.users[role]
        try:
            if row.action == "route":
                self._probe_route(row, role)
            else:
                with self.env.cr.savepoint():
                    self._probe_model(row, user)
            allowed, why = True, ""
        except DENIED as error:
            allowed, why = False, str(error).splitlines()[0][:200]
            self.env.invalidate_all()
        if allowed == (role in row.allowed):
            return
        message = (f"row {index} {row.target} {row.action}: {role} "
                   f"{'may' if allowed else 'is refused'} {why}; intended: "
                   f"{'allowed' if role in row.allowed else 'refused'}")
        self.fail(message)


def add_matrix_tests(cls, addon):
    """One test method per row of `addon` and role: test_matrix_<row>_<action>_<role>."""
    for index, row in rows(addon):
        for role in ROLE_KEYS:
            def test(self, index=index, row=row, role=role):
                self._check_row(index, row, role)
            action = re.sub(r"\W+", "_", row.action)
            name = f"test_matrix_{index:03d}_{action}_{role}"
            test.__name__ = name
            test.__doc__ = f"{row.target} {row.action}: {role}"
            setattr(cls, name, test)
    return cls
