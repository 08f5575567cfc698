# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""docker-compose.yml and its Dockerfile stay valid for users (Docker is not on our
machines): pinned images, only what the repository has, variables that are read."""

import configparser
import re

import yaml

from .common import ROOT

# What the official images read (their entrypoints): odoo's docker-entrypoint.sh and
# postgres' docker-entrypoint.sh
ODOO_IMAGE_VARIABLES = {"HOST", "PORT", "USER", "PASSWORD", "ODOO_RC"}
POSTGRES_IMAGE_VARIABLES = {
    "POSTGRES_DB",
    "POSTGRES_USER",
    "POSTGRES_PASSWORD",
    "POSTGRES_INITDB_ARGS",
    "PGDATA",
}
# odoo.conf keys that the odoo image's entrypoint lets win over HOST/PORT/USER/PASSWORD
CONNECTION_KEYS = {"db_host", "db_port", "db_user", "db_password"}


def _compose():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def _dockerfile():
    return (ROOT / "Dockerfile").read_text()


def _requirements():
    return [
        line.strip()
        for line in (ROOT / "requirements.txt").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]


def test_services_use_official_images():
    services = _compose()["services"]
    assert set(services) == {"db", "odoo"}, "no one-shot service (node, pip) any more"
    assert services["odoo"]["build"] == "."
    assert services["db"]["image"].split(":")[0] == "postgres"
    for name in ("odoo", "db"):
        assert "test" in services[name]["healthcheck"], name
    assert services["odoo"]["depends_on"]["db"]["condition"] == "service_healthy"


def test_images_are_pinned():
    """A dated odoo tag, a minor postgres version (`odoo:18.0`, `postgres:15` move)."""
    base = re.findall(r"^FROM\s+(\S+)", _dockerfile(), re.M)
    assert len(base) == 1 and re.fullmatch(r"odoo:18\.0-\d{8}", base[0]), base
    db_image = _compose()["services"]["db"]["image"]
    assert re.fullmatch(r"postgres:15\.\d+(-[a-z]+)?", db_image), db_image
    for name, service in _compose()["services"].items():
        assert "node" not in service.get("image", ""), name


def test_dockerfile_installs_the_pinned_requirements():
    """Into the image's site-packages (no --target volume that never upgrades)."""
    dockerfile = _dockerfile()
    assert "COPY requirements.txt " in dockerfile
    assert re.search(r"pip3? install [^\n]*-r /tmp/\S*requirements\.txt", dockerfile)
    assert "--target" not in dockerfile
    for requirement in _requirements():
        assert re.fullmatch(r"[A-Za-z0-9_.-]+==[0-9][^ ]*", requirement), requirement
    assert any(r.startswith("twilio==") for r in _requirements())


def test_mounted_and_copied_paths_exist():
    compose = _compose()
    named = set(compose.get("volumes") or {})
    mounts = [v for s in compose["services"].values() for v in s.get("volumes", [])]
    host_paths = [m.split(":")[0] for m in mounts]
    assert "./addons" in host_paths and "./odoo.conf" in host_paths
    for path in host_paths:
        if path in named:
            continue
        assert (ROOT / path).exists(), f"{path} is mounted but not in the repository"
    used = {m.split(":")[0] for m in mounts}
    assert named <= used, f"named volumes never mounted: {named - used}"
    for source in re.findall(r"^COPY\s+(\S+)\s", _dockerfile(), re.M):
        assert (ROOT / source).exists(), f"the Dockerfile copies {source}, not here"
    assert (ROOT / compose["services"]["odoo"]["build"] / "Dockerfile").exists()


def test_addons_path_is_the_mount():
    conf = configparser.ConfigParser()
    conf.read(ROOT / "odoo.conf")
    mounts = _compose()["services"]["odoo"]["volumes"]
    addons = next(m.split(":")[1] for m in mounts if m.startswith("./addons:"))
    assert conf["options"]["addons_path"] == addons
    assert next(m.split(":")[1] for m in mounts if m.startswith("./odoo.conf:")) == (
        "/etc/odoo/odoo.conf"
    )


def test_environment_variables_are_read():
    """Every variable given to a container is read by its image, and odoo.conf does not
    override the connection the odoo service is given."""
    services = _compose()["services"]
    assert set(services["odoo"]["environment"]) <= ODOO_IMAGE_VARIABLES
    assert set(services["db"]["environment"]) <= POSTGRES_IMAGE_VARIABLES
    conf = configparser.ConfigParser()
    conf.read(ROOT / "odoo.conf")
    assert not CONNECTION_KEYS & set(conf["options"]), "odoo.conf would win over them"
    # one user and password for both sides
    odoo_env, db_env = services["odoo"]["environment"], services["db"]["environment"]
    for key, db_key in (("USER", "POSTGRES_USER"), ("PASSWORD", "POSTGRES_PASSWORD")):
        assert odoo_env[key] == db_env[db_key]
    assert services["odoo"]["environment"]["HOST"] == "db"


def test_interpolated_variables_are_documented():
    """The ${VARIABLES} of docker-compose.yml are named in its header and the README."""
    text = (ROOT / "docker-compose.yml").read_text()
    header = "".join(line for line in text.splitlines(True) if line.startswith("#"))
    readme = (ROOT / "README.md").read_text()
    variables = set(re.findall(r"\$\{([A-Z_]+)", text))
    assert variables, "no variable"
    for variable in variables:
        assert variable in header, f"{variable} is not explained in docker-compose.yml"
        assert variable in readme, f"{variable} is not in README.md"


def test_port_published_on_localhost_by_default():
    ports = _compose()["services"]["odoo"]["ports"]
    assert len(ports) == 1
    bind, host_port, container_port = re.fullmatch(
        r"(\$\{ODOO_BIND:-[0-9.]+\}|[0-9.]+):(\$\{ODOO_PORT:-\d+\}|\d+):(\d+)", ports[0]
    ).groups()
    assert re.sub(r"\$\{ODOO_BIND:-(.*)\}", r"\1", bind) == "127.0.0.1"
    assert container_port == "8069"
    assert "db" not in [s for s, v in _compose()["services"].items() if v.get("ports")]


def test_softphone_needs_no_install_step():
    """The Twilio Voice SDK ships with crm_voip (tools/voice_sdk): no node service, no
    npm in any path."""
    sdk = ROOT / "addons/crm_voip/static/lib/twilio-voice/twilio.min.js"
    assert sdk.stat().st_size > 100_000
    for path in ("docker-compose.yml", "Dockerfile", "tools/bootstrap.sh"):
        assert "npm" not in (ROOT / path).read_text(), path
