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
            run: "click",
        },
        {
            content:
                "The status bar reads left to right like Odoo's: the first status on the left, the current one highlighted",
            trigger:
                ".o_form_statusbar .o_field_crm_status_duration:has(button[aria-checked=true]:contains('Nurturing'))",
            run() {
                const bar = document.querySelector(
                    ".o_form_statusbar .o_field_crm_status_duration .o_statusbar_status"
                );
                const buttons = [
                    ...bar.querySelectorAll(".o_arrow_button:not(.d-none)"),
                ];
                const left = (text) =>
                    buttons
                        .find((b) => b.textContent.includes(text))
                        .getBoundingClientRect().left;
                if (!(left("To process") < left("Nurturing"))) {
                    throw new Error("The status bar reads right to left");
                }
                const current = buttons.find((b) =>
                    b.textContent.includes("Nurturing")
                );
                if (!current.classList.contains("o_arrow_button_current")) {
                    throw new Error("The current status is not highlighted");
                }
            },
        },
    ],
});
