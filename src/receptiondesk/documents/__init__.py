"""The desk's printed documents as PDF (ReportLab; no Qt, no database): plain dataclasses in, PDF bytes out.

Formats (state: Decree 30/2020/NĐ-CP; Party: Guide 36-HD/VPTW) are parameter files in
resources/formats/ (`formats`); the shared pieces are in `layout`; each document has its module:
`conclusion_notice`, `receipt` (Mẫu 02/TCD), `refusal_notice` (Mẫu 01/TCD), `logbook` (Mẫu 03/TCD)
and `oral_statement` (biên bản ghi nội dung trình bày trực tiếp).
"""
