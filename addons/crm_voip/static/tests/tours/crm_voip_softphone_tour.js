/* Copyright 2026 CRM Practices contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0). */
import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";
import {ringSoftphone} from "@crm_voip/../tests/tours/crm_voip_simulated_device";
import {screenshotStep} from "@crm_voip/../tests/tours/crm_voip_screenshot";

const CUSTOMER = "Tour Softphone Customer";
const OUR_NUMBER = "+33184887700";

// Contacts list > select a row > Actions > Call via VoIP > Call > Hang up; the customer
// calls back: ringing with their name > Reject > listed as missed (and, live through the
// bus, in the recent calls) > Call back > Hang up; then the calls are in CRM > Calls.
// The screenshot steps take the readme's pictures (crm_voip/tests/screenshots.py).
registry.category("web_tour.tours").add("crm_voip_softphone_tour", {
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
            // the Actions menu, not Print (other modules bind reports to contacts)
            trigger: ".o_cp_action_menus .dropdown-toggle:contains('Actions')",
            run: "click",
        },
        screenshotStep(
            "contacts_call_via_voip",
            ".o-dropdown--menu .o-dropdown-item:contains('Call via VoIP')",
            {fullPage: true}
        ),
        {
            trigger: ".o-dropdown--menu .o-dropdown-item:contains('Call via VoIP')",
            run: "click",
        },
        {
            trigger: `.o_crm_voip_dial_partner:contains('${CUSTOMER}')`,
        },
        {
            trigger: ".o_crm_voip_number:value('+33 6 12 34 56 78')",
        },
        {
            trigger: ".o_crm_voip_caller_id",
            run: `select ${OUR_NUMBER}`,
        },
        screenshotStep(
            "softphone_dial",
            ".o_crm_voip_softphone:has(.o_crm_voip_call_button)"
        ),
        {
            trigger: ".o_crm_voip_call_button",
            run: "click",
        },
        {
            trigger: `.o_crm_voip_call .o_crm_voip_caller:contains('${CUSTOMER}')`,
        },
        // answered: the keypad sends digits now
        screenshotStep(
            "softphone_in_call",
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
        {
            trigger: `.o_crm_voip_recent:contains('${CUSTOMER}'):contains('Answered')`,
        },
        {
            // the customer calls our number: Odoo's TwiML rings this browser
            trigger: ".o_crm_voip_softphone:not(:has(.o_crm_voip_call))",
            run: () => ringSoftphone({from: "+33612345678", to: OUR_NUMBER}),
        },
        {
            trigger: `.o_crm_voip_call .o_crm_voip_caller:contains('${CUSTOMER}')`,
        },
        screenshotStep(
            "softphone_incoming",
            ".o_crm_voip_softphone:has(.o_crm_voip_answer)"
        ),
        {
            trigger: ".o_crm_voip_call .o_crm_voip_reject",
            run: "click",
        },
        {
            trigger: `.o_crm_voip_missed:contains('${CUSTOMER}') .o_crm_voip_call_back`,
        },
        {
            // Twilio reported the missed call to Odoo, which told this softphone by the bus
            trigger: `.o_crm_voip_recent:contains('${CUSTOMER}'):contains('Missed')`,
        },
        screenshotStep(
            "softphone_missed",
            ".o_crm_voip_softphone:has(.o_crm_voip_missed)"
        ),
        {
            trigger: `.o_crm_voip_missed:contains('${CUSTOMER}') .o_crm_voip_call_back`,
            run: "click",
        },
        {
            trigger: `.o_crm_voip_call .o_crm_voip_caller:contains('${CUSTOMER}')`,
        },
        {
            trigger: ".o_crm_voip_call .o_crm_voip_keypad",
        },
        {
            trigger: ".o_crm_voip_call .o_crm_voip_hangup",
            run: "click",
        },
        {
            trigger:
                ".o_crm_voip_softphone:not(:has(.o_crm_voip_call)):not(:has(.o_crm_voip_missed))",
        },
        {
            trigger: ".o_crm_voip_close",
            run: "click",
        },
        ...stepUtils.goToAppSteps("crm.crm_menu_root"),
        {
            trigger: 'a[data-menu-xmlid="crm_voip.crm_voip_menu_calls"]',
            run: "click",
        },
        {
            trigger: `.o_list_view .o_data_row:contains('${CUSTOMER}'):contains('Inbound'):contains('Missed')`,
        },
        screenshotStep(
            "crm_calls",
            `.o_list_view .o_data_row:contains('${CUSTOMER}'):contains('Outbound'):contains('Answered')`,
            {fullPage: true}
        ),
    ],
});
