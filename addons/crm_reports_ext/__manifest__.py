# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "CRM Reports",
    "summary": "Sales funnel, forecast, won deals and statistics per salesperson as "
    ".xlsx reports and graphs",
    "version": "18.0.1.0.0",
    "category": "Sales/CRM",
    "author": "CRM Practices contributors",
    "license": "LGPL-3",
    "website": "https://github.com/crm-practices/odoo-crm-practices",
    "maintainers": ["crm-practices"],
    "development_status": "Beta",
    "depends": ["crm"],
    "external_dependencies": {"python": ["xlsxwriter"]},
    "data": [
        "security/crm_reports_ext_security.xml",
        "security/ir.model.access.csv",
        "views/crm_report_line_views.xml",
        "views/crm_report_views.xml",
        "views/res_config_settings_views.xml",
        "views/crm_reports_ext_menus.xml",
    ],
    "demo": ["demo/crm_report_demo.xml"],
    "assets": {
        "web.assets_tests": ["crm_reports_ext/static/tests/tours/**/*"],
    },
}
