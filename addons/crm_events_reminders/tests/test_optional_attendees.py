# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from freezegun import freeze_time

from odoo.tests import Form, tagged

from .common import EventsCommon

NOTE = "Your attendance is optional."


@tagged("post_install", "-at_install")
class TestOptionalAttendees(EventsCommon):
    """Dynamics' required and optional attendees, on Odoo's calendar.attendee."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.assistant = cls.env["res.partner"].create(
            {
                "name": "Audrey Peterson",
                "parent_id": cls.customer.id,
                "email": "audrey@example.com",
            }
        )

    def _invitations(self, event, partner):
        messages = self.env["mail.message"].search(
            [
                ("model", "=", "calendar.event"),
                ("res_id", "=", event.id),
                ("partner_ids", "in", partner.ids),
            ]
        )
        return messages.filtered(lambda m: "invited you" in str(m.body))

    @freeze_time("2026-03-01 08:00:00")
    def test_optional_attendee_from_the_form(self):
        action = self.lead.with_user(self.rep).action_crm_new_event()
        with Form(
            self.env["calendar.event"]
            .with_user(self.rep)
            .with_context(**action["context"], crm_events_no_default_reminder=True)
        ) as form:
            form.name = "Demo"
            form.start = "2026-03-10 09:00:00"
            form.stop = "2026-03-10 10:00:00"
            form.crm_optional_partner_ids.add(self.assistant)
        event = form.record
        # Invited like the others, flagged optional; the contact is required.
        self.assertIn(self.assistant, event.partner_ids)
        attendees = {a.partner_id: a for a in event.attendee_ids}
        self.assertTrue(attendees[self.assistant].crm_optional)
        self.assertFalse(attendees[self.contact].crm_optional)
        # Odoo's own invitation says so to the optional attendee only.
        optional_mail = self._invitations(event, self.assistant)
        required_mail = self._invitations(event, self.contact)
        self.assertEqual(len(optional_mail), 1)
        self.assertEqual(len(required_mail), 1)
        self.assertIn(NOTE, str(optional_mail.body))
        self.assertNotIn(NOTE, str(required_mail.body))
        # The attendee list of the form shows the flag.
        arch = (
            self.env["calendar.event"]
            .with_user(self.rep)
            .get_views([(False, "form")])["views"]["form"]["arch"]
        )
        self.assertIn('name="crm_optional"', arch)
        self.assertIn('name="crm_optional_partner_ids"', arch)

    def test_invitation_file_marks_optional(self):
        event = self._event(
            partner_ids=[(6, 0, (self.rep.partner_id | self.contact).ids)],
            crm_optional_partner_ids=[(6, 0, self.assistant.ids)],
        )
        ics = event._get_ics_file()[event.id].decode()
        lines = ics.replace("\r\n ", "").splitlines()
        audrey = next(line for line in lines if "audrey@example.com" in line)
        brandon = next(line for line in lines if "brandon@example.com" in line)
        self.assertIn("ROLE=OPT-PARTICIPANT", audrey)
        self.assertNotIn("ROLE", brandon)

    def test_required_again_or_removed(self):
        event = self._event(
            partner_ids=[(6, 0, self.contact.ids)],
            crm_optional_partner_ids=[(6, 0, self.assistant.ids)],
        ).with_user(self.rep)
        self.assertEqual(event.partner_ids, self.contact | self.assistant)
        # No longer optional: still an attendee, now required.
        event.crm_optional_partner_ids = [(5, 0, 0)]
        self.assertIn(self.assistant, event.partner_ids)
        self.assertFalse(event.attendee_ids.filtered("crm_optional"))
        # Removed from the attendees: no longer an optional one either.
        event.crm_optional_partner_ids = [(6, 0, self.assistant.ids)]
        self.assertTrue(event.attendee_ids.filtered("crm_optional"))
        event.partner_ids = [(3, self.assistant.id)]
        self.assertFalse(event.crm_optional_partner_ids)

    def test_without_optional_nothing_changes(self):
        """Events without optional attendees render Odoo's invitation as is."""
        template = self.env.ref("calendar.calendar_template_meeting_invitation")
        event = self._event(partner_ids=[(6, 0, self.contact.ids)])
        attendee = event.attendee_ids
        body = template._render_field("body_html", attendee.ids)[attendee.id]
        self.assertNotIn(NOTE, str(body))
        self.assertFalse(attendee.crm_optional)
