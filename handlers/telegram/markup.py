"""The core's Markdown (`**bold**`, `_italic_`, `` `code` ``) as Telegram HTML.

HTML is used rather than Telegram's MarkdownV2 because it needs only `<`,
`>` and `&` escaped, so a question quoted back to a manager can hold any
character. Long texts are cut at line ends into pieces Telegram accepts.
"""

from __future__ import annotations

import html
import re

MAX_CHARS = 4000  # Telegram allows 4096 characters after the markup is taken out
_CODE = re.compile(r"`([^`\n]+)`")
_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_ITALIC = re.compile(r"(?<![\w*])_(?=\S)([^_\n]+?)(?<=\S)_(?![\w*])")


def to_html(markdown: str) -> str:
    text = html.escape(markdown, quote=False)
    text = _CODE.sub(r"<code>\1</code>", text)
    text = _BOLD.sub(r"<b>\1</b>", text)
    return _ITALIC.sub(r"<i>\1</i>", text)


def to_plain(markdown: str) -> str:
    """The text without markup, for when Telegram refuses the HTML."""
    text = _CODE.sub(r"\1", markdown)
    text = _BOLD.sub(r"\1", text)
    return _ITALIC.sub(r"\1", text)


def pieces(markdown: str, limit: int = MAX_CHARS) -> list[str]:
    """The text in pieces of at most `limit` characters, cut at line ends where possible."""
    result: list[str] = []
    current = ""
    for line in markdown.split("\n"):
        while len(line) > limit:
            if current:
                result.append(current)
                current = ""
            result.append(line[:limit])
            line = line[limit:]
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > limit:
            result.append(current)
            candidate = line
        current = candidate
    result.append(current)
    return [piece for piece in result if piece.strip()] or [markdown]
