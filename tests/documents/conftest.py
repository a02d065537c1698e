"""Documents rendered once per test session, shared by the document tests."""

from __future__ import annotations

import pytest

from receptiondesk.documents.conclusion_notice import render_conclusion_notice
from receptiondesk.demo import document_examples as samples


@pytest.fixture(scope="session")
def state_pdf() -> bytes:
    return render_conclusion_notice(samples.state_notice())


@pytest.fixture(scope="session")
def party_pdf() -> bytes:
    return render_conclusion_notice(samples.party_notice())
