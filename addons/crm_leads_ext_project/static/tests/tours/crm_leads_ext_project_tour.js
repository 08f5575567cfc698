/* Copyright 2026 CRM Practices contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0). */
import {registry} from "@web/core/registry";

// A salesperson who is a project user creates a task from their opportunity,
// saves it, and finds it again through the opportunity's Tasks button.
registry.category("web_tour.tours").add("crm_leads_ext_project_task_tour", {
    steps: () => [
        {
            trigger: ".o_kanban_record:contains('Tour Project Deal')",
            run: "click",
        },
        {
            content: "No task yet: no Tasks button",
            trigger:
                ".o_form_view:has(button[name=action_crm_create_task]):not(:has(button[name=action_view_crm_tasks]))",
        },
        {
            trigger: ".o_form_view button[name=action_crm_create_task]",
            run: "click",
        },
        {
            content: "The task form, prefilled from the opportunity",
            trigger: ".o_form_view .o_field_widget[name=opportunity_id] input",
            run() {
                const value = (selector) => document.querySelector(selector).value;
                const opportunity = value(".o_field_widget[name=opportunity_id] input");
                const name = value(
                    ".o_field_widget[name=name] textarea, .o_field_widget[name=name] input"
                );
                if (
                    opportunity !== "Tour Project Deal" ||
                    name !== "Tour Project Deal"
                ) {
                    throw new Error(`task not prefilled: ${name} / ${opportunity}`);
                }
            },
        },
        {
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
        {
            content: "Saved",
            trigger: ".o_form_saved:has(.o_field_widget[name=opportunity_id])",
        },
        {
            trigger: ".o_breadcrumb .breadcrumb-item a:contains('Tour Project Deal')",
            run: "click",
        },
        {
            trigger:
                ".o_form_view button[name=action_view_crm_tasks] .o_stat_value:contains('1')",
            run: "click",
        },
        {
            content: "The task, opened from the opportunity",
            trigger:
                ".o_form_view:has(.o_field_widget[name=user_ids]) .o_breadcrumb .active:contains('Tour Project Deal')",
        },
    ],
});
