/* Copyright 2026 CRM Practices contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0). */
// crm's form view, registered as "crm_form" by this module (it exports nothing)
import "@crm/views/crm_form/crm_form";
import {CrmKanbanDynamicGroupList} from "@crm/views/crm_kanban/crm_kanban_model";
import {patch} from "@web/core/utils/patch";
import {registry} from "@web/core/registry";

/**
 * Axelor: once an opportunity of a prospect is won, the prospect's other open
 * opportunities are offered for closing. Odoo's Won button returns that offer
 * (crm.lead.action_set_won_rainbowman); a click in the status bar of the form and a
 * drag to a won column of the kanban win the opportunity by a plain save instead,
 * after which Odoo asks the server for its rainbow man. At the same moment we ask
 * the server for the offer (crm.lead.crm_close_siblings_offer, read-only), and open
 * it when there is one: nothing happens for customers, open stages, or when the
 * prospect has no other open opportunity.
 */
const WATCHED = ["stage_id", "opportunity_status_id"];

async function offerToCloseSiblings(model, resId, onClose) {
    const action = await model.orm.call("crm.lead", "crm_close_siblings_offer", [
        [resId],
    ]);
    if (action) {
        await model.action.doAction(action, {onClose});
    }
}

const CrmFormRecord = registry.category("views").get("crm_form").Model.Record;

patch(CrmFormRecord.prototype, {
    async _save() {
        const watched =
            this.resModel === "crm.lead" &&
            WATCHED.some((fname) => fname in this._changes);
        const res = await super._save(...arguments);
        if (watched && res && this.resId) {
            await offerToCloseSiblings(this.model, this.resId);
        }
        return res;
    },
});

patch(CrmKanbanDynamicGroupList.prototype, {
    async moveRecord(dataRecordId, dataGroupId, refId, targetGroupId) {
        const res = await super.moveRecord(...arguments);
        const sourceGroup = this.groups.find((g) => g.id === dataGroupId);
        const targetGroup = this.groups.find((g) => g.id === targetGroupId);
        if (
            dataGroupId !== targetGroupId &&
            sourceGroup &&
            targetGroup &&
            WATCHED.includes(sourceGroup.groupByField.name)
        ) {
            const record = targetGroup.list.records.find((r) => r.id === dataRecordId);
            if (record) {
                await offerToCloseSiblings(this.model, record.resId, () =>
                    this.model.load()
                );
            }
        }
        return res;
    },
});
