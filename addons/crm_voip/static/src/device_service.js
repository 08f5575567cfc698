/* Copyright 2026 CRM Practices contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0). */
import {loadJS} from "@web/core/assets";
import {registry} from "@web/core/registry";

// shipped with the module (tools/voice_sdk keeps it in step with package-lock.json)
export const SDK_URL = "/crm_voip/static/lib/twilio-voice/twilio.min.js";

export class SdkUnavailableError extends Error {}

/**
 * The one door to the Twilio Voice SDK (npm @twilio/voice-sdk), loaded lazily the
 * first time an operator goes online. Tests replace this service by a simulated
 * device with the same surface: createDevice(token) -> {register, unregister,
 * updateToken, connect({params}), destroy, on(event, cb)}.
 */
export const deviceService = {
    start() {
        return {
            async createDevice(token) {
                if (!window.Twilio?.Device) {
                    try {
                        await loadJS(SDK_URL);
                    } catch {
                        throw new SdkUnavailableError(SDK_URL);
                    }
                }
                if (!window.Twilio?.Device) {
                    throw new SdkUnavailableError(SDK_URL);
                }
                return new window.Twilio.Device(token, {
                    closeProtection: true,
                    codecPreferences: ["opus", "pcmu"],
                    tokenRefreshMs: 60000,
                });
            },
        };
    },
};

registry.category("services").add("crm_voip.device", deviceService);
