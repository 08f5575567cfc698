/* Copyright 2026 CRM Practices contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0). */
import {markRaw, reactive} from "@odoo/owl";
import {_t} from "@web/core/l10n/translation";
import {rpc} from "@web/core/network/rpc";
import {registry} from "@web/core/registry";
import {user} from "@web/core/user";
import {session} from "@web/session";
import {SdkUnavailableError} from "./device_service";

// Twilio Voice SDK error codes (twilio.com/docs/api/errors)
const TOKEN_EXPIRED_CODES = [20101, 20104, 31204, 31205];
const MICROPHONE_CODES = [31208, 31401, 31402];
// Refresh the token this long before it expires (seconds)
export const TOKEN_MARGIN = 120;

export const MESSAGES = {
    sdk_unavailable: () =>
        _t(
            "Twilio SDK unavailable: your browser could not load the Twilio Voice SDK from the server. Reload the page, then go online again."
        ),
    microphone: () =>
        _t(
            "Microphone refused: allow this site to use the microphone in your browser's address bar, then go online again."
        ),
    token_expired: () =>
        _t(
            "Your VoIP session expired and could not be renewed: check your connection, then go online again."
        ),
    no_number: () =>
        _t(
            "No number allows you to call out: ask a VoIP manager to give you a number with outgoing calls."
        ),
    no_account: () =>
        _t(
            "No connected Twilio account for your numbers: ask an administrator to connect Twilio in the CRM settings."
        ),
    device: () => _t("The softphone lost its connection to Twilio: go online again."),
};

/**
 * The softphone's state and actions: online status, Twilio device, the current
 * call, the session's missed calls and the recent calls of the call log.
 */
export class Softphone {
    constructor(env, services) {
        this.env = env;
        this.device = services["crm_voip.device"];
        this.orm = services.orm;
        this.bus = services.bus_service;
        this.twilioDevice = null;
        this.refreshTimer = null;
        this.state = reactive({
            isOperator: false,
            status: "offline",
            numbers: [],
            recent: [],
            countries: [],
            defaultCountry: "",
            deviceState: "off",
            error: false,
            open: false,
            tab: "dial",
            call: null,
            missed: [],
            dial: {
                number: "",
                country: "",
                partnerId: false,
                partnerName: "",
                callerId: "",
            },
        });
    }

    get outNumbers() {
        return this.state.numbers.filter((n) => n.can_call_out);
    }

    get errorMessage() {
        return this.state.error ? MESSAGES[this.state.error]() : "";
    }

    async load() {
        if (!session.crm_voip_operator) {
            // not an operator (ir.http.session_info): nothing to ask the server
            return;
        }
        const info = await rpc("/crm_voip/softphone/info");
        Object.assign(this.state, {
            isOperator: info.is_operator,
            status: info.status || "offline",
            numbers: info.numbers || [],
            recent: info.recent || [],
            countries: info.countries || [],
            defaultCountry: info.default_country || "",
        });
        this.state.dial.country = this.state.defaultCountry;
        this.state.dial.callerId = this.outNumbers[0]?.phone_number || "";
        if (this.state.isOperator) {
            this.bus.subscribe("crm_voip_call_updated", () => this.reloadRecent());
            if (this.state.status === "online") {
                await this.register();
            }
        }
    }

    async reloadRecent() {
        this.state.recent = await rpc("/crm_voip/softphone/recent");
    }

    toggleOpen() {
        this.state.open = !this.state.open;
    }

    // Status and device -----------------------------------------------------------------
    async setStatus(status) {
        await this.orm.write("res.users", [user.userId], {voip_status: status});
        this.state.status = status;
        if (status === "online") {
            await this.register();
        } else {
            this.unregister();
        }
    }

    async fetchToken() {
        const result = await rpc("/crm_voip/token");
        if (!result?.token) {
            return null;
        }
        clearTimeout(this.refreshTimer);
        this.refreshTimer = setTimeout(
            () => this.refreshToken(),
            Math.max(result.ttl - TOKEN_MARGIN, 10) * 1000
        );
        return result.token;
    }

