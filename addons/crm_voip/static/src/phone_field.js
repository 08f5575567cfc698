/* Copyright 2026 CRM Practices contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0). */
import {useState} from "@odoo/owl";
import {registry} from "@web/core/registry";
import {useService} from "@web/core/utils/hooks";
import {patch} from "@web/core/utils/patch";
import {PhoneField} from "@web/views/fields/phone/phone_field";

// A VoIP call button next to phone fields, for operators only.
patch(PhoneField.prototype, {
    setup() {
        super.setup(...arguments);
        this.crmVoip = useService("crm_voip.softphone");
        this.crmVoipState = useState(this.crmVoip.state);
    },
    onCrmVoipCall() {
        const record = this.props.record;
        const isPartner = record.resModel === "res.partner";
        // many2one values are [id, display_name]
        const [partnerId, partnerName] = record.data.partner_id || [false, ""];
        this.crmVoip.prepareCall({
            number: record.data[this.props.name],
            partnerId: isPartner ? record.resId : partnerId,
            partnerName: isPartner
                ? record.data.display_name || record.data.name
                : partnerName,
        });
    },
});

/** "Appeler via VoIP" from the contact list: a server action returns this client action. */
async function callPartnerAction(env, action) {
    const softphone = env.services["crm_voip.softphone"];
    await softphone.prepareCall({partnerId: action.params?.partner_id});
}

registry.category("actions").add("crm_voip_call_partner", callPartnerAction);
