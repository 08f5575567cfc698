/* Copyright 2026 CRM Practices contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0). */
import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";
import {screenshotStep} from "@crm_events_reminders/../tests/tours/crm_events_reminders_readme_step";

function addParticipant(search, name) {
    return [
        {
            trigger: ".o_form_view .o_field_widget[name=partner_ids] input",
            run: `edit ${search}`,
        },
        {
            trigger: `.ui-menu-item a:contains(${name})`,
            run: "click",
        },
        {
            trigger: `.o_field_widget[name=partner_ids] .o_tag:contains(${name})`,
        },
    ];
}

function backToCase(name) {
    return [
        {
            trigger: `.o_breadcrumb .breadcrumb-item a:contains(${name})`,
            run: "click",
        },
        {
            trigger: `.o_form_view .o_field_widget[name=name] input:value(${name})`,
        },
    ];
}

// A salesperson organises a seminar with three participants (CRM > Cases), plans
// a meeting and a task from it, then closes it once it has taken place.
registry.category("web_tour.tours").add("crm_events_reminders_case_tour", {
    steps: () => [
        ...stepUtils.goToAppSteps("crm.crm_menu_root"),
        {
            trigger: '[data-menu-xmlid="crm_events_reminders.crm_case_menu"]',
            run: "click",
        },
        {
            trigger:
                ".o_control_panel .o-kanban-button-new, .o_control_panel .o_list_button_add",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=name] input",
            run: "edit Spring seminar",
        },
        ...addParticipant("Dupont Arch", "Dupont Architectes"),
        ...addParticipant("Marie Dup", "Marie Dupont"),
        ...addParticipant("Atelier Rou", "Atelier Rousseau"),
        ...stepUtils.saveForm(),
        {
            trigger: ".o_form_view button[name=action_crm_new_event]",
            run: "click",
        },
        // The meeting invites the participants.
        {
            trigger:
                ".o_form_view .o_field_widget[name=crm_case_id] input:value(Spring seminar)",
        },
        {
            trigger:
                ".o_form_view .o_field_widget[name=partner_ids]:contains(Atelier Rousseau)",
        },
        screenshotStep(
            "crm_case_event",
            ".o_form_view .o_field_widget[name=partner_ids]:contains(Marie Dupont)",
            {fullPage: true}
        ),
        ...stepUtils.saveForm(),
        ...backToCase("Spring seminar"),
        {
            trigger: ".o_form_view button[name=action_crm_new_task]",
            run: "click",
        },
        // The task is internal work: it shows the participants, invites nobody.
        {
            trigger:
                ".o_form_view .o_field_widget[name=crm_case_partner_ids]:contains(Atelier Rousseau)",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=name] input",
            run: "edit Book the conference room",
        },
        screenshotStep(
            "crm_case_task",
            ".o_form_view .o_field_widget[name=name] input:value(Book the conference room)",
            {fullPage: true}
        ),
        ...stepUtils.saveForm(),
        ...backToCase("Spring seminar"),
        {
            trigger:
                ".o_form_view button[name=action_crm_events] .o_stat_value:contains(1)",
        },
        {
            trigger:
                ".o_form_view button[name=action_crm_tasks] .o_stat_value:contains(1)",
        },
        {
            trigger: ".o_form_view button[name=action_close]",
            run: "click",
        },
        {
            trigger:
                ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains(Closed)",
        },
        screenshotStep(
            "crm_case_closed",
            ".o_form_view .o_field_widget[name=closed_by_id]:contains(Case Rep)",
            {fullPage: true}
        ),
    ],
});
