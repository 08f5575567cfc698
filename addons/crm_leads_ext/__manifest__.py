# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "CRM Leads Extended",
    "summary": "Lead, prospect and opportunity statuses, catalogues, duplicates",
    "version": "18.0.1.0.0",
    "category": "Sales/CRM",
    "author": "CRM Practices contributors",
    "license": "LGPL-3",
    "depends": ["crm", "mail", "phone_validation"],
    "data": [
        "security/crm_leads_ext_security.xml",
        "security/ir.model.access.csv",
        "data/crm_lead_status_data.xml",
        "data/crm_qualification_data.xml",
        "wizard/crm_lead_to_opportunity_views.xml",
        "wizard/crm_lead_close_siblings_views.xml",
        "views/crm_lead_status_views.xml",
        "views/crm_lead_views.xml",
        "views/res_partner_views.xml",
        "views/crm_qualification_views.xml",
        "views/res_config_settings_views.xml",
        "views/crm_leads_ext_menus.xml",
    ],
    "assets": {
        "web.assets_backend": ["crm_leads_ext/static/src/**/*"],
        "web.assets_tests": ["crm_leads_ext/static/tests/tours/**/*"],
    },
    "post_init_hook": "post_init_hook",
    "uninstall_hook": "uninstall_hook",
    "installable": True,
}
