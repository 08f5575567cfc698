/* Copyright 2026 CRM Practices contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0). */
import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

// From a lead: create a meeting with a category and two reminders.
registry.category("web_tour.tours").add("crm_events_reminders_meeting_tour", {
    steps: () => [
        {
            trigger: ".o_form_view .o_notebook a.nav-link:contains(Events)",
            run: "click",
        },
        {
            trigger:
                "button[name=action_crm_new_event]:contains(Create an appointment)",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=crm_partner_id] input",
        },
        {
            trigger: ".o_field_widget[name=name] input",
            run: "edit Demo at the customer",
        },
        {
            trigger: ".o_field_widget[name=crm_category_id] input",
            run: "edit Train",
        },
        {
            trigger: ".ui-menu-item a:contains(Training)",
            run: "click",
        },
        {
            trigger: ".o_notebook a.nav-link:contains(Reminders)",
            run: "click",
        },
        {
            trigger:
                ".o_field_widget[name=crm_reminder_ids] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            trigger:
                ".o_field_widget[name=crm_reminder_ids] .o_data_row:eq(0) .o_field_widget[name=duration] input",
            run: "edit 30",
        },
        {
            trigger:
                ".o_field_widget[name=crm_reminder_ids] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            trigger:
                ".o_field_widget[name=crm_reminder_ids] .o_data_row:eq(1) .o_field_widget[name=duration] input",
            run: "edit 120",
        },
        ...stepUtils.saveForm(),
    ],
});

// A meeting that did not take place: close it as not held, then follow it up.
registry.category("web_tour.tours").add("crm_events_reminders_followup_tour", {
    steps: () => [
        {
            trigger:
                ".o_form_view button[name=action_crm_open_cancel]:contains(Not held)",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=reason] input",
            run: "edit The customer did not come",
        },
        {
            trigger: ".modal button[name=action_confirm]",
            run: "click",
        },
        {
            trigger:
                ".o_statusbar_status button.o_arrow_button_current:contains(Not held)",
        },
        {
            trigger: ".o_form_view button[name=action_crm_followup]",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=name] input",
            run: "edit Second visit",
        },
        {
            trigger: ".modal button[name=action_create_followup]",
            run: "click",
        },
        {
            trigger: "body:not(:has(.modal))",
        },
        {
            trigger:
                ".o_form_view .o_field_widget[name=name] input:value(Second visit)",
        },
        {
            trigger:
                ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains(Planned)",
        },
        {
            trigger: ".o_field_widget[name=location] input",
            run: "edit Lyon",
        },
        ...stepUtils.saveForm(),
    ],
});

// Build a weekly recurrence with the assistant and read its summary.
registry.category("web_tour.tours").add("crm_events_reminders_recurrence_tour", {
    steps: () => [
        {
            trigger: ".o_form_view button[name=action_crm_recurrence_wizard]",
            run: "click",
        },
        {
            trigger: ".modal div[name=mon] input",
            run: "click",
        },
        {
            trigger: ".modal div[name=count] input",
            run: "edit 5",
        },
        {
            trigger:
                ".modal .o_field_widget[name=summary]:contains(Every week on Monday, Tuesday, 5 times)",
        },
        {
            trigger: ".modal button[name=action_apply]",
            run: "click",
        },
        {
            trigger:
                ".o_form_view .o_field_widget[name=crm_recurrence_summary]:contains(Every week on Monday, Tuesday, 5 times)",
        },
        {
            // Back on the same event, without a second breadcrumb of it.
            trigger: ".o_control_panel .o_breadcrumb:not(:has(.o_back_button))",
        },
        {
            trigger: ".o_field_widget[name=location] input",
            run: "edit Nantes",
        },
        ...stepUtils.saveForm(),
    ],
});

// A salesperson creates an event in the form: their default reminder is there.
registry.category("web_tour.tours").add("crm_events_reminders_default_reminder_tour", {
    steps: () => [
        {
            trigger: ".o_list_view .o_list_button_add",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=name] input",
            run: "edit Customer visit",
        },
        {
            trigger: ".o_notebook a.nav-link:contains(Reminders)",
            run: "click",
        },
        ...stepUtils.saveForm(),
    ],
});
