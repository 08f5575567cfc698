/* Copyright 2026 CRM Practices contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0). */
import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

// Open leads are a kanban grouped by lead status: drag a lead to another status.
registry.category("web_tour.tours").add("crm_leads_ext_status_tour", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps("crm.crm_menu_root"),
        {
            trigger: 'button[data-menu-xmlid="crm.crm_menu_leads"]',
            run: "click",
        },
        {
            trigger: 'a[data-menu-xmlid="crm_leads_ext.crm_lead_menu_open_leads"]',
            run: "click",
        },
        {
            content: "The lead is in the To process column",
            trigger:
                ".o_kanban_group:has(.o_column_title:contains('To process')) .o_kanban_record:contains('Tour lead')",
        },
        {
            content: "Drag it to Nurturing",
            trigger: ".o_kanban_record:contains('Tour lead')",
            run: "drag_and_drop (.o_kanban_group:has(.o_column_title:contains('Nurturing')))",
        },
        {
            content: "It is in the Nurturing column",
            trigger:
                ".o_kanban_group:has(.o_column_title:contains('Nurturing')) .o_kanban_record:contains('Tour lead')",
        },
    ],
});
