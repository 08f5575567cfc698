/* Copyright 2026 CRM Practices contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0). */
import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

// A rep writes a note from the customer list (the clipboard), closes it with
// "Mark as done + new note", then hands three notes over to a colleague.
registry.category("web_tour.tours").add("crm_notes_tour", {
    url: "/odoo/contacts",
    steps: () => [
        {
            content: "Switch the contacts to the list view",
            trigger: ".o_switch_view.o_list",
            run: "click",
        },
        {
            content: "Clipboard of the customer's row: new note",
            trigger:
                ".o_data_row:contains('Tour Grocery') button[name=action_crm_note_new]",
            run: "click",
        },
        {
            content: "The note is for that customer",
            trigger:
                ".modal .o_field_widget[name=partner_id] input:value(Tour Grocery)",
        },
        {
            trigger: ".modal .o_field_widget[name=status_id] input",
            run: "edit Tour cold",
        },
        {
            trigger: ".ui-menu-item a:contains('Tour cold')",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=action_id] input",
            run: "edit Tour call",
        },
        {
            trigger: ".ui-menu-item a:contains('Tour call')",
            run: "click",
        },
        {
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            content: "The customer list shows the note's status",
            trigger:
                ".o_data_row:contains('Tour Grocery') .o_data_cell:contains('Tour cold')",
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
        {
            content: "The red cross of the note",
            trigger:
                ".o_data_row:contains('Tour Grocery') button[name=action_open_close_wizard]",
            run: "click",
        },
        {
            trigger: ".modal button[name=action_done_and_new]",
            run: "click",
        },
        {
            content: "A new note, prefilled with the customer",
            trigger:
                ".modal .o_field_widget[name=partner_id] input:value(Tour Grocery)",
        },
        {
            trigger: ".modal .o_field_widget[name=action_id] input",
            run: "edit Tour call",
        },
        {
            trigger: ".ui-menu-item a:contains('Tour call')",
            run: "click",
        },
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
            trigger:
                ".o_data_row:contains('Tour Grocery') .o_data_cell:contains('Tour call')",
        },
        ...["Tour Bulk A", "Tour Bulk B", "Tour Bulk C"].flatMap((name) => [
            {
                content: `Select ${name}`,
                trigger: `.o_data_row:contains('${name}') .o_list_record_selector input:not(:checked)`,
                run: "click",
            },
            {
                content: `${name} is selected`,
                trigger: `.o_data_row:contains('${name}') .o_list_record_selector input:checked`,
            },
        ]),
        {
            trigger: ".o_list_selection_box:contains(3)",
        },
        {
            trigger: ".o_cp_action_menus button",
            run: "click",
        },
        {
            trigger: ".o-dropdown--menu span:contains('Reassign')",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=note_count]:contains(3)",
        },
        {
            trigger: ".modal .o_field_widget[name=user_id] input",
            run: "edit Tour Colleague",
        },
        {
            trigger: ".ui-menu-item a:contains('Tour Colleague')",
            run: "click",
        },
        {
            trigger: ".modal button[name=action_reassign]",
            run: "click",
        },
        {
            content: "The result says how many notes moved",
            trigger:
                ".o_notification:contains('3 note(s) reassigned to Tour Colleague')",
        },
    ],
});
