# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The access matrix: what each role may do on each model our modules add or restrict.

For every model our modules define (``_original_module``; abstract ones aside) and
every Odoo model one of their ``ir.rule`` restricts, for each role of ``ROLES``
(users of company A only), and each kind of record of ``KINDS`` that makes sense for
the model, the seven operations are tried as the user, each inside a savepoint
rolled back at once:

- ``read``: ``read()`` of the fields of the form the user gets (as the web client);
- ``search``, ``name_search``, ``read_group``: is the record listed (searched by id);
- ``write``: a text field edited (``WRITE_FIELDS`` or the first one), else a field
  set to its own value (the access checks are the same);
- ``create``: a record like the one of that kind (same company, owner, privacy),
  with fresh values where a value must be unique;
- ``unlink``.

A cell is ``Y`` (done, or listed), ``N`` (refused by the access rights of the model:
``ir.model.access``), ``-`` (hidden or refused for that record: record rules), ``!``
(refused by a business check: ``UserError`` / ``ValidationError``, or a record still
in use) or ``E`` (any other error: a defect, logged). Records are made as superuser
by a generic factory that fills the required fields from the fields' metadata, with
the few values a model needs in ``FIXTURES``.
"""

import csv
import io
import itertools
import logging
import time
from datetime import timedelta

from lxml import etree
from psycopg2 import IntegrityError

from odoo import Command, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

_logger = logging.getLogger(__name__)

OPERATIONS = [
    "read",
    "search",
    "name_search",
    "read_group",
    "write",
    "create",
    "unlink",
]
# role -> groups of its user (each group brings the ones it implies)
ROLES = {
    "salesman_own": ["sales_team.group_sale_salesman"],
    "salesman_all": ["sales_team.group_sale_salesman_all_leads"],
    "sales_admin": ["sales_team.group_sale_manager"],
    "voip_operator": ["crm_voip.group_crm_voip_operator"],
    "voip_manager": ["crm_voip.group_crm_voip_manager"],
    "portal": ["base.group_portal"],
    "public": ["base.group_public"],
}
# kind of record -> what it is, seen from a user of company A
KINDS = {
    "own": "of the user's company, the user's own (salesperson, creator, operator)",
    "company": "of the user's company, a colleague's",
    "other_company": "of the other company",
    "shared": "without company (shared between companies)",
    "private": "of the user's company, a colleague's, restricted to them",
}
HEADER = ["module", "model", "title", "type", "role", "record", *OPERATIONS, "note"]

# the field that makes a record someone's own (the record's "salesperson");
# transient models (wizards) belong to their creator
OWNER = {
    "crm.lead": "user_id",
    "res.partner": "user_id",
    "crm.note": "user_id",
    "crm.case": "user_id",
    "crm.voip.call": "user_id",
    "crm.voip.operator": "user_id",
    "crm.report": "user_id",
}
# the group a user needs to own a record of these models (an operator is added to it)
OWNER_GROUP = {
    "crm.voip.number": "crm_voip.group_crm_voip_operator",
    "crm.voip.operator": "crm_voip.group_crm_voip_operator",
    "crm.voip.call": "crm_voip.group_crm_voip_operator",
}
# values that make a record private to its owner (a colleague of the user)
PRIVATE = {
    "crm.lead": {"crm_access": "private"},
    "res.partner": {"crm_access": "private"},
    "crm.case": {"restrict_access": True},
}
# models of one record per company: the matrix uses that record
ONE_PER_COMPANY = ("crm.voip.account",)
# models whose private records are those of a private event (a colleague's)
PRIVATE_EVENT = ("crm.event.reminder", "crm.event.reminder.log")
# the field written in the write test, when the first text field is not one to use
WRITE_FIELDS = {
    "crm.voip.number": "friendly_name",
    "crm.voip.call.leg": "to_number",
    "crm.voip.account": "name",
    "res.partner": "comment",
    "crm.lead": "description",
}


def _event(ctx, kind, owner):
    """A calendar event of the kind: private events are the colleague's, an event
    of the other company is one of its opportunity."""
    values = {
        "name": "Matrix event",
        "start": fields.Datetime.now() + timedelta(days=1),
        "stop": fields.Datetime.now() + timedelta(days=1, hours=1),
        "user_id": owner.id,
        "partner_ids": [Command.set(owner.partner_id.ids)],
        "privacy": "private" if kind == "private" else "public",
    }
    if kind == "other_company":
        values["opportunity_id"] = ctx.sample("crm.lead", ctx.company_b).id
    return ctx.sudo("calendar.event", owner).create(values)


def _reminder_log(ctx, kind, owner):
    """A line as the reminder cron writes it, with the company of its event."""
    event = _event(ctx, kind, owner)
    Log = ctx.env["crm.event.reminder.log"]
    return {
        "event_id": event.id,
        "event_name": event.name,
        "company_id": Log._crm_company_of(event).id,
        "partner_id": owner.partner_id.id,
        "channel": "email",
    }


def _number(ctx, kind, owner):
    """A virtual number is the user's own when they operate it."""
    company = ctx.company_of(kind)
    values = {
        "account_id": ctx.sample("crm.voip.account", company).id,
        "phone_number": f"+3314{next(ctx._counter):07d}",
    }
    if kind == "own":
        values["operator_ids"] = [
            Command.create({"user_id": owner.id, "company_id": company.id})
        ]
    return values


