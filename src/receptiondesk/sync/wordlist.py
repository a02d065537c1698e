"""The fixed list of 256 Vietnamese words that spell a key fingerprint for reading aloud (one word per byte).

Common, concrete, one-syllable words a commune officer reads over the phone without hesitation. No two of them
fold to the same unaccented form (`receptiondesk.domain.text.fold`), so a word heard or typed without its tone
marks still names one byte; none is rude or ill-omened with or without its marks. The list is part of the sync
format (docs/sync-format.md): never reorder or replace a word, or every fingerprint shown changes.
"""

from __future__ import annotations

WORDS: tuple[str, ...] = (
    "mèo", "gà", "vịt", "cá", "bò", "trâu", "heo", "voi", "hổ", "gấu", "ong", "kiến", "tôm", "cua", "rắn", "rùa",
    "ếch", "nai", "thỏ", "sóc", "cò", "sếu", "công", "vẹt", "ốc", "sò", "mực", "hến", "nghêu", "cáo", "sói",
    "chuột", "cừu", "hươu", "báo", "dế", "tằm", "ngan", "ngỗng", "cam", "chanh", "chuối", "dừa", "xoài", "mít",
    "nho", "táo", "mận", "đào", "nhãn", "hồng", "sen", "cúc", "lan", "mai", "tre", "trúc", "thông", "bàng",
    "lúa", "ngô", "khoai", "sắn", "đậu", "mía", "chè", "rau", "gừng", "tỏi", "hành", "nấm", "lá", "hoa", "cây",
    "rễ", "cành", "hạt", "gạo", "cơm", "bánh", "phở", "xôi", "muối", "sữa", "trứng", "thịt", "mắm", "nước",
    "bún", "miến", "chả", "gió", "mưa", "nắng", "sấm", "sao", "trăng", "sông", "suối", "núi", "đồi", "biển",
    "rừng", "đất", "cát", "khói", "sương", "tuyết", "thác", "hang", "ruộng", "vườn", "giếng", "nhà", "bàn",
    "ghế", "giường", "đèn", "nồi", "chảo", "bát", "thìa", "cốc", "ấm", "chén", "khăn", "gối", "chăn", "chổi",
    "gương", "lược", "kéo", "kim", "chỉ", "quạt", "bếp", "xô", "chậu", "rổ", "thớt", "túi", "nón", "quần",
    "giày", "dép", "tất", "sách", "vở", "bút", "thước", "phấn", "xe", "tàu", "thuyền", "đò", "cầu", "đường",
    "trường", "làng", "xóm", "đình", "chùa", "tháp", "tường", "ngói", "gạch", "cột", "trống", "chiêng", "đàn",
    "kèn", "chuông", "diều", "bóng", "búa", "đục", "cuốc", "xẻng", "liềm", "võng", "đệm", "lò", "than", "củi",
    "nến", "diêm", "xanh", "vàng", "tím", "nâu", "xám", "tay", "mắt", "mũi", "miệng", "răng", "tóc", "lưng",
    "bụng", "môi", "trán", "ngón", "sáng", "trưa", "chiều", "ngày", "tuần", "tháng", "xuân", "tết", "vui",
    "khỏe", "hiền", "ngoan", "giỏi", "nhanh", "chậm", "gần", "lạnh", "nóng", "ngọt", "thơm", "giàu", "thầy",
    "bác", "chú", "trời", "mây", "đá", "quả", "len", "hũ", "vại", "bình", "khay", "neo", "buồm", "lưới", "chài",
    "nhạc", "truyện", "tranh", "phim", "đồng", "lịch", "tem", "hộp", "thúng", "nia", "mẹt", "bầu", "mướp", "gấc",
    "măng", "rơm", "cối",
)
