"""Typography for a lesson page once Qt has parsed its Markdown.

Markdown cannot say "superscript" or "dotted underline", and Qt's Markdown reader ignores
style sheets, so the parsed document is dressed here: footnote numbers become small raised
links, glossary terms get a dotted underline, paragraphs get air, tables get padding.
"""

from __future__ import annotations

from PySide6.QtGui import (QBrush, QColor, QTextBlockFormat, QTextCharFormat, QTextCursor,
                           QTextDocument, QTextLength, QTextTable)

from ..style import CINNABAR, INK, MIST

LINK_COLOUR = "#9a2f22"  # a darker cinnabar: 7:1 on white, readable as body text


def polish(document: QTextDocument) -> None:
    _blocks(document)
    _links(document)
    for frame in document.rootFrame().childFrames():
        if isinstance(frame, QTextTable):
            _table(frame)


def _blocks(document: QTextDocument) -> None:
    cursor = QTextCursor(document)
    block = document.begin()
    while block.isValid():
        level = block.blockFormat().headingLevel()
        extra = QTextBlockFormat()
        if level:
            extra.setTopMargin(4 if level == 1 else 16)
            extra.setBottomMargin(8)
        else:
            extra.setLineHeight(135, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
            extra.setBottomMargin(6)
        cursor.setPosition(block.position())
        cursor.mergeBlockFormat(extra)
        block = block.next()


def _links(document: QTextDocument) -> None:
    ranges: list[tuple[int, int, str]] = []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fmt = fragment.charFormat()
            if fmt.isAnchor() and fmt.anchorHref():
                ranges.append((fragment.position(), fragment.length(), fmt.anchorHref()))
            it += 1
        block = block.next()
    cursor = QTextCursor(document)
    for start, length, href in ranges:
        style = QTextCharFormat()
        style.setForeground(QBrush(QColor(LINK_COLOUR)))
        if href.startswith("source:"):
            style.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignSuperScript)
            style.setFontUnderline(False)
        elif href.startswith("glossary:"):
            style.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            style.setUnderlineColor(QColor(CINNABAR))
        cursor.setPosition(start)
        cursor.setPosition(start + length, QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(style)


def _table(table: QTextTable) -> None:
    fmt = table.format()
    fmt.setCellPadding(7)
    fmt.setCellSpacing(0)
    fmt.setBorder(1)
    fmt.setBorderBrush(QBrush(QColor("#d8d1c1")))
    fmt.setBorderCollapse(True)
    fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
    fmt.setTopMargin(6)
    fmt.setBottomMargin(10)
    table.setFormat(fmt)
    for column in range(table.columns()):
        cell = table.cellAt(0, column)
        cell_format = cell.format()
        cell_format.setBackground(QBrush(QColor(MIST)))
        cell_format.setForeground(QBrush(QColor(INK)))
        cell.setFormat(cell_format)
