/* Copyright 2026 CRM Practices contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0). */
import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

// Axelor's "Marketing campaign" tab (G4): a salesperson opens their customer, sees
// the campaigns of the customer's leads (and of its contact's), and opens one.
registry.category("web_tour.tours").add("crm_leads_campaign_tour", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps("crm.crm_menu_root"),
        {
            trigger: 'button[data-menu-xmlid="crm.crm_menu_sales"]',
            run: "click",
        },
        {
            trigger: 'a[data-menu-xmlid="crm.res_partner_menu_customer"]',
            run: "click",
        },
        {
            trigger: ".o_searchview_input",
            run: "edit Tour Campaign Co",
        },
        {
            trigger: ".o_searchview_autocomplete .o_menu_item:first",
            run: "click",
        },
        {
            trigger: ".o_searchview_facet:contains('Tour Campaign Co')",
        },
        {
            trigger: ".o_kanban_record:contains('Tour Campaign Co')",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_notebook_headers a[name=crm_campaigns]",
            run: "click",
        },
        {
            content: "The campaigns of the company's lead and of its contact's",
            trigger:
                ".o_field_widget[name=crm_campaign_ids] .o_data_row:contains('Tour Autumn Campaign')",
        },
        {
            content: "Not the campaign of another customer's lead",
            trigger:
                ".o_field_widget[name=crm_campaign_ids]:not(:contains('Tour Other Campaign')) .o_data_row td:contains('Tour Spring Campaign')",
            run: "click",
        },
        {
            content: "The campaign opens",
            trigger:
                ".modal .o_form_view .o_field_widget[name=title]:contains('Tour Spring Campaign')",
        },
        {
            trigger: ".modal .modal-footer button",
            run: "click",
        },
        {
            trigger: "body:not(:has(.modal))",
        },
    ],
});
