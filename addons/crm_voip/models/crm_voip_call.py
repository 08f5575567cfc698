# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import logging
from collections import defaultdict
from datetime import timedelta

from markupsafe import Markup
from psycopg2 import errorcodes, errors

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL, mute_logger

from ..tools.twilio_gateway import TwilioGatewayError, normalize_e164

_logger = logging.getLogger(__name__)

# Twilio call statuses in the order a call goes through them; the last five are final.
STATUS_RANK = {
    "queued": 0,
    "initiated": 1,
    "ringing": 2,
    "in-progress": 3,
    "answered": 3,
    "completed": 4,
    "busy": 4,
    "no-answer": 4,
    "failed": 4,
    "canceled": 4,
}
FINAL_RANK = 4
NOT_ANSWERED = ("busy", "no-answer", "failed", "canceled")
FINAL_STATES = ("answered", "missed", "no_answer", "failed", "refused")


class ConcurrentCallback(errors.SerializationFailure):
    """Another request logged the same Twilio call after this one began.

    A serialization failure: Odoo's request loop (``odoo.service.model.retrying``)
    rolls this request back and runs it again, and then it finds the call.
    """

    pgcode = errorcodes.SERIALIZATION_FAILURE


def status_moves_forward(current, new):
    """Only later statuses are applied: repeated or late callbacks change nothing."""
    return new in STATUS_RANK and STATUS_RANK[new] > STATUS_RANK.get(current, -1)


