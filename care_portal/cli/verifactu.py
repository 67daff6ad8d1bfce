"""VeriFactu command line: verify the chain, export the AEAT XML, send pending records now.

Usage::

    python -m care_portal.cli.verifactu verify
    python -m care_portal.cli.verifactu export [--unsent] [--out FILE]
    python -m care_portal.cli.verifactu send

The app sends by itself (``workers/aeat_sender.py``); ``send`` runs one pass by hand.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sqlmodel import col, select

from care_portal.db import session_scope
from care_portal.integrations.aeat_client import configured_client
from care_portal.models import BillingRecord
from care_portal.services import aeat_payloads, aeat_submission, billing_records


def main(argv: list[str] | None = None) -> int:
    """Run one command and return the process exit code (1 when the chain is broken)."""
    parser = argparse.ArgumentParser(prog="python -m care_portal.cli.verifactu")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("verify", help="check every fingerprint and link of the chain")
    export = commands.add_parser("export", help="write the AEAT registration XML")
    export.add_argument("--unsent", action="store_true", help="only records not yet accepted")
    export.add_argument("--out", type=Path, help="file to write (default: standard output)")
    commands.add_parser("send", help="send pending records to the AEAT now (one pass)")
    args = parser.parse_args(argv)

    if args.command == "send":
        return _send()
    with session_scope() as session:
        if args.command == "verify":
            report = billing_records.verify_chain(session)
            if report.ok:
                print(f"OK: {report.checked} records, chain intact.")
                return 0
            print(
                f"BROKEN at record {report.broken_record_id} (invoice {report.broken_number}): "
                f"{report.problem}. {report.checked} records before it are intact."
            )
            return 1
        records = (
            aeat_submission.pending_records(session)
            if args.unsent
            else list(session.exec(select(BillingRecord).order_by(col(BillingRecord.id)).limit(1000)).all())
        )
        if not records:
            print("No records to export.", file=sys.stderr)
            return 0
        xml = aeat_payloads.registration_xml(session, records)
    if args.out:
        args.out.write_text(xml, encoding="utf-8")
    else:
        sys.stdout.write(xml + "\n")
    return 0


def _send() -> int:
    client = configured_client()
    if client is None:
        print("AEAT sending is off (AEAT_CERT_FILE is empty): nothing sent.")
        return 0
    result = aeat_submission.send_pending(client)
    print(f"{result.outcome}: {result.sent} records answered; next pass in {result.wait_seconds:.0f} s.")
    return 0 if result.outcome in ("answered", "idle", "waiting") else 1


if __name__ == "__main__":
    raise SystemExit(main())
