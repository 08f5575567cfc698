# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Our modules installed into a database that already works, as a company does from
*Apps*: Odoo's CRM, sales and invoicing with their demo data and a few more leads,
opportunities and posted invoices first (committed), then our five modules in a second
step (``-i`` on the existing database), then uninstalled.

Checks that every lead and opportunity already there gets a sensible status (won and
lost ones their closed status, open ones an open status), that posted invoices keep
their number, that uninstalling leaves no table or column of ours and that Odoo's own
flows (a lead converted and won, an invoice posted) still work afterwards.
"""

import json
import os

import odoo

from .common import BRIDGES, MODULES
from .test_install_alone import _drop, _odoo

ODOO_APPS = "crm,sale_crm,account"

SCHEMA = """
def schema():
    env.cr.execute(
        "SELECT table_name, column_name FROM information_schema.columns"
        " WHERE table_schema = 'public'"
    )
    return sorted(f"{t}.{c}" for t, c in env.cr.fetchall())
"""

# Step 1: the company's data, made through Odoo's own buttons, committed
BEFORE = (
    SCHEMA
    + """
import json
Lead = env["crm.lead"]
partner = env["res.partner"].create(
    {"name": "Existing Customer SA", "is_company": True}
)
stages = env["crm.stage"].search([("is_won", "=", False)], order="sequence")
leads = Lead.create([
    {"name": "Existing lead", "type": "lead", "contact_name": "Jeanne Martin"},
    {"name": "Existing lead lost", "type": "lead"},
] + [
    {"name": f"Existing opportunity {s.name}", "type": "opportunity",
     "partner_id": partner.id, "stage_id": s.id}
    for s in stages
] + [
    {"name": f"Existing opportunity {end}", "type": "opportunity",
     "partner_id": partner.id}
    for end in ("won", "lost")
])
leads.filtered(lambda l: l.name.endswith("lost")).action_set_lost()
leads.filtered(lambda l: l.name.endswith("won")).action_set_won()
invoice = env["account.move"].create({
    "move_type": "out_invoice",
    "partner_id": partner.id,
    "invoice_line_ids": [
        (0, 0, {"name": "Existing service", "quantity": 1, "price_unit": 100})
    ],
})
invoice.action_post()
env.cr.commit()
moves = env["account.move"].search([("state", "=", "posted")])
print("RESULT " + json.dumps({
    "schema": schema(),
    "moves": {str(m.id): m.name for m in moves},
    "leads": Lead.with_context(active_test=False).search_count([]),
}))
"""
)

# Step 3: what the existing records got from the install
AFTER_INSTALL = """
import json
Lead = env["crm.lead"].with_context(active_test=False)
rows = []
for lead in Lead.search([]):
    scope = lead.type
    status = lead[f"{scope}_status_id"]
    company = lead.company_id or env.company
    roles = company._crm_status_roles()
    rows.append({
        "name": lead.name,
        "type": scope,
        "active": lead.active,
        "won": bool(lead.active and lead.stage_id.is_won),
        "lost": bool(not lead.active and lead.probability == 0),
        "status": status.name or False,
        "role": roles.get(status.id, False),
        "closed": bool(status.is_closed) if status else None,
    })
