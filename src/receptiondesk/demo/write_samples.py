"""`make samples`: every document the desk prints, from the demonstration examples, in the state format and — for
those the Party committee also issues — in the Party format, written as PDF files into one folder."""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from receptiondesk.demo import document_examples as examples
from receptiondesk.demo import letter_examples
from receptiondesk.documents.acceptance_notice import render_acceptance_notice
from receptiondesk.documents.acceptance_proposal import render_acceptance_proposal
from receptiondesk.documents.conclusion_notice import render_conclusion_notice
from receptiondesk.documents.dialogue_minutes import render_dialogue_minutes
from receptiondesk.documents.formats import load_format
from receptiondesk.documents.guidance_letter import render_guidance_letter
from receptiondesk.documents.letter_register import render_letter_register
from receptiondesk.documents.logbook import render_logbook
from receptiondesk.documents.oral_statement import render_oral_statement
from receptiondesk.documents.receipt import render_receipt
from receptiondesk.documents.reception_schedule import render_reception_schedule
from receptiondesk.documents.refusal_notice import render_refusal_notice
from receptiondesk.documents.reminder_letter import render_reminder_letter
from receptiondesk.documents.transfer_slip import render_transfer_slip

#: (file name, example, renderer): the reception forms are the state's own; the others exist in both formats.
DOCUMENTS: tuple[tuple[str, Callable[[], Any], Callable[..., bytes]], ...] = (
    ("01-conclusion-notice", examples.state_notice, render_conclusion_notice),
    ("02-receipt-02TCD", examples.receipt, render_receipt),
    ("03-refusal-notice-01TCD", examples.refusal, render_refusal_notice),
    ("04-logbook-03TCD", examples.logbook, render_logbook),
    ("05-oral-statement", examples.statement, render_oral_statement),
    ("06-transfer-slip", letter_examples.transfer_slip, render_transfer_slip),
    ("07-guidance-letter", letter_examples.guidance_letter, render_guidance_letter),
    ("08-reminder-letter", letter_examples.reminder_letter, render_reminder_letter),
    ("09-reception-schedule", letter_examples.month_schedule, render_reception_schedule),
    ("10-dialogue-minutes", letter_examples.dialogue, render_dialogue_minutes),
    ("11-letter-register", letter_examples.register, render_letter_register),
    ("12-acceptance-proposal", letter_examples.proposal, render_acceptance_proposal),
    ("13-acceptance-notice", letter_examples.acceptance, render_acceptance_notice),
    ("14-non-acceptance-notice", letter_examples.rejection, render_acceptance_notice),
)
#: The Party format's variants, built from the Party examples where they exist.
PARTY_EXAMPLES = {"01-conclusion-notice": examples.party_notice, "09-reception-schedule": letter_examples.party_schedule}


def _party(data: Any) -> Any | None:
    """The same document issued by the commune Party committee, if this kind of document has a Party form."""
    fields = {f.name for f in dataclasses.fields(data)}
    if "sector" not in fields:
        return None
    changes: dict[str, Any] = {"sector": "party", "issuer": examples.PARTY_ISSUER}
    if "signer" in fields:
        changes["signer"] = examples.SECRETARY
    return dataclasses.replace(data, **changes)


def write_samples(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, example, render in DOCUMENTS:
        variants = {"state": (example(), load_format("state"))}
        party = PARTY_EXAMPLES.get(name, lambda: _party(example()))()
        if party is not None:
            variants["party"] = (party, load_format("party"))
        for fmt_name, (data, fmt) in variants.items():
            path = folder / f"{name}-{fmt_name}.pdf"
            path.write_bytes(render(data, fmt=fmt))
            written.append(path)
    return written


def main(argv: list[str]) -> int:
    folder = Path(argv[0] if argv else "samples")
    written = write_samples(folder)
    for path in written:
        print(path)
    print(f"{len(written)} documents in {folder}/")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