class CrmVoipCall(models.Model):
    """One call through Twilio (the parent leg), kept up to date by its webhooks."""

    _name = "crm.voip.call"
    _description = "Call"
    _inherit = ["mail.thread"]
    _check_company_auto = True
    _order = "date_start desc, id desc"
    _mail_post_access = "read"

    name = fields.Char(compute="_compute_name", store=True, precompute=True)
    sid = fields.Char(string="Call SID", readonly=True, copy=False, index=True)
    company_id = fields.Many2one(
        comodel_name="res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    number_id = fields.Many2one(
        comodel_name="crm.voip.number",
        index=True,
        check_company=True,
        ondelete="set null",
    )
    user_id = fields.Many2one(
        comodel_name="res.users", string="Agent", index=True, tracking=True
    )
    partner_id = fields.Many2one(
        comodel_name="res.partner",
        string="Contact",
        index=True,
        tracking=True,
        check_company=True,
    )
    lead_id = fields.Many2one(comodel_name="crm.lead", index=True, check_company=True)
    direction = fields.Selection(
        selection=[("inbound", "Inbound"), ("outbound", "Outbound")], required=True
    )
    from_number = fields.Char(string="From")
    to_number = fields.Char(string="To")
    external_number = fields.Char(
        string="Customer number",
        index="btree_not_null",
        help="The other party's number, E.164.",
    )
    twilio_status = fields.Char(readonly=True)
    dial_status = fields.Char(
        readonly=True, help="Outcome of the dial to operators or to the customer."
    )
    refusal_reason = fields.Selection(
        selection=[
            ("not_operator", "You operate no number that can call out."),
            (
                "outgoing_disabled",
                "Outgoing calls are disabled for you on this number.",
            ),
            ("invalid_number", "The number called is not valid."),
            ("blacklisted", "The number called is on the phone blacklist."),
        ],
        readonly=True,
    )
    state = fields.Selection(
        selection=[
            ("ringing", "Ringing"),
            ("in_progress", "In progress"),
            ("answered", "Answered"),
            ("missed", "Missed"),
            ("no_answer", "Not answered"),
            ("failed", "Failed"),
            ("refused", "Refused"),
        ],
        compute="_compute_state",
        store=True,
        precompute=True,
        index=True,
        tracking=True,
    )
    is_missed = fields.Boolean(compute="_compute_state", store=True, precompute=True)
    date_start = fields.Datetime(
        string="Date", required=True, default=fields.Datetime.now, index=True
    )
    date_answer = fields.Datetime(string="Answered at", readonly=True)
    date_end = fields.Datetime(string="Ended at", readonly=True)
    duration = fields.Integer(
        string="Duration (s)", readonly=True, aggregator="sum", tracking=True
    )
    # Twilio prices have 4-5 decimals: a Monetary field would round them to cents
    price = fields.Float(string="Cost", digits=(16, 5), readonly=True)
    currency_id = fields.Many2one(comodel_name="res.currency", readonly=True)
    company_currency_id = fields.Many2one(
        related="company_id.currency_id", string="Company currency"
    )
    # the reports' sum: Twilio's price in the company's currency at the call's date
    # (Odoo's rates); 5 digits, as the price (a Monetary would round each call to
    # cents), shown with the company's currency
    price_company = fields.Float(
        string="Cost in company currency",
        digits=(16, 5),
        compute="_compute_price_company",
        store=True,
        aggregator="sum",
        help="Twilio's price converted to the company's currency with Odoo's rate "
        "of the call's date.",
    )
    cost_state = fields.Selection(
        selection=[
            ("none", "No cost"),
            ("pending", "Awaiting Twilio"),
            ("done", "Fetched"),
            ("unavailable", "Unavailable"),
        ],
        default="none",
        required=True,
        readonly=True,
    )
    recording_sid = fields.Char(readonly=True, copy=False)
    # Twilio's media URL may be public: only administrators see it, others play the
    # recording through Odoo (recording_play_url)
    recording_url = fields.Char(
        string="Twilio recording URL", readonly=True, groups="base.group_system"
    )
    recording_status = fields.Char(readonly=True)
    recording_duration = fields.Integer(string="Recording (s)", readonly=True)
    recording_play_url = fields.Char(
        string="Recording", compute="_compute_recording_play_url"
    )
    leg_ids = fields.One2many(
        comodel_name="crm.voip.call.leg", inverse_name="call_id", string="Legs"
    )
    summary_posted = fields.Boolean(readonly=True, copy=False)

    _sql_constraints = [
        ("sid_uniq", "unique (sid)", "A Twilio call is logged once."),
    ]

    # COMPUTES ----------------------------------------------------------------------
    @api.depends("direction", "partner_id", "external_number")
    def _compute_name(self):
        for call in self:
            who = call.partner_id.display_name or call.external_number or ""
            if call.direction == "outbound":
                call.name = self.env._("Call to %(who)s", who=who)
            else:
                call.name = self.env._("Call from %(who)s", who=who)

    @api.depends(
        "twilio_status", "dial_status", "date_answer", "direction", "refusal_reason"
    )
    def _compute_state(self):
        for call in self:
            call.state = call._get_state()
            call.is_missed = call.state == "missed"

    def _get_state(self):
        self.ensure_one()
        if self.refusal_reason:
            return "refused"
        final = STATUS_RANK.get(self.twilio_status, 0) >= FINAL_RANK
        if self.date_answer:
            return "answered" if final else "in_progress"
        not_answered = self.dial_status in NOT_ANSWERED
        if not (final or not_answered):
            return "ringing"
        if self.twilio_status == "failed" or self.dial_status == "failed":
            return "failed"
        return "missed" if self.direction == "inbound" else "no_answer"

    @api.depends("price", "currency_id", "company_id.currency_id", "date_start")
    def _compute_price_company(self):
        """One rate look-up per (currency, company, day), not per call."""
        rates = {}
        Currency = self.env["res.currency"]
        for call in self:
            target = call.company_id.currency_id
            if not (call.price and call.currency_id and target):
                call.price_company = 0.0
                continue
            day = fields.Date.to_date(call.date_start or fields.Datetime.now())
            key = (call.currency_id, target, call.company_id, day)
            if key not in rates:
                rates[key] = Currency._get_conversion_rate(*key)
            call.price_company = call.price * rates[key]

    def _compute_recording_play_url(self):
        for call in self:
            call.recording_play_url = (
                f"/crm_voip/recording/{call.id}" if call.recording_sid else False
            )

    # WEBHOOKS (called as superuser once the signature is checked) ------------------
    @api.model
    def _crm_voip_identify(self, e164, company, caller_name=None):
        """(contact, open lead) of a number; an unknown number becomes a contact.

        One indexed equality lookup per model on the stored E.164 numbers.
        """
        if not e164:
            return self.env["res.partner"], self.env["crm.lead"]
        partner = self.env["res.partner"]._crm_voip_find_by_e164(e164, company)
        lead = self.env["crm.lead"]._crm_voip_find_by_e164(e164, company)
        if not partner:
            partner = lead.partner_id
        if not partner:
            partner = self.env["res.partner"].create(
                {
                    "name": caller_name or e164,
                    "phone": e164,
                    "company_id": company.id,
                }
            )
        return partner, lead

    @api.model
    def _crm_voip_create_inbound(self, number, params):
        region = number.country_id.code
        e164 = normalize_e164(params.get("From"), region)
        partner, lead = self._crm_voip_identify(
            e164, number.company_id, params.get("CallerName")
        )
        return self.create(
            {
                "sid": params.get("CallSid"),
                "company_id": number.company_id.id,
                "number_id": number.id,
                "direction": "inbound",
                "from_number": params.get("From"),
                "to_number": params.get("To"),
                "external_number": e164 or params.get("From"),
                "partner_id": partner.id,
                "lead_id": lead.id,
                "twilio_status": params.get("CallStatus") or "ringing",
            }
        )

    @api.model
    def _crm_voip_create_outbound(self, operator, user, params):
        """Log an outbound call; refused (with a reason) when it may not go out."""
        number = operator.number_id
        company = self.env.company
        e164 = normalize_e164(params.get("To"), number.country_id.code)
        if not operator:
            reason = "not_operator"
        elif not operator.can_call_out:
            reason = "outgoing_disabled"
        elif not e164:
            reason = "invalid_number"
        elif self.env["phone.blacklist"].search_count([("number", "=", e164)], limit=1):
            reason = "blacklisted"
        else:
            reason = False
        partner, lead = (
            self._crm_voip_identify(e164, company)
            if e164 and reason != "blacklisted"
            else (self.env["res.partner"], self.env["crm.lead"])
        )
        call = self.create(
            {
                "sid": params.get("CallSid"),
                "company_id": company.id,
                "number_id": number.id,
                "user_id": user.id,
                "direction": "outbound",
                "from_number": number.phone_number,
                "to_number": params.get("To"),
                "external_number": e164 or params.get("To"),
                "partner_id": partner.id,
                "lead_id": lead.id,
                "refusal_reason": reason,
                "twilio_status": params.get("CallStatus") or "ringing",
            }
        )
        call._crm_voip_after_update()
        return call

    @api.model
    def _crm_voip_find(self, call_sid, company, lock=False):
        """The call of a Twilio SID in ``company``; ``lock``: see ``_crm_voip_lock``."""
        if not call_sid:
            return self.browse()
        call = self.search(
            [("sid", "=", call_sid), ("company_id", "=", company.id)], limit=1
        )
        if lock:
            call._crm_voip_lock()
        return call

    def _crm_voip_lock(self):
        """One webhook of a call at a time, each on the data the previous one left.

        Twilio may post two callbacks of a call at once (a retry, a leg's and the
        parent's status). An UPDATE that changes nothing, not only a row lock: under
        Odoo's REPEATABLE READ isolation, the second request waits for the first,
        then fails with a serialization error that Odoo's request loop retries on
        fresh data. So the second does not create the same leg or post the same
        summary again.
        """
        if self:
            # the expected serialization error is retried, not an error to log
            with mute_logger("odoo.sql_db"):
                self.env.cr.execute(
                    SQL(
                        "UPDATE crm_voip_call SET write_date = write_date "
                        "WHERE id IN %s",
                        tuple(self.ids),
                    )
                )

    @api.model
    def _crm_voip_create_once(self, create):
        """``create()``, the call of a new SID; if a concurrent request logged the same
        SID meanwhile (unique SID), this request is retried instead of failing."""
        try:
            with self.env.cr.savepoint(), mute_logger("odoo.sql_db"):
                return create()
        except errors.UniqueViolation as err:
            if err.diag.constraint_name != "crm_voip_call_sid_uniq":
                raise
            raise ConcurrentCallback(str(err)) from err

    def _crm_voip_client_parameters(self):
        """Custom parameters the browser receives with an incoming call."""
        self.ensure_one()
        return {
            "crm_voip_call_id": str(self.id),
            "crm_voip_partner_id": str(self.partner_id.id or ""),
            "crm_voip_partner_name": self.partner_id.display_name or "",
            "crm_voip_lead_id": str(self.lead_id.id or ""),
            "crm_voip_number": self.number_id.phone_number or "",
        }

    def _crm_voip_apply_status(self, params):
        """Parent-leg status callback: forward-only, so repeats change nothing."""
        self.ensure_one()
        status = params.get("CallStatus")
        if not status_moves_forward(self.twilio_status, status):
            return False
        vals = {"twilio_status": status}
        if STATUS_RANK[status] >= FINAL_RANK:
            vals["date_end"] = fields.Datetime.now()
            duration = params.get("CallDuration", "")
            if self.date_answer and duration.isdigit() and not self.duration:
                vals["duration"] = int(duration)
        self.write(vals)
        self._crm_voip_after_update()
        return True

    def _crm_voip_apply_dial_action(self, params):
        """<Dial action>: no-answer, busy, failed or canceled means missed."""
        self.ensure_one()
        status = params.get("DialCallStatus")
        if self.dial_status or not status:
            return False
        vals = {"dial_status": status}
        if status in ("completed", "answered") and not self.date_answer:
            vals["date_answer"] = fields.Datetime.now()
        duration = params.get("DialCallDuration", "")
        if duration.isdigit() and not self.duration:
            vals["duration"] = int(duration)
        self.write(vals)
        self._crm_voip_after_update()
        return True

    def _crm_voip_apply_leg_status(self, params, user):
        """Child leg (an operator's browser or the dialled number) callback."""
        self.ensure_one()
        Leg = self.env["crm.voip.call.leg"]
        leg = Leg.search(
            [("call_id", "=", self.id), ("sid", "=", params.get("CallSid"))], limit=1
        )
        if not leg:
            leg = Leg.create(
                {
                    "call_id": self.id,
                    "sid": params.get("CallSid"),
                    "to_number": params.get("To"),
                    "user_id": user.id,
                }
            )
        changed = leg._apply_status(params)
        duration = params.get("CallDuration", "")
        answered = params.get("CallStatus") in ("in-progress", "answered") or (
            params.get("CallStatus") == "completed"
            and duration.isdigit()
            and int(duration) > 0
        )
        vals = {}
        if answered and not self.date_answer:
            vals["date_answer"] = fields.Datetime.now()
            if user and self.direction == "inbound":
                vals["user_id"] = user.id
        if (
            answered
            and params.get("CallStatus") == "completed"
            and duration.isdigit()
            and not self.duration
        ):
            vals["duration"] = int(duration)
        if vals:
            self.write(vals)
            self._crm_voip_after_update()
        return changed or bool(vals)

    def _crm_voip_apply_recording(self, params):
        """Recording status callback: the recording of the parent leg."""
        self.ensure_one()
        status = params.get("RecordingStatus") or "completed"
        if self.recording_status == "completed" or (
            self.recording_sid == params.get("RecordingSid")
            and self.recording_status == status
        ):
            return False
        duration = params.get("RecordingDuration", "")
        self.write(
            {
                "recording_sid": params.get("RecordingSid"),
                "recording_url": params.get("RecordingUrl"),
                "recording_status": status,
                "recording_duration": int(duration) if duration.isdigit() else 0,
            }
        )
        return True

    def _crm_voip_after_update(self):
        """Ended calls: their cost is awaited, and they go on the records' chatter."""
        ended = self.filtered(lambda c: c.state in FINAL_STATES)
        ended.filtered(
            lambda c: c.cost_state == "none" and c.state != "refused" and c.sid
        ).cost_state = "pending"
        ended.filtered(lambda c: not c.summary_posted)._crm_voip_post_summary()
        self._crm_voip_notify_softphones()

    def _crm_voip_notify_softphones(self):
        """Live update of the softphones' recent calls, by the bus: the agent's, or, for
        a call nobody took, the operators of its number."""
        calls_by_user = defaultdict(list)
        for call in self:
            users = call.user_id or call.number_id.operator_ids.user_id
            for user in users:
                calls_by_user[user].append(call.id)
        for user, call_ids in calls_by_user.items():
            user._bus_send("crm_voip_call_updated", {"ids": call_ids})

    def _crm_voip_summary(self):
        self.ensure_one()
        state = self._fields["state"].convert_to_export(self.state, self)
        values = {
            "call": self.name,
            "state": state,
            "agent": self.user_id.name or "-",
            "number": self.number_id.phone_number or "-",
            "duration": self.duration,
        }
        template = Markup(
            self.env._(
                "<b>%(call)s</b>: %(state)s<br/>Agent: %(agent)s, "
                "number %(number)s, %(duration)s s"
            )
        )
        return template % values

    def _crm_voip_post_summary(self):
        """Post the call on its contact's and lead's chatter, once."""
        for call in self:
            body = call._crm_voip_summary()
            for record in (call.partner_id, call.lead_id):
                if record:
                    record.message_post(
                        body=body,
                        message_type="comment",
                        subtype_xmlid="mail.mt_note",
                        author_id=call.user_id.partner_id.id
                        or self.env.ref("base.partner_root").id,
                    )
        self.summary_posted = True

    # ACTIONS -----------------------------------------------------------------------
    def action_play_recording(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_url",
            "url": self.recording_play_url,
            "target": "new",
        }

    # CRON --------------------------------------------------------------------------
    @api.model
    def _cron_fetch_costs(self, batch_size=100, max_age_days=3):
        """Fetch the price Twilio publishes after a call: parent and child legs summed.

        Calls Twilio does not price yet stay pending for the next run, until
        ``max_age_days`` after they ended; Twilio being unreachable is retried too.
        Odoo's cron runs the next batch at once while a batch settles some calls and
        more are pending (``_notify_progress``), and stops when one settles none.
        """
        self.env.cr.execute(
            SQL(
                "SELECT id FROM crm_voip_call WHERE cost_state = 'pending' "
                "ORDER BY date_end NULLS FIRST, id LIMIT %s FOR UPDATE SKIP LOCKED",
                batch_size,
            )
        )
        calls = self.browse(row[0] for row in self.env.cr.fetchall())
        if not calls:
            return
        currencies = {
            c.name: c
            for c in self.env["res.currency"].with_context(active_test=False).search([])
        }
        too_old = fields.Datetime.now() - timedelta(days=max_age_days)
        updates = {}  # (cost_state, price, currency id) -> call ids
        leg_updates = {}  # (price, currency id) -> leg ids
        legs_by_sid = {leg.sid: leg for leg in calls.leg_ids}
        for account, account_calls in calls.grouped(
            lambda c: c.number_id.account_id
        ).items():
            try:
                gateway = account._gateway() if account else None
            except Exception:  # noqa: BLE001 - credentials removed: give up
                gateway = None
            for call in account_calls:
                key = call._cost_from_twilio(gateway, currencies, legs_by_sid, too_old)
                if key is None:
                    continue
                key, call_legs = key
                updates.setdefault(key, []).append(call.id)
                for leg_key, leg_id in call_legs:
                    leg_updates.setdefault(leg_key, []).append(leg_id)
        for (cost_state, price, currency_id), ids in updates.items():
            self.browse(ids).write(
                {"cost_state": cost_state, "price": price, "currency_id": currency_id}
            )
        for (price, currency_id), ids in leg_updates.items():
            self.env["crm.voip.call.leg"].browse(ids).write(
                {"price": price, "currency_id": currency_id}
            )
        settled = sum(len(ids) for ids in updates.values())
        # a full batch: more may wait behind it
        remaining = (
            self.search_count([("cost_state", "=", "pending")])
            if len(calls) == batch_size
            else 0
        )
        self.env["ir.cron"]._notify_progress(done=settled, remaining=remaining)

    def _cost_from_twilio(self, gateway, currencies, legs_by_sid, too_old):
        """((cost_state, price, currency id), [((price, currency), leg id)]) or None."""
        self.ensure_one()
        give_up = not self.date_end or self.date_end < too_old
        not_now = (("unavailable", 0.0, False), []) if give_up else None
        if gateway is None:
            return not_now
        try:
            prices = gateway.call_prices(self.sid)
        except TwilioGatewayError as err:
            _logger.info("Twilio price of %s not fetched: %s", self.sid, err.message)
            return not_now
        if not prices or any(p is None for _sid, p, _u in prices):
            return not_now
        unit = next((u for _sid, _p, u in prices if u), "USD")
        currency = currencies.get(unit.upper())
        total = sum(abs(float(p)) for _sid, p, _u in prices)
        legs = [
            ((abs(float(p)), currency.id if currency else False), legs_by_sid[sid].id)
            for sid, p, _u in prices
            if sid in legs_by_sid
        ]
        return ("done", round(total, 6), currency.id if currency else False), legs

    @api.model
    def _cron_fetch_recordings(self, max_age_days=2):
        """Recordings whose status callback never reached Odoo (Odoo down, a refused
        or lost request): asked from Twilio for the answered calls of the last
        ``max_age_days`` that have none. One listing per account (recordings
        created since then), matched on the call's or a leg's SID; applied as the
        callback would, so a second run, or the callback arriving after, changes
        nothing. Twilio unreachable: the next run tries again."""
        since = fields.Datetime.now() - timedelta(days=max_age_days)
        calls = self.search(
            [
                ("state", "=", "answered"),
                ("sid", "!=", False),
                ("recording_status", "!=", "completed"),
                ("date_start", ">=", since),
                ("number_id.account_id", "!=", False),
            ]
        )
        found = 0
        for account, account_calls in calls.grouped(
            lambda c: c.number_id.account_id
        ).items():
            try:
                recordings = account._gateway().recordings_since(since)
            except (TwilioGatewayError, UserError) as err:
                _logger.info("Twilio recordings of %s not fetched: %s", account, err)
                continue
            by_sid = {call.sid: call for call in account_calls}
            by_sid.update(
                {leg.sid: leg.call_id for leg in account_calls.leg_ids if leg.sid}
            )
            # oldest first: a call recorded twice keeps its first recording
            for rec in reversed(recordings):
                call = by_sid.get(rec["call_sid"])
                if not call or rec["status"] != "completed":
                    continue
                duration = str(rec["duration"] or "")
                found += call._crm_voip_apply_recording(
                    {
                        "RecordingSid": rec["sid"],
                        "RecordingUrl": rec["url"],
                        "RecordingStatus": "completed",
                        "RecordingDuration": duration,
                    }
                )
        return found