partners = env["res.partner"].search_count(
    [("prospect_status_id", "!=", False), ("crm_partner_type", "!=", "prospect")]
)
moves = env["account.move"].search([("state", "=", "posted")])
print("RESULT " + json.dumps({
    "leads": rows,
    "stray_prospect_status": partners,
    "moves": {str(m.id): m.name for m in moves},
}))
"""

# Step 4: uninstalled, Odoo's own flows still work (on the registry without us)
AFTER_UNINSTALL = """
import json
from odoo import SUPERUSER_ID, api
from odoo.modules.registry import Registry
# the bridges installed here (those whose Odoo app is installed): Odoo refuses to
# uninstall a module that is not installed
modules = env["ir.module.module"].search(
    [("name", "in", {modules!r}), ("state", "=", "installed")]
)
modules.button_immediate_uninstall()
states = {{m.name: m.state for m in modules}}
env.cr.commit()
with Registry(env.cr.dbname).cursor() as cr:
    env = api.Environment(cr, SUPERUSER_ID, {{}})
    cr.execute(
        "SELECT table_name, column_name FROM information_schema.columns"
        " WHERE table_schema = 'public'"
    )
    schema = sorted(f"{{t}}.{{c}}" for t, c in cr.fetchall())
    lead = env["crm.lead"].create({{"name": "After uninstall", "type": "lead",
                                   "partner_name": "After Uninstall SARL"}})
    wizard = env["crm.lead2opportunity.partner"].with_context(
        active_model="crm.lead", active_id=lead.id, active_ids=lead.ids
    ).create({{"name": "convert", "action": "create"}})
    wizard.action_apply()
    lead.action_set_won()
    invoice = env["account.move"].create({{
        "move_type": "out_invoice",
        "partner_id": lead.partner_id.id,
        "invoice_line_ids": [
            (0, 0, {{"name": "After", "quantity": 1, "price_unit": 10}})
        ],
    }})
    invoice.action_post()
    previous = env["account.move"].search(
        [("state", "=", "posted"), ("journal_id", "=", invoice.journal_id.id),
         ("id", "!=", invoice.id), ("move_type", "=", "out_invoice")],
        order="id desc", limit=1).name
    print("RESULT " + json.dumps({{
        "states": states,
        "schema": schema,
        "lead": [lead.type, lead.stage_id.is_won],
        "invoice": invoice.name,
        "previous": previous,
    }}))
"""


def _result(output):
    line = next(
        line for line in reversed(output.splitlines()) if line.startswith("RESULT ")
    )
    return json.loads(line[len("RESULT ") :])


def _shell(db, script):
    out = _odoo("-d", db, "--log-level", "warn", command=["shell"], stdin=script)
    return _result(out)


def test_install_into_existing_database_and_uninstall():
    db = os.environ.get("CRM_EXT_EXISTING_DB") or (
        f"{odoo.tools.config['db_name']}_existing"
    )
    _drop(db)
    try:
        # 1. the company's Odoo: CRM, sales, invoicing, demo data, its own records
        _odoo("-d", db, "-i", ODOO_APPS, "--stop-after-init", "--log-level", "warn")
        before = _shell(db, BEFORE)
        assert before["moves"], "no posted invoice to compare"

        # 2. our modules installed in a second step (the bridges come with sale_crm)
        modules = ",".join(MODULES)
        _odoo("-d", db, "-i", modules, "--stop-after-init", "--log-level", "warn")
        after = _shell(db, AFTER_INSTALL)
        assert len(after["leads"]) == before["leads"]
        missing = [r["name"] for r in after["leads"] if not r["status"]]
        assert not missing, f"existing records without a status: {missing}"
        for row in after["leads"]:
            if row["lost"]:
                assert row["role"] == "lost", row
            elif row["won"]:
                assert row["role"] == "won", row
            elif row["active"]:
                assert row["closed"] is False, f"an open record closed: {row}"
        roles = {(r["type"], r["role"]) for r in after["leads"]}
        assert {("lead", "new"), ("lead", "lost")} <= roles, roles
        assert {("opportunity", "won"), ("opportunity", "lost")} <= roles, roles
        assert after["stray_prospect_status"] == 0
        # invoice numbering is Odoo's until an admin switches ours on
        assert after["moves"] == before["moves"]

        # 3. uninstalled: the database as it was, Odoo's flows working
        final = _shell(db, AFTER_UNINSTALL.format(modules=MODULES + BRIDGES))
        assert set(final["states"].values()) == {"uninstalled"}, final["states"]
        leftovers = sorted(set(final["schema"]) - set(before["schema"]))
        assert not leftovers, f"left by our modules: {leftovers}"
        assert final["lead"] == ["opportunity", True]
        assert final["invoice"] and final["invoice"] > final["previous"], final
    finally:
        _drop(db)
