/* Copyright 2026 CRM Practices contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0). */
import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

// CRM > Configuration > Settings shows this module's block.
registry.category("web_tour.tours").add("crm_reports_ext_settings_tour", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps("crm.crm_menu_root"),
        {
            trigger: 'button[data-menu-xmlid="crm.crm_menu_config"]',
            run: "click",
        },
        {
            trigger: 'a[data-menu-xmlid="crm.crm_config_settings_menu"]',
            run: "click",
        },
        {
            trigger: ".o_settings_container #crm_reports_ext_reports_setting",
        },
    ],
});
