"""A tiny document model rendered to PDF (fpdf2), Markdown and HTML.

Reports and briefs are built once as a :class:`Document` (already localised text: this
module has no sentences of its own) and rendered three ways, so the PDF, the Markdown and
the HTML versions always say the same thing::

    doc = Document(title="Бриф", blocks=[Heading("Итог"), Paragraph("..."),
                                         Table(("Метрика", "Значение"), (("C1", "3%"),))])
    pdf_bytes = render_pdf(doc)
    markdown = render_markdown(doc)
    html_text = render_html(doc)

The PDF uses the DejaVu Sans fonts that ship inside matplotlib, so Cyrillic renders
without any system font. Images are PNG bytes.
"""

from __future__ import annotations

import base64
import hashlib
import html
import io
import re
import struct
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # fpdf2 is imported when a PDF is rendered (a third of a second)
    from fpdf import FPDF
    from fpdf.image_datastructures import RasterImageInfo

__all__ = [
    "BulletList",
    "Document",
    "Heading",
    "Image",
    "PageBreak",
    "Paragraph",
    "Table",
    "render_html",
    "render_markdown",
    "render_pdf",
]


@dataclass(frozen=True)
class Heading:
    """A section heading; ``level`` 1 (section) to 3 (sub-sub-section)."""

    text: str
    level: int = 1


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of plain text; ``lead`` is printed bold before it (e.g. ``"Итог:"``).

    ``muted`` paragraphs are notes (smaller, grey in the PDF, italic in Markdown/HTML).
    ``more`` holds further (lead, text) pairs run on in the same paragraph after a " · ".
    """

    text: str
    lead: str = ""
    muted: bool = False
    more: tuple[tuple[str, str], ...] = ()

    def pairs(self) -> tuple[tuple[str, str], ...]:
        """The paragraph as (lead, text) pairs, its own first."""
        return ((self.lead, self.text), *self.more)


@dataclass(frozen=True)
class BulletList:
    """A bulleted (or numbered, when ``ordered``) list of plain-text items."""

    items: tuple[str, ...]
    ordered: bool = False


@dataclass(frozen=True)
class Table:
    """A table of plain-text cells. ``numeric`` marks right-aligned columns by index.

    ``highlight`` marks row indexes (0-based, header excluded) drawn emphasised.
    ``widths`` are relative column widths for the PDF (default: equal).
    """

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: frozenset[int] = frozenset()
    highlight: frozenset[int] = frozenset()
    widths: tuple[float, ...] = ()
    caption: str = ""


@dataclass(frozen=True)
class Image:
    """A PNG image given as bytes; ``width`` is the share of the text width (0..1)."""

    png: bytes
    caption: str = ""
    width: float = 0.9
    name: str = "image"


@dataclass(frozen=True)
class PageBreak:
    """Start a new page in the PDF; a horizontal rule in Markdown and HTML."""


Block = Heading | Paragraph | BulletList | Table | Image | PageBreak


@dataclass
class Document:
    """A titled sequence of blocks in one language (``lang`` is an ISO code)."""

    title: str
    blocks: list[Block] = field(default_factory=list)
    subtitle: str = ""
    lang: str = "ru"

    def add(self, *blocks: Block) -> Document:
        """Append blocks and return the document (for chaining)."""
        self.blocks.extend(blocks)
        return self

    def images(self) -> list[Image]:
        """All images in document order."""
        return [b for b in self.blocks if isinstance(b, Image)]


ImageRow = tuple[Image, ...]
"""Charts shown side by side: one or two images."""
Unit = Block | ImageRow
_HALF = 0.5
"""Images at most this share of the text width pair up side by side."""


def image_rows(blocks: Sequence[Block]) -> list[Unit]:
    """``blocks`` with each image as a row of charts: two consecutive images of at most
    half the text width share a row (shown side by side), any other image is alone."""
    units: list[Unit] = []
    for block in blocks:
        last = units[-1] if units else None
        if not isinstance(block, Image):
            units.append(block)
        elif (isinstance(last, tuple) and len(last) == 1 and last[0].width <= _HALF
              and block.width <= _HALF):
            units[-1] = (last[0], block)
        else:
            units.append((block,))
    return units


# --------------------------------------------------------------------------- Markdown

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")


def _md_inline(text: str) -> str:
    """Escape inline Markdown syntax (emphasis, links, code, HTML, table pipes)."""
    return _MD_SPECIAL.sub(r"\\\1", text.replace("\r", ""))


def _md_escape(text: str) -> str:
    """Escape Markdown syntax in block text; a leading ``#``, ``-``, ``+`` or ``1.`` too."""
    escaped = _md_inline(text)
    escaped = re.sub(r"(?m)^(\s*)([#+\-])", r"\1\\\2", escaped)
    escaped = re.sub(r"(?m)^(\s*\d+)\.", r"\1\\.", escaped)
    return escaped


