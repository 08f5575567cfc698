/* Copyright 2026 CRM Practices contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0). */
import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

// A salesperson wins an opportunity of a prospect by dragging it to the Won column
// of their pipeline: the prospect's other open opportunity is offered for closing,
// and closed. Then they win another prospect's opportunity from the status bar of
// its form, and keep the other one open.
registry.category("web_tour.tours").add("crm_leads_ext_close_siblings_tour", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps("crm.crm_menu_root"),
        {
            trigger: 'button[data-menu-xmlid="crm.crm_menu_sales"]',
            run: "click",
        },
        {
            trigger: 'a[data-menu-xmlid="crm.menu_crm_opportunities"]',
            run: "click",
        },
        {
            content: "Drag the first deal to the Won column",
            trigger: ".o_kanban_record:contains('Siblings Deal A1')",
            run: "drag_and_drop (.o_kanban_group:has(.o_column_title:contains('Won')))",
        },
        {
            content: "The prospect's other open opportunity is offered for closing",
            trigger:
                ".modal:contains('Siblings Prospect A') .o_field_widget[name=sibling_ids] .o_data_row:contains('Siblings Deal A2')",
        },
        {
            trigger: ".modal .modal-footer button[name=action_close]",
            run: "click",
        },
        {
            content: "Closed as lost: gone from the pipeline; the won deal stays",
            trigger:
                "body:not(:has(.modal)) .o_kanban_renderer:not(:has(.o_kanban_record:contains('Siblings Deal A2'))) .o_kanban_group:has(.o_column_title:contains('Won')) .o_kanban_record:contains('Siblings Deal A1')",
        },
        {
            trigger: ".o_kanban_record:contains('Siblings Deal B1')",
            run: "click",
        },
        {
            content: "Win it from the status bar of its form",
            trigger:
                ".o_form_view .o_field_widget[name=stage_id] button:contains('Won')",
            run: "click",
        },
        {
            content: "The same offer",
            trigger:
                ".modal .o_field_widget[name=sibling_ids] .o_data_row:contains('Siblings Deal B2')",
        },
        {
            content: "Keep it open",
            trigger: ".modal .modal-footer button:contains('Keep them open')",
            run: "click",
        },
        {
            content: "Won, and the button stays to close the others later",
            trigger:
                "body:not(:has(.modal)) .o_form_view .o_form_statusbar button[name=action_crm_close_siblings]",
        },
    ],
});
