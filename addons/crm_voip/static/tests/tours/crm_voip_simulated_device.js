/* Copyright 2026 CRM Practices contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0). */
import {markRaw} from "@odoo/owl";
import {registry} from "@web/core/registry";

/**
 * Tours only (web.assets_tests), and only when the page is opened with
 * ?crm_voip_signal=<url>: the crm_voip.device service is replaced by a simulated
 * Twilio Device that sends its signalling to the test's stand-in for Twilio at <url>.
 * The stand-in checks the access token and POSTs the signed webhooks to Odoo, as
 * Twilio does for a real browser call.
 */
const signalUrl = new URLSearchParams(window.location.search).get("crm_voip_signal");

class Emitter {
    constructor() {
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
}

async function signal(path, values) {
    const response = await fetch(`${signalUrl}${path}`, {
        method: "POST",
        body: new URLSearchParams(values),
    });
    return response.json();
}

class TourCall extends Emitter {
    constructor(device, params, customParameters = {}) {
        super();
        this.device = device;
        this.parameters = params;
        this.customParameters = new Map(Object.entries(customParameters));
        this.started = Promise.resolve();
    }
    async start() {
        const result = await signal("/connect", {
            ...this.parameters,
            token: this.device.token,
        });
        this.parameters.CallSid = result.CallSid;
        this.emit("accept");
    }
    disconnect() {
        this.started
            .then(() => signal("/disconnect", {CallSid: this.parameters.CallSid}))
            .then(() => this.emit("disconnect"));
    }
    reject() {
        signal("/reject", {CallSid: this.parameters.CallSid}).then(() =>
            this.emit("reject")
        );
    }
    accept() {}
    mute() {}
    sendDigits() {}
}

let currentDevice = null;

class TourDevice extends Emitter {
    constructor(token) {
        super();
        this.token = token;
        currentDevice = this;
    }
    register() {
        this.emit("registered");
    }
    updateToken(token) {
        this.token = token;
    }
    destroy() {}
    async connect({params}) {
        const call = markRaw(new TourCall(this, {...params}));
        call.started = call.start();
        return call;
    }
}

/**
 * A customer calls one of our numbers: the stand-in posts the signed voice webhook to
 * Odoo and, when Odoo's TwiML rings this browser's identity, the device gets the call
 * with the <Parameter>s of that TwiML, as Twilio delivers them.
 */
export async function ringSoftphone({from, to}) {
    const device = currentDevice;
    if (!device) {
        throw new Error("crm_voip tour: no simulated device registered");
    }
    const result = await signal("/incoming", {token: device.token, From: from, To: to});
    if (!result.CallSid) {
        throw new Error(`crm_voip tour: the browser was not rung (${result.error})`);
    }
    const call = markRaw(
        new TourCall(
            device,
            {CallSid: result.CallSid, From: from, To: to},
            result.customParameters
        )
    );
    device.emit("incoming", call);
}

if (signalUrl) {
    registry.category("services").add(
        "crm_voip.device",
        {
            start() {
                return {
                    async createDevice(token) {
                        return new TourDevice(token);
                    },
                };
            },
        },
        {force: true}
    );
}
