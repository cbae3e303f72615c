"""The languages relgraph speaks, and the words of its interface: one table, ``languages.json``, shipped in the
package and read both here and by the network view's page (which gets its language's part in its data).

>>> LANGS
('en', 'nl', 'zh')
>>> check_lang("fr")
Traceback (most recent call last):
...
relgraph.errors.ParameterError: unknown language 'fr'; choose one of en, nl, zh
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from .errors import ParameterError


@cache
def table() -> dict[str, Any]:
    """The whole table: ``languages``, ``ui`` (the view's words by language) and ``lines`` (the line legend)."""
    text = Path(__file__).with_name("languages.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


#: The language codes, the default (English) first.
LANGS: tuple[str, ...] = tuple(table()["languages"])
DEFAULT = LANGS[0]
#: Languages a label is taken in when there is none in the language asked for, in order.
FALLBACK: tuple[str, ...] = tuple(table()["fallback"])
#: Language tags tried first when a name is looked up exactly (an index look-up per tag).
COMMON_TAGS: tuple[str, ...] = tuple(table()["common_tags"])


def check_lang(lang: object) -> str:
    """``lang`` if relgraph speaks it, else :class:`ParameterError` listing the languages it does."""
    if lang not in LANGS:
        raise ParameterError(f"unknown language {lang!r}; choose one of {', '.join(LANGS)}")
    return str(lang)


def ui(lang: str) -> dict[str, Any]:
    """The view's words in ``lang``, each missing word taken from the default language."""
    words = table()["ui"]
    return {**words[DEFAULT], **words.get(lang, {})}


def translated(texts: dict[str, str], lang: str) -> str:
    """The text of ``texts`` (a language -> text mapping) in ``lang``, else in the default language.

    >>> translated({"en": "ended", "nl": "beëindigd"}, "nl")
    'beëindigd'
    """
    return texts.get(lang) or texts.get(DEFAULT) or next(iter(texts.values()), "")
