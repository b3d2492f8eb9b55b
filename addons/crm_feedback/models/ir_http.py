# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge

from odoo import models
from odoo.http import request


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    @classmethod
    def _handle_error(cls, exception):
        """A post larger than its route's max_content_length stops before the controller is
        called, with werkzeug's English 413 page. A controller that offers
        `_render_too_large` (the public complaint form) answers it instead, in the
        visitor's language."""
        if isinstance(exception, RequestEntityTooLarge):
            try:
                rule, _args = cls._match(request.httprequest.path)
            except HTTPException:
                rule = None
            controller = rule and getattr(rule.endpoint.func, "__self__", None)
            if hasattr(controller, "_render_too_large"):
                # The body stays unread: the query string's are the only parameters.
                request.params = dict(request.httprequest.args)
                response = controller._render_too_large()
                # Rendered now, while the request's cursor is open: the error's response is
                # sent after the transaction.
                response.flatten()
                cls._post_dispatch(response)
                return response
        return super()._handle_error(exception)
