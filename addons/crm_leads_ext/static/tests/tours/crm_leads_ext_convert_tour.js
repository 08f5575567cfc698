/* Copyright 2026 CRM Practices contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0). */
import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

// Convert a lead: a new company (from the lead) and an existing contact.
registry.category("web_tour.tours").add("crm_leads_ext_convert_tour", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps("crm.crm_menu_root"),
        {
            trigger: 'button[data-menu-xmlid="crm.crm_menu_leads"]',
            run: "click",
        },
        {
            trigger: 'a[data-menu-xmlid="crm_leads_ext.crm_lead_menu_open_leads"]',
            run: "click",
        },
        {
            trigger: ".o_kanban_record:contains('Tour convert')",
            run: "click",
        },
        {
            trigger:
                ".o_form_view .o_statusbar_buttons button:contains('Convert to Opportunity')",
            run: "click",
        },
        {
            content: "Company: Odoo links no customer to a lead without a contact name",
            trigger:
                ".modal .o_field_widget[name=crm_company_action] input[data-value=none]:checked",
        },
        {
            content: "Company: create it from the lead",
            trigger:
                ".modal .o_field_widget[name=crm_company_action] input[data-value=create]",
            run: "click",
        },
        {
            content: "Contact: pick an existing one",
            trigger:
                ".modal .o_field_widget[name=crm_contact_action] input[data-value=exist]",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=crm_contact_id] input",
            run: "edit Tour Known",
        },
        {
            trigger: ".ui-menu-item a:contains('Tour Known')",
            run: "click",
        },
        {
            trigger: ".modal button[name=action_apply]",
            run: "click",
        },
        {
            content: "The lead is now an opportunity of the known contact",
            trigger:
                "body:not(:has(.modal)) .o_form_view .o_field_widget[name=partner_id] input:value(Tour Known)",
        },
    ],
});
