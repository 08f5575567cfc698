/* Copyright 2026 CRM Practices contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0). */
import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";
import {
    screenTextStep,
    screenshotStep,
} from "@crm_leads_ext/../tests/tours/crm_leads_ext_readme_step";

const nextFrame = () => new Promise((resolve) => setTimeout(resolve, 100));

/**
 * Clicks the opportunity status `label` in the status bar, or in its "..." menu when
 * the form is too narrow to show every status.
 */
function setStatus(label) {
    return {
        content: `Opportunity status: ${label}`,
        trigger: ".o_field_widget[name=opportunity_status_id] .o_statusbar_status",
        async run() {
            const visible = (el) => el.offsetParent !== null;
            const shown = [...this.anchor.querySelectorAll(".o_arrow_button")].find(
                (button) => visible(button) && button.textContent.includes(label)
            );
            if (shown) {
                shown.click();
                return;
            }
            for (const toggle of this.anchor.querySelectorAll(".dropdown-toggle")) {
                if (!visible(toggle)) {
                    continue;
                }
                toggle.click();
                // the menu renders later on a busy machine: wait for its items
                let items = [];
                for (let tries = 0; tries < 30 && !items.length; tries++) {
                    await nextFrame();
                    items = [
                        ...document.querySelectorAll(
                            ".o-dropdown--menu .dropdown-item"
                        ),
                    ];
                }
                const item = items.find((element) =>
                    element.textContent.includes(label)
                );
                if (item) {
                    item.click();
                    return;
                }
                toggle.click();
                await nextFrame();
            }
            throw new Error(`No status "${label}" in the status bar`);
        },
    };
}

// The first hour of a French salesperson (tests/test_first_hour.py): the screens are
// in French, the selectors read the French labels where Odoo gives no name.

// CRM > Pistes > Mes pistes > Nouveau: a lead typed by hand with a national phone
// number and no country, saved, converted into a new company and contact; then the
// opportunity goes through its statuses and is won from the status bar.
registry.category("web_tour.tours").add("crm_leads_ext_first_hour_lead_tour", {
    steps: () => [
        ...stepUtils.goToAppSteps("crm.crm_menu_root"),
        {
            trigger: 'button[data-menu-xmlid="crm.crm_menu_leads"]',
            run: "click",
        },
        {
            trigger: 'a[data-menu-xmlid="crm_leads_ext.crm_lead_menu_my_leads"]',
            run: "click",
        },
        screenshotStep("first_hour_my_leads", ".o_kanban_view .o_kanban_group", {
            fullPage: true,
        }),
        {
            trigger: ".o_switch_view.o_list",
            run: "click",
        },
        {
            trigger: ".o_list_view .o_list_button_add",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=name] :is(input, textarea)",
            run: "edit Vitrines pour la boulangerie",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=partner_name] input",
            run: "edit Boulangerie Lyonnaise",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=contact_name] input",
            run: "edit Claire Martin",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=email_from] input",
            run: "edit claire.martin@boulangerie-lyonnaise.example.com",
        },
        {
            content: "A French number as people type it, no country on the lead",
            trigger: ".o_form_view .o_field_widget[name=phone] input",
            run: "edit 04 72 00 00 00",
        },
        ...stepUtils.saveForm(),
        screenshotStep("first_hour_lead", ".o_form_view .o_form_sheet", {margin: 0}),
        {
            trigger:
                ".o_form_view .o_statusbar_buttons button:contains('Convertir en opportunité')",
            run: "click",
        },
        {
            trigger:
                ".modal .o_field_widget[name=crm_company_action] input[data-value=create]",
            run: "click",
        },
        {
            trigger:
                ".modal .o_field_widget[name=crm_contact_action] input[data-value=create]",
            run: "click",
        },
        screenshotStep("first_hour_convert", ".modal .modal-content", {margin: 0}),
        {
            trigger: ".modal button[name=action_apply]",
            run: "click",
        },
        {
            content: "The opportunity of the new contact",
            trigger:
                "body:not(:has(.modal)) .o_form_view .o_field_widget[name=partner_id] input:value(Claire Martin)",
        },
        setStatus("Qualification commerciale"),
        {
            trigger:
                ".o_field_widget[name=opportunity_status_id] button[aria-checked=true]:contains('Qualification commerciale')",
        },
        setStatus("Proposition"),
        screenTextStep(
            "first_hour_opportunity",
            ".o_field_widget[name=opportunity_status_id]:has(button[aria-checked=true]:contains('Proposition'))"
        ),
        setStatus("Gagné"),
        screenshotStep(
            "first_hour_opportunity_won",
            ".o_field_widget[name=opportunity_status_id]:has(button[aria-checked=true]:contains('Gagné'))",
            {fullPage: true}
        ),
        {
            content: "The status bar saved the opportunity",
            trigger: ".o_form_view .o_form_saved",
        },
    ],
});

// CRM > Catalogues: the salesperson sends the catalogue to the new contact.
registry.category("web_tour.tours").add("crm_leads_ext_first_hour_catalogue_tour", {
    steps: () => [
        ...stepUtils.goToAppSteps("crm.crm_menu_root"),
        {
            trigger:
                'a[data-menu-xmlid="crm_leads_ext.crm_catalogue_menu"], button[data-menu-xmlid="crm_leads_ext.crm_catalogue_menu"]',
            run: "click",
        },
        screenshotStep(
            "first_hour_catalogues",
            ".o_kanban_record:contains('Catalogue 2026')",
            {fullPage: true}
        ),
        {
            trigger: ".o_kanban_record:contains('Catalogue 2026')",
            run: "click",
        },
        {
            trigger: ".o_form_view button[name=action_send_by_email]",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=partner_ids] input",
            run: "edit Claire Martin",
        },
        {
            trigger: ".ui-menu-item a:contains('Claire Martin')",
            run: "click",
        },
        screenshotStep(
            "first_hour_catalogue_send",
            ".modal .modal-content:has(.o_field_widget[name=partner_ids] .o_tag:contains('Claire Martin'))",
            {margin: 0}
        ),
        {
            trigger: ".modal button[name=action_send]",
            run: "click",
        },
        {
            trigger: "body:not(:has(.modal)) .o_notification",
        },
    ],
});
