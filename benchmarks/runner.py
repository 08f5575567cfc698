# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Runs the benchmarks named on the command line (all `bench_*.py` by default).

Called by benchmarks/run, which prepares the database. Every benchmark module has a
DESCRIPTION and a `run(env, size)` returning a list of harness.Result; it makes the
data it needs with benchmarks.datagen (kept in the database, topped up next time).
"""

import argparse
import importlib
import logging
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import odoo  # noqa: E402
from odoo import SUPERUSER_ID, api  # noqa: E402
from odoo.modules.registry import Registry  # noqa: E402


def available():
    return sorted(p.stem.removeprefix("bench_") for p in HERE.glob("bench_*.py"))


def report(rows):
    head = (
        f"{'benchmark':<44} {'ours ms':>10} {'ours q':>8} "
        f"{'odoo ms':>10} {'odoo q':>8} {'ratio':>7}"
    )
    print(head)
    print("-" * len(head))
    for r in rows:
        print(
            f"{r.name:<44} {r.ours.seconds * 1000:>10.1f} {r.ours.queries:>8} "
            f"{r.odoo.seconds * 1000:>10.1f} {r.odoo.queries:>8} {r.ratio:>6.1f}x"
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--config", required=True)
    parser.add_argument("--database", required=True)
    parser.add_argument("--size", type=int, default=10000, help="generated records")
    parser.add_argument("--list", action="store_true", help="list the benchmarks")
    parser.add_argument("names", nargs="*")
    args = parser.parse_args()
    names = args.names or available()
    if args.list:
        for name in available():
            module = importlib.import_module(f"benchmarks.bench_{name}")
            print(f"{name:<24} {module.DESCRIPTION}")
        return
    unknown = set(names) - set(available())
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(sorted(unknown))}")
    odoo.tools.config.parse_config(["-c", args.config, "-d", args.database])
    logging.getLogger("benchmarks").setLevel(logging.INFO)
    registry = Registry(args.database)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        print(f"database {args.database}, size {args.size}", flush=True)
        rows = []
        for name in names:
            module = importlib.import_module(f"benchmarks.bench_{name}")
            print(f"running {name}: {module.DESCRIPTION}", flush=True)
            rows += module.run(env, args.size)
            cr.rollback()
    print()
    report(rows)


if __name__ == "__main__":
    main()
