# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "CRM Leads Extended - Project",
    "summary": "Create a project or a task from an opportunity or a prospect",
    "version": "18.0.1.0.0",
    "category": "Sales/CRM",
    "author": "CRM Practices contributors",
    "license": "LGPL-3",
    "website": "https://github.com/crm-practices/odoo-crm-practices",
    "maintainers": ["crm-practices"],
    "development_status": "Beta",
    "depends": ["crm_leads_ext", "project"],
    "data": [
        "security/crm_leads_ext_project_security.xml",
        "views/crm_lead_views.xml",
        "views/res_partner_views.xml",
        "views/project_project_views.xml",
        "views/project_task_views.xml",
        "views/res_config_settings_views.xml",
    ],
    "assets": {
        "web.assets_tests": ["crm_leads_ext_project/static/tests/tours/**/*"],
    },
    "auto_install": True,
}
