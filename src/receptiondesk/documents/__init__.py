"""The desk's printed documents as PDF (ReportLab; no Qt, no database): plain dataclasses in, PDF bytes out.

Formats (state: Decree 30/2020/NĐ-CP; Party: Guide 36-HD/VPTW) are parameter files in resources/formats/
(`formats`), with the forms' fixed texts (titles, legal bases, form codes, standard sentences) in forms.json;
the shared pieces are in `layout`, the shared data and the masking of protected people in `common`. Each
document has its module:

- reception: `conclusion_notice`, `receipt` (Mẫu 02/TCD), `refusal_notice` (Mẫu 01/TCD), `logbook`
  (Mẫu 03/TCD), `oral_statement` (biên bản ghi nội dung trình bày trực tiếp);
- letters: `transfer_slip` (phiếu chuyển đơn), `guidance_letter` (văn bản hướng dẫn / trả lời),
  `reminder_letter` (văn bản đôn đốc), `letter_register` (sổ theo dõi đơn thư), `acceptance_proposal`
  (phiếu đề xuất thụ lý), `acceptance_notice` (thông báo thụ lý / không thụ lý);
- leaders: `reception_schedule` (lịch tiếp công dân), `dialogue_minutes` (biên bản đối thoại).
"""
