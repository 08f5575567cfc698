# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Run a menu's own window action as the web client does for a user."""

from dateutil.relativedelta import relativedelta
from lxml import etree

from odoo import fields
from odoo.tools.safe_eval import datetime, safe_eval


def search_menu(env, menu_xmlid, user):
    """Records the list of ``menu_xmlid`` shows to ``user``, in its order.

    The menu's action is loaded as the web client loads it (``_for_xml_id``),
    its context and domain evaluated for the user, the search view's filters
    named by ``search_default_*`` applied with their own domains, and the list
    view's ``default_order`` used: nothing is copied from the XML.
    """
    menu = env.ref(menu_xmlid).with_user(user)
    xmlid = menu.action.get_external_id()[menu.action.id]
    action = env["ir.actions.actions"].with_user(user)._for_xml_id(xmlid)
    model = env[action["res_model"]].with_user(user)
    today = fields.Date.context_today(model.with_context(tz=user.tz))
    eval_ctx = {
        "uid": user.id,
        "context_today": lambda: today,
        "relativedelta": relativedelta,
        "datetime": datetime,
    }
    context = safe_eval(action.get("context") or "{}", eval_ctx)
    domain = list(safe_eval(action.get("domain") or "[]", eval_ctx))
    list_view = next(
        (view_id for view_id, kind in action["views"] if kind == "list"), False
    )
    search_view = action.get("search_view_id") or False
    if isinstance(search_view, list | tuple):
        search_view = search_view[0]
    views = model.get_views([(list_view, "list"), (search_view, "search")])["views"]
    search_arch = etree.fromstring(views["search"]["arch"])
    filters = [
        key[len("search_default_") :]
        for key, value in context.items()
        if key.startswith("search_default_") and value
    ]
    for name in filters:
        node = search_arch.xpath(f"//filter[@name='{name}']")
        assert node, f"{xmlid}: no filter {name} in its search view"
        domain += safe_eval(node[0].get("domain"), eval_ctx)
    order = etree.fromstring(views["list"]["arch"]).get("default_order")
    records = model.with_context(**context).search(domain, order=order)
    return records, action, filters


def search_filter(env, model_name, filter_name, user, domain=()):
    """Records of ``model_name`` the search view's filter ``filter_name`` keeps
    for ``user``, its domain evaluated as the web client does."""
    model = env[model_name].with_user(user)
    today = fields.Date.context_today(model.with_context(tz=user.tz))
    eval_ctx = {
        "uid": user.id,
        "context_today": lambda: today,
        "relativedelta": relativedelta,
        "datetime": datetime,
    }
    arch = etree.fromstring(
        model.get_views([(False, "search")])["views"]["search"]["arch"]
    )
    node = arch.xpath(f"//filter[@name='{filter_name}']")
    assert node, f"no filter {filter_name} in the search view of {model_name}"
    return model.search(list(domain) + safe_eval(node[0].get("domain"), eval_ctx))
