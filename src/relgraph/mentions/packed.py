"""Strings kept packed: how a gazetteer read back from the store folder holds its 200,000 names, entities and
labels without making a Python object of each (only those a text is found to mention are cut out).

This module owns :class:`Texts` (strings as one text and their offsets) and :class:`Sorted` (a ``dict.get`` over
sorted keys, without the dict).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import overload


class Texts(Sequence[str]):
    """Strings kept as one text and the offsets where each starts (an ``array`` of them as bytes): a saved
    gazetteer's names, entities and labels, each cut out when asked for."""

    def __init__(self, text: str, starts: bytes) -> None:
        from array import array

        self._text, self._starts = text, array("q", starts)

    @staticmethod
    def packed(items: Iterable[str]) -> tuple[str, bytes]:
        """What :class:`Texts` is made from: the strings joined, and where each starts (and the last ends)."""
        from array import array
        from itertools import accumulate

        items = list(items)
        return "".join(items), array("q", accumulate((len(x) for x in items), initial=0)).tobytes()

    @overload
    def __getitem__(self, i: int) -> str: ...

    @overload
    def __getitem__(self, i: slice) -> list[str]: ...

    def __getitem__(self, i: int | slice) -> str | list[str]:
        starts = self._starts
        if type(i) is int and 0 <= i < len(starts) - 1:  # the one asked for again and again
            return self._text[starts[i]:starts[i + 1]]
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(i)
        return self._text[self._starts[i]:self._starts[i + 1]]

    def __len__(self) -> int:
        return len(self._starts) - 1


class Sorted:
    """A read-only ``dict.get`` over sorted ``keys`` and their ``values`` (no dict made)."""

    def __init__(self, keys: list[str], values: Sequence[str]) -> None:
        self.keys, self.values = keys, values

    def get(self, key: str) -> str | None:
        import bisect

        i = bisect.bisect_left(self.keys, key)
        return self.values[i] if i < len(self.keys) and self.keys[i] == key else None

    def __len__(self) -> int:
        return len(self.keys)