def _call(ctx, kind, owner):
    company = ctx.company_of(kind)
    return {"number_id": ctx.sample("crm.voip.number", company).id}


# model -> function(ctx, kind, owner) giving the values the generic factory cannot
# guess (a related company, an event); kinds that make no sense for a model give None
FIXTURES = {
    "res.partner": lambda ctx, kind, owner: {
        "name": f"Matrix contact {next(ctx._counter)}"
    },
    "crm.event.reminder": lambda ctx, kind, owner: {
        "event_id": _event(ctx, kind, owner).id
    },
    "crm.event.reminder.log": _reminder_log,
    "crm.voip.number": _number,
    "crm.report.line": lambda ctx, kind, owner: {
        "report_id": ctx.record("crm.report", kind, owner).id
    },
    "crm.voip.call": _call,
    "crm.voip.call.leg": lambda ctx, kind, owner: {
        "call_id": ctx.record("crm.voip.call", kind, owner).id,
        "sid": f"CA{next(ctx._counter)}",
    },
    "crm.voip.operator": lambda ctx, kind, owner: {
        "number_id": ctx.new("crm.voip.number", kind, ctx.colleague).id
    },
    "crm.note.variable.value": lambda ctx, kind, owner: {
        "note_id": ctx.record("crm.note", kind, owner).id,
        "variable_id": ctx.new("crm.note.variable", kind, owner).id,
    },
    "crm.note.variable": lambda ctx, kind, owner: {
        "option_ids": [Command.create({"name": f"Option {next(ctx._counter)}"})]
    },
    "crm.note.variable.option": lambda ctx, kind, owner: {
        "variable_id": ctx.sample("crm.note.variable", ctx.company_of(kind)).id
    },
}
# model -> (the field its company comes from, whether that record may be shared),
# when that company is not a related company_id (those are found alone)
COMPANY_THROUGH = {
    "crm.event.reminder.log": ("event_id", False),
    "crm.note.variable.value": ("note_id", False),
    "crm.note.variable.option": ("variable_id", True),
}
# models whose "own" records are made by their fixture (no owner field of theirs)
OWN_THROUGH = ("crm.voip.number", "crm.report.line")