def _md_cell(text: str) -> str:
    return _md_inline(text).replace("\n", "<br>")


def render_markdown(
    doc: Document, image_link: Callable[[int, Image], str] | None = None
) -> str:
    """The document as GitHub-flavoured Markdown.

    Images are linked through ``image_link(index, image)`` (a relative path the caller
    writes the PNG to); without it they are embedded as ``data:`` URIs.
    """
    out: list[str] = [f"# {_md_escape(doc.title)}", ""]
    if doc.subtitle:
        out += [f"*{_md_escape(doc.subtitle)}*", ""]
    image_index = 0
    for block in doc.blocks:
        if isinstance(block, Heading):
            level = min(max(block.level, 1), 3) + 1
            out += ["#" * level + " " + _md_escape(block.text), ""]
        elif isinstance(block, Paragraph):
            bodies = []
            for lead, text in block.pairs():
                body = _md_escape(text)
                if block.muted:
                    body = f"*{body}*" if body else body
                bodies.append(f"**{_md_escape(lead)}** {body}".rstrip() if lead else body)
            out += [" · ".join(bodies), ""]
        elif isinstance(block, BulletList):
            for number, item in enumerate(block.items, start=1):
                marker = f"{number}." if block.ordered else "-"
                out.append(f"{marker} " + _md_escape(item).replace("\n", "  \n   "))
            out.append("")
        elif isinstance(block, Table):
            if block.caption:
                out += [f"**{_md_escape(block.caption)}**", ""]
            out.append("| " + " | ".join(_md_cell(h) for h in block.header) + " |")
            aligns = [
                "---:" if i in block.numeric else "---" for i in range(len(block.header))
            ]
            out.append("| " + " | ".join(aligns) + " |")
            for index, row in enumerate(block.rows):
                cells = [_md_cell(c) for c in row]
                if index in block.highlight:
                    cells = [f"**{c}**" if c else c for c in cells]
                out.append("| " + " | ".join(cells) + " |")
            out.append("")
        elif isinstance(block, Image):
            image_index += 1
            target = (
                image_link(image_index, block)
                if image_link
                else "data:image/png;base64," + base64.b64encode(block.png).decode("ascii")
            )
            alt = _md_escape(block.caption or block.name).replace("\n", " ")
            out += [f"![{alt}]({target})", ""]
            if block.caption:
                out += [f"*{_md_escape(block.caption)}*", ""]
        else:
            out += ["---", ""]
    return "\n".join(out).rstrip() + "\n"


# --------------------------------------------------------------------------- HTML

PHONE_CSS_PX = 480
"""Screens up to this width get the phone layout: smaller margins, and each chart at the
screen's full width (edge to edge), where its smallest text is 11 CSS px on a 390 px screen
(see :mod:`analytics.render.charts.style`)."""

