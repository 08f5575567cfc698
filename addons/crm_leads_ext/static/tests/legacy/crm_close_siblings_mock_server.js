/** @odoo-module **/
/* Copyright 2026 CRM Practices contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0). */
import {MockServer} from "@web/../tests/helpers/mock_server";
import {patch} from "@web/core/utils/patch";

// crm's own QUnit tests (rainbow man, kanban progress bar) save and drag leads
// through the form and kanban that static/src/views/crm_close_siblings.js extends:
// their mock server answers our read-only question as a lead without other
// opportunities to close would, so those tests see Odoo's behaviour unchanged.
patch(MockServer.prototype, {
    async _performRPC(route, args) {
        if (args.model === "crm.lead" && args.method === "crm_close_siblings_offer") {
            return false;
        }
        return super._performRPC(...arguments);
    },
});
