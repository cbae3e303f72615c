"""The named views ``relgraph view --preset`` offers: data only, one entry per preset.

A preset picks the part of the network to draw. ``seed_kinds`` are node kinds and ``seed_edges`` edge kinds
(IRIs) whose nodes seed the view; ``depth`` is how many steps around the seeds are kept. A preset with no seeds
draws the whole graph.
"""

from __future__ import annotations

from dataclasses import dataclass

RG = "https://w3id.org/relgraph/ontology#"


@dataclass(frozen=True)
class Preset:
    """A named view: a title, a description, and what to draw (seeds and depth; no seeds = everything)."""

    name: str
    title: str
    description: str
    seed_kinds: tuple[str, ...] = ()
    seed_edges: tuple[str, ...] = ()
    depth: int = 1


PRESETS: dict[str, Preset] = {p.name: p for p in (
    Preset("relationship", "The sister-province relationship Utrecht – Guangdong",
           "The whole graph: governments, organisations, people, events, agreements, outcomes and themes."),
    Preset("mission", "The economic mission to Guangdong, 2017",
           "The mission and its parts, who took part and in what role, its themes, objectives and results.",
           seed_kinds=("event",), depth=1),
    Preset("agreements", "Agreements between Utrecht and Guangdong",
           "The sister-province relationship and every agreement, with their parties and where they were signed.",
           seed_kinds=("agreement",), seed_edges=(RG + "SisterRelationship",), depth=1),
)}

DEFAULT = "relationship"
