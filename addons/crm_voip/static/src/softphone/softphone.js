/* Copyright 2026 CRM Practices contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0). */
import {Component, onWillUnmount, useState} from "@odoo/owl";
import {deserializeDateTime, formatDateTime} from "@web/core/l10n/dates";
import {registry} from "@web/core/registry";
import {useService} from "@web/core/utils/hooks";

const {DateTime} = luxon;

export const KEYPAD = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "0", "#"];

/** The softphone window: status, incoming/current call, dial pad, missed and recent calls. */
export class Softphone extends Component {
    static template = "crm_voip.Softphone";
    static props = {};

    setup() {
        this.softphone = useService("crm_voip.softphone");
        this.state = useState(this.softphone.state);
        this.local = useState({query: "", contacts: [], now: Date.now()});
        this.keypad = KEYPAD;
        const timer = setInterval(() => {
            if (this.state.call?.startedAt) {
                this.local.now = Date.now();
            }
        }, 1000);
        onWillUnmount(() => clearInterval(timer));
    }

    get timer() {
        const started = this.state.call?.startedAt;
        if (!started) {
            return "00:00";
        }
        const seconds = Math.max(0, Math.floor((this.local.now - started) / 1000));
        const pad = (n) => String(n).padStart(2, "0");
        return `${pad(Math.floor(seconds / 60))}:${pad(seconds % 60)}`;
    }

    get statusClass() {
        if (this.state.status !== "online") {
            return "text-muted";
        }
        return this.state.deviceState === "ready" ? "text-success" : "text-warning";
    }

    partnerUrl(partnerId) {
        return `/odoo/res.partner/${partnerId}`;
    }

    onToggleStatus() {
        this.softphone.setStatus(this.state.status === "online" ? "offline" : "online");
    }

    onKey(key) {
        if (this.state.call?.state === "in_call") {
            this.softphone.sendDigit(key);
        } else {
            this.state.dial.number += key;
        }
    }

    async onSearch(ev) {
        this.local.query = ev.target.value;
        const query = this.local.query;
        const contacts = await this.softphone.searchContacts(query);
        if (query === this.local.query) {
            this.local.contacts = contacts;
        }
    }

    choose(contact, number) {
        Object.assign(this.state.dial, {
            number,
            partnerId: contact.id,
            partnerName: contact.display_name,
        });
        this.local.contacts = [];
        this.local.query = "";
        this.state.tab = "dial";
    }

    onNumberInput(ev) {
        Object.assign(this.state.dial, {
            number: ev.target.value,
            partnerId: false,
            partnerName: "",
        });
    }

    onCall() {
        const dial = this.state.dial;
        if (!dial.number) {
            return;
        }
        this.softphone.call({
            number: dial.number,
            callerId: dial.callerId,
            partnerId: dial.partnerId,
            partnerName: dial.partnerName,
        });
    }

    /** A call's date in the user's language and time zone (Odoo's localisation, never
     * the browser's locale): a Date of this session, or a UTC datetime of the server. */
    formatDate(value) {
        if (!value) {
            return "";
        }
        const date =
            value instanceof Date
                ? DateTime.fromJSDate(value)
                : deserializeDateTime(value);
        return formatDateTime(date, {showSeconds: false});
    }
}

/** The systray icon, shown to VoIP operators only; opens the softphone window. */
export class SoftphoneSystray extends Component {
    static template = "crm_voip.SoftphoneSystray";
    static components = {Softphone};
    static props = {};

    setup() {
        this.softphone = useService("crm_voip.softphone");
        this.state = useState(this.softphone.state);
    }
}

registry
    .category("systray")
    .add("crm_voip.softphone", {Component: SoftphoneSystray}, {sequence: 20});
