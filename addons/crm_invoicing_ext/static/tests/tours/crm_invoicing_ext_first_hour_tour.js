/* Copyright 2026 CRM Practices contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0). */
import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";
import {screenshotStep} from "@crm_invoicing_ext/../tests/tours/crm_invoicing_ext_readme_step";

// The first hour of a French sales team (tests/test_first_hour.py). The screens are in
// French, the selectors read the French labels where Odoo gives no name.

// The administrator switches on invoicing from opportunities and the numbering in CRM
// Settings.
registry.category("web_tour.tours").add("crm_invoicing_ext_first_hour_settings_tour", {
    steps: () => [
        ...stepUtils.goToAppSteps("crm.crm_menu_root"),
        {
            trigger: 'button[data-menu-xmlid="crm.crm_menu_config"]',
            run: "click",
        },
        {
            trigger: 'a[data-menu-xmlid="crm.crm_config_settings_menu"]',
            run: "click",
        },
        {
            trigger:
                "#crm_invoicing_ext_opportunity_setting .o_field_widget[name=group_crm_invoice_opportunity] input:not(:checked)",
            run: "click",
        },
        {
            content:
                "The numbering switch is the setting's checkbox, on the left of its title (not a bare checkbox under it)",
            trigger:
                "#crm_invoicing_ext_numbering_setting .o_setting_left_pane .o_field_widget[name=crm_numbering] input:not(:checked)",
            run: "click",
        },
        {
            trigger:
                "#crm_invoicing_ext_numbering_setting .o_field_widget[name=crm_invoice_prefix] input",
            run: "edit FAC",
        },
        {
            trigger:
                "#crm_invoicing_ext_numbering_setting .o_field_widget[name=crm_invoice_padding] input",
            run: "edit 5",
        },
        screenshotStep(
            "first_hour_settings",
            ".o_setting_container:has(#crm_invoicing_ext_numbering_setting)",
            {margin: 0}
        ),
        {
            content: "Mark the page, to know when saving has reloaded it",
            trigger: "body",
            run() {
                document.body.classList.add("crm_invoicing_ext_before_save");
            },
        },
        {
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Settings saved and the page reloaded",
            trigger:
                "body:not(.crm_invoicing_ext_before_save) #crm_invoicing_ext_numbering_setting .o_field_widget[name=crm_invoice_prefix] input:value(FAC)",
        },
    ],
});

// A salesperson who may invoice opens their opportunity from the pipeline, creates its
// invoice, adds a line and confirms it: the number has the new format.
registry.category("web_tour.tours").add("crm_invoicing_ext_first_hour_tour", {
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
            trigger: ".o_kanban_record:contains('Agencement du magasin')",
            run: "click",
        },
        screenshotStep(
            "first_hour_opportunity",
            ".o_form_view button[name=action_crm_create_invoice]",
            {fullPage: true}
        ),
        {
            trigger: ".o_form_view button[name=action_crm_create_invoice]",
            run: "click",
        },
        {
            content: "The invoice is for the opportunity's customer",
            trigger:
                ".o_field_widget[name=partner_id] input:value(Boulangerie Lyonnaise)",
        },
        {
            trigger:
                ".o_field_widget[name=invoice_line_ids] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            trigger:
                ".o_field_widget[name=invoice_line_ids] .o_selected_row .o_list_many2one[name=product_id] input",
            run: "edit Pose de vitrine",
        },
        {
            trigger: ".ui-menu-item-wrapper:contains('Pose de vitrine')",
            run: "click",
        },
        {
            trigger:
                ".o_field_widget[name=invoice_line_ids] .o_data_row .o_field_widget[name=price_unit] input:value(/^250/)",
        },
        screenshotStep(
            "first_hour_invoice_draft",
            ".o_field_widget[name=invoice_line_ids] .o_data_row .o_field_widget[name=price_unit] input:value(/^250/)",
            {fullPage: true}
        ),
        {
            trigger: "button[name=action_post]",
            run: "click",
        },
        screenshotStep(
            "first_hour_invoice",
            ".o_form_view .o_field_widget[name=name]:contains(FAC00001)",
            {fullPage: true}
        ),
    ],
});
