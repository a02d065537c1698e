"""Generated records through files: they pass the import's checks, survive export → import → export byte for byte,
and come back exactly as the generator made them."""

from __future__ import annotations

import json
from pathlib import Path

from receptiondesk.demo.generator import Generator
from receptiondesk.domain.accounts import MASKED_NAME
from receptiondesk.interchange import jsonl
from receptiondesk.interchange.format import ENTITIES
from receptiondesk.services.integrity import check_database
from receptiondesk.services.interchange import export_file, export_lines, export_records, import_file
from tests.demo.conftest import SEED, UNIT, VISITS, YESTERDAY


def records_of(path: Path) -> list[dict]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines[1:-1]]


def write(path: Path, records: list[dict]) -> Path:
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        jsonl.write_file(handle, UNIT, records)
    return path


def test_the_generators_records_pass_every_check_of_an_untrusted_import(ready_desk, tmp_path):
    records = list(Generator(UNIT, "commune", visits=VISITS, seed=SEED, until=YESTERDAY).records())
    report = import_file(ready_desk.context, write(tmp_path / "generated.jsonl", records))
    assert report.rejections == []
    assert report.totals() == {"new": len(records), "updated": 0, "unchanged": 0, "rejected": 0}
    assert check_database(ready_desk.context) == []
    again = import_file(ready_desk.context, tmp_path / "generated.jsonl")
    assert again.totals() == {"new": 0, "updated": 0, "unchanged": len(records), "rejected": 0}


def test_export_import_export_is_byte_identical(generated_desk, another_ready_desk, tmp_path):
    first = tmp_path / "first.jsonl"
    export_file(generated_desk.context, first)
    report = import_file(another_ready_desk.context, first)
    assert report.totals()["rejected"] == 0 and report.totals()["new"] > VISITS
    second = tmp_path / "second.jsonl"
    export_file(another_ready_desk.context, second)
    assert second.read_bytes() == first.read_bytes()


def test_the_desk_holds_exactly_the_generators_records(generated_desk, tmp_path):
    path = tmp_path / "export.jsonl"
    export_file(generated_desk.context, path, include_protected=True)  # the generator's denouncers, unmasked
    exported = [{k: v for k, v in r.items() if k != "identity"} for r in records_of(path)]
    own = list(Generator(UNIT, "commune", visits=VISITS, seed=SEED, until=YESTERDAY).records())
    order = {name: i for i, name in enumerate(ENTITIES)}

    def key(record):
        return order[record["entity"]], record["created_at"], record["uuid"]

    assert [r for r in exported if r["entity"] != "field"] == sorted(own, key=key)


def export_file_to(desk, path: Path) -> Path:
    export_file(desk.context, path)
    return path


def test_editing_one_field_in_the_file_changes_exactly_that_after_import(generated_desk, another_ready_desk, tmp_path):
    original = export_file_to(generated_desk, tmp_path / "original.jsonl")
    before_lines = original.read_text(encoding="utf-8").splitlines()
    lines = list(before_lines)
    index = next(i for i, line in enumerate(lines) if '"entity":"visit"' in line and '"first_time":true' in line)
    record = json.loads(lines[index])
    record["summary"] = "Kiến nghị sửa chữa cầu tràn qua suối Đá Bạc"
    lines[index] = jsonl.dumps(record)
    edited = tmp_path / "edited.jsonl"
    edited.write_text("\n".join(lines) + "\n", encoding="utf-8")

    report = import_file(another_ready_desk.context, edited)
    assert report.totals()["rejected"] == 0
    after = export_file_to(another_ready_desk, tmp_path / "after.jsonl").read_text(encoding="utf-8").splitlines()
    assert after == lines
    different = [i for i, (a, b) in enumerate(zip(before_lines, after)) if a != b]
    assert different == [index]
    before, now = json.loads(before_lines[index]), json.loads(after[index])
    assert {k for k in before if before[k] != now[k]} == {"summary"}
    found = another_ready_desk.logbook.search("cau tran suoi da bac")
    assert [row["uuid"] for row in found] == [record["uuid"]]


def test_the_lines_sqlite_writes_are_the_records_python_would_write(generated_desk):
    conn = generated_desk.database.conn
    lines = [(name, line) for name, line in export_lines(conn) if '"identity":' not in line]
    records = [r for r in export_records(conn)
               if not (r["entity"] in ("citizen", "visit", "letter") and r.get("full_name") == MASKED_NAME)]
    assert [name for name, _ in lines] == [record["entity"] for record in records]
    assert [line for _, line in lines] == [jsonl.dumps(record) for record in records]