    async refreshToken() {
        if (!this.twilioDevice) {
            return;
        }
        let token = null;
        try {
            token = await this.fetchToken();
        } catch {
            token = null;
        }
        if (token) {
            this.twilioDevice.updateToken(token);
        } else {
            this.fail("token_expired");
        }
    }

    fail(code) {
        this.state.error = code;
        this.state.deviceState = "error";
    }

    async register() {
        this.state.error = false;
        if (this.twilioDevice) {
            return;
        }
        this.state.deviceState = "registering";
        const token = await this.fetchToken();
        if (!token) {
            this.fail("no_account");
            return;
        }
        try {
            this.twilioDevice = markRaw(await this.device.createDevice(token));
        } catch (error) {
            if (error instanceof SdkUnavailableError) {
                this.fail("sdk_unavailable");
                return;
            }
            throw error;
        }
        const device = this.twilioDevice;
        device.on("registered", () => {
            this.state.deviceState = "ready";
            this.state.error = false;
        });
        device.on("unregistered", () => {
            if (this.state.deviceState !== "error") {
                this.state.deviceState = "off";
            }
        });
        device.on("tokenWillExpire", () => this.refreshToken());
        device.on("error", (error) => this.onDeviceError(error));
        device.on("incoming", (call) => this.onIncoming(call));
        await device.register();
    }

    unregister() {
        clearTimeout(this.refreshTimer);
        const device = this.twilioDevice;
        this.twilioDevice = null;
        this.state.deviceState = "off";
        this.state.error = false;
        if (device) {
            device.destroy();
        }
    }

    onDeviceError(error) {
        const code = error?.code;
        if (TOKEN_EXPIRED_CODES.includes(code)) {
            this.fail("token_expired");
        } else if (
            MICROPHONE_CODES.includes(code) ||
            error?.name === "NotAllowedError"
        ) {
            this.state.error = "microphone";
        } else {
            this.fail("device");
        }
    }

    // Calls ---------------------------------------------------------------------------------
    _bindCall(twilioCall) {
        twilioCall.on("accept", () => {
            if (this.state.call?.twilioCall === twilioCall) {
                this.state.call.state = "in_call";
                this.state.call.startedAt = Date.now();
            }
        });
        twilioCall.on("disconnect", () => {
            this._endCall(twilioCall);
            // the call log has its outcome now
            this.reloadRecent();
        });
        twilioCall.on("cancel", () => {
            // the caller hung up before anybody answered
            if (this.state.call?.twilioCall === twilioCall) {
                this._addMissed(this.state.call);
            }
            this._endCall(twilioCall);
        });
        twilioCall.on("reject", () => this._endCall(twilioCall));
        twilioCall.on("error", (error) => {
            if (
                MICROPHONE_CODES.includes(error?.code) ||
                error?.name === "NotAllowedError"
            ) {
                this.state.error = "microphone";
            }
            this._endCall(twilioCall);
        });
    }

    onIncoming(twilioCall) {
        markRaw(twilioCall);
        if (this.state.call) {
            twilioCall.reject();
            return;
        }
        const params = twilioCall.customParameters || new Map();
        this.state.call = {
            direction: "inbound",
            state: "ringing",
            number: twilioCall.parameters?.From || "",
            partnerId: Number(params.get("crm_voip_partner_id")) || false,
            partnerName: params.get("crm_voip_partner_name") || "",
            ourNumber: params.get("crm_voip_number") || twilioCall.parameters?.To || "",
            muted: false,
            startedAt: null,
            twilioCall,
        };
        this.state.open = true;
        this._bindCall(twilioCall);
    }

    _addMissed(call) {
        this.state.missed.unshift({
            id: Date.now() + this.state.missed.length,
            number: call.number,
            partnerId: call.partnerId,
            partnerName: call.partnerName,
            date: new Date(),
        });
    }

