"""Kinds of entity, as a person sorts them: government body, organisation, institution, post, event, ...

Each RDF class maps to one kind; an entity with several classes takes the first kind in :data:`KINDS` that
matches. The network view colours and shapes nodes by kind; the analysis commands report it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .languages import translated
from .namespaces import CV, FOAF, ORG, PROV, RG, SCHEMA, SKOS


@dataclass(frozen=True)
class Kind:
    """A kind of entity: a key, its name in each language, and the classes that make an entity of it."""

    key: str
    names: dict[str, str]
    classes: tuple[str, ...]

    @property
    def en(self) -> str:
        """The English name."""
        return self.names["en"]

    def name(self, lang: str = "en") -> str:
        """The name of the kind in ``lang``; in the default language when it has none in ``lang``."""
        return translated(self.names, lang)


def _kind(key: str, en: str, nl: str, zh: str, classes: tuple[str, ...]) -> Kind:
    return Kind(key, {"en": en, "nl": nl, "zh": zh}, classes)


KINDS: tuple[Kind, ...] = (
    _kind("unnamed", "unnamed party", "niet-genoemde partij", "未具名方", (RG.UnnamedParty,)),
    _kind("government", "government body", "overheidsorgaan", "政府机构", (CV.PublicOrganisation,)),
    _kind("institution", "knowledge or cultural institution", "kennis- of cultuurinstelling", "知识或文化机构",
         (SCHEMA.CollegeOrUniversity, SCHEMA.Museum, SCHEMA.EducationalOrganization,
          SCHEMA.ResearchOrganization)),
    _kind("organisation", "organisation or company", "organisatie of bedrijf", "组织或公司",
         (ORG.Organization, ORG.FormalOrganization, ORG.OrganizationalUnit,
          ORG.OrganizationalCollaboration, SCHEMA.Organization, SCHEMA.Corporation,
          SCHEMA.Brand)),
    _kind("post", "post or person", "functie of persoon", "职位或人员",
         (ORG.Post, FOAF.Person, SCHEMA.Person)),
    _kind("event", "event", "gebeurtenis", "活动", (SCHEMA.Event, CV.PublicEvent)),
    _kind("agreement", "agreement", "overeenkomst", "协议", (RG.Agreement,)),
    _kind("outcome", "outcome", "resultaat", "成果", (RG.Outcome,)),
    _kind("objective", "objective", "doelstelling", "目标", (RG.Objective,)),
    _kind("lesson", "lesson learned", "geleerde les", "经验教训", (RG.LessonLearned,)),
    _kind("decision", "decision or document", "besluit of document", "决定或文件",
         (RG.Decision, PROV.Entity, SCHEMA.DigitalDocument)),
    _kind("theme", "theme", "thema", "主题", (RG.Theme, SKOS.Concept)),
    _kind("place", "place", "plaats", "地点", (SCHEMA.Place,)),
)

OTHER = _kind("other", "other", "overig", "其他", ())
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


def kind_names(lang: str = "en") -> dict[str, str]:
    """Kind keys mapped to their names in ``lang``."""
    return {k: v.name(lang) for k, v in BY_KEY.items()}
