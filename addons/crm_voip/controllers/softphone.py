# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""What the browser softphone reads at start: operator numbers, recent calls."""

from odoo import http
from odoo.http import request

RECENT_CALLS = 10


class CrmVoipSoftphoneController(http.Controller):
    @http.route("/crm_voip/softphone/info", type="json", auth="user")
    def softphone_info(self):
        user = request.env.user
        if not user.has_group("crm_voip.group_crm_voip_operator"):
            return {"is_operator": False}
        operators = self._operators(user)
        company_country = request.env.company.country_id
        countries = request.env["res.country"].search_read(
            [("phone_code", "!=", 0)], ["code", "name", "phone_code"], order="name"
        )
        return {
            "is_operator": True,
            "status": user.voip_status or "offline",
            "numbers": [
                {
                    "id": op.number_id.id,
                    "phone_number": op.number_id.phone_number,
                    "name": op.number_id.friendly_name or op.number_id.phone_number,
                    "can_call_out": op.can_call_out,
                }
                for op in operators
            ],
            "recent": self._recent(user, operators),
            "countries": [
                {"code": c["code"], "name": c["name"], "phone_code": c["phone_code"]}
                for c in countries
            ],
            "default_country": company_country.code or "",
        }

    @http.route("/crm_voip/softphone/recent", type="json", auth="user")
    def softphone_recent(self):
        """The recent calls alone: what a live update of the softphone reloads."""
        user = request.env.user
        if not user.has_group("crm_voip.group_crm_voip_operator"):
            return []
        return self._recent(user, self._operators(user))

    @staticmethod
    def _operators(user):
        return (
            request.env["crm.voip.operator"]
            .sudo()
            .search(
                [
                    ("user_id", "=", user.id),
                    ("company_id", "in", request.env.companies.ids),
                    ("number_id.active", "=", True),
                ]
            )
        )

    def _recent(self, user, operators):
        """The operator's calls, and the calls of their numbers nobody took."""
        calls = request.env["crm.voip.call"].search(
            [
                "|",
                ("user_id", "=", user.id),
                "&",
                ("user_id", "=", False),
                ("number_id", "in", operators.number_id.ids),
            ],
            limit=RECENT_CALLS,
            order="date_start desc, id desc",
        )
        return [self._call_values(call) for call in calls]

    @staticmethod
    def _call_values(call):
        return {
            "id": call.id,
            "direction": call.direction,
            "state": call.state,
            "state_label": call._fields["state"].convert_to_export(call.state, call),
            "number": call.external_number or "",
            "partner_id": call.partner_id.id or False,
            "partner_name": call.partner_id.display_name or "",
            "date": call.date_start and call.date_start.isoformat(),
        }