class Matrix:
    """Builds the users and the records, and measures each cell."""

    def __init__(self, env):
        self.env = env(context={"tracking_disable": True})
        self.op_env = env  # the context a user works with
        self.company_a = env.company
        self.company_b = self.env["res.company"].create({"name": "Matrix company B"})
        users = self.env["res.users"].with_context(no_reset_password=True)

        def user(login, groups):
            return users.create(
                {
                    "name": f"Matrix {login}",
                    "login": f"matrix_{login}",
                    "email": f"matrix_{login}@example.com",
                    "company_id": self.company_a.id,
                    "company_ids": [Command.set(self.company_a.ids)],
                    "groups_id": [Command.set([self.env.ref(g).id for g in groups])],
                }
            )

        self.users = {role: user(role, groups) for role, groups in ROLES.items()}
        # owns the records of the other kinds; works in both companies
        self.colleague = user(
            "colleague",
            [
                "sales_team.group_sale_salesman_all_leads",
                "crm_voip.group_crm_voip_operator",
            ],
        )
        self.colleague.company_ids = [Command.link(self.company_b.id)]
        self._samples = {}
        self._counter = itertools.count(1)
        self._records = {}
        self._forms = {}

    # --- the factory ------------------------------------------------------------------
    def company_of(self, kind):
        return {"other_company": self.company_b, "shared": self.env["res.company"]}.get(
            kind, self.company_a
        )

    def sudo(self, model, owner, company=None):
        """The model as superuser acting for the owner (who is the creator)."""
        company = company or self.company_a
        return (
            self.env[model]
            .with_user(owner)
            .sudo()
            .with_context(
                allowed_company_ids=company.ids,
                no_mail_to_attendees=True,
                mail_create_nolog=True,
                tracking_disable=True,
            )
        )

    def sample(self, model, company):
        """A record of ``model`` of ``company`` (or without company) to point to."""
        key = (model, company.id)
        if key not in self._samples:
            Model = self.env[model].sudo()
            domain = []
            if "company_id" in Model._fields and Model._fields["company_id"].store:
                domain = [("company_id", "=", company.id or False)]
            found = Model.search(domain, limit=1)
            if not found:
                kind = (
                    "shared"
                    if not company
                    else ("company" if company == self.company_a else "other_company")
                )
                try:
                    found = self.sudo(model, self.colleague, company or None).create(
                        self.values(model, kind, self.colleague)
                    )
                except Exception as error:
                    error.add_note(f"access matrix: making a sample {model}")
                    raise
            self._samples[key] = found
        return self._samples[key]

    def values(self, model, kind, owner):
        """The values of a record of ``kind`` owned by ``owner``."""
        Model = self.env[model]
        company = self.company_of(kind)
        fixture = FIXTURES.get(model)
        values = dict(fixture(self, kind, owner)) if fixture else {}
        company_field = Model._fields.get("company_id")
        if (
            company_field
            and company_field.store
            and not company_field.related
            and not (company_field.compute and company_field.readonly)
        ):
            values.setdefault("company_id", company.id or False)
        if OWNER.get(model):
            values.setdefault(OWNER[model], owner.id)
        if kind == "private":
            values.update(PRIVATE.get(model, {}))
        try:
            defaults = self.sudo(model, owner, company or None).default_get(
                list(Model._fields)
            )
        except UserError:  # a wizard opened without its records
            defaults = {}
        for name, field in Model._fields.items():
            if (
                name in values
                or not field.required
                or (field.compute and field.readonly)
                or field.related
                or defaults.get(name) not in (None, False)
            ):
                continue
            values[name] = self._sample_value(field, company)
        return values

    def _sample_value(self, field, company):
        if field.type == "many2one":
            return self.sample(field.comodel_name, company).id
        if field.type == "many2many":
            return [Command.set(self.sample(field.comodel_name, company).ids)]
        if field.type == "selection":
            return field.get_values(self.env)[0]
        if field.type in ("char", "text", "html"):
            return f"Matrix {field.name} {next(self._counter)}"
        if field.type in ("integer", "float", "monetary"):
            return 1
        if field.type == "date":
            return fields.Date.today()
        if field.type == "datetime":
            return fields.Datetime.now()
        if field.type == "boolean":
            return True
        if field.type == "binary":
            return "JVBERi0xLjQKJSVFT0YK"  # a tiny PDF
        raise ValueError(f"no sample for the required field {field}")

    def through(self, model):
        """(field, may be shared) when the company of ``model`` comes from the
        record of that field, else None."""
        if model in COMPANY_THROUGH:
            return COMPANY_THROUGH[model]
        company_field = self.env[model]._fields.get("company_id")
        if company_field and company_field.store and company_field.related:
            first = company_field.related.split(".")[0]
            comodel = self.env[self.env[model]._fields[first].comodel_name]
            parent = comodel._fields.get("company_id")
            shared = bool(parent) and not parent.required and not parent.related
            return first, shared
        return None

    def kinds(self, model, role):
        Model = self.env[model]
        company_field = Model._fields.get("company_id")
        kinds = ["company"]
        if model in OWNER or Model._transient or model in OWN_THROUGH:
            group = OWNER_GROUP.get(model)
            user = self.users[role]
            if not user.share and (not group or user.has_group(group)):
                kinds.insert(0, "own")
        through = self.through(model)
        if through:
            kinds.append("other_company")
            if through[1]:
                kinds.append("shared")
        elif company_field and company_field.store:
            kinds.append("other_company")
            if not company_field.required:
                kinds.append("shared")
        if model in PRIVATE or model in PRIVATE_EVENT:
            kinds.append("private")
        return kinds

    def new(self, model, kind, owner):
        """A new record of ``kind`` (one a record may point to only once)."""
        return self.sudo(model, owner, self.company_of(kind) or None).create(
            self.values(model, kind, owner)
        )

    def record(self, model, kind, owner):
        """The record of ``kind`` (made once; ``own`` ones once per owner)."""
        key = (model, kind, owner.id)
        if model in ONE_PER_COMPANY:
            return self.sample(model, self.company_of(kind))
        if key not in self._records:
            try:
                self._records[key] = self.sudo(
                    model, owner, self.company_of(kind) or None
                ).create(self.values(model, kind, owner))
            except Exception as error:
                error.add_note(f"access matrix: making a {kind} record of {model}")
                raise
        return self._records[key]

    # --- the cells -------------------------------------------------------------
    def row(self, model, role, kind):
        """The outcome of each operation for one role on one record of ``kind``."""
        user = self.users[role]
        owner = user if kind == "own" else self.colleague
        record = self.record(model, kind, owner)
        create_values = self.values(model, kind, owner)
        Model = (
            self.op_env[model]
            .with_user(user)
            .with_context(allowed_company_ids=self.company_a.ids)
        )
        rec = Model.browse(record.id)
        domain = [("id", "=", record.id)]
        write_values = self._write_values(model, record)
        checks = {
            "read": lambda: rec.read(self._form_fields(Model)),
            "search": lambda: record.id in Model.search(domain).ids,
            "name_search": lambda: record.id
            in [r[0] for r in Model.name_search("", domain)],
            "read_group": lambda: sum(
                group["__count"] for group in Model.read_group(domain, ["__count"], [])
            )
            == 1,
            "write": lambda: rec.write(write_values),
            "create": lambda: Model.create(create_values),
            "unlink": lambda: rec.unlink(),
        }
        return {op: self._try(Model, op, fn) for op, fn in checks.items()}

    def _form_fields(self, Model):
        """The fields of the model's form as the user gets it (the fields of
        groups the user lacks are not in it, as in the web client)."""
        key = (Model._name, Model.env.uid)
        if key not in self._forms:
            try:
                arch = etree.fromstring(Model.get_view(view_type="form")["arch"])
                # the form's own fields (not those of its lists of lines); the
                # nodes of groups the user lacks are already gone
                names = {
                    node.get("name")
                    for node in arch.iter("field")
                    if not any(a.tag == "field" for a in node.iterancestors())
                }
                names = [
                    name
                    for name in sorted(names)
                    if name in Model._fields
                    and Model._fields[name].is_accessible(Model.env)
                ]
            except AccessError:
                names = []
            self._forms[key] = names or ["display_name"]
        return self._forms[key]

    def _write_values(self, model, record):
        """A change the user could type: a text field edited, else a field set
        to its value (the access checks are the same)."""
        Model = self.env[model]
        name = WRITE_FIELDS.get(model)
        if not name:
            candidates = [
                name
                for name, field in Model._fields.items()
                if field.type not in ("one2many", "binary", "properties")
                and field.store
                and not field.compute
                and not field.related
                and not field.readonly
                and not field.groups
                and name not in models.MAGIC_COLUMNS
            ]
            candidates.sort(
                key=lambda n: (Model._fields[n].type not in ("char", "text"), n)
            )
            if not candidates:
                raise ValueError(f"{model}: no field to write, set WRITE_FIELDS")
            name = candidates[0]
        field = Model._fields[name]
        if field.type in ("char", "text", "html"):
            return {name: f"{record[name] or ''} (matrix)"}
        return {name: field.convert_to_write(record[name], record)}

    def _try(self, Model, op, fn):
        access = {"search": "read", "name_search": "read", "read_group": "read"}
        cr = self.env.cr
        savepoint = cr.savepoint()
        try:
            result = fn()
            self.env.flush_all()
            outcome = "-" if result is False else "Y"
        except AccessError as error:
            _logger.debug("access matrix: %s %s: %s", Model._name, op, error)
            acl = self.env["ir.model.access"].with_user(Model.env.uid)
            allowed = acl.check(Model._name, access.get(op, op), raise_exception=False)
            outcome = "-" if allowed else "N"
        except (UserError, ValidationError, IntegrityError) as error:
            # Odoo shows an IntegrityError as a message (a record still in use)
            _logger.debug("access matrix: %s %s: %s", Model._name, op, error)
            outcome = "!"
        except Exception as error:  # noqa: BLE001 -- any other error is a defect
            _logger.warning("access matrix: %s %s: %r", Model._name, op, error)
            outcome = "E"
        finally:
            savepoint.close(rollback=True)  # clears the cache and the precommit hooks
        return outcome


