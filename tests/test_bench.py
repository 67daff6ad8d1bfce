"""`make bench` is not run by the tests, so they at least check that its code still fits the app."""

from __future__ import annotations

import importlib
import pkgutil

import bench
from bench.run import table


def test_every_bench_module_imports():
    """A service renamed in the app breaks the bench at import time: caught here, not after a fill."""
    for module in pkgutil.iter_modules(bench.__path__):
        importlib.import_module(f"bench.{module.name}")


def test_the_table_reports_first_load_js_and_lighthouse():
    results = {
        "settings": {"scale": 0.001, "clients": 10},
        "machine": {"cores": 2, "load_average_at_start": 1.0},
        "database": {"clients": 10, "tasks": 300},
        "first_load_js_kb": {"/tienda": 248.8},
        "lighthouse": {
            "/tienda": {
                "score": 77,
                "fcp_ms": 3212,
                "lcp_ms": 3362,
                "tbt_ms": 351,
                "speed_index_ms": 3212,
                "cls": 0,
            },
            "/": {"error": "lighthouse or chromium missing"},
        },
    }
    lines = table(results).splitlines()
    assert "| first-load JS /tienda | 248.8 KB gzip (target ≤ 200) |" in lines
    assert any(
        line.startswith("| Lighthouse mobile /tienda | performance 77 ") and "LCP 3362 ms" in line
        for line in lines
    )
    assert "| Lighthouse mobile / | not run: lighthouse or chromium missing |" in lines
