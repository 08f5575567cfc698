# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Measuring tools shared by the benchmarks: wall time and SQL queries of a block."""

import time
from contextlib import contextmanager
from dataclasses import dataclass

from odoo import sql_db


@dataclass
class Measure:
    seconds: float = 0.0
    queries: int = 0


@dataclass
class Result:
    """One line of a benchmark: our way next to Odoo's way of the same work."""

    name: str
    n: int
    ours: Measure
    odoo: Measure

    @property
    def ratio(self):
        """How many times faster ours is (above 1: ours is faster)."""
        return (
            self.odoo.seconds / self.ours.seconds if self.ours.seconds else float("inf")
        )


@contextmanager
def measure(env):
    """Time a block and count its queries; pending ORM writes are flushed in it."""
    result = Measure()
    queries = sql_db.sql_counter
    start = time.perf_counter()
    yield result
    env.flush_all()
    result.seconds = time.perf_counter() - start
    result.queries = sql_db.sql_counter - queries


@contextmanager
def rolled_back(env):
    """Run a block in a savepoint that is always rolled back: no trace is left."""
    env.flush_all()
    env.cr.execute("SAVEPOINT bench")
    try:
        yield
    finally:
        env.invalidate_all()
        env.cr.execute("ROLLBACK TO SAVEPOINT bench")
        env.registry.clear_cache()