def models_of(env, modules):
    """The models our modules add, and the Odoo models their record rules restrict."""
    names = {
        name
        for name, Model in env.registry.items()
        if Model._original_module in modules
    }
    result = {}
    for name in sorted(names):
        if not env[name]._abstract:
            result[name] = env[name]._original_module
    # Odoo's models our record rules restrict: in the readme of the rule's module
    rules = env["ir.model.data"].search(
        [("module", "in", modules), ("model", "=", "ir.rule")], order="id"
    )
    for data in rules:
        name = env["ir.rule"].browse(data.res_id).model_id.model
        result.setdefault(name, data.module)
    return result


def measure(env, modules):
    """Every row of the matrix, as dicts of ``HEADER``."""
    matrix = Matrix(env)
    rows = []
    for model, module in sorted(models_of(env, modules).items()):
        start = time.monotonic()
        for role in ROLES:
            for kind in matrix.kinds(model, role):
                cells = matrix.row(model, role, kind)
                rows.append(
                    {
                        "module": module,
                        "model": model,
                        "title": env[model]._description,
                        "type": "wizard" if env[model]._transient else "model",
                        "role": role,
                        "record": kind,
                    }
                    | cells
                    | {"note": ""}
                )
        _logger.info("access matrix: %s in %.1fs", model, time.monotonic() - start)
    return rows


