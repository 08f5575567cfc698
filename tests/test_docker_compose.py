# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""docker-compose.yml stays valid for users, and mounts only what the repository has."""

import yaml

from .common import ROOT


def _compose():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_services_use_official_images():
    services = _compose()["services"]
    assert services["odoo"]["image"] == "odoo:18.0"
    assert services["db"]["image"].split(":")[0] == "postgres"
    for name in ("odoo", "db"):
        assert "test" in services[name]["healthcheck"], name
    assert services["odoo"]["depends_on"]["db"]["condition"] == "service_healthy"


def test_mounted_paths_exist():
    compose = _compose()
    named = set(compose.get("volumes") or {})
    mounts = [v for s in compose["services"].values() for v in s.get("volumes", [])]
    host_paths = [m.split(":")[0] for m in mounts]
    assert "./addons" in host_paths and "./odoo.conf" in host_paths
    for path in host_paths:
        if path in named:
            continue
        assert (ROOT / path).exists(), f"{path} is mounted but not in the repository"


def test_voip_python_client_matches_the_requirements():
    """The official image lacks `twilio`: compose installs the version we test."""
    pinned = next(
        line.strip()
        for line in (ROOT / "requirements.txt").read_text().splitlines()
        if line.startswith("twilio==")
    )
    entrypoint = _compose()["services"]["python-deps"]["entrypoint"]
    assert pinned in entrypoint
