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
    constructor(device, params) {
        super();
        this.device = device;
        this.parameters = params;
        this.customParameters = new Map();
    }
    async start() {
        const result = await signal("/connect", {...this.parameters, token: this.device.token});
        this.parameters.CallSid = result.CallSid;
        this.emit("accept");
    }
    disconnect() {
        this.started
            .then(() => signal("/disconnect", {CallSid: this.parameters.CallSid}))
            .then(() => this.emit("disconnect"));
    }
    reject() {
        this.emit("reject");
    }
    accept() {}
    mute() {}
    sendDigits() {}
}

class TourDevice extends Emitter {
    constructor(token) {
        super();
        this.token = token;
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
