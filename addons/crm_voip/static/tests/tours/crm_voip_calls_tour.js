/* Copyright 2026 CRM Practices contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0). */
import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

// CRM > Calls: filter the missed calls, open one, then add a virtual number.
registry.category("web_tour.tours").add("crm_voip_calls_tour", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps("crm.crm_menu_root"),
        {
            trigger: 'a[data-menu-xmlid="crm_voip.crm_voip_menu_calls"]',
            run: "click",
        },
        {
            trigger: ".o_list_view .o_data_row td:contains('Tour Caller')",
        },
        {
            trigger: ".o_searchview_dropdown_toggler",
            run: "click",
        },
        {
            trigger: ".o_filter_menu .o_menu_item:contains('Missed')",
            run: "click",
        },
        {
            trigger: ".o_filter_menu .o_menu_item:contains('Today')",
            run: "click",
        },
        {
            trigger: ".o_list_view .o_data_row td:contains('Tour Caller')",
            run: "click",
        },
        {
            trigger:
                ".o_form_view .o_field_widget[name='state'] .o_arrow_button_current:contains('Missed')",
        },
        {
            trigger: 'button[data-menu-xmlid="crm_voip.crm_voip_menu_config"]',
            run: "click",
        },
        {
            trigger: 'a[data-menu-xmlid="crm_voip.crm_voip_menu_numbers"]',
            run: "click",
        },
        {
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='phone_number'] input",
            run: "edit +33 1 84 88 77 66",
        },
        {
            trigger: ".o_field_widget[name='friendly_name'] input",
            run: "edit Tour line",
        },
        ...stepUtils.saveForm(),
        {
            trigger: ".o_field_widget[name='phone_number'] input:value('+33184887766')",
        },
    ],
});
