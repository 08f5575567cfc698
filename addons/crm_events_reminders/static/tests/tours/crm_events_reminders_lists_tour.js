/* Copyright 2026 CRM Practices contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0). */
import {registry} from "@web/core/registry";

function selectRows(names) {
    return names.flatMap((name) => [
        {
            content: `Select ${name}`,
            trigger: `.o_data_row:contains('${name}') .o_list_record_selector input:not(:checked)`,
            run: "click",
        },
        {
            trigger: `.o_data_row:contains('${name}') .o_list_record_selector input:checked`,
        },
    ]);
}

function openAction(label) {
    return [
        {
            trigger: ".o_cp_action_menus button:contains(Actions)",
            run: "click",
        },
        {
            trigger: `.o-dropdown--menu span:contains('${label}')`,
            run: "click",
        },
    ];
}

// ONLYOFFICE: contacts list, select two contacts, Actions > Create a task.
registry.category("web_tour.tours").add("crm_events_reminders_task_for_contacts_tour", {
    steps: () => [
        {
            trigger: ".o_list_view .o_searchview_input",
            run: "edit Tour Many",
        },
        {
            trigger: ".o_searchview_autocomplete .o_menu_item:first",
            run: "click",
        },
        {
            trigger: ".o_searchview_facet:contains('Tour Many')",
        },
        {
            content: "The list is reloaded: only the three contacts searched",
            trigger:
                ".o_list_view:not(:has(.o_data_row:nth-child(4))) .o_data_row:contains('Tour Many C')",
        },
        ...selectRows(["Tour Many A", "Tour Many B"]),
        {
            trigger: ".o_list_selection_box:contains(2)",
        },
        ...openAction("Create a task"),
        {
            trigger: ".modal .o_field_widget[name=name] input",
            run: "edit Send the catalogue",
        },
        {
            trigger: ".modal button[name=action_create_tasks]",
            run: "click",
        },
        {
            content: "The dialog is closed once the tasks are saved",
            trigger: "body:not(:has(.modal))",
        },
        {
            content: "The new tasks are listed (the contacts list shows no task name)",
            trigger: ".o_list_view .o_data_row:contains('Send the catalogue')",
        },
    ],
});

// Dynamics: My tasks, select two tasks, Actions > Assign to a user or a team.
registry.category("web_tour.tours").add("crm_events_reminders_assign_team_tour", {
    steps: () => [
        ...selectRows(["Tour Task One", "Tour Task Two"]),
        ...openAction("Assign to a user or a team"),
        {
            trigger: ".modal .o_field_widget[name=team_id] input",
            run: "edit Tour Team",
        },
        {
            trigger: ".ui-menu-item a:contains('Tour Team')",
            run: "click",
        },
        {
            trigger: ".modal button[name=action_assign]",
            run: "click",
        },
        {
            trigger: "body:not(:has(.modal))",
        },
        {
            content: "The team shows in the tasks list",
            trigger: ".o_data_row:contains('Tour Task One'):contains('Tour Team')",
        },
    ],
});
