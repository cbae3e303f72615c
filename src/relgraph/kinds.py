"""Kinds of entity, as a person sorts them: government body, organisation, institution, post, event, ...

Each RDF class maps to one kind; an entity with several classes takes the first kind in :data:`KINDS` that
matches. The network view colours and shapes nodes by kind; the analysis commands report it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .namespaces import PREFIXES, RG

P = PREFIXES


@dataclass(frozen=True)
class Kind:
    """A kind of entity: a key, English, Dutch and Chinese names, and the classes that make an entity of it."""

    key: str
    en: str
    nl: str
    zh: str
    classes: tuple[str, ...]

    def name(self, lang: str = "en") -> str:
        """The name of the kind in ``lang`` (en, nl or zh); English for any other."""
        return {"nl": self.nl, "zh": self.zh}.get(lang, self.en)


KINDS: tuple[Kind, ...] = (
    Kind("unnamed", "unnamed party", "niet-genoemde partij", "未具名方", (RG.UnnamedParty,)),
    Kind("government", "government body", "overheidsorgaan", "政府机构", (P["cv"] + "PublicOrganisation",)),
    Kind("institution", "knowledge or cultural institution", "kennis- of cultuurinstelling", "知识或文化机构",
         (P["schema"] + "CollegeOrUniversity", P["schema"] + "Museum", P["schema"] + "EducationalOrganization",
          P["schema"] + "ResearchOrganization")),
    Kind("organisation", "organisation or company", "organisatie of bedrijf", "组织或公司",
         (P["org"] + "Organization", P["org"] + "FormalOrganization", P["org"] + "OrganizationalUnit",
          P["org"] + "OrganizationalCollaboration", P["schema"] + "Organization", P["schema"] + "Corporation",
          P["schema"] + "Brand")),
    Kind("post", "post or person", "functie of persoon", "职位或人员",
         (P["org"] + "Post", P["foaf"] + "Person", P["schema"] + "Person")),
    Kind("event", "event", "gebeurtenis", "活动", (P["schema"] + "Event", P["cv"] + "PublicEvent")),
    Kind("agreement", "agreement", "overeenkomst", "协议", (RG.Agreement,)),
    Kind("outcome", "outcome", "resultaat", "成果", (RG.Outcome,)),
    Kind("objective", "objective", "doelstelling", "目标", (RG.Objective,)),
    Kind("lesson", "lesson learned", "geleerde les", "经验教训", (RG.LessonLearned,)),
    Kind("decision", "decision or document", "besluit of document", "决定或文件",
         (RG.Decision, P["prov"] + "Entity", P["schema"] + "DigitalDocument")),
    Kind("theme", "theme", "thema", "主题", (RG.Theme, P["skos"] + "Concept")),
    Kind("place", "place", "plaats", "地点", (P["schema"] + "Place",)),
)

OTHER = Kind("other", "other", "overig", "其他", ())
BY_KEY = {k.key: k for k in (*KINDS, OTHER)}


def kind_of(classes: Iterable[str]) -> Kind:
    """The kind of an entity with the given classes.

    >>> kind_of(["http://www.w3.org/ns/org#Post"]).key
    'post'
    """
    have = set(classes)
    for kind in KINDS:
        if have.intersection(kind.classes):
            return kind
    return OTHER