_CSS = f"""
*{{box-sizing:border-box}}
body{{font-family:"DejaVu Sans",Arial,sans-serif;max-width:52rem;margin:2rem auto;
padding:0 1rem;color:#1d2330;line-height:1.45;overflow-wrap:anywhere}}
h1{{font-size:1.6rem;margin-bottom:.2rem}}h2{{font-size:1.25rem;margin-top:1.8rem;
border-bottom:1px solid #d6dae3}}h3{{font-size:1.05rem}}h4{{font-size:.95rem}}
.subtitle,.muted{{color:#5b6475}}.muted{{font-size:.9rem;font-style:italic}}
.scroll{{overflow-x:auto;max-width:100%;-webkit-overflow-scrolling:touch}}
table{{border-collapse:collapse;margin:.6rem 0;width:100%}}
th,td{{border:1px solid #c9cfda;padding:.3rem .5rem;vertical-align:top;text-align:left;
overflow-wrap:normal}}
th{{background:#eef1f6}}td.num,th.num{{text-align:right;white-space:nowrap}}
tr.hl td{{background:#fff4d6;font-weight:bold}}figure{{margin:1rem 0}}
.figs{{display:flex;flex-wrap:wrap;gap:0 1rem}}.figs figure{{flex:1 1 20rem;min-width:0}}
@media (min-width:1000px){{.figs{{width:min(94vw,76rem);margin-left:calc(50% - min(47vw,38rem))}}}}
figure img{{display:block;max-width:100%;max-height:75vh;width:auto;height:auto;
margin:0 auto}}
figcaption{{color:#5b6475;font-size:.9rem}}
caption{{text-align:left;font-weight:bold;padding-bottom:.3rem}}
@media (max-width:{PHONE_CSS_PX}px){{
body{{margin:1rem auto;padding:0 .6rem;font-size:15px}}
th,td{{padding:.25rem .35rem;font-size:.85rem}}
figure{{margin:1rem -.6rem}}figcaption{{padding:0 .6rem}}
figure img{{max-height:none;width:100%}}
}}
@page{{size:A4;margin:15mm 14mm}}
@media print{{
body{{max-width:none;margin:0;padding:0;font-size:9pt;line-height:1.35}}
.scroll{{overflow:visible}}.figs{{width:auto;margin-left:0}}
h1{{font-size:15pt}}h2{{font-size:12.5pt;margin:.9rem 0 .4rem}}h3{{font-size:10.5pt;
margin:.7rem 0 .2rem}}h4{{font-size:9.5pt;margin:.5rem 0 .2rem}}p{{margin:.2rem 0}}
ul,ol{{margin:.3rem 0}}figure{{margin:.4rem 0}}
h2,h3,h4{{break-after:avoid}}
table,figure,section,.keep,.figs,li{{break-inside:avoid}}
tr{{break-inside:avoid}}
figure img{{max-height:120mm;width:auto}}
}}
"""


def _h(text: str) -> str:
    return html.escape(text, quote=True).replace("\n", "<br>")


def _html_figure(image: Image) -> str:
    data = base64.b64encode(image.png).decode("ascii")
    alt = html.escape(image.caption or image.name, quote=True)
    caption = f"<figcaption>{_h(image.caption)}</figcaption>" if image.caption else ""
    return f'<figure><img src="data:image/png;base64,{data}" alt="{alt}">{caption}</figure>'


def render_html(doc: Document) -> str:
    """The document as one self-contained HTML page (images embedded, all text escaped)."""
    lang = html.escape(doc.lang, quote=True)
    parts: list[str] = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_h(doc.title)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{_h(doc.title)}</h1>",
    ]
    if doc.subtitle:
        parts.append(f'<p class="subtitle">{_h(doc.subtitle)}</p>')
    # a sub-section (a step) is a <section>, and a section heading shares a <div> with its
    # table or charts: each printed on one page
    units = image_rows(doc.blocks)
    closing = ""
    for index, unit in enumerate(units):
        if isinstance(unit, Heading | PageBreak) and closing:
            parts.append(closing)
            closing = ""
        following = units[index + 1] if index + 1 < len(units) else None
        if isinstance(unit, Heading) and unit.level > 1:
            parts.append("<section>")
            closing = "</section>"
        elif isinstance(unit, Heading) and isinstance(following, Table | tuple):
            parts.append('<div class="keep">')
            closing = "</div>"
        parts.append(_html_unit(unit))
        if closing == "</div>" and not isinstance(unit, Heading):
            parts.append(closing)
            closing = ""
    parts.append(closing + "</body></html>")
    return "\n".join(parts) + "\n"


