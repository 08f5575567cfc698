/* Copyright 2026 CRM Practices contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0). */
import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

// A settings administrator switches prospect statuses on.
registry.category("web_tour.tours").add("crm_leads_ext_prospect_settings_tour", {
    url: "/odoo",
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
                "#crm_leads_ext_prospect_status_setting .o_field_widget[name=group_crm_prospect_status] input:not(:checked)",
            run: "click",
        },
        {
            content: "Mark the page, to know when saving has reloaded it",
            trigger: "body",
            run() {
                document.body.classList.add("crm_leads_ext_before_save");
            },
        },
        {
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Settings saved and the page reloaded, the mapping shown",
            trigger:
                "body:not(.crm_leads_ext_before_save) #crm_leads_ext_prospect_status_setting .o_field_widget[name=crm_prospect_status_won_id]",
        },
    ],
});

// A salesperson wins their prospect from its status bar: it becomes a customer.
registry.category("web_tour.tours").add("crm_leads_ext_prospect_tour", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps("crm.crm_menu_root"),
        {
            trigger: 'button[data-menu-xmlid="crm.crm_menu_sales"]',
            run: "click",
        },
        {
            trigger: 'a[data-menu-xmlid="crm_leads_ext.res_partner_menu_prospects"]',
            run: "click",
        },
        {
            trigger: ".o_kanban_record:contains('Tour Prospect')",
            run: "click",
        },
        {
            content: "The prospect's status bar, in its default status",
            trigger:
                ".o_form_view .o_field_widget[name=prospect_status_id] button.o_arrow_button_current:contains('To process')",
        },
        {
            trigger:
                ".o_form_view .o_field_widget[name=prospect_status_id] button:contains('Won')",
            run: "click",
        },
        {
            content: "Won, and now a customer: the status bar is read-only",
            trigger:
                ".o_form_view .o_field_widget[name=prospect_status_id] button.o_arrow_button_current:contains('Won'):disabled",
        },
        {
            content: "Save the form if anything is left unsaved",
            trigger: ".o_form_view .o_form_status_indicator",
            run() {
                document.querySelector(".o_form_view .o_form_button_save")?.click();
            },
        },
        {
            content: "Nothing left unsaved",
            trigger: ".o_form_view .o_form_saved",
        },
    ],
});
