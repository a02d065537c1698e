"""Messages: identity papers and phone numbers (receptiondesk.domain.identity)."""

MESSAGES: dict[str, dict[str, str]] = {
    # Field labels
    "field.id_number": {"vi": "Số giấy tờ tùy thân", "en": "ID number"},
    "field.id_paper_type": {"vi": "Loại giấy tờ tùy thân", "en": "ID paper type"},
    "field.phone": {"vi": "Số điện thoại", "en": "Phone number"},
    "field.birth_year": {"vi": "Năm sinh", "en": "Year of birth"},
    "field.gender": {"vi": "Giới tính", "en": "Gender"},

    # Identity papers
    "id.paper_type_unknown": {
        "vi": "Loại giấy tờ “{value}” không có trong danh sách. Hãy chọn: căn cước, CMND, "
              "hộ chiếu, giấy tờ khác hoặc không có giấy tờ.",
        "en": "Unknown ID paper type “{value}”. Choose: citizen ID, CMND, passport, other "
              "paper or no paper.",
    },
    "id.missing_number": {
        "vi": "Hãy nhập số giấy tờ, hoặc chọn loại “Không có giấy tờ” nếu công dân không "
              "xuất trình giấy tờ.",
        "en": "Enter the paper's number, or choose “No paper” if the citizen shows none.",
    },
    "id.citizen_length": {
        "vi": "Số căn cước phải có đúng 12 chữ số (đã nhập {length}).",
        "en": "A citizen ID number has exactly 12 digits ({length} entered).",
    },
    "id.citizen_digits": {
        "vi": "Số căn cước chỉ gồm 12 chữ số, không có chữ cái hay ký hiệu (có ký tự không "
              "hợp lệ: {characters}). Nếu là hộ chiếu hoặc giấy tờ khác, hãy chọn đúng loại "
              "giấy tờ.",
        "en": "A citizen ID number is 12 digits, without letters or symbols (invalid "
              "characters: {characters}). For a passport or another paper, choose that paper "
              "type.",
    },
    "id.citizen_province": {
        "vi": "Ba chữ số đầu của số căn cước ({prefix}) không phải mã của tỉnh, thành phố nào "
              "(theo danh sách 63 tỉnh, thành phố trước năm 2025). Hãy kiểm tra lại số trên "
              "thẻ.",
        "en": "The first three digits of the citizen ID ({prefix}) are not the code of any "
              "province (the 63 provinces before 2025). Check the number on the card.",
    },
    "id.citizen_century": {
        "vi": "Chữ số thứ 4 của số căn cước ({digit}) ứng với người sinh trong khoảng "
              "{found}, nhưng năm sinh đã nhập là {birth_year} (khoảng {expected}). Hãy kiểm "
              "tra lại số căn cước hoặc năm sinh.",
        "en": "The 4th digit of the citizen ID ({digit}) means born in {found}, but the year "
              "of birth entered is {birth_year} ({expected}). Check the ID number or the year "
              "of birth.",
    },
    "id.citizen_gender": {
        "vi": "Chữ số thứ 4 của số căn cước ({digit}) ứng với giới tính {found_vi}, nhưng "
              "giới tính đã chọn là {expected_vi}. Hãy kiểm tra lại số căn cước hoặc giới tính.",
        "en": "The 4th digit of the citizen ID ({digit}) means {found}, but the gender "
              "selected is {expected}. Check the ID number or the gender.",
    },
    "id.citizen_birth_year": {
        "vi": "Chữ số thứ 5 và 6 của số căn cước là {found}, nhưng năm sinh đã nhập là "
              "{birth_year} (cần {expected}). Hãy kiểm tra lại số căn cước hoặc năm sinh.",
        "en": "Digits 5 and 6 of the citizen ID are {found}, but the year of birth entered "
              "is {birth_year} (expected {expected}). Check the ID number or the year of birth.",
    },
    "id.cmnd_format": {
        "vi": "Số chứng minh nhân dân (CMND) phải có đúng 9 chữ số (đã nhập {length} ký tự). "
              "Số có 12 chữ số là số căn cước: hãy chọn loại giấy tờ “Căn cước”.",
        "en": "An identity card (CMND) number has exactly 9 digits ({length} characters "
              "entered). A 12-digit number is a citizen ID: choose “Citizen ID”.",
    },
    "id.passport_format": {
        "vi": "Số hộ chiếu phải gồm 6 đến 9 chữ cái hoặc chữ số, có ít nhất một chữ số, ví "
              "dụ C1234567 (đã nhập {length} ký tự).",
        "en": "A passport number has 6 to 9 letters or digits, at least one of them a digit, "
              "e.g. C1234567 ({length} characters entered).",
    },
    "id.other_empty": {
        "vi": "Hãy nhập tên và số của giấy tờ (ví dụ: Giấy khai sinh số 123), hoặc chọn "
              "loại “Không có giấy tờ”.",
        "en": "Enter the paper's name and number (e.g. birth certificate no. 123), or choose "
              "“No paper”.",
    },
    "id.other_too_long": {
        "vi": "Thông tin giấy tờ khác dài tối đa {max} ký tự (đã nhập {length}).",
        "en": "Other paper details are at most {max} characters long ({length} entered).",
    },
    "id.none_has_number": {
        "vi": "Đã chọn “Không có giấy tờ” nhưng lại nhập số giấy tờ. Hãy xóa số hoặc chọn "
              "đúng loại giấy tờ.",
        "en": "“No paper” is selected but a number was entered. Clear the number or choose "
              "the right paper type.",
    },

    # Phones
    "phone.invalid": {
        "vi": "Số điện thoại không hợp lệ. Số di động có 10 chữ số (ví dụ 0912 345 678); số "
              "cố định có 11 chữ số, bắt đầu bằng 02 (ví dụ 024 3825 1234).",
        "en": "Invalid phone number. Mobile numbers have 10 digits (e.g. 0912 345 678); "
              "landlines have 11 digits starting with 02 (e.g. 024 3825 1234).",
    },
    "phone.renumbered": {
        "vi": "Số {old} là số di động 11 số cũ, đã được đổi sang 10 số từ năm 2018. Số mới "
              "là {suggestion}: hãy hỏi lại công dân và nhập số mới.",
        "en": "{old} is an old 11-digit mobile number, changed to 10 digits in 2018. The new "
              "number is {suggestion}: check with the citizen and enter the new number.",
    },
}
