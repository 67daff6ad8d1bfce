"""VeriFactu command line: verify the chain, export the AEAT XML, send unsent records.

Usage::

    python -m care_portal.cli.verifactu verify
    python -m care_portal.cli.verifactu export [--unsent] [--out FILE]
    python -m care_portal.cli.verifactu send
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sqlmodel import col, select

from care_portal.db import session_scope
from care_portal.integrations import aeat_xml
from care_portal.models import BillingRecord
from care_portal.services import billing_records


def main(argv: list[str] | None = None) -> int:
    """Run one command and return the process exit code (1 when the chain is broken)."""
    parser = argparse.ArgumentParser(prog="python -m care_portal.cli.verifactu")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("verify", help="check every fingerprint and link of the chain")
    export = commands.add_parser("export", help="write the AEAT registration XML")
    export.add_argument("--unsent", action="store_true", help="only records not yet sent")
    export.add_argument("--out", type=Path, help="file to write (default: standard output)")
    commands.add_parser("send", help="send unsent records with the configured sender")
    args = parser.parse_args(argv)

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
        if args.command == "export":
            records = (
                billing_records.unsent_records(session)
                if args.unsent
                else list(session.exec(select(BillingRecord).order_by(col(BillingRecord.id))).all())
            )
            xml = aeat_xml.registration_xml(session, records)
            if args.out:
                args.out.write_text(xml, encoding="utf-8")
            else:
                sys.stdout.write(xml + "\n")
            return 0
        sender = billing_records.configured_sender()
        if sender is None:
            print("No sender configured (VERIFACTU_SENDER is empty): nothing sent.")
            return 0
        print(f"Sent {billing_records.send_unsent(session, sender)} records.")
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