def _html_unit(unit: Unit) -> str:
    """One block or row of charts as HTML."""
    if isinstance(unit, Heading):
        level = min(max(unit.level, 1), 3) + 1
        return f"<h{level}>{_h(unit.text)}</h{level}>"
    if isinstance(unit, Paragraph):
        css = ' class="muted"' if unit.muted else ""
        body = " · ".join((f"<strong>{_h(lead)}</strong> " if lead else "") + _h(text)
                          for lead, text in unit.pairs())
        return f"<p{css}>{body}</p>"
    if isinstance(unit, BulletList):
        tag = "ol" if unit.ordered else "ul"
        items = "".join(f"<li>{_h(item)}</li>" for item in unit.items)
        return f"<{tag}>{items}</{tag}>"
    if isinstance(unit, Table):
        return _html_table(unit)
    if isinstance(unit, tuple):
        figures = "".join(_html_figure(image) for image in unit)
        return f'<div class="figs">{figures}</div>' if len(unit) > 1 else figures
    return "<hr>"


def _html_table(block: Table) -> str:
    rows = ['<div class="scroll"><table>']
    if block.caption:
        rows.append(f"<caption>{_h(block.caption)}</caption>")
    head = "".join(
        f'<th{" class=num" if i in block.numeric else ""}>{_h(c)}</th>'
        for i, c in enumerate(block.header)
    )
    rows.append(f"<thead><tr>{head}</tr></thead><tbody>")
    for index, row in enumerate(block.rows):
        css = ' class="hl"' if index in block.highlight else ""
        cells = "".join(
            f'<td{" class=num" if i in block.numeric else ""}>{_h(c)}</td>'
            for i, c in enumerate(row)
        )
        rows.append(f"<tr{css}>{cells}</tr>")
    rows.append("</tbody></table></div>")
    return "".join(rows)


# --------------------------------------------------------------------------- PDF


def font_paths() -> tuple[Path, Path]:
    """DejaVu Sans regular and bold from matplotlib's bundled fonts."""
    import matplotlib

    folder = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    return folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"


_BODY = 9.0
"""Body text size in pt (notes one point smaller)."""
_LINE = 0.47
"""Line height in mm per pt of text size."""
_TEXT = (29, 35, 48)
_MUTED = (91, 100, 117)
_RULE = (201, 207, 218)
_HEAD_FILL = (238, 241, 246)
_HL_FILL = (255, 244, 214)
_FONT = "DejaVu"


@cache
def _pdf_class() -> type[FPDF]:
    """fpdf2's FPDF with "page / pages" in the footer."""
    from fpdf import FPDF

    class _PDF(FPDF):
        def footer(self) -> None:
            self.set_y(-12)
            self.set_font(_FONT, "", 8)
            self.set_text_color(*_MUTED)
            self.cell(0, 6, f"{self.page_no()} / {{nb}}", align="C")

    return _PDF


