# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""What the browser softphone reads at start: operator numbers, recent calls."""

from odoo import fields, http
from odoo.http import request

RECENT_CALLS = 10
CONTACTS_LIMIT = 8


class CrmVoipSoftphoneController(http.Controller):
    @http.route("/crm_voip/softphone/info", type="json", auth="user")
    def softphone_info(self):
        user = request.env.user
        if not user.has_group("crm_voip.group_crm_voip_operator"):
            return {"is_operator": False}
        operators = self._operators(user)
        company_country = self._current_company(user).country_id
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

    @http.route("/crm_voip/softphone/contacts", type="json", auth="user")
    def softphone_contacts(self, query):
        """Contacts with a phone whose name, or whose company's name, matches: "Azure"
        finds Azure Interior and its people. Searched with the user's rights."""
        if not query or not isinstance(query, str):
            return []
        return request.env["res.partner"].search_read(
            [
                "|",
                ("name", "ilike", query),
                ("commercial_company_name", "ilike", query),
                "|",
                ("phone", "!=", False),
                ("mobile", "!=", False),
            ],
            ["display_name", "phone", "mobile"],
            limit=CONTACTS_LIMIT,
            order="commercial_company_name, is_company desc, name, id",
        )

    @staticmethod
    def _current_company(user):
        """The company chosen in the web client's company switcher (its ``cids``
        cookie, current company first, as ``mail`` reads it), else the user's."""
        cids = request.cookies.get("cids", "")
        for cid in cids.replace(",", "-").split("-"):
            if cid.isdigit() and int(cid) in user.company_ids.ids:
                return request.env["res.company"].browse(int(cid))
        return request.env.company

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
            # UTC, as Odoo serializes datetimes: the browser shows it with Odoo's
            # localisation (user's language and time zone)
            "date": fields.Datetime.to_string(call.date_start),
        }