def read_table(path):
    with open(path, newline="", encoding="utf-8") as file:
        return list(csv.DictReader(file))


def write_table(path, rows, notes=None):
    """Write ``rows``, keeping the notes of ``notes`` (the previous table)."""
    notes = {_key(r): r.get("note", "") for r in notes or []}
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, HEADER, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(row | {"note": notes.get(_key(row), row.get("note", ""))})
    with open(path, "w", encoding="utf-8") as file:
        file.write(buffer.getvalue())


def _key(row):
    return (row["model"], row["role"], row["record"])


def diff(expected, measured):
    """The cells that changed, one readable line each."""
    expected = {_key(r): r for r in expected}
    measured = {_key(r): r for r in measured}
    lines = []
    for key in sorted(expected.keys() | measured.keys()):
        model, role, kind = key
        if key not in measured:
            lines.append(f"{model} / {role} / {kind}: in the table, not measured")
            continue
        if key not in expected:
            cells = " ".join(f"{op}={measured[key][op]}" for op in OPERATIONS)
            lines.append(f"{model} / {role} / {kind}: not in the table ({cells})")
            continue
        for op in OPERATIONS:
            if expected[key][op] != measured[key][op]:
                lines.append(
                    f"{model} / {role} / {kind} / {op}: "
                    f"expected {expected[key][op]}, got {measured[key][op]}"
                )
    return lines
