# Sourced by tools/run and tools/test: prepares everything both commands need and reuses what exists.
#
#   ODOO_PATH        Odoo 18.0 Community source tree (default: /opt/odoo-18.0)
#   ODOO_GIT_DIR     optional git directory of an Odoo 18.0 snapshot, unpacked into ODOO_PATH when it is empty
#   PYTHON           interpreter for the venv (default: python3.11, else python3)
#   PGHOST/PGPORT/PGUSER/PGPASSWORD
#                    an existing PostgreSQL server; when PGHOST is unset a throwaway cluster is started
#                    under .run/pg (run as the `postgres` system user when we are root)
# shellcheck shell=bash

set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ODOO_PATH=${ODOO_PATH:-/opt/odoo-18.0}
VENV="$ROOT/.venv"
RUN_DIR="$ROOT/.run"
MODULES="crm_leads_ext,crm_events_reminders,crm_notes,crm_invoicing_ext,crm_voip,crm_reports_ext"
mkdir -p "$RUN_DIR"

log() { printf '\033[1m[%s]\033[0m %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 2; }

# --- 1. The Odoo 18.0 source tree -------------------------------------------------------------
ensure_odoo() {
    if [ -f "$ODOO_PATH/odoo-bin" ]; then return; fi
    local snap=${ODOO_GIT_DIR:-}
    if [ -z "$snap" ]; then
        # A git snapshot of Odoo 18.0 already on this machine (e.g. brought by a fetch).
        for d in /work/.mirror/*odoo-18*/repo /work/.mirror/*odoo*18*/repo; do
            [ -d "$d" ] && snap=$d && break
        done
    fi
    if [ -n "$snap" ] && git --git-dir="$snap" cat-file -e HEAD:odoo-bin 2>/dev/null; then
        log "unpacking Odoo 18.0 from $snap into $ODOO_PATH"
        mkdir -p "$ODOO_PATH"
        git --git-dir="$snap" archive HEAD | tar -x -C "$ODOO_PATH"
        return
    fi
    die "Odoo 18.0 source not found at ODOO_PATH=$ODOO_PATH.
Get it with:  git clone --depth 1 --branch 18.0 https://github.com/odoo/odoo.git $ODOO_PATH
(or set ODOO_PATH to an existing Odoo 18.0 Community tree, or ODOO_GIT_DIR to a git snapshot of one)."
}

# --- 2. The virtualenv ---------------------------------------------------------------------------
ensure_venv() {
    local py=${PYTHON:-}
    if [ -z "$py" ]; then py=$(command -v python3.11 || command -v python3); fi
    local stamp
    stamp=$(cat "$ODOO_PATH/requirements.txt" "$ROOT/requirements.txt" "$ROOT/requirements-dev.txt" | sha1sum | cut -c1-12)
    if [ -f "$VENV/.ready-$stamp" ]; then return; fi
    log "creating the virtualenv in $VENV (Odoo's and the project's requirements)"
    [ -x "$VENV/bin/python" ] || "$py" -m venv "$VENV"
    pipq() { "$VENV/bin/pip" "$@" 2>&1 | { grep -v -e '^WARNING: Location' -e 'DEPRECATION: Legacy editable' || true; }; }
    pipq install -q --upgrade "pip<25" "setuptools<75" wheel
    # Odoo's requirements, with the two changes Python 3.11 needs: cbor2 5.4.2 has no usable
    # build (5.4.6 has a wheel), and python-ldap needs system headers no module here uses.
    sed -e 's/^cbor2==5\.4\.2/cbor2==5.4.6/' -e '/^python-ldap/d' "$ODOO_PATH/requirements.txt" \
        > "$RUN_DIR/odoo-requirements.txt"
    pipq install -q -r "$RUN_DIR/odoo-requirements.txt"
    pipq install -q -r "$ROOT/requirements-dev.txt"
    pipq install -q --no-deps --no-build-isolation -e "$ODOO_PATH"
    "$VENV/bin/python" -c "import odoo, twilio, phonenumbers, websocket, pytest_odoo" \
        || die "the virtualenv in $VENV is incomplete (see the pip output above)"
    rm -f "$VENV"/.ready-*
    touch "$VENV/.ready-$stamp"
}

# --- 3. PostgreSQL -------------------------------------------------------------------------------
as_pg() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

ensure_postgres() {
    if [ -n "${PGHOST:-}" ]; then
        DB_HOST=$PGHOST; DB_PORT=${PGPORT:-5432}; DB_USER=${PGUSER:-odoo}; DB_PASSWORD=${PGPASSWORD:-}
        return
    fi
    local pgdir="$RUN_DIR/pg"
    mkdir -p "$pgdir"
    if [ "$(id -u)" = 0 ]; then
        chown postgres: "$pgdir"
        # The postgres user must reach the folder; a clone under a private home cannot host it.
        if ! runuser -u postgres -- test -w "$pgdir"; then
            pgdir="/tmp/crm-ext-pg-$(printf %s "$ROOT" | sha1sum | cut -c1-8)"
            mkdir -p "$pgdir" && chown postgres: "$pgdir"
        fi
    fi
    DB_HOST=$pgdir; DB_PORT=${CRM_EXT_PGPORT:-5439}; DB_USER=odoo; DB_PASSWORD=
    if [ ! -f "$pgdir/data/PG_VERSION" ]; then
        log "initialising a throwaway PostgreSQL cluster in $pgdir"
        as_pg initdb -A trust -U postgres -E UTF8 --locale=C.UTF-8 -D "$pgdir/data" >/dev/null
    fi
    if ! as_pg pg_ctl -D "$pgdir/data" status >/dev/null 2>&1; then
        log "starting PostgreSQL (socket in $pgdir, port $DB_PORT)"
        as_pg pg_ctl -D "$pgdir/data" -l "$pgdir/server.log" -w -t 60 start \
            -o "-k $pgdir -p $DB_PORT -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" >/dev/null
    fi
    as_pg psql -qAt -h "$pgdir" -p "$DB_PORT" -U postgres -d postgres -c \
        "DO \$\$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='odoo') THEN CREATE ROLE odoo LOGIN SUPERUSER; END IF; END\$\$;" >/dev/null
}

# --- 4. The Odoo configuration the scripts use --------------------------------------------------
write_config() {
    local conf="$RUN_DIR/odoo.conf" odoo_addons="$ODOO_PATH/odoo/addons"
    # A git checkout keeps the apps in addons/; a release tree (nightly, sdist) has them
    # all in odoo/addons, and an addons/ folder there may be stale: never mix the two.
    [ -d "$odoo_addons/crm" ] || odoo_addons="$odoo_addons,$ODOO_PATH/addons"
    cat > "$conf" <<EOF
[options]
addons_path = $odoo_addons,$ROOT/addons
data_dir = $RUN_DIR/data
db_host = $DB_HOST
db_port = $DB_PORT
db_user = $DB_USER
db_password = $DB_PASSWORD
admin_passwd = admin
list_db = True
without_demo = False
EOF
    ODOO_RC=$conf
    export ODOO_RC
}

odoo_bin() { "$VENV/bin/python" "$ODOO_PATH/odoo-bin" -c "$ODOO_RC" "$@"; }

psql_db() { PGHOST=$DB_HOST PGPORT=$DB_PORT PGUSER=$DB_USER psql -qAtX "$@"; }
dropdb_if() { PGHOST=$DB_HOST PGPORT=$DB_PORT PGUSER=$DB_USER dropdb --if-exists "$1"; rm -rf "$RUN_DIR/data/filestore/$1"; }

bootstrap() {
    ensure_odoo
    ensure_venv
    ensure_postgres
    write_config
    export PATH="$VENV/bin:$PATH" ODOO_PATH DB_HOST DB_PORT DB_USER
}
