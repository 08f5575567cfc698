/* Copyright 2026 CRM Practices contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0). */
import {defineMailModels} from "@mail/../tests/mail_test_helpers";
import {describe, expect, test} from "@odoo/hoot";
import {animationFrame} from "@odoo/hoot-mock";
import {
    contains,
    defineModels,
    fields,
    getService,
    mockService,
    models,
    mountView,
    onRpc,
    patchWithCleanup,
    serverState,
} from "@web/../tests/web_test_helpers";
import {session} from "@web/session";

describe.current.tags("desktop");

class CrmLead extends models.Model {
    _name = "crm.lead";
    name = fields.Char();
    phone = fields.Char();
    partner_id = fields.Many2one({relation: "res.partner"});
    _records = [
        {
            id: 1,
            name: "Lead",
            phone: "01 23 45 67 89",
            partner_id: serverState.partnerId,
        },
    ];
}
defineMailModels();
defineModels([CrmLead]);

function mockSoftphoneInfo(isOperator) {
    patchWithCleanup(session, {crm_voip_operator: isOperator});
    onRpc("/crm_voip/softphone/info", () => ({
        is_operator: isOperator,
        status: "offline",
        numbers: [
            {id: 1, phone_number: "+33184880010", name: "Paris", can_call_out: true},
        ],
        recent: [],
        countries: [{code: "FR", name: "France", phone_code: 33}],
        default_country: "FR",
    }));
    mockService("crm_voip.device", {
        async createDevice() {
            throw new Error("no device in these tests");
        },
    });
}

const ARCH = `<form><sheet>
    <field name="name"/><field name="partner_id"/><field name="phone" widget="phone"/>
</sheet></form>`;

test("a VoIP call button next to a lead's phone prepares the call", async () => {
    mockSoftphoneInfo(true);
    await mountView({type: "form", resModel: "crm.lead", resId: 1, arch: ARCH});
    await animationFrame();
    await contains(".o_field_phone .o_crm_voip_field_call").click();
    await animationFrame();
    const state = getService("crm_voip.softphone").state;
    expect(state.open).toBe(true);
    expect(state.dial.number).toBe("01 23 45 67 89");
    expect(state.dial.partnerId).toBe(serverState.partnerId);
    expect(state.dial.partnerName).toBe(serverState.partnerName);
});

test("no VoIP call button for users who are not operators", async () => {
    mockSoftphoneInfo(false);
    await mountView({type: "form", resModel: "crm.lead", resId: 1, arch: ARCH});
    await animationFrame();
    expect(".o_field_phone").toHaveCount(1);
    expect(".o_crm_voip_field_call").toHaveCount(0);
});
