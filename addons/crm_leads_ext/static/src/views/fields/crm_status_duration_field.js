/* Copyright 2026 CRM Practices contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0). */
import {formatDuration} from "@web/core/l10n/dates";
import {_t} from "@web/core/l10n/translation";
import {registry} from "@web/core/registry";
import {
    StatusBarField,
    statusBarField,
} from "@web/views/fields/statusbar/statusbar_field";

/**
 * Odoo's "statusbar_duration" reads the time spent in each value from the record's
 * `duration_tracking` field, one per model (the stage on leads). This one reads it
 * from the field named in the `duration_field` option, so that a model can show
 * the time spent in several status lists (lead, opportunity, prospect statuses).
 */
export class CrmStatusDurationField extends StatusBarField {
    static template = "mail.StatusBarDurationField";
    static props = {
        ...StatusBarField.props,
        durationField: {type: String, optional: true},
    };

    getAllItems() {
        const items = super.getAllItems();
        const durations =
            (this.props.durationField &&
                this.props.record.data[this.props.durationField]) ||
            {};
        for (const item of items) {
            const duration = durations[item.value];
            if (duration > 0) {
                item.shortTimeInStage = formatDuration(duration, false);
                item.fullTimeInStage = formatDuration(duration, true);
            } else {
                item.shortTimeInStage = 0;
            }
        }
        return items;
    }
}

export const crmStatusDurationField = {
    ...statusBarField,
    component: CrmStatusDurationField,
    displayName: _t("Status with time"),
    // Odoo's statusbar style (left to right, current status highlighted) is bound
    // to the o_field_statusbar class, as mail's statusbar_duration extends it
    additionalClasses: ["o_field_statusbar"],
    extractProps(fieldInfo, dynamicInfo) {
        return {
            ...statusBarField.extractProps(fieldInfo, dynamicInfo),
            durationField: fieldInfo.options.duration_field,
        };
    },
};

registry.category("fields").add("crm_status_duration", crmStatusDurationField);
