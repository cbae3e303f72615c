"""What the words of an import sheet mean: kinds of entity, relation types, roles, statuses, dates, ids.

This module owns the sheet's vocabulary and how a cell's text becomes an RDF term. Each kind of entity maps to
the classes of ``data/ontology.ttl`` (:data:`KINDS`); each relation type to a qualified relation
(``org:Membership`` with ``org:role``, ``cv:Participation`` with ``cv:role``, ``rg:Agreement`` with ``rg:party``)
or to a direct link written on the entity (``org:unitOf``, ``rg:location``, ...) (:data:`RELATION_TYPES`).
A word a person may misspell is refused with the nearest ones (``unknown kind 'compnay'; did you mean company?``).
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from dataclasses import dataclass

from ..namespaces import CV, ORG, PREFIXES, PROV, RG, SCHEMA, expand
from ..terms import IRI, XSD, Literal

_FOAF = PREFIXES["foaf"]
_SCH = PREFIXES["schema"]

#: Kinds of entity a sheet names, with the classes an entity of the kind gets (and, for an agreement, its kind).
KINDS: dict[str, tuple[str, ...]] = {
    "government": (CV.PublicOrganisation, ORG.FormalOrganization),
    "government unit": (CV.PublicOrganisation, ORG.OrganizationalUnit),
    "organisation": (ORG.Organization,),
    "company": (ORG.FormalOrganization, SCHEMA.Corporation),
    "university": (ORG.FormalOrganization, SCHEMA.CollegeOrUniversity),
    "museum": (ORG.FormalOrganization, SCHEMA.Museum),
    "collaboration": (ORG.OrganizationalCollaboration,),
    "unit": (ORG.OrganizationalUnit,),
    "post": (ORG.Post,),
    "person": (_FOAF + "Person",),
    "event": (SCHEMA.Event,),
    "place": (SCHEMA.Place,),
    "city": (SCHEMA.Place, _SCH + "City"),
    "region": (SCHEMA.Place, _SCH + "AdministrativeArea"),
    "country": (SCHEMA.Place, _SCH + "Country"),
    "contract": (RG.Agreement,),
    "letter of intent": (RG.Agreement,),
    "structural cooperation": (RG.Agreement,),
    "unnamed party": (RG.UnnamedParty,),
    "document": (PROV.Entity,),
}

#: The kind of agreement each agreement kind of entity gets (``rg:agreementKind``).
AGREEMENT_KINDS = {"contract": RG.NS + "Contract", "letter of intent": RG.NS + "LetterOfIntent",
                   "structural cooperation": RG.NS + "StructuralCooperation"}


@dataclass(frozen=True)
class RelationType:
    """A relation type of the sheet: ``name``; ``cls`` the qualified relation's class (None for a direct link);
    ``source_p`` and ``target_p`` the properties of its two ends (for a direct link, ``target_p`` alone: the
    property from the entity to the other); ``role_p`` its role property; ``en``/``nl`` its words in a label."""

    name: str
    cls: str | None
    source_p: str | None
    target_p: str
    role_p: str | None = None
    en: str = ""
    nl: str = ""

    @property
    def direct(self) -> bool:
        return self.cls is None


def _direct(name: str, prop: str) -> RelationType:
    return RelationType(name, None, None, prop)


RELATION_TYPES: dict[str, RelationType] = {t.name: t for t in (
    RelationType("member of", ORG.Membership, ORG.member, ORG.organization, ORG.role, "member of", "lid van"),
    RelationType("participates in", CV.Participation, RG.agent, RG.event, CV.role, "in", "in"),
    RelationType("party to", RG.Agreement, None, RG.party),
    _direct("unit of", ORG.unitOf),
    _direct("post in", ORG.postIn),
    _direct("held by", ORG.heldBy),
    _direct("governs", RG.NS + "governs"),
    _direct("located in", RG.NS + "location"),
    _direct("part of", SCHEMA.superEvent),
    _direct("result of", RG.resultOf),
    _direct("involves", RG.NS + "involves"),
    _direct("signed at", RG.signedAt),
    _direct("stated by", RG.NS + "statedBy"),
    _direct("decided by", RG.NS + "decidedBy"),
)}

ROLES = ("Leader", "Participant", "CoOrganiser", "Preparer", "Host", "Visitor", "Visited", "DelegationMember")
STATUSES = ("Active", "Ended", "Achieved", "InProgress", "InPreparation", "Expected", "Possible", "Considered",
            "Intended", "Planned")

_SLUG = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
_WORDS = re.compile(r"[\s_-]+")


def words(text: str) -> str:
    """Lower case, runs of spaces, hyphens and underscores as one space: how sheet words are compared.

    >>> words("Member_of"), words("letter-of-intent")
    ('member of', 'letter of intent')
    """
    return _WORDS.sub(" ", text.strip().lower())


def nearest(word: str, known: list[str]) -> str:
    """``; did you mean x?`` for the nearest known word, with every known word listed."""
    close = difflib.get_close_matches(word, known, n=1, cutoff=0.6)
    hint = f"; did you mean {close[0]}?" if close else ""
    return f"{hint} Known: {', '.join(known)}"


def lookup(text: str, table: dict[str, object], what: str) -> str:
    """The key of ``table`` that ``text`` names, or a ValueError saying the nearest ones."""
    key = words(text)
    if key in table:
        return key
    raise ValueError(f"unknown {what} {text!r}{nearest(key, list(table))}")


def concept(text: str, names: tuple[str, ...], what: str) -> IRI:
    """The ``rg:`` concept of ``names`` that ``text`` names (``co-organiser``, ``CoOrganiser``, ``rg:Leader``)."""
    bare = text.strip().removeprefix("rg:")
    key = re.sub(r"[^a-z]", "", bare.lower())
    for name in names:
        if name.lower() == key:
            return IRI(RG.NS + name)
    shown = [re.sub(r"(?<!^)([A-Z])", r"-\1", n).lower() for n in names]
    raise ValueError(f"unknown {what} {text!r}{nearest(text.strip().lower(), shown)}")


def date(text: str) -> Literal:
    """An ``xsd:date``, ``xsd:gYearMonth`` or ``xsd:gYear`` literal, as precise as ``text``.

    >>> date("2022-11").datatype.rsplit("#")[1], date("2022-11-16").datatype.rsplit("#")[1]
    ('gYearMonth', 'date')
    """
    t = text.strip()
    try:
        if re.fullmatch(r"\d{4}", t):
            return Literal(t, datatype=XSD + "gYear")
        if re.fullmatch(r"\d{4}-\d{2}", t):
            dt.date(int(t[:4]), int(t[5:]), 1)
            return Literal(t, datatype=XSD + "gYearMonth")
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", t):
            dt.date.fromisoformat(t)
            return Literal(t, datatype=XSD + "date")
    except ValueError:
        raise ValueError(f"{t!r} is not a day of the calendar") from None
    raise ValueError(f"{t!r} is not a date: write YYYY-MM-DD (2022-11-16), YYYY-MM or YYYY")


def is_slug(text: str) -> bool:
    """Whether ``text`` is a readable id: lower-case letters, digits, ``-``, ``.``, ``_``."""
    return bool(_SLUG.match(text))


def slug(text: str) -> str:
    """A readable lower-case id made of ``text``: accents dropped, anything else between words a ``-``.

    >>> slug("Universiteit Utrecht (UU)"), slug("Rijksmuseum Boerhaave B.V.")
    ('universiteit-utrecht-uu', 'rijksmuseum-boerhaave-b-v')
    """
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")


def local(iri: str) -> str:
    """The last part of an IRI, for a readable id made of two entities' ids."""
    return slug(re.split(r"[/#:]", iri.rstrip("/#"))[-1]) or "x"


def identifier(text: str) -> IRI:
    """An identifier as an IRI: a prefixed name (``wd:Q776``, ``tooi:pv26``) or a full ``http(s)`` IRI."""
    full = expand(text.strip())
    if full is None or not re.fullmatch(r"https?://[^\s<>\"{}|\\^`]+", full):
        raise ValueError(f"{text.strip()!r} is not an identifier: give a prefixed name (wd:Q776) or an http(s) IRI")
    return IRI(full)


def values(text: str) -> list[str]:
    """The values of a cell that holds several, separated by ``|`` (the blank ones left out)."""
    return [v.strip() for v in text.split("|") if v.strip()]
