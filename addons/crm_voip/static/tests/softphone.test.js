/* Copyright 2026 CRM Practices contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0). */
import {SdkUnavailableError} from "@crm_voip/device_service";
import {SoftphoneSystray} from "@crm_voip/softphone/softphone";
import {defineMailModels} from "@mail/../tests/mail_test_helpers";
import {describe, expect, test} from "@odoo/hoot";
import {animationFrame, mockTimeZone} from "@odoo/hoot-mock";
import {localization} from "@web/core/l10n/localization";
import {
    contains,
    mockService,
    mountWithCleanup,
    onRpc,
    patchWithCleanup,
} from "@web/../tests/web_test_helpers";
import {session} from "@web/session";

describe.current.tags("desktop");
defineMailModels();

/** A simulated Twilio Call: the same methods and events as @twilio/voice-sdk's Call. */
class SimulatedCall {
    constructor(parameters, customParameters = {}) {
        this.parameters = parameters;
        this.customParameters = new Map(Object.entries(customParameters));
        this.handlers = {};
    }
    on(event, handler) {
        (this.handlers[event] ||= []).push(handler);
    }
    emit(event, ...args) {
        for (const handler of this.handlers[event] || []) {
            handler(...args);
        }
    }
    accept() {
        expect.step("accept");
        this.emit("accept");
    }
    reject() {
        expect.step("reject");
        this.emit("reject");
    }
    disconnect() {
        expect.step("disconnect");
        this.emit("disconnect");
    }
    mute(muted) {
        expect.step(`mute ${muted}`);
    }
    sendDigits(digits) {
        expect.step(`digits ${digits}`);
    }
}

/** A simulated Twilio Device, created by the mocked crm_voip.device service. */
class SimulatedDevice extends SimulatedCall {
    register() {
        expect.step("register");
        this.emit("registered");
    }
    updateToken(token) {
        expect.step(`updateToken ${token}`);
    }
    destroy() {
        expect.step("destroy");
    }
    async connect({params}) {
        expect.step(`connect ${params.To} from ${params.CallerId}`);
        const call = new SimulatedCall({To: params.To});
        this.lastCall = call;
        return call;
    }
}

const NUMBERS = [
    {id: 1, phone_number: "+33184880010", name: "Paris", can_call_out: true},
    {id: 2, phone_number: "+33184880020", name: "Support", can_call_out: false},
];

function setup({
    status = "online",
    numbers = NUMBERS,
    isOperator = true,
    sdk = true,
    recent = [],
    defaultCountry = "FR",
} = {}) {
    patchWithCleanup(session, {crm_voip_operator: isOperator});
    const simulation = {device: null, tokens: 0};
    onRpc("/crm_voip/softphone/info", () => ({
        is_operator: isOperator,
        status,
        numbers,
        recent,
        countries: [
            {code: "BE", name: "Belgium", phone_code: 32},
            {code: "FR", name: "France", phone_code: 33},
        ],
        default_country: defaultCountry,
    }));
    onRpc("/crm_voip/softphone/recent", () => []);
    onRpc("/crm_voip/token", () => {
        simulation.tokens++;
        return {token: `jwt${simulation.tokens}`, identity: "odoo_test_2", ttl: 3600};
    });
    onRpc("res.users", "write", ({args}) => {
        expect.step(`status ${args[1].voip_status}`);
        return true;
    });
    mockService("crm_voip.device", {
        async createDevice(token) {
            expect.step(`device ${token}`);
            if (!sdk) {
                throw new SdkUnavailableError("twilio.min.js");
            }
            simulation.device = new SimulatedDevice({});
            return simulation.device;
        },
    });
    return simulation;
}

