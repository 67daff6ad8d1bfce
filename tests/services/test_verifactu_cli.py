"""The command ``python -m care_portal.cli.verifactu`` reports the chain's state."""

from __future__ import annotations

from sqlalchemy import text

from care_portal.cli import verifactu as command
from tests.immutability import triggers_lifted
from tests.services.invoice_helpers import issue, make_user


def test_verify_reports_an_intact_chain_then_the_first_broken_link(db, capsys, tmp_path):
    client = make_user(db, "carmen@example.es")
    issued = [issue(db, client.id) for _ in range(3)]
    assert command.main(["verify"]) == 0
    assert "OK: 3 records" in capsys.readouterr().out
    with triggers_lifted(db):
        db.connection().execute(
            text("UPDATE billing_records SET previous_fingerprint = :bad WHERE number = :number"),
            {"bad": "0" * 64, "number": issued[1].number},
        )
    assert command.main(["verify"]) == 1
    out = capsys.readouterr().out
    assert "BROKEN at record" in out
    assert issued[1].number in out
    assert "link to the previous record" in out
    assert command.main(["export", "--out", str(tmp_path / "alta.xml")]) == 0
    assert (tmp_path / "alta.xml").read_text().count("<sum1:RegistroAlta>") == 3
    assert command.main(["send"]) == 0
    assert "nothing sent" in capsys.readouterr().out
