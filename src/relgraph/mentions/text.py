"""Plain text as mentions needs it: sentences (Dutch, English and Chinese punctuation), the language of a text,
and the names in it that look like organisations or places.

This module owns those three heuristics; they are simple on purpose (no model, no download) and say what they
propose for a person to review, never what is true.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

#: Words that make a capitalised name look like an organisation (compared in lower case, also as a word's end:
#: "Rijksmuseum" ends in "museum").
ORGANISATION_WORDS = frozenset(
    [
        "provincie",
        "provinciale",
        "ministerie",
        "ministry",
        "gemeente",
        "municipality",
        "universiteit",
        "university",
        "hogeschool",
        "college",
        "museum",
        "stichting",
        "foundation",
        "vereniging",
        "association",
        "bank",
        "b.v.",
        "n.v.",
        "bv",
        "nv",
        "ltd",
        "inc",
        "gmbh",
        "co.",
        "company",
        "corporation",
        "group",
        "groep",
        "council",
        "raad",
        "agency",
        "agentschap",
        "institute",
        "instituut",
        "academy",
        "academie",
        "bureau",
        "department",
        "dienst",
        "kamer",
        "chamber",
        "consulaat",
        "consulate",
        "embassy",
        "ambassade",
        "office",
        "centre",
        "center",
        "centrum",
        "partij",
        "party",
        "fund",
        "fonds",
        "commissie",
        "commission",
        "authority",
        "autoriteit",
        "school",
        "hospital",
        "ziekenhuis",
        "haven",
        "port",
        "airport",
        "luchthaven",
        "staten",
        "government",
        "overheid",
        "regering",
        "omroep",
    ]
)
_ORG_ENDINGS = ("museum", "bank", "school", "universiteit", "instituut", "raad", "fonds", "haven", "centrum")

#: Words before a name that make it look like a place ("in Leiden", "te Utrecht", "from Guangzhou").
PLACE_CUES = ("in", "te", "uit", "naar", "bij", "from", "to", "at", "near")

_CONNECT = r"(?:van|de|der|den|het|voor|en|of|for|the|and|für|du|des|la|le|'s|aan|op)"
_CAP = r"(?:(?:[A-Z]\.){2,}|[A-Z\u00C0-\u00DD][\w'’&]*)"
_NAME = re.compile(rf"{_CAP}(?:[ \t]+(?:{_CONNECT}[ \t]+)*{_CAP})*")
_CONNECTING = re.compile(_CONNECT)
_CJK_NAME = re.compile(
    r"[\u4e00-\u9fff]{1,10}?(?:有限公司|公司|大学|学院|省政府|市政府|政府|委员会|博物馆|银行|集团|"
    r"研究院|研究所|协会|基金会|办公室|厅|局)"
)
_CJK = re.compile(r"[\u3400-\u9fff]")
_ABBREVIATIONS = frozenset(
    [
        "dr",
        "mr",
        "mrs",
        "ms",
        "prof",
        "drs",
        "ir",
        "ing",
        "st",
        "nr",
        "no",
        "vs",
        "etc",
        "bijv",
        "bv",
        "ca",
        "dhr",
        "mevr",
        "jl",
        "resp",
        "incl",
        "excl",
        "o.a",
        "t.o.v",
        "i.p.v",
        "m.b.t",
        "d.w.z",
        "e.g",
        "i.e",
    ]
)
_END = re.compile(
    r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z\u00C0-\u00DD0-9\u3400-\u9fff])|[。！？]+[”’」』)]*|\n[ \t]*\n"
)
_WORD_BEFORE = re.compile(r"([\w.]+)[.!?]*$")
_DUTCH = frozenset(
    [
        "de",
        "het",
        "een",
        "van",
        "en",
        "is",
        "op",
        "met",
        "voor",
        "niet",
        "dat",
        "zijn",
        "werd",
        "worden",
        "naar",
        "ook",
        "bij",
    ]
)
_LEADING = frozenset(
    [
        "de",
        "het",
        "een",
        "op",
        "in",
        "ook",
        "dit",
        "deze",
        "die",
        "dat",
        "er",
        "ze",
        "we",
        "wij",
        "zij",
        "hij",
        "the",
        "a",
        "an",
        "this",
        "these",
        "those",
        "on",
        "also",
        "it",
        "we",
        "they",
        "he",
        "she",
        "as",
        "at",
        "for",
        "by",
        "from",
        "with",
        "of",
        "to",
        "and",
        "en",
        "of",
    ]
)
_ENGLISH = frozenset(
    ["the", "and", "of", "to", "is", "on", "with", "for", "not", "that", "was", "were", "from", "also", "by"]
)


@dataclass(frozen=True)
class Sentences:
    """The sentences of a text as (start, end) offsets, to find the sentence of any offset quickly."""

    text: str
    spans: tuple[tuple[int, int], ...]
    starts: tuple[int, ...]
    shown: dict[int, str] = field(default_factory=dict, compare=False, repr=False)  # each sentence made once

    def at(self, offset: int) -> str:
        """The sentence around ``offset``, its whitespace as single spaces."""
        i = max(bisect.bisect_right(self.starts, offset) - 1, 0)
        if i not in self.shown:
            start, end = self.spans[i]
            self.shown[i] = " ".join(self.text[start:end].split())
        return self.shown[i]


def sentences(text: str) -> Sentences:
    """Split ``text`` into sentences: after ``.``, ``!`` or ``?`` followed by a capital or a digit (not after an
    abbreviation such as "t.o.v." or "B.V."), after ``。！？``, and at blank lines.

    >>> s = sentences("Het bezoek van dr. Jansen aan de B.V. Utrecht was kort. Daarna 会议结束。新的一天！")
    >>> [s.at(i) for i in (0, 60, 68)]
    ['Het bezoek van dr. Jansen aan de B.V. Utrecht was kort.', 'Daarna 会议结束。', '新的一天！']
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _END.finditer(text):
        if m.group(0)[0] in ".!?" and _abbreviation(text, m.start()):
            continue
        _add(spans, text, start, m.end())
        start = m.end()
    _add(spans, text, start, len(text))
    spans = spans or [(0, len(text))]
    return Sentences(text, tuple(spans), tuple(s for s, _ in spans))


