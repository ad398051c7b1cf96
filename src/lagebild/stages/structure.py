"""Structure: kicker, headline, lead, subheadings and paragraphs of a plain-text article.

Short lines without final punctuation are headings (the layout of a web article copied as
text). The first heading lines become kicker and headline, the first paragraph after the
headline the lead, later heading lines subheadings.
"""

from __future__ import annotations

from ..config import Config
from ..document import Document, Section
from ..resources import Resources

HEADING_MAX = 120
LEAD_MAX = 400
_FINAL = tuple('.!?:;"“”«»)\']…')


def is_heading(line: str) -> bool:
    s = line.strip()
    return 0 < len(s) <= HEADING_MAX and not s.endswith(_FINAL) and not s.endswith(",")


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line, trimmed of surrounding whitespace."""
    out = []
    pos = 0
    for raw in text.split("\n"):
        s = len(raw) - len(raw.lstrip())
        e = len(raw.rstrip())
        if e > s:
            out.append((pos + s, pos + e))
        pos += len(raw) + 1
    return out


def find_sections(text: str) -> list[Section]:
    lines = _lines(text)
    sections: list[Section] = []
    i = 0
    heads: list[tuple[int, int]] = []
    while i < len(lines) and len(heads) < 2 and is_heading(text[lines[i][0]:lines[i][1]]):
        heads.append(lines[i])
        i += 1
    if len(lines) > i and heads:
        if len(heads) == 2:
            sections.append(Section("kicker", *heads[0]))
            sections.append(Section("headline", *heads[1]))
        else:
            sections.append(Section("headline", *heads[0]))
        s, e = lines[i]
        if e - s <= LEAD_MAX and i + 1 < len(lines):
            sections.append(Section("lead", s, e))
            i += 1
    else:
        i = 0
    for s, e in lines[i:]:
        kind = "subheading" if is_heading(text[s:e]) and sections else "paragraph"
        sections.append(Section(kind, s, e))
    return sections


class StructureStage:
    name = "structure"
    requires = ("text",)
    assigns = ("sections", "title")

    def __call__(self, doc: Document) -> Document:
        doc.sections = find_sections(doc.text)
        if doc.title is None:
            heads = doc.section_text("headline")
            if heads:
                doc.title = heads[0]
        return doc


def make_structure(config: Config, res: Resources) -> StructureStage:
    return StructureStage()