test("incoming call: answer, keypad, mute, hang up", async () => {
    const simulation = setup();
    await mountWithCleanup(SoftphoneSystray);
    await animationFrame();
    expect.verifySteps(["device jwt1", "register"]);
    expect(".o_crm_voip_systray").toHaveCount(1);

    simulation.device.emit(
        "incoming",
        new SimulatedCall(
            {From: "+33123456789", To: "client:odoo_test_2"},
            {crm_voip_partner_id: "7", crm_voip_partner_name: "Known Customer"}
        )
    );
    await animationFrame();
    expect(".o_crm_voip_partner_link").toHaveText("Known Customer");
    expect(".o_crm_voip_partner_link").toHaveAttribute("href", "/odoo/res.partner/7");
    expect(".o_crm_voip_partner_link").toHaveAttribute("target", "_blank");
    await contains(".o_crm_voip_answer").click();
    expect.verifySteps(["accept"]);
    expect(".o_crm_voip_timer").toHaveText("00:00");
    await contains(".o_crm_voip_call .o_crm_voip_key[data-key='5']").click();
    await contains(".o_crm_voip_mute").click();
    expect.verifySteps(["digits 5", "mute true"]);
    await contains(".o_crm_voip_hangup").click();
    expect.verifySteps(["disconnect"]);
    expect(".o_crm_voip_call").toHaveCount(0);
    expect(".o_crm_voip_missed_badge").toHaveCount(0);
});

test("incoming call rejected: listed as missed, then called back", async () => {
    const simulation = setup();
    await mountWithCleanup(SoftphoneSystray);
    await animationFrame();
    expect.verifySteps(["device jwt1", "register"]);
    simulation.device.emit("incoming", new SimulatedCall({From: "+33123456789"}));
    await animationFrame();
    expect(".o_crm_voip_caller").toHaveText("+33123456789");
    await contains(".o_crm_voip_reject").click();
    expect.verifySteps(["reject"]);
    expect(".o_crm_voip_missed_badge").toHaveText("1");
    await contains(".o_crm_voip_tab_calls").click();
    expect(".o_crm_voip_missed").toHaveCount(1);
    expect(".o_crm_voip_missed").toHaveText(/\+33123456789/);
    await contains(".o_crm_voip_call_back").click();
    expect.verifySteps(["connect +33123456789 from +33184880010"]);
    expect(".o_crm_voip_missed_badge").toHaveCount(0);
    simulation.device.lastCall.accept();
    await animationFrame();
    expect.verifySteps(["accept"]);
    await contains(".o_crm_voip_hangup").click();
    expect.verifySteps(["disconnect"]);
});

test("a caller who hangs up before the answer is a missed call", async () => {
    const simulation = setup();
    await mountWithCleanup(SoftphoneSystray);
    await animationFrame();
    expect.verifySteps(["device jwt1", "register"]);
    const call = new SimulatedCall({From: "+33999"}, {crm_voip_partner_name: ""});
    simulation.device.emit("incoming", call);
    await animationFrame();
    call.emit("cancel");
    await animationFrame();
    expect(".o_crm_voip_call").toHaveCount(0);
    expect(".o_crm_voip_missed_badge").toHaveText("1");
});

test("outgoing call from the contact picker, caller ID among allowed numbers", async () => {
    setup({status: "offline"});
    onRpc("/crm_voip/softphone/contacts", async (request) => {
        const {params} = await request.json();
        if (params.query !== "Known") {
            return [];
        }
        expect.step("search Known");
        return [
            {
                id: 7,
                display_name: "Known Customer",
                phone: "01 23 45 67 89",
                mobile: "06 12 34 56 78",
            },
        ];
    });
    await mountWithCleanup(SoftphoneSystray);
    await animationFrame();
    expect.verifySteps([]);
    await contains(".o_crm_voip_systray > button").click();
    expect(".o_crm_voip_caller_id option").toHaveCount(1);
    expect(".o_crm_voip_caller_id").toHaveValue("+33184880010");
    await contains(".o_crm_voip_tab_contacts").click();
    await contains(".o_crm_voip_contact_search").edit("Known");
    expect.verifySteps(["search Known"]);
    expect(".o_crm_voip_contact").toHaveCount(1);
    await contains(".o_crm_voip_pick_mobile").click();
    expect(".o_crm_voip_dial_partner").toHaveText("Known Customer");
    expect(".o_crm_voip_number").toHaveValue("06 12 34 56 78");
    expect(".o_crm_voip_country").toHaveValue("FR");
    await contains(".o_crm_voip_call_button").click();
    expect.verifySteps([
        "status online",
        "device jwt1",
        "register",
        "connect +33612345678 from +33184880010",
    ]);
    expect(".o_crm_voip_caller").toHaveText("Known Customer");
    await contains(".o_crm_voip_hangup").click();
    expect.verifySteps(["disconnect"]);
});