def _add(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    if start < end:
        spans.append((start, end))


def _abbreviation(text: str, dot: int) -> bool:
    """Whether the ``.`` at ``dot`` ends an abbreviation rather than a sentence."""
    if text[dot] != ".":
        return False
    m = _WORD_BEFORE.search(text[max(0, dot - 12) : dot])
    if not m:
        return False
    word = m.group(1).lower().rstrip(".")
    return len(word) == 1 or word in _ABBREVIATIONS or "." in word


def language(text: str) -> str:
    """The language of a text, roughly: ``zh-Hans`` when a fifth of its letters are Chinese, else ``nl`` or
    ``en`` by their most common short words.

    >>> language("De provincie heeft het besluit genomen."), language("The council voted for it."), language("合作协议")
    ('nl', 'en', 'zh-Hans')
    """
    sample = text[:20000]
    letters = sum(c.isalpha() for c in sample) or 1
    if len(_CJK.findall(sample)) / letters > 0.2:
        return "zh-Hans"
    words = re.findall(r"[a-z]+", sample.lower())
    nl = sum(w in _DUTCH for w in words)
    en = sum(w in _ENGLISH for w in words)
    return "nl" if nl >= en else "en"


@dataclass(frozen=True)
class Candidate:
    """A name in the text that looks like an organisation or a place: its text, where it is, and the kind."""

    text: str
    start: int
    end: int
    kind: str


def candidates(text: str) -> list[Candidate]:
    """Capitalised names with an organisation word ("Rijksmuseum Boerhaave", "Provincie Gelderland"), Chinese
    names ending in one (广东省政府), and capitalised names after a place cue ("in Leiden"), in text order.

    >>> [(c.text, c.kind) for c in candidates("Ook de Stichting Vrienden van het Museum bezocht Leiden B.V. in Delft.")]
    [('Stichting Vrienden van het Museum', 'organisation'), ('Leiden B.V.', 'organisation'), ('Delft', 'place')]
    """
    out = []
    for m in _NAME.finditer(text):
        start, name = _trimmed(m.start(), m.group(0))
        if not name:
            continue
        tokens = [t.lower() for t in name.split()]
        if any(t in ORGANISATION_WORDS or t.endswith(_ORG_ENDINGS) for t in tokens):
            kind = "organisation"
        elif _after_place_cue(text, start) and len(name) > 2 and len(tokens) < 4:
            kind = "place"
        else:
            continue
        out.append(Candidate(name, start, start + len(name), kind))
    out += [Candidate(m.group(0), m.start(), m.end(), "organisation") for m in _CJK_NAME.finditer(text)]
    return sorted(out, key=lambda c: (c.start, c.end))


def _trimmed(start: int, name: str) -> tuple[int, str]:
    """A name without the function words a sentence starts with ("Ook de ...") or a name ends with."""
    tokens = name.split(" ")
    while tokens and tokens[0].lower() in _LEADING:
        start += len(tokens.pop(0)) + 1
    while tokens and _CONNECTING.fullmatch(tokens[-1]):
        tokens.pop()
    return start, " ".join(tokens)


def _after_place_cue(text: str, start: int) -> bool:
    before = text[max(0, start - 8) : start].split()
    return bool(before) and before[-1].lower() in PLACE_CUES


def is_cjk(text: str) -> bool:
    """Whether ``text`` holds a Chinese character (matched without word boundaries)."""
    return bool(_CJK.search(text))
