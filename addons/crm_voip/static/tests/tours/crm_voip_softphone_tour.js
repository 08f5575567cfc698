/* Copyright 2026 CRM Practices contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0). */
import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

// Contacts list > select a row > Actions > Call via VoIP > Call > Hang up,
// then the call is in CRM > Calls.
registry.category("web_tour.tours").add("crm_voip_softphone_tour", {
    steps: () => [
        {
            trigger: ".o_switch_view.o_list",
            run: "click",
        },
        {
            trigger:
                ".o_list_view .o_data_row:contains('Tour Softphone Customer') .o_list_record_selector input",
            run: "click",
        },
        {
            // the Actions menu, not Print (other modules bind reports to contacts)
            trigger: ".o_cp_action_menus .dropdown-toggle:contains('Actions')",
            run: "click",
        },
        {
            trigger: ".o-dropdown--menu .o-dropdown-item:contains('Call via VoIP')",
            run: "click",
        },
        {
            trigger: ".o_crm_voip_dial_partner:contains('Tour Softphone Customer')",
        },
        {
            trigger: ".o_crm_voip_number:value('+33 6 12 34 56 78')",
        },
        {
            trigger: ".o_crm_voip_caller_id",
            run: "select +33184887700",
        },
        {
            trigger: ".o_crm_voip_call_button",
            run: "click",
        },
        {
            trigger: ".o_crm_voip_call .o_crm_voip_caller:contains('Tour Softphone Customer')",
        },
        {
            // answered: the keypad sends digits now
            trigger: ".o_crm_voip_call .o_crm_voip_keypad",
        },
        {
            trigger: ".o_crm_voip_call .o_crm_voip_hangup",
            run: "click",
        },
        {
            trigger: ".o_crm_voip_softphone:not(:has(.o_crm_voip_call)) .o_crm_voip_tab_calls",
            run: "click",
        },
        {
            trigger: ".o_crm_voip_recent:contains('Tour Softphone Customer'):contains('Answered')",
        },
        ...stepUtils.goToAppSteps("crm.crm_menu_root"),
        {
            trigger: 'a[data-menu-xmlid="crm_voip.crm_voip_menu_calls"]',
            run: "click",
        },
        {
            trigger: ".o_list_view .o_data_row:contains('Tour Softphone Customer'):contains('Outbound'):contains('Answered')",
        },
    ],
});
