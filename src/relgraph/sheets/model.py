"""From the rows of an import sheet to RDF statements, one set per source, each statement with its quote.

This module owns what a row says in RDF (docs/import.md): a source row becomes a ``prov:Entity``; an entity row
a new entity (its classes, labels, definition, identifiers) or what a source adds to one that exists; a relation
row a qualified relation (``org:Membership``, ``cv:Participation``), a party of an agreement, or a direct link
on the entity. Every resource gets the row's ``rg:quote`` and ``prov:hadPrimarySource``. Ids are stable: a new
entity without an id gets a readable slug of its English label; a relation the ids of its two ends and its role;
a relation the graph already holds keeps its IRI, so that a new source adds a claim to it. Names are resolved as
``-p`` parameters are (:meth:`relgraph.core.Graph.resolve`), after the sheet's own ids and labels.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..core import Graph
from ..errors import RelgraphError
from ..namespaces import DCT, PREFIXES, PROV, RDF, RDFS, RG, SCHEMA, SKOS, expand
from ..terms import IRI, XSD, Literal, Term
from ..validate.quotes import Passages, body, normalised
from . import vocab
from .lookups import Lookups
from .read import Row, Sheet

#: The first line of every file the import writes: a file without it is never overwritten.
MARKER = "# Written by relgraph import; edit the import sheet and import it again rather than this file."

_LANG = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$")

Triple = tuple[str, str, Term]


@dataclass
class SourceFile:
    """What one source says: its id, the file it goes to (within the data folder), its IRI and its statements."""

    id: str
    name: str
    iri: IRI
    title: str
    lang: str
    excerpt: str
    triples: set[Triple] = field(default_factory=set)


@dataclass
class Model:
    """The statements of a sheet by source (in the sheet's order), and the row each subject was first made by."""

    files: dict[str, SourceFile]
    origins: dict[str, tuple[Row, str]]


def build(base: Graph, sheet: Sheet, folder: Path, namespace: str = PREFIXES["ug"]) -> Model:
    """The statements ``sheet`` makes, resolved against ``base`` (the dataset without the files the sheet
    rewrites), with excerpts found in ``folder``. Raises :class:`~relgraph.errors.SheetError` at the first bad cell.
    """
    b = _Builder(base, folder, namespace)
    for row in sheet.rows("sources"):
        b.source(row)
    for row in sheet.rows("entities"):
        b.entity_iri(row)
    for row in sheet.rows("sources"):
        b.source_triples(row)
    for row in sheet.rows("entities"):
        b.entity_triples(row)
    for row in sheet.rows("relations"):
        b.relation(row)
    return Model(b.files, b.origins)


class _Builder:
    def __init__(self, base: Graph, folder: Path, namespace: str) -> None:
        self.base, self.folder, self.ns = Lookups(base), folder, namespace
        self.files: dict[str, SourceFile] = {}
        self.origins: dict[str, tuple[Row, str]] = {}
        self.entities: dict[int, tuple[IRI, bool]] = {}  # entity row number -> (IRI, exists in base)
        self.names: dict[str, IRI | None] = {}  # sheet id or label, lower case -> IRI (None: two entities)
        self.sheet_labels: dict[IRI, dict[str, str]] = {}
        self.kinds: dict[IRI, str] = {}
        self.seen: dict[tuple[str, ...], int] = {}
        self.passages: dict[str, Passages] = {}

    # -------------------------------------------------------------- sources

    def source(self, row: Row) -> None:
        sid = self._required(row, "id")
        if not vocab.is_slug(sid):
            raise row.error("id", f"{sid!r} is not an id: use lower-case letters, digits and '-' (2024-nos-visit)")
        self._once(row, "id", ("source", sid), f"duplicate source id {sid!r}")
        name = f"{sid}.ttl"
        target = self.folder / name
        if target.exists() and not _written_by_import(target):
            raise row.error("id", f"{name} exists in the data folder and was not written by relgraph import; "
                                  "choose another id")
        title, lang = self._required(row, "title"), self._required(row, "language")
        if not _LANG.match(lang):
            raise row.error("language", f"{lang!r} is not a language tag: nl, en, zh-Hans, ...")
        excerpt = self._excerpt(row)
        self.files[sid] = SourceFile(sid, name, IRI(f"{self.ns}source-{sid}"), title, lang, excerpt)

    def _excerpt(self, row: Row) -> str:
        named = self._required(row, "excerpt")
        found = next((p for p in (self.folder / named, self.folder.parent / named) if p.is_file()), None)
        if found is None:
            raise row.error("excerpt", f"no excerpt file {named} in the data folder: put the source's sentences "
                                       "in it (see docs/import.md)")
        try:
            return normalised(body(found.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError) as e:
            raise row.error("excerpt", f"cannot read {named} as UTF-8 text ({type(e).__name__})") from None

    def source_triples(self, row: Row) -> None:
        f = self.files[row["id"]]
        s = f.iri
        add = f.triples.add
        add((s, RDF.type, IRI(PROV.Entity)))
        add((s, RDFS.label, Literal(f.title, lang="en")))
        add((s, RDFS.label, Literal(f.title, lang="nl")))
        add((s, DCT.title, Literal(f.title, lang=f.lang)))
        add((s, DCT.NS + "language", Literal(f.lang, datatype=XSD + "language")))
        add((s, DCT.NS + "source", Literal(row["excerpt"])))
        if row["publisher"]:
            add((s, SCHEMA.publisher, self.name(row, "publisher", row["publisher"])))
        if row["url"]:
            try:
                add((s, SCHEMA.url, vocab.identifier(row["url"])))
            except ValueError:
                raise row.error("url", f"{row['url']!r} is not a web address (https://...)") from None
        if row["date"]:
            add((s, SCHEMA.datePublished, self._date(row, "date")))
        else:
            add((s, RG.unknown, Literal("The import sheet gives no date of publication.", lang="en")))
        if row["retrieved"]:
            add((s, RG.NS + "dateRetrieved", self._date(row, "retrieved")))
        first = re.match(r".+?[.!?。！？](?=\s|$)", f.excerpt)
        quote = row["quote"] or (first.group(0) if first else f.excerpt)
        self._quote_of(row, "quote", quote, f)
        self._sourced(f, s, row, quote)

    # -------------------------------------------------------------- entities

    def entity_iri(self, row: Row) -> None:
        given = row["id"]
        if given and (vocab.is_slug(given) or expand(given)):
            iri = IRI(self.ns + given) if vocab.is_slug(given) else IRI(expand(given) or "")
            exists = self._exists(iri)
        elif given:
            iri, exists = self._resolve(row, "id", given), True
        else:
            label = row["label_en"] or row["label_nl"] or row["label_zh"]
            if not label:
                raise row.error("label_en", "empty: a new entity needs its English and Dutch labels (or an id)")
            iri = IRI(self.ns + vocab.slug(label))
            exists = False
            if self._exists(iri):
                raise row.error("id", f"{iri.removeprefix(self.ns)} is already an entity "
                                      f"({self.base.label(iri)}): give its name as id to add to it, or another id")
        self._once(row, "id", ("entity", iri), f"duplicate entity {given or iri.removeprefix(self.ns)!r}")
        self.entities[row.number] = (iri, exists)
        labels = {lang: row[f"label_{lang}"] for lang in ("en", "nl", "zh") if row[f"label_{lang}"]}
        self.sheet_labels[iri] = labels
        for key in {given, *labels.values()} - {""}:
            k = key.lower()
            self.names[k] = iri if self.names.get(k, iri) == iri else None
        if row["kind"]:
            try:
                self.kinds[iri] = vocab.lookup(row["kind"], vocab.KINDS, "kind")  # type: ignore[arg-type]
            except ValueError as e:
                raise row.error("kind", str(e)) from None

    def entity_triples(self, row: Row) -> None:
        iri, exists = self.entities[row.number]
        f = self._source_of(row)
        add = f.triples.add
        kind = self.kinds.get(iri)
        if not exists:
            if kind is None:
                raise row.error("kind", f"empty: a new entity needs its kind{vocab.nearest('', list(vocab.KINDS))}")
            for lang in ("en", "nl"):
                if not row[f"label_{lang}"]:
                    raise row.error(f"label_{lang}", f"empty: a new entity needs a label in {lang}")
            for cls in vocab.KINDS[kind]:
                add((iri, RDF.type, IRI(cls)))
            if kind in vocab.AGREEMENT_KINDS:
                add((iri, RG.agreementKind, IRI(vocab.AGREEMENT_KINDS[kind])))
        for lang, tag in (("en", "en"), ("nl", "nl"), ("zh", "zh-Hans")):
            if row[f"label_{lang}"]:
                add((iri, RDFS.label, Literal(row[f"label_{lang}"], lang=tag)))
        for alt in vocab.values(row["label_alt"]):
            add((iri, SKOS.altLabel, Literal(alt, lang=f.lang)))
        if row["definition"]:
            add((iri, SKOS.definition, Literal(row["definition"], lang="en")))
        for ident in vocab.values(row["identifiers"]):
            try:
                add((iri, SCHEMA.sameAs, vocab.identifier(ident)))
            except ValueError as e:
                raise row.error("identifiers", str(e)) from None
        quote = self._quote_of(row, "quote", row["quote"], f)
        self._sourced(f, iri, row, quote)

    # -------------------------------------------------------------- relations

    def relation(self, row: Row) -> None:
        try:
            rtype = vocab.RELATION_TYPES[vocab.lookup(row["type"], vocab.RELATION_TYPES, "relation type")]  # type: ignore[arg-type]
        except ValueError as e:
            raise row.error("type", str(e) if row["type"] else "empty: give a relation type" +
                            vocab.nearest("", list(vocab.RELATION_TYPES))) from None
        f = self._source_of(row)
        quote = self._quote_of(row, "quote", row["quote"], f)
        sources = [self.name(row, "from", v) for v in self._several(row, "from")]
        targets = [self.name(row, "to", v) for v in self._several(row, "to")]
        for a in sources:
            for b in targets:
                if rtype.direct:
                    self._direct(row, rtype, a, b, f, quote)
                elif rtype.cls == RG.Agreement:
                    self._party(row, a, b, f, quote)
                else:
                    self._qualified(row, rtype, a, b, f, quote)

    def _direct(self, row: Row, rtype: vocab.RelationType, a: IRI, b: IRI, f: SourceFile, quote: str) -> None:
        for col in ("role", "status", "start", "end"):
            if row[col]:
                raise row.error(col, f"a direct link ({rtype.name}) has no {col}; use member of or participates in "
                                     "for a relation that does")
        self._once(row, "from", (f.id, a, rtype.target_p, b), "the same relation again")
        f.triples.add((a, rtype.target_p, b))
        self._sourced(f, a, row, quote)

    def _party(self, row: Row, a: IRI, b: IRI, f: SourceFile, quote: str) -> None:
        is_agreement = self.kinds.get(b) in vocab.AGREEMENT_KINDS or self.base.is_agreement(b)
        if not is_agreement:
            raise row.error("to", f"{self.base.label(b) if b not in self.sheet_labels else b} is not an agreement: "
                                  "party to needs a contract, letter of intent or structural cooperation")
        if row["role"]:
            raise row.error("role", "a party to an agreement has no role here; leave it blank")
        self._once(row, "from", (f.id, a, RG.party, b), "the same relation again")
        f.triples.add((b, RG.party, a))
        self._states(row, b, f)
        self._sourced(f, b, row, quote)

    def _qualified(self, row: Row, rtype: vocab.RelationType, a: IRI, b: IRI, f: SourceFile, quote: str) -> None:
        if not row["role"]:
            raise row.error("role", f"empty: {rtype.name} needs a role{vocab.nearest('', _shown_roles())}")
        try:
            role = vocab.concept(row["role"], vocab.ROLES, "role")
        except ValueError as e:
            raise row.error("role", str(e)) from None
        assert rtype.cls and rtype.source_p and rtype.role_p
        kind = "membership" if rtype.cls.endswith("Membership") else "participation"
        existing = self.base.existing(rtype, a, b, role)
        if row["id"]:
            if not vocab.is_slug(row["id"]):
                raise row.error("id", f"{row['id']!r} is not an id: use lower-case letters, digits and '-'")
            r = IRI(self.ns + row["id"])
        else:
            r = existing or IRI(f"{self.ns}{kind}-{vocab.local(a)}-{vocab.local(b)}-{vocab.local(role)}")
        self._once(row, "from", (f.id, r), "the same relation again (one row per relation and source)")
        if existing is None or existing != r:
            add = f.triples.add
            add((r, RDF.type, IRI(rtype.cls)))
            add((r, rtype.source_p, a))
            add((r, rtype.target_p, b))
            add((r, rtype.role_p, role))
            rl = {lang: self.base.label(role, lang).lower() for lang in ("en", "nl")}
            add((r, RDFS.label, Literal(f"{self._label(a, 'en')} {rtype.en} {self._label(b, 'en')} ({rl['en']})",
                                        lang="en")))
            add((r, RDFS.label, Literal(f"{self._label(a, 'nl')} {rtype.nl} {self._label(b, 'nl')} ({rl['nl']})",
                                        lang="nl")))
        self._states(row, r, f)
        self._sourced(f, r, row, quote)

    def _states(self, row: Row, r: IRI, f: SourceFile) -> None:
        start = self._date(row, "start") if row["start"] else None
        end = self._date(row, "end") if row["end"] else None
        if start is not None and end is not None:
            n = min(len(start), len(end))
            if str(end)[:n] < str(start)[:n]:
                raise row.error("end", f"ends ({end}) before it starts ({start})")
        for p, v in ((SCHEMA.startDate, start), (SCHEMA.endDate, end)):
            if v is not None:
                f.triples.add((r, p, v))
        if row["status"]:
            try:
                f.triples.add((r, RG.status, vocab.concept(row["status"], vocab.STATUSES, "status")))
            except ValueError as e:
                raise row.error("status", str(e)) from None

    # -------------------------------------------------------------- cells

    def name(self, row: Row, column: str, text: str) -> IRI:
        """The entity a name in a cell stands for: a sheet entity's id or label, else any name the graph knows."""
        key = text.strip().lower()
        if key in self.names:
            found = self.names[key]
            if found is None:
                raise row.error(column, f"{text!r} is ambiguous: two entities of the sheet have it; give an id")
            return found
        return self._resolve(row, column, text)

    def _resolve(self, row: Row, column: str, text: str) -> IRI:
        try:
            return self.base.resolve(text)
        except RelgraphError as e:
            raise row.error(column, str(e)) from None

    def _several(self, row: Row, column: str) -> list[str]:
        found = vocab.values(row[column])
        if not found:
            raise row.error(column, "empty: name an entity (a label, an id of the entities sheet, or ug:...)")
        return found

    def _label(self, iri: IRI, lang: str) -> str:
        own = self.sheet_labels.get(iri)
        if own:
            return own.get(lang) or own.get("en") or next(iter(own.values()))
        return self.base.label(iri, lang)

    def _source_of(self, row: Row) -> SourceFile:
        sid = self._required(row, "source")
        if sid not in self.files:
            raise row.error("source", f"no source {sid!r} in the sources sheet")
        return self.files[sid]

    def _quote_of(self, row: Row, column: str, text: str, f: SourceFile) -> str:
        quote = normalised(text)
        if not quote:
            raise row.error(column, "empty: give the source's own words that say this, copied letter for letter")
        if f.id not in self.passages:
            self.passages[f.id] = Passages.of(f.excerpt)
        if quote not in self.passages[f.id]:
            shown = quote if len(quote) <= 60 else quote[:60] + "…"
            raise row.error(column, f"not found in the excerpt of source {f.id!r}: {shown!r}")
        return quote

    def _sourced(self, f: SourceFile, s: str, row: Row, quote: str) -> None:
        f.triples.add((s, RG.quote, Literal(quote, lang=f.lang)))
        f.triples.add((s, PROV.hadPrimarySource, f.iri))
        self.origins.setdefault(s, (row, "quote"))

    def _date(self, row: Row, column: str) -> Literal:
        try:
            return vocab.date(row[column])
        except ValueError as e:
            raise row.error(column, str(e)) from None

    def _required(self, row: Row, column: str) -> str:
        if not row[column]:
            raise row.error(column, "empty: this column needs a value")
        return row[column]

    def _once(self, row: Row, column: str, key: tuple[str, ...], message: str) -> None:
        if key in self.seen:
            raise row.error(column, f"{message} (also on row {self.seen[key]})")
        self.seen[key] = row.number

    def _exists(self, iri: IRI) -> bool:
        return self.base.exists(iri)


def _shown_roles() -> list[str]:
    return [vocab.words(re.sub(r"(?<!^)([A-Z])", r" \1", r)) for r in vocab.ROLES]


def _written_by_import(path: Path) -> bool:
    try:
        with path.open(encoding="utf-8") as f:
            return f.readline().rstrip("\n") == MARKER
    except (OSError, UnicodeDecodeError):
        return False
