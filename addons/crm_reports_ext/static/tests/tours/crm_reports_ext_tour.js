/* Copyright 2026 CRM Practices contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0). */
import {registry} from "@web/core/registry";
import {screenshotStep} from "./crm_reports_ext_screenshot";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

// A salesperson generates the statistics per salesperson of this year, looks at its
// figures and their graph, and downloads the spreadsheet.
// Started by its test on the reports' action, with ?crm_reports_ext_screenshots
// (no url here: the tour would redirect to it and lose that parameter).
registry.category("web_tour.tours").add("crm_reports_ext_tour", {
    steps: () => [
        ...stepUtils.goToAppSteps("crm.crm_menu_root"),
        {
            trigger: 'button[data-menu-xmlid="crm.crm_menu_report"]',
            run: "click",
        },
        {
            trigger: 'a[data-menu-xmlid="crm_reports_ext.crm_report_menu"]',
            run: "click",
        },
        {
            trigger: ".o_list_view .o_list_button_add",
            run: "click",
        },
        {
            trigger: '.o_field_widget[name="report_type"] select',
            run: 'select "salesperson"',
        },
        {
            trigger: '.o_field_widget[name="period"] select',
            run: 'select "this_year"',
        },
        {
            trigger: '.o_field_widget[name="salesperson_ids"] .o_tag',
        },
        screenshotStep("report_new", ".o_form_view .o_form_sheet", {margin: 4}),
        {
            trigger: '.o_form_view button[name="action_generate"].btn-primary',
            run: "click",
        },
        {
            trigger:
                '.o_field_widget[name="line_ids"] .o_data_row:contains("Tour Rep Reports")',
        },
        screenshotStep("report_generated", ".o_form_view .o_form_sheet", {
            margin: 4,
        }),
        {
            trigger: '.o_form_view button[name="action_open_graph"]',
            run: "click",
        },
        {
            trigger: ".o_graph_renderer canvas",
            // the bars grow for a moment: picture them grown
            run: () => new Promise((resolve) => setTimeout(resolve, 1500)),
        },
        screenshotStep("report_graph", ".o_action_manager", {margin: 0}),
        {
            trigger:
                '.o_breadcrumb .breadcrumb-item a:contains("Statistics per salesperson")',
            run: "click",
        },
        {
            trigger: '.o_form_view button[name="action_download"]',
            run: "click",
        },
        {
            trigger:
                '.o_form_view .o_field_widget[name="state"] .o_arrow_button_current:contains("Generated")',
        },
    ],
});
