"""A :class:`~analytics.render.document.Document` as chat messages (Telegram's HTML subset).

The fourth rendering of the same document (after PDF, Markdown and HTML): headings in
bold, muted paragraphs in italics, lists with bullets, tables as one line per row, images
left out (a chat sends them as photos). Text is escaped, so names from the user's data
cannot inject markup. Messages are split at block boundaries to stay under
Telegram's 4096-character limit.
"""

from __future__ import annotations

import html

from analytics.render.document import BulletList, Document, Heading, Image, Paragraph, Table

#: Telegram's limit is 4096 characters of text after entities are parsed; keep a margin.
MESSAGE_LIMIT = 3800


def _block(block: object) -> str:
    if isinstance(block, Heading):
        return f"<b>{html.escape(block.text)}</b>"
    if isinstance(block, Paragraph):
        body = html.escape(block.text)
        if block.muted and body:
            body = f"<i>{body}</i>"
        return f"<b>{html.escape(block.lead)}</b> {body}".strip() if block.lead else body
    if isinstance(block, BulletList):
        return "\n".join(
            (f"{n}. " if block.ordered else "• ") + html.escape(item)
            for n, item in enumerate(block.items, start=1)
        )
    if isinstance(block, Table):
        lines = [f"<b>{html.escape(block.caption)}</b>"] if block.caption else []
        for row in block.rows:
            first, *rest = row
            tail = " · ".join(html.escape(c) for c in rest if c)
            lines.append(f"• {html.escape(first)}" + (f": {tail}" if tail else ""))
        return "\n".join(lines)
    return ""


def render_chat(doc: Document, *, title: bool = True, limit: int = MESSAGE_LIMIT) -> list[str]:
    """The document as one or more HTML messages of at most ``limit`` characters."""
    parts = [f"<b>{html.escape(doc.title)}</b>"] if title else []
    parts += [text for b in doc.blocks if not isinstance(b, Image) if (text := _block(b))]
    return pack(parts, limit)


def pack(parts: list[str], limit: int = MESSAGE_LIMIT) -> list[str]:
    """Join blocks with blank lines into messages under ``limit``; an oversized block is
    cut at line ends (and a single oversized line hard-cut)."""
    return _join([piece for part in parts for piece in _split(part, limit)], "\n\n", limit)


def _split(text: str, limit: int) -> list[str]:
    if len(text) <= limit:
        return [text]
    lines = [line[start:start + limit] for line in text.split("\n")
             for start in range(0, max(len(line), 1), limit)]
    return _join(lines, "\n", limit)


def _join(pieces: list[str], separator: str, limit: int) -> list[str]:
    """Greedily join ``pieces`` (each at most ``limit`` long) into texts under ``limit``."""
    joined: list[str] = []
    current = ""
    for piece in pieces:
        candidate = f"{current}{separator}{piece}" if current else piece
        if len(candidate) <= limit:
            current = candidate
        else:
            joined.append(current)
            current = piece
    if current:
        joined.append(current)
    return joined
