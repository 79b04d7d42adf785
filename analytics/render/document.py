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
    """

    text: str
    lead: str = ""
    muted: bool = False


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
            body = _md_escape(block.text)
            if block.muted:
                body = f"*{body}*" if body else body
            if block.lead:
                body = f"**{_md_escape(block.lead)}** {body}".rstrip()
            out += [body, ""]
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

CHART_MIN_CSS_PX = 600
"""On a narrow screen a chart keeps this width and scrolls inside its own box, so that its
text stays legible: the smallest label of a 1 080 px chart (11 pt at 120 dpi) is then
10.2 CSS px."""

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
figure img{{display:block;max-width:100%;max-height:75vh;width:auto;height:auto;
margin:0 auto}}
figcaption{{color:#5b6475;font-size:.9rem}}
caption{{text-align:left;font-weight:bold;padding-bottom:.3rem}}
@media (max-width:480px){{
body{{margin:1rem auto;padding:0 .6rem;font-size:15px}}
th,td{{padding:.25rem .35rem;font-size:.85rem}}
figure img{{max-width:none;max-height:none;width:{CHART_MIN_CSS_PX}px}}
}}
@page{{size:A4;margin:15mm 14mm}}
@media print{{
body{{max-width:none;margin:0;padding:0;font-size:10.5pt}}
.scroll{{overflow:visible}}
h2,h3,h4{{break-after:avoid}}
table,figure,.step,li{{break-inside:avoid}}
tr{{break-inside:avoid}}
figure img{{max-height:120mm;width:auto}}
}}
"""


