# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

# Odoo ANDs global record rules together: a rule of ours could only narrow what
# base's `res.partner company` rule lets through, never add the contacts shared
# with a company. So its domain gets one more alternative, taken back on uninstall.
SHARED_PREFIX = "['|', ('crm_shared_company_ids', 'in', company_ids)] + "


def _partner_rule(env):
    return env.ref("base.res_partner_rule", raise_if_not_found=False)


def post_init_hook(env):
    """Map the default lead statuses in every existing company, give the leads
    already there their status, and let contacts be shared with chosen companies."""
    env["res.company"].search([])._crm_lead_status_set_defaults()
    env["crm.lead"]._crm_lead_status_init()
    rule = _partner_rule(env)
    if rule and not rule.domain_force.startswith(SHARED_PREFIX):
        rule.domain_force = SHARED_PREFIX + rule.domain_force


def uninstall_hook(env):
    # the statuses are the module's data, removed before its columns: references
    # to them (ondelete restrict) go first
    env.cr.execute(
        "UPDATE crm_lead SET lead_status_id = NULL, opportunity_status_id = NULL"
        " WHERE lead_status_id IS NOT NULL OR opportunity_status_id IS NOT NULL"
    )
    env.cr.execute(
        "UPDATE res_partner SET prospect_status_id = NULL"
        " WHERE prospect_status_id IS NOT NULL"
    )
    rule = _partner_rule(env)
    if rule and rule.domain_force.startswith(SHARED_PREFIX):
        rule.domain_force = rule.domain_force[len(SHARED_PREFIX) :]