def render_pdf(doc: Document, created: datetime | None = None) -> bytes:
    """The document as PDF bytes (A4, DejaVu Sans, page numbers in the footer).

    ``created`` fixes the PDF creation date (default: a constant, so that the same
    document always gives the same bytes). Pages break between whole units: a heading
    stays with what it introduces (a level-2 or 3 heading with its whole sub-section, a
    level-1 heading with its table or charts, else with a few lines), a table, a row of
    charts and a list item are never split, and a short paragraph moves whole.
    """
    pdf = _new_pdf(doc)
    pdf.set_creation_date(created or datetime(2000, 1, 1, tzinfo=UTC))
    pdf.set_title(doc.title)
    pdf.set_lang(doc.lang)
    pdf.alias_nb_pages()
    pdf.add_page()
    scratch = _new_pdf(doc, _SCRATCH_HEIGHT)  # where units are measured, never output
    scratch.add_page()
    _text(pdf, doc.title, 18, "B", height=8.5)
    if doc.subtitle:
        _text(pdf, doc.subtitle, 10, color=_MUTED)
    pdf.ln(3)
    units = image_rows(doc.blocks)
    for index, unit in enumerate(units):
        needed = _needed(scratch, units, index)
        if pdf.h - pdf.b_margin - pdf.get_y() < needed <= _PAGE_ROOM:
            pdf.add_page()
        _draw(pdf, unit)
    data = pdf.output()
    return bytes(data) if data is not None else b""


def _new_pdf(doc: Document, height: float = 297.0) -> FPDF:
    """An A4-wide PDF with the document's fonts and margins (pages ``height`` mm tall)."""
    regular, bold = font_paths()
    pdf = _pdf_class()(format=(210.0, height), unit="mm")
    pdf.add_font(_FONT, "", str(regular))
    pdf.add_font(_FONT, "B", str(bold))
    pdf.set_margins(18, _MARGIN, 18)
    pdf.set_auto_page_break(auto=True, margin=_MARGIN)
    return pdf


_HEADING_ROOM = 45.0
"""The room in mm a section heading needs below it before a paragraph or list."""
_SCRATCH_HEIGHT = 5000.0
"""The scratch document's page height in mm: taller than anything measured."""
_MARGIN = 16.0
_PAGE_ROOM = 297.0 - 2 * _MARGIN
"""The height in mm between an A4 page's top and bottom margins."""
_SHORT_PARAGRAPH = 25.0
"""A paragraph up to this height in mm is moved to the next page whole, not split."""


def _needed(pdf: FPDF, units: Sequence[Unit], index: int) -> float:
    """The room in mm ``units[index]`` needs left on an A4 page (0: it may break anywhere),
    measured on ``pdf``, a scratch document with pages taller than anything measured."""
    unit = units[index]
    if isinstance(unit, Heading):
        following = units[index + 1] if index + 1 < len(units) else None
        if isinstance(following, Heading):  # a section's heading with its first sub-section
            return _height(pdf, [unit]) + _needed(pdf, units, index + 1)
        end = index + 2
        if unit.level > 1:  # a sub-section (a step) whole
            while end < len(units) and not isinstance(units[end], Heading | PageBreak):
                end += 1
        height = _height(pdf, units[index:end])
        if isinstance(following, Paragraph | BulletList) and (
                unit.level == 1 or (end == index + 2 and height > 2 * _HEADING_ROOM)):
            return min(height, _HEADING_ROOM)  # with a few lines of its text or long list
        return height if height <= _PAGE_ROOM else _HEADING_ROOM
    if isinstance(unit, Table | tuple):
        return _height(pdf, [unit])
    if isinstance(unit, Paragraph):
        height = _height(pdf, [unit])
        return height if height <= _SHORT_PARAGRAPH else 0.0
    return 0.0


def _height(pdf: FPDF, units: Sequence[Unit]) -> float:
    """The height in mm of ``units`` drawn at the top of ``pdf``'s (tall scratch) page."""
    pdf.set_xy(pdf.l_margin, pdf.t_margin)
    for unit in units:
        _draw(pdf, unit, paginate=False)
    return float(pdf.get_y() - pdf.t_margin)


def _text(pdf: FPDF, body: str, size: float, style: str = "", *,
          color: tuple[int, int, int] = _TEXT, height: float | None = None) -> None:
    pdf.set_font(_FONT, style, size)
    pdf.set_text_color(*color)
    pdf.multi_cell(pdf.epw, height or size * 0.5, body, align="L", new_x="LMARGIN",
                   new_y="NEXT")


