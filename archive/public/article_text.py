"""Split an article's paragraphs into plain runs and statement runs, for the article page.

Templates escape each run; nothing here builds HTML, so archive text can never become markup.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Run:
    text: str
    statement: object | None = None  # a Statement when these words are one


def mark_statements(paragraphs: list[str], statements) -> list[list[Run]]:
    by_paragraph: dict[int, list] = {}
    for statement in statements:
        by_paragraph.setdefault(statement.paragraph, []).append(statement)
    marked = []
    for index, paragraph in enumerate(paragraphs):
        runs, position = [], 0
        for statement in sorted(by_paragraph.get(index, []), key=lambda s: s.start):
            start, end = max(statement.start, position), min(statement.end, len(paragraph))
            if end <= start:
                continue  # overlapping or out of range: show the words unmarked rather than twice
            if start > position:
                runs.append(Run(paragraph[position:start]))
            runs.append(Run(paragraph[start:end], statement))
            position = end
        if position < len(paragraph):
            runs.append(Run(paragraph[position:]))
        marked.append(runs)
    return marked
