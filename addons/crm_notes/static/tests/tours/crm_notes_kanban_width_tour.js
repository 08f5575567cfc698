/* Copyright 2026 CRM Practices contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0). */
import {registry} from "@web/core/registry";

// The notes' kanban by follow-up on a 1440 px screen: every column within the
// window, Done folded (issue 19: the Done column was cut).
registry.category("web_tour.tours").add("crm_notes_kanban_width_tour", {
    url: "/odoo/action-crm_notes.crm_note_action",
    steps: () => [
        {
            content: "Switch the notes to the kanban",
            trigger: ".o_switch_view.o_kanban",
            run: "click",
        },
        {
            content: "The follow-up columns, Done folded",
            trigger: ".o_crm_note_kanban .o_kanban_group.o_column_folded",
        },
        {
            content: "Every column fits the screen, Done folded last",
            trigger: ".o_crm_note_kanban .o_kanban_group:not(.o_column_folded)",
            run() {
                const groups = [
                    ...document.querySelectorAll(".o_crm_note_kanban .o_kanban_group"),
                ];
                const right = Math.max(
                    ...groups.map((group) => group.getBoundingClientRect().right)
                );
                if (!groups.at(-1).classList.contains("o_column_folded")) {
                    throw new Error("Done is not the last column, folded");
                }
                if (groups.length < 5 || right > window.innerWidth) {
                    throw new Error(
                        `${groups.length} columns end at ${right}px, the window is ${window.innerWidth}px wide`
                    );
                }
            },
        },
    ],
});
