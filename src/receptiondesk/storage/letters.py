"""Letters register: the list of letters received, filtered and sorted in SQL."""

from __future__ import annotations

from receptiondesk.storage.listing import ListSpec, at_least, at_most, equals, year_of

LETTER_COLUMNS = """letters.id, letters.uuid, letters.unit_code, letters.year, letters.letter_no, letters.received_on,
    letters.channel, letters.sender_body, letters.forward_doc, letters.full_name, letters.address, letters.summary,
    letters.notes, letters.voided, letters.void_reason,
    (SELECT uuid FROM cases WHERE cases.id = letters.case_id) AS case_uuid,
    (SELECT content_type FROM cases WHERE cases.id = letters.case_id) AS content_type"""

LETTER_LIST = ListSpec(
    table="letters",
    columns=LETTER_COLUMNS,
    filters={
        "received_from": at_least("letters.received_on"),
        "received_to": at_most("letters.received_on"),
        "channel": equals("letters.channel"),
        "year": year_of("letters.received_on"),
    },
    sorts={
        "newest": "letters.received_on DESC, letters.id DESC",
        "oldest": "letters.received_on ASC, letters.id ASC",
    },
    default_sort="newest",
)