    _endCall(twilioCall) {
        if (this.state.call?.twilioCall === twilioCall) {
            this.state.call = null;
        }
    }

    answer() {
        this.state.call?.twilioCall.accept();
    }

    reject() {
        const call = this.state.call;
        if (!call) {
            return;
        }
        this._addMissed(call);
        this.state.call = null;
        call.twilioCall.reject();
    }

    hangUp() {
        const call = this.state.call;
        if (!call) {
            return;
        }
        this.state.call = null;
        call.twilioCall.disconnect();
    }

    toggleMute() {
        const call = this.state.call;
        if (call) {
            call.muted = !call.muted;
            call.twilioCall.mute(call.muted);
        }
    }

    sendDigit(digit) {
        this.state.call?.twilioCall.sendDigits(digit);
    }

    /** The dialled number in E.164, from the country selector for national numbers. */
    e164(number, countryCode) {
        let digits = (number || "").replace(/[^\d+]/g, "");
        if (digits.startsWith("00")) {
            digits = "+" + digits.slice(2);
        }
        if (digits.startsWith("+") || !digits) {
            return digits;
        }
        const country = this.state.countries.find((c) => c.code === countryCode);
        return country ? `+${country.phone_code}${digits.replace(/^0+/, "")}` : digits;
    }

    async call({number, callerId, partnerId = false, partnerName = ""}) {
        if (this.state.call) {
            return;
        }
        if (!this.outNumbers.length) {
            this.state.error = "no_number";
            return;
        }
        if (!this.twilioDevice) {
            await this.setStatus("online");
            if (!this.twilioDevice) {
                return;
            }
        }
        const from = callerId || this.outNumbers[0].phone_number;
        const to = this.e164(number, this.state.dial.country);
        this.state.call = {
            direction: "outbound",
            state: "connecting",
            number: to,
            partnerId,
            partnerName,
            ourNumber: from,
            muted: false,
            startedAt: null,
            twilioCall: null,
        };
        this.state.open = true;
        let twilioCall = null;
        try {
            twilioCall = markRaw(
                await this.twilioDevice.connect({params: {To: to, CallerId: from}})
            );
        } catch (error) {
            this.state.call = null;
            this.onDeviceError(error);
            return;
        }
        if (!this.state.call) {
            twilioCall.disconnect();
            return;
        }
        this.state.call.twilioCall = twilioCall;
        this._bindCall(twilioCall);
    }

    callBack(missed) {
        this.state.missed = this.state.missed.filter((m) => m.id !== missed.id);
        return this.call({
            number: missed.number,
            callerId: this.state.dial.callerId,
            partnerId: missed.partnerId,
            partnerName: missed.partnerName,
        });
    }

    /** Opens the dial pad on a contact's number ("Appeler via VoIP", phone fields). */
    async prepareCall({number = "", partnerId = false, partnerName = ""}) {
        if (!partnerName && partnerId) {
            const [partner] = await this.orm.read(
                "res.partner",
                [partnerId],
                ["display_name", "phone", "mobile"]
            );
            partnerName = partner?.display_name || "";
            number = number || partner?.mobile || partner?.phone || "";
        }
        Object.assign(this.state.dial, {number, partnerId, partnerName});
        this.state.tab = "dial";
        this.state.open = true;
        if (!this.outNumbers.length) {
            this.state.error = "no_number";
        }
    }

    /** Contacts with a phone whose name or company's name matches (the server searches). */
    async searchContacts(query) {
        if (!query) {
            return [];
        }
        return rpc("/crm_voip/softphone/contacts", {query});
    }
}

export const softphoneService = {
    dependencies: ["orm", "bus_service", "crm_voip.device"],
    start(env, services) {
        const softphone = new Softphone(env, services);
        // not an operator, or offline: the systray stays empty
        softphone.load().catch(() => {});
        return softphone;
    },
};

registry.category("services").add("crm_voip.softphone", softphoneService);
