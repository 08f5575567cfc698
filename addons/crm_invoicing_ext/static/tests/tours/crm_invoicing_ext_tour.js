/* Copyright 2026 CRM Practices contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0). */
import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

// An administrator sets the invoice numbering in CRM Settings.
registry.category("web_tour.tours").add("crm_invoicing_ext_numbering_tour", {
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
            content: "Off until the administrator switches it on",
            trigger:
                "#crm_invoicing_ext_numbering_setting .o_field_widget[name=crm_numbering] input:not(:checked)",
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

// A salesperson with invoicing rights invoices their opportunity and reads the new
// number.
registry.category("web_tour.tours").add("crm_invoicing_ext_tour", {
    url: "/odoo",
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
            trigger: ".o_kanban_record:contains('Tour Deal')",
            run: "click",
        },
        {
            trigger: "button[name=action_crm_create_invoice]",
            run: "click",
        },
        {
            content: "The invoice is for the opportunity's customer",
            trigger: ".o_field_widget[name=partner_id] input:value(Tour Buyer)",
        },
        {
            trigger:
                ".o_field_widget[name=invoice_line_ids] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            trigger:
                ".o_field_widget[name=invoice_line_ids] .o_selected_row .o_list_many2one[name=product_id] input",
            run: "edit Tour Consulting",
        },
        {
            trigger: ".ui-menu-item-wrapper:contains('Tour Consulting')",
            run: "click",
        },
        {
            trigger: "button[name=action_post]",
            run: "click",
        },
        {
            content: "The invoice has its number in the new format",
            trigger: ".o_form_view .o_field_widget[name=name]:contains(FAC00001)",
        },
    ],
});
