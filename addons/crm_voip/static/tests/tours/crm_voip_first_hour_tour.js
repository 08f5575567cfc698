/* Copyright 2026 CRM Practices contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0). */
import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";
import {screenshotStep} from "@crm_voip/../tests/tours/crm_voip_readme_step";

const CUSTOMER = "Claire Martin";
const OUR_NUMBER = "+33184887700";

// The first hour of a French salesperson who operates a number
// (tests/test_first_hour.py), with the simulated Twilio device of
// crm_voip_simulated_device.js: Contacts > select a row > Actions > Appeler via VoIP >
// Appeler > Raccrocher; the call is in the softphone's recent calls and in CRM >
// Appels. The screens are in French, the selectors read the French labels where Odoo
// gives no name.
registry.category("web_tour.tours").add("crm_voip_first_hour_tour", {
    steps: () => [
        {
            trigger: ".o_switch_view.o_list",
            run: "click",
        },
        {
            trigger: `.o_list_view .o_data_row:contains('${CUSTOMER}') .o_list_record_selector input`,
            run: "click",
        },
        {
            trigger: ".o_cp_action_menus .dropdown-toggle:contains('Actions')",
            run: "click",
        },
        screenshotStep(
            "first_hour_call_via_voip",
            ".o-dropdown--menu .o-dropdown-item:contains('Appeler via VoIP')",
            {fullPage: true}
        ),
        {
            trigger: ".o-dropdown--menu .o-dropdown-item:contains('Appeler via VoIP')",
            run: "click",
        },
        {
            trigger: `.o_crm_voip_dial_partner:contains('${CUSTOMER}')`,
        },
        {
            content: "The contact's number as typed, with the company's country code",
            trigger: ".o_crm_voip_number:value('04 72 00 00 00')",
        },
        {
            trigger: ".o_crm_voip_caller_id",
            run: `select ${OUR_NUMBER}`,
        },
        screenshotStep(
            "first_hour_softphone_dial",
            ".o_crm_voip_softphone:has(.o_crm_voip_call_button)"
        ),
        {
            trigger: ".o_crm_voip_call_button",
            run: "click",
        },
        {
            trigger: `.o_crm_voip_call .o_crm_voip_caller:contains('${CUSTOMER}')`,
        },
        screenshotStep(
            "first_hour_softphone_in_call",
            ".o_crm_voip_softphone:has(.o_crm_voip_call .o_crm_voip_keypad)"
        ),
        {
            trigger: ".o_crm_voip_call .o_crm_voip_hangup",
            run: "click",
        },
        {
            trigger:
                ".o_crm_voip_softphone:not(:has(.o_crm_voip_call)) .o_crm_voip_tab_calls",
            run: "click",
        },
        screenshotStep(
            "first_hour_softphone_recent",
            `.o_crm_voip_softphone:has(.o_crm_voip_recent:contains('${CUSTOMER}'):contains('Répondu'))`
        ),
        {
            trigger: ".o_crm_voip_close",
            run: "click",
        },
        ...stepUtils.goToAppSteps("crm.crm_menu_root"),
        {
            trigger: 'a[data-menu-xmlid="crm_voip.crm_voip_menu_calls"]',
            run: "click",
        },
        screenshotStep(
            "first_hour_calls",
            `.o_list_view .o_data_row:contains('${CUSTOMER}'):contains('Sortant'):contains('Répondu')`,
            {fullPage: true}
        ),
    ],
});
