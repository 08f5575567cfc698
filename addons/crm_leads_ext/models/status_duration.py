# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Time spent in each status, read from the chatter's tracking values.

Odoo's ``mail.tracking.duration.mixin`` does this for one field per model
(``stage_id`` on leads); the status lists need it for other fields, so the same
computation is done here for any tracked many2one, in one query for a batch."""

from collections import defaultdict


def status_durations(records, fname):
    """{record id: {status id (str): seconds}} for the tracked many2one `fname`."""
    env = records.env
    ids = tuple(records._origin.ids)
    if not ids:
        return {}
    field = env["ir.model.fields"]._get(records._name, fname)
    env["mail.tracking.value"].flush_model()
    env["mail.message"].flush_model()
    env.cr.execute(
        """
        SELECT m.res_id, v.create_date, v.old_value_integer, v.new_value_integer
          FROM mail_tracking_value v
          JOIN mail_message m ON m.id = v.mail_message_id
         WHERE v.field_id = %s AND m.model = %s AND m.res_id IN %s
      ORDER BY v.id
        """,
        [field.id, records._name, ids],
    )
    trackings = defaultdict(list)
    for res_id, date, old_value, new_value in env.cr.fetchall():
        trackings[res_id].append((date, old_value, new_value))
    # the statuses that follow Odoo's own buttons (Lost, Convert, Won) are not
    # tracked: the status date says when the record entered its current status
    date_fname = fname.replace("_id", "_date")
    if date_fname not in records._fields:
        date_fname = None
    now = env.cr.now()
    result = {}
    for record in records:
        durations = defaultdict(int)
        previous = record.create_date or now
        changes = trackings.get(record._origin.id, [])
        last = changes[-1][2] if changes else None
        entered = date_fname and record[date_fname]
        if last and entered and entered > changes[-1][0] and last != record[fname].id:
            changes = [*changes, (entered, last, record[fname].id)]
        for date, old_value, _new in [*changes, (now, record[fname].id, None)]:
            if old_value:
                durations[str(old_value)] += int((date - previous).total_seconds())
            previous = date
        result[record._origin.id] = dict(durations)
    return result