test("the token is renewed before it expires", async () => {
    const simulation = setup();
    await mountWithCleanup(SoftphoneSystray);
    await animationFrame();
    expect.verifySteps(["device jwt1", "register"]);
    simulation.device.emit("tokenWillExpire");
    await animationFrame();
    expect.verifySteps(["updateToken jwt2"]);
    simulation.device.emit("error", {code: 20104, message: "expired"});
    await animationFrame();
    await contains(".o_crm_voip_systray > button").click();
    expect(".o_crm_voip_error").toHaveText(/expired/);
});

test("clear messages: SDK unavailable, microphone refused, no allowed number", async () => {
    setup({sdk: false, numbers: [NUMBERS[1]]});
    await mountWithCleanup(SoftphoneSystray);
    await animationFrame();
    expect.verifySteps(["device jwt1"]);
    await contains(".o_crm_voip_systray > button").click();
    expect(".o_crm_voip_error").toHaveText(/Twilio SDK unavailable/);
    expect(".o_crm_voip_error").toHaveText(/Reload the page/);
    expect(".o_crm_voip_call_button").not.toBeEnabled();
});

test("microphone refused", async () => {
    const simulation = setup();
    await mountWithCleanup(SoftphoneSystray);
    await animationFrame();
    expect.verifySteps(["device jwt1", "register"]);
    simulation.device.emit("error", {code: 31401, message: "Permission denied"});
    await contains(".o_crm_voip_systray > button").click();
    expect(".o_crm_voip_error").toHaveText(/Microphone refused/);
    // refused when calling out: no call stays "connecting"
    simulation.device.connect = async () => {
        throw Object.assign(new Error("Permission denied"), {name: "NotAllowedError"});
    };
    await contains(".o_crm_voip_number").edit("0123456789");
    await contains(".o_crm_voip_call_button").click();
    expect(".o_crm_voip_call").toHaveCount(0);
    expect(".o_crm_voip_error").toHaveText(/Microphone refused/);
});

test("no softphone for users who are not VoIP operators", async () => {
    setup({isOperator: false});
    await mountWithCleanup(SoftphoneSystray);
    await animationFrame();
    expect(".o_crm_voip_systray").toHaveCount(0);
    expect.verifySteps([]);
});

test("recent and missed calls dated in the user's language and time zone", async () => {
    mockTimeZone(+1);
    setup({
        status: "offline",
        recent: [
            {
                id: 1,
                direction: "inbound",
                state: "answered",
                state_label: "Répondu",
                number: "+33612345678",
                partner_id: 7,
                partner_name: "Known Customer",
                // UTC, as the server sends it
                date: "2026-11-29 20:40:00",
            },
        ],
    });
    await mountWithCleanup(SoftphoneSystray);
    await animationFrame();
    // the user's language is French (res.lang of fr_FR, as the localization service
    // sets it at start), the time zone Paris: never the browser's locale
    patchWithCleanup(localization, {
        dateFormat: "dd/MM/yyyy",
        timeFormat: "HH:mm:ss",
        shortTimeFormat: "HH:mm",
        dateTimeFormat: "dd/MM/yyyy HH:mm:ss",
    });
    await contains(".o_crm_voip_systray > button").click();
    expect(".o_crm_voip_number").toHaveAttribute("placeholder", "Phone number");
    await contains(".o_crm_voip_tab_calls").click();
    expect(".o_crm_voip_recent .text-muted").toHaveText("29/11/2026 21:40 · Répondu");
});

test("the dial pad starts on the country the server gives", async () => {
    setup({status: "offline", defaultCountry: "BE"});
    await mountWithCleanup(SoftphoneSystray);
    await animationFrame();
    await contains(".o_crm_voip_systray > button").click();
    expect(".o_crm_voip_country").toHaveValue("BE");
});
