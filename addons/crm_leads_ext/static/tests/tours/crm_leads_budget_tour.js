/* Copyright 2026 CRM Practices contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0). */
import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

// A36/G7: a salesperson gives the customer's budget (5 days at 400 USD) on their
// opportunity and sees Odoo's Expected Revenue in the company's euros.
registry.category("web_tour.tours").add("crm_leads_budget_tour", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps("crm.crm_menu_root"),
        {
            trigger: ".o_kanban_record:contains('Tour budget deal')",
            run: "click",
        },
        {
            content: "The budget sits under Odoo's expected revenue",
            trigger: ".o_form_view .oe_title div[name=crm_budget] label",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=crm_budget_amount] input",
            run: "edit 400",
        },
        {
            content:
                "Leave the field: the budget is in the company currency until told",
            trigger: ".o_form_view .o_field_widget[name=name] textarea",
            run: "click",
        },
        {
            trigger:
                ".o_form_view .o_field_widget[name=crm_budget_currency_id] input:value(EUR)",
        },
        {
            trigger:
                ".o_form_view .o_field_widget[name=expected_revenue] input:value(400.00)",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=crm_budget_currency_id] input",
            run: "edit USD",
        },
        {
            trigger: ".ui-menu-item a:contains('USD')",
            run: "click",
        },
        {
            content: "A fixed amount of 400 USD is 320 EUR",
            trigger:
                ".o_form_view .o_field_widget[name=expected_revenue] input:value(320.00)",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=crm_budget_type] select",
            run: 'select "day"',
        },
        {
            content: "Per day: one day until told",
            trigger:
                ".o_form_view .o_field_widget[name=crm_budget_units] input:value(1.00)",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=crm_budget_units] input",
            run: "edit 5",
        },
        {
            content: "Leave the field: the budget is converted",
            trigger: ".o_form_view .o_field_widget[name=name] textarea",
            run: "click",
        },
        {
            content: "5 days at 400 USD: 2,000 USD, 1,600 EUR of expected revenue",
            trigger:
                ".o_form_view .o_field_widget[name=crm_budget_total]:contains('2,000.00')",
        },
        {
            trigger:
                ".o_form_view .o_field_widget[name=expected_revenue] input:value(1,600.00)",
        },
        ...stepUtils.saveForm(),
        {
            content: "Saved: Odoo's expected revenue stays the converted amount",
            trigger:
                ".o_form_view .o_form_saved .o_field_widget[name=expected_revenue] input:value(1,600.00)",
        },
    ],
});
