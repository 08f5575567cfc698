/* Copyright 2026 CRM Practices contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0). */
import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";
import {
    screenTextStep,
    screenshotStep,
} from "@crm_notes/../tests/tours/crm_notes_readme_step";

const CUSTOMER = "Épicerie Martin";

// The first hour of a French salesperson (tests/test_first_hour.py): a note written
// from the customer list, closed with "done + new note" from CRM > Notes, the new note
// saved. The screens are in French, the selectors read the French labels where Odoo
// gives no name.
registry.category("web_tour.tours").add("crm_notes_first_hour_tour", {
    steps: () => [
        {
            trigger: ".o_switch_view.o_list",
            run: "click",
        },
        screenshotStep(
            "first_hour_customers",
            `.o_data_row:contains('${CUSTOMER}') button[name=action_crm_note_new]`,
            {fullPage: true}
        ),
        {
            content: "Clipboard of the customer's row: new note",
            trigger: `.o_data_row:contains('${CUSTOMER}') button[name=action_crm_note_new]`,
            run: "click",
        },
        {
            trigger: `.modal .o_field_widget[name=partner_id] input:value(${CUSTOMER})`,
        },
        {
            trigger: ".modal .o_field_widget[name=status_id] input",
            run: "edit Prospect chaud",
        },
        {
            trigger: ".ui-menu-item a:contains('Prospect chaud')",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=action_id] input",
            run: "edit Appeler",
        },
        {
            trigger: ".ui-menu-item a:contains('Appeler')",
            run: "click",
        },
        screenshotStep(
            "first_hour_note",
            ".modal .modal-content:has(.o_field_widget[name=action_id] input:value(Appeler))",
            {margin: 0}
        ),
        {
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            content: "The customer list shows the note's status",
            trigger: `.o_data_row:contains('${CUSTOMER}') .o_data_cell:contains('Prospect chaud')`,
        },
        ...stepUtils.goToAppSteps("crm.crm_menu_root"),
        {
            trigger: 'button[data-menu-xmlid="crm_notes.crm_note_menu_root"]',
            run: "click",
        },
        {
            trigger: 'a[data-menu-xmlid="crm_notes.crm_note_menu"]',
            run: "click",
        },
        screenshotStep(
            "first_hour_notes",
            `.o_data_row:contains('${CUSTOMER}') button[name=action_open_close_wizard]`,
            {fullPage: true}
        ),
        {
            content: "The red cross of the note",
            trigger: `.o_data_row:contains('${CUSTOMER}') button[name=action_open_close_wizard]`,
            run: "click",
        },
        screenshotStep(
            "first_hour_note_close",
            ".modal .modal-content:has(button[name=action_done_and_new])",
            {margin: 0}
        ),
        {
            trigger: ".modal button[name=action_done_and_new]",
            run: "click",
        },
        {
            content: "A new note, prefilled with the customer",
            trigger: `.modal .o_field_widget[name=partner_id] input:value(${CUSTOMER})`,
        },
        {
            trigger: ".modal .o_field_widget[name=action_id] input",
            run: "edit Visiter",
        },
        {
            trigger: ".ui-menu-item a:contains('Visiter')",
            run: "click",
        },
        screenshotStep(
            "first_hour_note_renewed",
            ".modal .modal-content:has(.o_field_widget[name=action_id] input:value(Visiter))",
            {margin: 0}
        ),
        {
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            trigger: "body:not(:has(.modal))",
        },
        {
            content: "Open the notes list afresh",
            trigger: 'button[data-menu-xmlid="crm_notes.crm_note_menu_root"]',
            run: "click",
        },
        {
            trigger: 'a[data-menu-xmlid="crm_notes.crm_note_menu"]',
            run: "click",
        },
        {
            content: "The new note is in the list",
            trigger: `.o_data_row:contains('${CUSTOMER}') .o_data_cell:contains('Visiter')`,
        },
        {
            content: "The kanban: overdue, today, upcoming, done",
            trigger: ".o_switch_view.o_kanban",
            run: "click",
        },
        // checked, not pictured: the kanban's columns are being reworked (issue 19, 8)
        screenTextStep(
            "first_hour_notes_kanban",
            `.o_kanban_record:contains('${CUSTOMER}')`
        ),
    ],
});
