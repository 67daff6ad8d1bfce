"""``python -m tests.demos.record [slug ...]``: record the help videos (what ``make demos`` runs)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest


def main(argv: list[str]) -> int:
    """Record the chosen videos (all when none is named) and return pytest's exit code."""
    if argv:
        os.environ["DEMOS"] = ",".join(argv)
    script = Path(__file__).with_name("record_demos.py")
    return pytest.main([str(script), "-x", "-q", "-s", "-p", "no:randomly", "-p", "no:cacheprovider"])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
