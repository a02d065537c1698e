"""Reading generated PDFs back for the tests: text runs with positions, fonts, page images and QR codes."""

from __future__ import annotations

import io
import math
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics

from receptiondesk.documents import fonts

A4_PORTRAIT = (595.28, 841.89)


@dataclass(frozen=True)
class Run:
    """One piece of text as drawn: its baseline start (x, y) in points, size, font and drawn width."""

    text: str
    x: float
    y: float
    size: float
    font: str  # registered face name, e.g. "LiberationSerif-Bold"
    width: float

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def top(self) -> float:
        return self.y + fonts.ASCENT * self.size

    @property
    def bottom(self) -> float:
        return self.y - fonts.DESCENT * self.size

    @property
    def bold(self) -> bool:
        return "Bold" in self.font

    @property
    def italic(self) -> bool:
        return "Italic" in self.font


def reader(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def page_runs(pdf: bytes) -> list[list[Run]]:
    """The text runs of every page (pypdf's visitor; word spacing Tw counted in the width)."""
    fonts.register_fonts()
    pages = []
    for page in reader(pdf).pages:
        runs: list[Run] = []
        state = {"tw": 0.0}

        def before(op, args, cm, tm, state=state):
            if op == b"Tw":
                state["tw"] = float(args[0])

        def visit(text, cm, tm, font_dict, font_size, runs=runs, state=state):
            stripped = text.strip()
            if not stripped or not font_dict:
                return
            lead = len(text) - len(text.lstrip())
            base = str(font_dict.get("/BaseFont", "")).lstrip("/").split("+", 1)[-1]
            scale = math.hypot(tm[0], tm[1]) * math.hypot(cm[0], cm[1])
            size = font_size * scale
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            if lead:  # pypdf puts a space before text that starts a new line; it is not drawn
                pass
            width = pdfmetrics.stringWidth(stripped, base, size) + state["tw"] * scale * stripped.count(" ")
            runs.append(Run(stripped, round(x, 2), round(y, 2), round(size, 2), base, width))

        page.extract_text(visitor_operand_before=before, visitor_text=visit)
        pages.append(runs)
    return pages


def page_texts(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in reader(pdf).pages]


def flat(text: str) -> str:
    """Whitespace collapsed: line breaks of the layout do not count."""
    return " ".join(text.split())


def all_text(pdf: bytes) -> str:
    return flat(" ".join(page_texts(pdf)))


def embedded_fonts(pdf: bytes) -> dict[str, bool]:
    """Every font used on every page → whether its descriptor embeds a TrueType program (/FontFile2)."""
    found: dict[str, bool] = {}
    for page in reader(pdf).pages:
        resources = page["/Resources"].get_object()
        for font in resources.get("/Font", {}).values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            embedded = descriptor is not None and "/FontFile2" in descriptor.get_object()
            found[str(font["/BaseFont"])] = embedded
    return found


def margins_mm(runs: list[Run], page_size: tuple[float, float], *, skip_page_number: bool = True) -> dict[str, float]:
    """Distances from the page edges to the text's extent, in mm (the page number in the top margin left out)."""
    width, height = page_size
    body = [r for r in runs if not (skip_page_number and r.text.isdigit() and r.y > height - 25 * mm)]
    return {
        "top": (height - max(r.top for r in body)) / mm,
        "bottom": min(r.bottom for r in body) / mm,
        "left": min(r.x for r in body) / mm,
        "right": (width - max(r.right for r in body)) / mm,
    }


def require_tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (Debian/Ubuntu: apt-get install poppler-utils)")
    return path


def render_pngs(pdf: bytes, dpi: int = 200) -> list[Path]:
    """Pages rendered by poppler's pdftoppm into a temporary folder."""
    tool = require_tool("pdftoppm")
    folder = Path(tempfile.mkdtemp(prefix="rd-pdf-"))
    source = folder / "doc.pdf"
    source.write_bytes(pdf)
    subprocess.run([tool, "-r", str(dpi), "-png", str(source), str(folder / "page")], check=True, timeout=60)
    return sorted(folder.glob("page*.png"))


def decode_qr(png: Path) -> list[str]:
    import zxingcpp
    from PIL import Image

    with Image.open(png) as image:
        return [b.text for b in zxingcpp.read_barcodes(image.convert("L"))]


def body_text(pdf: bytes, page_height: float | None = None) -> str:
    """All pages' text in drawing order without the page numbers in the top margin, whitespace collapsed."""
    pieces = []
    for page, runs in zip(reader(pdf).pages, page_runs(pdf)):
        height = page_height or float(page.mediabox.height)
        pieces += [r.text for r in runs if not (r.text.isdigit() and r.y > height - 20 * mm)]
    return flat(" ".join(pieces))