def _draw(pdf: FPDF, unit: Unit, paginate: bool = True) -> None:
    """Draw one unit at the current position (``paginate``: a list item that does not fit
    starts the next page)."""
    width = pdf.epw
    if isinstance(unit, Heading):
        size = {1: 13.0, 2: 11.0}.get(unit.level, 10.0)
        pdf.ln(2.5 if unit.level == 1 else 1.2)
        _text(pdf, unit.text, size, "B", height=size * 0.55)
        if unit.level == 1:
            pdf.set_draw_color(*_RULE)
            pdf.line(pdf.l_margin, pdf.get_y() + 0.5, pdf.l_margin + width, pdf.get_y() + 0.5)
            pdf.ln(2)
        else:
            pdf.ln(0.8)
    elif isinstance(unit, Paragraph):
        size = _BODY - 1 if unit.muted else _BODY
        color = _MUTED if unit.muted else _TEXT
        if unit.lead:
            for number, (lead, text) in enumerate(unit.pairs()):
                pdf.set_font(_FONT, "B", size)
                pdf.set_text_color(*_TEXT)
                pdf.write(size * _LINE, (" · " if number else "") + lead + " ")
                pdf.set_font(_FONT, "", size)
                pdf.set_text_color(*color)
                pdf.write(size * _LINE, text)
            pdf.ln(size * _LINE)
        else:
            _text(pdf, unit.text, size, color=color)
        pdf.ln(1.0)
    elif isinstance(unit, BulletList):
        pdf.set_font(_FONT, "", _BODY)
        pdf.set_text_color(*_TEXT)
        line = _BODY * _LINE
        for number, item in enumerate(unit.items, start=1):
            if paginate and pdf.get_y() + _lines_height(pdf, item, width - 7, line) > (
                    pdf.h - pdf.b_margin):
                pdf.add_page()
            pdf.set_x(pdf.l_margin + 1)
            pdf.cell(6, line, f"{number}." if unit.ordered else "•")
            pdf.multi_cell(width - 7, line, item, align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(0.5)
        pdf.ln(1.2)
    elif isinstance(unit, Table):
        _pdf_table(pdf, unit, width)
    elif isinstance(unit, tuple):
        _pdf_image_row(pdf, unit, width)
    else:
        pdf.add_page()


def _pdf_image_row(pdf: FPDF, row: ImageRow, width: float) -> None:
    """Charts side by side, each with its caption below it; a lone chart centred."""
    widths = [width * min(max(image.width, 0.1), 1.0) for image in row]
    gap = (width - sum(widths)) / (len(row) - 1) if len(row) > 1 else 0.0
    x = pdf.l_margin + (width - widths[0]) / 2 if len(row) == 1 else pdf.l_margin
    top = bottom = pdf.get_y()
    for image, image_width in zip(row, widths, strict=True):
        pdf.image(_pdf_image(pdf, image.png), x=x, y=top, w=image_width)
        pdf.set_xy(x, top + _image_height(image, image_width) + 0.5)
        if image.caption:
            pdf.set_font(_FONT, "", 8.5)
            pdf.set_text_color(*_MUTED)
            pdf.multi_cell(image_width, 4.25, image.caption, align="L", new_x="LEFT",
                           new_y="NEXT")
        bottom = max(bottom, pdf.get_y())
        x += image_width + gap
    pdf.set_xy(pdf.l_margin, bottom + 3)


def _image_height(block: Image, width: float) -> float:
    """The height in mm of ``block`` shown ``width`` mm wide (from its PNG header)."""
    pixels_w, pixels_h = struct.unpack(">II", block.png[16:24])
    return width * pixels_h / pixels_w if pixels_w else 0.0


def _lines_height(pdf: FPDF, text: str, width: float, line: float) -> float:
    lines = pdf.multi_cell(width, line, text, dry_run=True, output="LINES")
    assert isinstance(lines, list)
    return line * len(lines)


_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_PNG_COLOURS = {0: ("DeviceGray", 1), 2: ("DeviceRGB", 3)}  # PNG colour type: PDF space
_PNG_EXTRAS = {b"PLTE", b"tRNS", b"iCCP"}  # what fpdf2 would have to decode or embed


def _png_passthrough(png: bytes) -> RasterImageInfo | None:
    """fpdf2's image info holding the PNG's own deflated data, for an 8-bit grey or RGB,
    non-interlaced PNG without palette, transparency or colour profile; ``None`` otherwise.

    Such a PNG's data are the rows with their filter bytes, deflated: exactly what a PDF
    image with ``FlateDecode`` and PNG predictors (``/Predictor 15``) holds, so nothing is
    decoded or deflated again (fpdf2 itself decodes every PNG and deflates it anew).
    """
    from fpdf.image_datastructures import RasterImageInfo

    if not png.startswith(_PNG_SIGNATURE):
        return None
    header: tuple[int, ...] = ()
    data: list[bytes] = []
    at = len(_PNG_SIGNATURE)
    while at + 8 <= len(png):
        length, kind = struct.unpack(">I4s", png[at : at + 8])
        body = png[at + 8 : at + 8 + length]
        at += length + 12  # length, type, body, CRC
        if kind == b"IHDR" and length == 13:
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            data.append(body)
        elif kind in _PNG_EXTRAS or kind == b"IEND":
            break
    if not header or not data or kind != b"IEND":
        return None
    width, height, depth, colour, compression, filtering, interlace = header
    if depth != 8 or colour not in _PNG_COLOURS or compression or filtering or interlace:
        return None
    space, channels = _PNG_COLOURS[colour]
    return RasterImageInfo(data=b"".join(data), w=width, h=height, cs=space, iccp=None,
                           dpn=channels, bpc=8, f="FlateDecode", inverted=False,
                           dp=f"/Predictor 15 /Colors {channels} /Columns {width}")


def _pdf_image(pdf: FPDF, png: bytes) -> str | io.BytesIO:
    """What to hand ``pdf.image`` for ``png``: the name of its entry in the document's
    image cache when it can go in as it is (see :func:`_png_passthrough`), else the PNG
    for fpdf2 to convert."""
    info = _png_passthrough(png)
    if info is None:
        return io.BytesIO(png)
    name = "png-" + hashlib.sha256(png).hexdigest()
    images = pdf.image_cache.images
    if name not in images:
        # the fields fpdf2's preload_image adds; pdf.image() counts the use
        info.update(i=len(images) + 1, usages=0, iccp_i=None)
        images[name] = info
    return name


def _pdf_table(pdf: FPDF, block: Table, width: float) -> None:
    columns = len(block.header)
    widths: Sequence[float] = block.widths if len(block.widths) == columns else (1.0,) * columns
    if block.caption:
        pdf.set_font(_FONT, "B", 9.5)
        pdf.set_text_color(*_TEXT)
        pdf.multi_cell(width, 5, block.caption, align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(0.5)
    pdf.set_font(_FONT, "", 9)
    pdf.set_text_color(*_TEXT)
    pdf.set_draw_color(*_RULE)
    from fpdf.fonts import FontFace

    heading = FontFace(emphasis="BOLD", fill_color=_HEAD_FILL)
    highlight = FontFace(emphasis="BOLD", fill_color=_HL_FILL)
    with pdf.table(
        width=width,
        col_widths=tuple(widths),
        text_align=tuple("RIGHT" if i in block.numeric else "LEFT" for i in range(columns)),
        headings_style=heading,
        line_height=4.6,
        padding=(1.2, 1.5),
        v_align="TOP",
    ) as table:
        header_row = table.row()
        for cell in block.header:
            header_row.cell(cell)
        for index, values in enumerate(block.rows):
            style = highlight if index in block.highlight else None
            row = table.row()
            for i in range(columns):
                row.cell(values[i] if i < len(values) else "", style=style)
    pdf.ln(3)
