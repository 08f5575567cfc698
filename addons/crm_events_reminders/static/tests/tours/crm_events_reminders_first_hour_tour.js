/* Copyright 2026 CRM Practices contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0). */
import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";
import {screenshotStep} from "@crm_events_reminders/../tests/tours/crm_events_reminders_readme_step";

const CUSTOMER = "Boulangerie Lyonnaise";
const OPPORTUNITY = "Vitrines réfrigérées";

function eventSteps(button, name, minutes, shot) {
    return [
        {
            trigger: ".o_form_view .o_notebook a.nav-link:contains('Événements')",
            run: "click",
        },
        {
            trigger: `.o_form_view button[name=action_crm_new_event]:contains('${button}')`,
            run: "click",
        },
        {
            content: "The company customer is prefilled",
            trigger: `.o_form_view .o_field_widget[name=crm_partner_id] input:value(${CUSTOMER})`,
        },
        {
            trigger: ".o_form_view .o_field_widget[name=name] input",
            run: `edit ${name}`,
        },
        screenshotStep(
            shot,
            `.o_form_view .o_field_widget[name=name] input:value(${name})`,
            {fullPage: true}
        ),
        {
            trigger: ".o_form_view .o_notebook a.nav-link:contains('Rappels')",
            run: "click",
        },
        {
            trigger:
                ".o_field_widget[name=crm_reminder_ids] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            trigger:
                ".o_field_widget[name=crm_reminder_ids] .o_data_row:last .o_field_widget[name=duration] input",
            run: `edit ${minutes}`,
        },
        screenshotStep(
            `${shot}_reminder`,
            `.o_field_widget[name=crm_reminder_ids]:has(.o_data_row .o_field_widget[name=duration] input:value(${minutes}))`
        ),
        ...stepUtils.saveForm(),
        {
            content: "Back to the opportunity",
            trigger: `.o_breadcrumb .breadcrumb-item a:contains('${OPPORTUNITY}')`,
            run: "click",
        },
        {
            trigger: `.o_form_view .o_field_widget[name=partner_id] input:value(${CUSTOMER})`,
        },
    ];
}

// The first hour of a French salesperson (tests/test_first_hour.py): from an
// opportunity whose customer is a company, a task then a call, each with a reminder.
// The screens are in French, the selectors read the French labels where Odoo gives
// no name.
registry.category("web_tour.tours").add("crm_events_reminders_first_hour_tour", {
    steps: () => [
        ...eventSteps("Créer une tâche", "Préparer le devis", 30, "first_hour_task"),
        ...eventSteps("Créer un appel", "Appeler le gérant", 15, "first_hour_call"),
        {
            trigger: ".o_form_view .o_notebook a.nav-link:contains('Événements')",
            run: "click",
        },
        screenshotStep(
            "first_hour_events",
            ".o_form_view .o_field_widget[name=calendar_event_ids] .o_data_row:contains('Appeler le gérant')",
            {fullPage: true}
        ),
    ],
});