def _h(text: str) -> str:
    return html.escape(text, quote=True).replace("\n", "<br>")


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
    for block in doc.blocks:
        if isinstance(block, Heading):
            level = min(max(block.level, 1), 3) + 1
            parts.append(f"<h{level}>{_h(block.text)}</h{level}>")
        elif isinstance(block, Paragraph):
            css = ' class="muted"' if block.muted else ""
            lead = f"<strong>{_h(block.lead)}</strong> " if block.lead else ""
            parts.append(f"<p{css}>{lead}{_h(block.text)}</p>")
        elif isinstance(block, BulletList):
            tag = "ol" if block.ordered else "ul"
            items = "".join(f"<li>{_h(item)}</li>" for item in block.items)
            parts.append(f"<{tag}>{items}</{tag}>")
        elif isinstance(block, Table):
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
            parts.append("".join(rows))
        elif isinstance(block, Image):
            data = base64.b64encode(block.png).decode("ascii")
            alt = html.escape(block.caption or block.name, quote=True)
            caption = f"<figcaption>{_h(block.caption)}</figcaption>" if block.caption else ""
            parts.append(
                f'<figure><div class="scroll"><img src="data:image/png;base64,{data}" '
                f'alt="{alt}"></div>{caption}</figure>'
            )
        else:
            parts.append("<hr>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


# --------------------------------------------------------------------------- PDF


def font_paths() -> tuple[Path, Path]:
    """DejaVu Sans regular and bold from matplotlib's bundled fonts."""
    import matplotlib

    folder = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    return folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"


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
    document always gives the same bytes).
    """
    regular, bold = font_paths()
    pdf = _pdf_class()(format="A4", unit="mm")
    pdf.set_creation_date(created or datetime(2000, 1, 1, tzinfo=UTC))
    pdf.set_title(doc.title)
    pdf.set_lang(doc.lang)
    pdf.add_font(_FONT, "", str(regular))
    pdf.add_font(_FONT, "B", str(bold))
    pdf.set_margins(18, 16, 18)
    pdf.set_auto_page_break(auto=True, margin=16)
    pdf.alias_nb_pages()
    pdf.add_page()
    width = pdf.epw

    def text(body: str, size: float, style: str = "", color: tuple[int, int, int] = _TEXT,
             height: float | None = None) -> None:
        pdf.set_font(_FONT, style, size)
        pdf.set_text_color(*color)
        pdf.multi_cell(width, height or size * 0.5, body, align="L",
                       new_x="LMARGIN", new_y="NEXT")

    text(doc.title, 18, "B", height=8.5)
    if doc.subtitle:
        text(doc.subtitle, 10, color=_MUTED)
    pdf.ln(3)

    for index, block in enumerate(doc.blocks):
        if isinstance(block, Heading):
            size = {1: 14.0, 2: 12.0}.get(block.level, 10.5)
            # keep a heading with a few lines of what follows; a step (level 2) whole
            needed = 45.0 if block.level == 1 else 30.0
            following = doc.blocks[index + 1] if index + 1 < len(doc.blocks) else None
            if block.level >= 2:
                needed = max(needed, _section_height(pdf, doc.blocks[index:], width))
            elif isinstance(following, Image):  # never a heading alone above its chart
                share = min(max(following.width, 0.1), 1.0)
                needed = max(needed, 20 + _image_height(following, width * share))
            room = pdf.h - pdf.b_margin - pdf.get_y()
            if needed > room and needed <= pdf.h - pdf.t_margin - pdf.b_margin:
                pdf.add_page()
            pdf.ln(3 if block.level == 1 else 1.5)
            text(block.text, size, "B", height=size * 0.55)
            if block.level == 1:
                pdf.set_draw_color(*_RULE)
                pdf.line(pdf.l_margin, pdf.get_y() + 0.5, pdf.l_margin + width, pdf.get_y() + 0.5)
                pdf.ln(2.5)
            else:
                pdf.ln(1)
        elif isinstance(block, Paragraph):
            size = 9.0 if block.muted else 10.0
            color = _MUTED if block.muted else _TEXT
            if block.lead:
                pdf.set_font(_FONT, "B", size)
                pdf.set_text_color(*_TEXT)
                pdf.write(size * 0.5, block.lead + " ")
                pdf.set_font(_FONT, "", size)
                pdf.set_text_color(*color)
                pdf.write(size * 0.5, block.text)
                pdf.ln(size * 0.5)
            else:
                text(block.text, size, color=color)
            pdf.ln(1.8)
        elif isinstance(block, BulletList):
            pdf.set_font(_FONT, "", 10)
            pdf.set_text_color(*_TEXT)
            for number, item in enumerate(block.items, start=1):
                marker = f"{number}." if block.ordered else "•"
                pdf.set_x(pdf.l_margin + 1)
                pdf.cell(7, 5, marker)
                pdf.multi_cell(width - 8, 5, item, align="L", new_x="LMARGIN", new_y="NEXT")
                pdf.ln(0.6)
            pdf.ln(1.5)
        elif isinstance(block, Table):
            _pdf_table(pdf, block, width)
        elif isinstance(block, Image):
            share = min(max(block.width, 0.1), 1.0)
            image_width = width * share
            if pdf.get_y() + _image_height(block, image_width) + 8 > pdf.h - pdf.b_margin:
                pdf.add_page()
            pdf.image(_pdf_image(pdf, block.png), w=image_width,
                      x=pdf.l_margin + (width - image_width) / 2)
            if block.caption:
                text(block.caption, 8.5, color=_MUTED)
            pdf.ln(2)
        else:
            pdf.add_page()
    data = pdf.output()
    return bytes(data) if data is not None else b""


def _image_height(block: Image, width: float) -> float:
    """The height in mm of ``block`` shown ``width`` mm wide (from its PNG header)."""
    pixels_w, pixels_h = struct.unpack(">II", block.png[16:24])
    return width * pixels_h / pixels_w if pixels_w else 0.0


def _section_height(pdf: FPDF, blocks: Sequence[Block], width: float) -> float:
    """The height of a sub-section: its heading and what follows up to the next heading
    (paragraphs and lists measured by a dry run of the PDF's own line breaking)."""
    total = 12.0
    for block in blocks[1:]:
        if isinstance(block, Heading | PageBreak):
            break
        if isinstance(block, Paragraph):
            pdf.set_font(_FONT, "", 9.0 if block.muted else 10.0)
            body = f"{block.lead} {block.text}" if block.lead else block.text
            total += _lines_height(pdf, body, width, 5.0) + 1.8
        elif isinstance(block, BulletList):
            pdf.set_font(_FONT, "", 10)
            total += sum(_lines_height(pdf, item, width - 8, 5.0) + 0.6
                         for item in block.items) + 1.5
        elif isinstance(block, Image):
            total += _image_height(block, width * min(max(block.width, 0.1), 1.0)) + 8
        else:
            total += 7.0 * (len(block.rows) + 1)
    return total


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
