/* Copyright 2026 CRM Practices contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0). */
import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

const PDF =
    "JVBERi0xLjQKMSAwIG9iago8PCAvVHlwZSAvQ2F0YWxvZyAvUGFnZXMgMiAwIFIgPj4KZW5kb2JqCjIgMCBvYmoKPDwgL1R5cGUgL1BhZ2VzIC9LaWRzIFszIDAgUl0gL0NvdW50IDEgPj4KZW5kb2JqCjMgMCBvYmoKPDwgL1R5cGUgL1BhZ2UgL1BhcmVudCAyIDAgUiAvTWVkaWFCb3ggWzAgMCA1OTUgODQyXSAvQ29udGVudHMgNCAwIFIgL1Jlc291cmNlcyA8PCAvRm9udCA8PCAvRjEgNSAwIFIgPj4gPj4gPj4KZW5kb2JqCjQgMCBvYmoKPDwgL0xlbmd0aCA0NSA+PgpzdHJlYW0KQlQgL0YxIDI0IFRmIDcyIDc2MCBUZCAoQ2F0YWxvZ3VlIDIwMjYpIFRqIEVUCmVuZHN0cmVhbQplbmRvYmoKNSAwIG9iago8PCAvVHlwZSAvRm9udCAvU3VidHlwZSAvVHlwZTEgL0Jhc2VGb250IC9IZWx2ZXRpY2EgPj4KZW5kb2JqCnhyZWYKMCA2CjAwMDAwMDAwMDAgNjU1MzUgZiAKMDAwMDAwMDAwOSAwMDAwMCBuIAowMDAwMDAwMDU4IDAwMDAwIG4gCjAwMDAwMDAxMTUgMDAwMDAgbiAKMDAwMDAwMDI0MSAwMDAwMCBuIAowMDAwMDAwMzM2IDAwMDAwIG4gCnRyYWlsZXIKPDwgL1NpemUgNiAvUm9vdCAxIDAgUiA+PgpzdGFydHhyZWYKNDA2CiUlRU9GCg==";

// A sales administrator uploads a PDF catalogue.
registry.category("web_tour.tours").add("crm_leads_ext_catalogue_tour", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps("crm.crm_menu_root"),
        {
            trigger:
                'a[data-menu-xmlid="crm_leads_ext.crm_catalogue_menu"], button[data-menu-xmlid="crm_leads_ext.crm_catalogue_menu"]',
            run: "click",
        },
        {
            trigger:
                ".o_control_panel .o-kanban-button-new, .o_control_panel .o_list_button_add",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=name] input",
            run: "edit Tour Catalogue",
        },
        {
            content: "Upload the PDF",
            trigger:
                ".o_form_view .o_field_widget[name=pdf_file] input[type=file]:not(:visible)",
            async run() {
                const input = document.querySelector(
                    ".o_form_view .o_field_widget[name=pdf_file] input[type=file]"
                );
                const blob = await (
                    await fetch(`data:application/pdf;base64,${PDF}`)
                ).blob();
                const transfer = new DataTransfer();
                transfer.items.add(
                    new File([blob], "tour.pdf", {type: "application/pdf"})
                );
                input.files = transfer.files;
                input.dispatchEvent(new Event("change", {bubbles: true}));
            },
        },
        {
            content: "The file is there",
            trigger:
                ".o_form_view .o_field_widget[name=pdf_file] input:value(tour.pdf)",
        },
        ...stepUtils.saveForm(),
    ],
});

// A salesperson (who may only read catalogues) sends it to two contacts, one of
// them blacklisted.
registry.category("web_tour.tours").add("crm_leads_ext_catalogue_send_tour", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps("crm.crm_menu_root"),
        {
            trigger:
                'a[data-menu-xmlid="crm_leads_ext.crm_catalogue_menu"], button[data-menu-xmlid="crm_leads_ext.crm_catalogue_menu"]',
            run: "click",
        },
        {
            trigger:
                ".o_kanban_record:contains('Tour Catalogue'), .o_data_row:contains('Tour Catalogue')",
            run: "click",
        },
        {
            trigger: ".o_form_view button[name=action_send_by_email]",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=partner_ids] input",
            run: "edit Tour Anne",
        },
        {
            trigger: ".ui-menu-item a:contains('Tour Anne')",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=partner_ids] input",
            run: "edit Tour Bob",
        },
        {
            trigger: ".ui-menu-item a:contains('Tour Bob')",
            run: "click",
        },
        {
            content: "Bob asked not to be emailed: shown as skipped",
            trigger:
                ".modal .o_field_widget[name=skipped_partner_ids]:contains('Tour Bob')",
        },
        {
            trigger: ".modal button[name=action_send]",
            run: "click",
        },
        {
            content: "The result names the skipped contact",
            trigger: ".o_notification:contains('Not sent to Tour Bob')",
        },
    ],
});
