"""Reports on the 1M-visit file: Biểu 01/TCD for six months (the whole file, and one commune of it), and the full
six-month state report as a PDF with its charts, each beside a raw baseline measured in the same run."""

from __future__ import annotations

import io
import sys
import time
from collections.abc import Callable

from pypdf import PdfReader

from benchmarks.dataset import BENCH_NOW, BENCH_PASSWORD, BENCH_USER, desk_unit
from benchmarks.measure import Figure
from receptiondesk.domain.report_periods import months_of_year
from receptiondesk.services.desk import Desk
from receptiondesk.services.report_builder import ALL_UNITS

RUNS = 7
PDF_RUNS = 5
#: The issue's targets.
WHOLE_FILE_MS = 1000
ONE_COMMUNE_MS = 300
REPORT_PDF_MS = 2000

#: The baseline: one pass over the period's visits by the date index, counting rows and summing headcounts; the
#: least any Biểu 01/TCD must do.
RAW_PERIOD_SCAN = ("SELECT count(*), sum(headcount) FROM visits WHERE visit_date BETWEEN ? AND ? AND voided = 0")
RAW_UNIT_SCAN = ("SELECT count(*), sum(headcount) FROM visits WHERE unit_code = ? AND visit_date BETWEEN ? AND ? "
                 "AND voided = 0")


def _interleaved(runs: int, measured: Callable[[], object], baseline: Callable[[], object]) -> tuple[list, list]:
    """Alternate the two, after one warm-up call each, so the machine's noise falls on both alike."""
    measured(), baseline()
    samples, base = [], []
    for _ in range(runs):
        started = time.perf_counter_ns()
        measured()
        samples.append(time.perf_counter_ns() - started)
        started = time.perf_counter_ns()
        baseline()
        base.append(time.perf_counter_ns() - started)
    return samples, base


def run(desk: Desk) -> list[Figure]:
    period = months_of_year(2025, 6)
    bounds = (period.start.isoformat(), period.end.isoformat())
    db = desk.database
    unit = desk_unit()
    reports = desk.reports

    whole, whole_base = _interleaved(RUNS, lambda: reports.reception_results(period),
                                     lambda: db.query(RAW_PERIOD_SCAN, bounds))
    one, one_base = _interleaved(RUNS, lambda: reports.reception_results(period, unit_code=unit),
                                 lambda: db.query(RAW_UNIT_SCAN, (unit, *bounds)))
    visits = db.scalar(RAW_PERIOD_SCAN, bounds)
    unit_visits = db.scalar(RAW_UNIT_SCAN, (unit, *bounds))

    def report_pdf() -> bytes:  # the whole file (every unit), as before reports counted the reporting unit alone
        return desk.report_builder.pdf(desk.report_builder.build(period, "state", unit_code=ALL_UNITS))

    pdf, pdf_base = _interleaved(PDF_RUNS, report_pdf, lambda: reports.reception_results(period))
    pages = len(PdfReader(io.BytesIO(report_pdf())).pages)
    return [
        Figure("Biểu 01/TCD, 6 months, whole file", whole, "raw scan of the period's visits", whole_base,
               max_median_ms=WHOLE_FILE_MS,
               notes=[f"Biểu 01/TCD: 6 months of 2025 over the whole file: {visits:,} visits in the period "
                      "(both periods: the report also counts the previous comparable period)."]),
        Figure("Biểu 01/TCD, 6 months, one commune", one, "raw scan of the commune's visits", one_base,
               max_median_ms=ONE_COMMUNE_MS,
               notes=[f"Biểu 01/TCD for commune {unit} out of the province file: {unit_visits:,} visits in the "
                      "period."]),
        Figure("6-month state report as PDF with charts", pdf, "Biểu 01/TCD alone (whole file)", pdf_base,
               max_median_ms=REPORT_PDF_MS,
               notes=[f"The state report for 6 months of 2025: every table, 2 charts, narrative, {pages} pages."]),
    ]


def main(argv: list[str] | None = None) -> int:
    """Only these figures, on a working copy of the generated 1M-visit file (deleted afterwards)."""
    from benchmarks import dataset
    from benchmarks.__main__ import DEFAULT_DATA_DIR, _remove_working_copy, _working_copy, print_figures

    source = DEFAULT_DATA_DIR / dataset.data_file_name(dataset.DEFAULT_VISITS, dataset.DEFAULT_SEED)
    if not source.exists():
        print(f"{source} does not exist: generate it with `python -m benchmarks.dataset`", file=sys.stderr)
        return 2
    work = source.with_name("bench-reports.sqlite3")
    _working_copy(source, work)
    try:
        with Desk.open(work, clock=lambda: BENCH_NOW) as desk:
            desk.login(BENCH_USER, BENCH_PASSWORD)
            figures = run(desk)
    finally:
        _remove_working_copy(work)
    print_figures(figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
