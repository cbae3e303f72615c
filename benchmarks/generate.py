"""Synthetic relgraph datasets of a given size, for the benchmarks (benchmarks/run.py).

A synthetic dataset has the shape of the seed (data/utrecht-guangdong.ttl): the ontology and the seed itself
come first, verbatim, so that every named query's example parameters (DOFTEC, the 2017 mission, ...) name
entities that exist; then as many synthetic *clusters* as it takes to reach the wanted number of triples.
A cluster is a sister-province relationship of its own, modelled on the seed, under the synthetic base
``https://w3id.org/relgraph/synthetic/``:

* a source letter (prov:Entity) and the decision it implements;
* two territories (schema:Place) with a city each, and the two governments (cv:PublicOrganisation) that govern
  them, with units (org:unitOf) and posts (org:Post, org:postIn);
* organisations, unnamed parties (rg:UnnamedParty with rg:count), a delegation (org:OrganizationalCollaboration)
  with org:Membership records;
* the rg:SisterRelationship (two parties, two territories, a start year);
* missions (cv:PublicEvent) with sub-events and sub-sub-events (schema:superEvent), cv:Participation records
  with rg:agent, rg:event and cv:role;
* rg:Agreement records with parties, a kind, a date signed (a day, a month or a year) and the event they were
  signed at; rg:Outcome records (rg:resultOf, rg:involves, rg:status, some with rg:theme); lessons learned;
* rdfs:label in English and Dutch on everything and in Chinese (zh-Hans) on the Chinese side and on most
  events and agreements; rg:quote and prov:hadPrimarySource on every entity and relation; rg:unknown,
  rg:certainty rg:Inferred and rg:reasoning on a share of them, as in the seed.

A small, fixed share of every cluster links to the seed's hubs (a participation in the 2017 mission or one of
its parts, an agreement with DOFTEC, a membership of the 2017 delegation), so the parameterised queries about
DOFTEC and the mission find more rows as the data grows, as they would in a growing real dataset.

Everything is drawn from ``random.Random(seed)``: the same size and seed give the same file, byte for byte.

Usage::

    .venv/bin/python benchmarks/generate.py --sizes 10k,100k,1m            # writes benchmarks/out/synthetic-*.ttl
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"
SEED_FILES = (ROOT / "data" / "ontology.ttl", ROOT / "data" / "utrecht-guangdong.ttl")
SYNTH = "https://w3id.org/relgraph/synthetic/"

PREFIXES = """@prefix sy:     <https://w3id.org/relgraph/synthetic/> .
@prefix ug:     <https://w3id.org/relgraph/utrecht-guangdong/> .
@prefix rg:     <https://w3id.org/relgraph/ontology#> .
@prefix org:    <http://www.w3.org/ns/org#> .
@prefix cv:     <http://data.europa.eu/m8g/> .
@prefix schema: <https://schema.org/> .
@prefix prov:   <http://www.w3.org/ns/prov#> .
@prefix skos:   <http://www.w3.org/2004/02/skos/core#> .
@prefix rdfs:   <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd:    <http://www.w3.org/2001/XMLSchema#> .
@prefix dct:    <http://purl.org/dc/terms/> .
"""

ROLES = ("rg:Leader", "rg:Participant", "rg:CoOrganiser", "rg:Preparer", "rg:Host", "rg:Visitor", "rg:Visited")
OUTCOME_STATUS = ("rg:Achieved", "rg:Achieved", "rg:Achieved", "rg:InProgress", "rg:InPreparation", "rg:Expected",
                  "rg:Possible", "rg:Considered")
AGREEMENT = (("rg:StructuralCooperation", "rg:Active"), ("rg:Contract", "rg:Achieved"),
             ("rg:LetterOfIntent", "rg:Intended"))
THEMES = ("ug:theme-elderly-care", "ug:theme-gaming", "ug:theme-waste-management",
          "ug:theme-greenhouse-horticulture", "ug:theme-healthy", "ug:theme-smart", "ug:theme-green")
SEED_EVENTS = ("ug:mission-2017", "ug:company-visits-2017", "ug:seminars-2017", "ug:network-meetings-2017",
               "ug:field-visits-2017", "ug:greenhouse-seminar-2017")

NL_PLACES = ("Drenthe", "Flevoland", "Friesland", "Gelderland", "Groningen", "Limburg", "Overijssel", "Zeeland",
             "Noord-Brabant", "Noord-Holland", "Zuid-Holland")
CN_PLACES = (("Fujian", "福建省"), ("Zhejiang", "浙江省"), ("Jiangsu", "江苏省"), ("Hubei", "湖北省"),
             ("Hunan", "湖南省"), ("Sichuan", "四川省"), ("Shandong", "山东省"), ("Hainan", "海南省"),
             ("Yunnan", "云南省"), ("Anhui", "安徽省"), ("Jiangxi", "江西省"), ("Henan", "河南省"))
CN_CITIES = (("Xiamen", "厦门"), ("Ningbo", "宁波"), ("Suzhou", "苏州"), ("Wuhan", "武汉"), ("Changsha", "长沙"),
             ("Chengdu", "成都"), ("Qingdao", "青岛"), ("Haikou", "海口"), ("Kunming", "昆明"), ("Hefei", "合肥"))
NL_CITIES = ("Assen", "Lelystad", "Leeuwarden", "Arnhem", "Zwolle", "Maastricht", "Middelburg", "Eindhoven",
             "Haarlem", "Delft", "Amersfoort", "Nijmegen")
WORDS = ("North", "South", "River", "Delta", "Green", "Bright", "Harbour", "Polder", "Canal", "Tulip", "Lotus",
         "Jade", "Pearl", "Dragon", "Dune", "Heath", "Orchard", "Meadow", "Bridge", "Tower", "Lantern", "Silk")
TRADES = ("Agritech", "Logistics", "Medical", "Games", "Water", "Energy", "Design", "Foods", "Robotics", "Textiles",
          "Horticulture", "Recycling", "Software", "Ceramics", "Optics", "Finance")
FORMS = ("B.V.", "N.V.", "Ltd.", "Foundation", "Co-operative", "Institute", "Group", "Lab")
ZH = "华安宏远兴盛达通利恒泰和信鑫源丰嘉瑞科创新天海广"
ZH_KIND = ("公司", "集团", "研究所", "协会", "中心")
SUBEVENTS = (("Company visits", "Bedrijfsbezoeken", "企业参观"),
             ("Official receptions", "Officiële ontvangsten", "正式接待"),
             ("Network meetings", "Netwerkbijeenkomsten", "交流会"), ("Seminars", "Seminars", "研讨会"),
             ("Press breakfast", "Persontbijt", "媒体早餐会"), ("Field visits", "Veldbezoeken", "实地考察"),
             ("Trade fair", "Handelsbeurs", "贸易博览会"), ("Matchmaking", "Matchmaking", "商务对接"))


def esc(text: str) -> str:
    """A Turtle string literal body."""
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")


class Writer:
    """Writes Turtle subject blocks and counts the triples it writes."""

    def __init__(self, out: list[str]) -> None:
        self.out = out
        self.triples = 0

    def block(self, subject: str, pairs: list[tuple[str, str]]) -> None:
        self.triples += sum(1 if o.startswith('"') else o.count(" , ") + 1 for _, o in pairs)
        self.out.append(subject + " " + " ;\n    ".join(f"{p} {o}" for p, o in pairs) + " .\n")


def lit(text: str, lang: str | None = None) -> str:
    return f'"{esc(text)}"' + (f"@{lang}" if lang else "")


def typed(text: str, datatype: str) -> str:
    return f'"{text}"^^xsd:{datatype}'


def labels(en: str, nl: str | None = None, zh: str | None = None) -> list[tuple[str, str]]:
    out = [("rdfs:label", lit(en, "en")), ("rdfs:label", lit(nl or en, "nl"))]
    if zh:
        out.append(("rdfs:label", lit(zh, "zh-Hans")))
    return out


class Cluster:
    """One synthetic sister-province relationship and everything around it."""

    def __init__(self, k: int, rng: random.Random, w: Writer) -> None:
        self.k, self.rng, self.w = k, rng, w
        self.src = f"sy:c{k}-letter"
        self.n = 0

    def iri(self, kind: str) -> str:
        self.n += 1
        return f"sy:c{self.k}-{kind}-{self.n}"

    def zh_name(self) -> str:
        r = self.rng
        return "".join(r.choice(ZH) for _ in range(r.randint(2, 3))) + r.choice(ZH_KIND)

    def org_name(self) -> str:
        r = self.rng
        return f"{r.choice(WORDS)}{r.choice(WORDS).lower()} {r.choice(TRADES)} {r.choice(FORMS)} {self.k}-{self.n}"

    def emit(self, subject: str, types: str, pairs: list[tuple[str, str]], quote: str,
             unknown: str | None = None) -> None:
        """A resource with its types, its own statements, a quote and the source; sometimes an rg:unknown."""
        body = [("a", types), *pairs]
        if unknown is not None and self.rng.random() < 0.15:
            body.append(("rg:unknown", lit(unknown, "en")))
        body += [("rg:quote", lit(quote, "nl")), ("prov:hadPrimarySource", self.src)]
        self.w.block(subject, body)

    def date(self, year: int) -> tuple[int, int, int]:
        return year, self.rng.randint(1, 12), self.rng.randint(1, 28)

    def build(self) -> None:
        r, k = self.rng, self.k
        nl_prov, (cn_prov, cn_prov_zh) = r.choice(NL_PLACES), r.choice(CN_PLACES)
        nl_city, (cn_city, cn_city_zh) = r.choice(NL_CITIES), r.choice(CN_CITIES)
        since = r.randint(1980, 2015)
        first_year = r.randint(max(since, 1995), 2022)

        # ---- the source and the decision it implements
        gs, ps, nl_gov, cn_gov = f"sy:c{k}-gs", f"sy:c{k}-ps", f"sy:c{k}-gov-nl", f"sy:c{k}-gov-cn"
        decision = f"sy:c{k}-decision"
        chair, secretary = f"sy:c{k}-post-chair", f"sy:c{k}-post-secretary"
        self.w.block(self.src, [
            ("a", "prov:Entity , schema:DigitalDocument"),
            *labels(f"Letter {k} on the relationship {nl_prov} – {cn_prov}",
                    f"Brief {k} over de relatie {nl_prov} – {cn_prov}"),
            ("dct:title", lit(f"Resultaten van de missie {k}", "nl")), ("dct:creator", gs),
            ("rg:signatory", f"{chair} , {secretary}"), ("rg:addressee", ps),
            ("dct:language", typed("nl", "language")), ("rg:implements", decision),
            ("rg:quote", lit(f"Wij vragen u kennis te nemen van de resultaten van missie {k}.", "nl")),
            ("prov:hadPrimarySource", self.src)])
        y, m, d = self.date(first_year)
        self.emit(decision, "rg:Decision", [
            *labels(f"Decision {k} of the provincial executive", f"GS-besluit {k}"),
            ("rg:decidedBy", gs), ("dct:date", typed(f"{y}-{m:02d}-{d:02d}", "date"))],
            f"conform GS besluit {k}", "The letter gives only the date of the decision.")

        # ---- places
        p_nl, p_cn, c_nl, c_cn = f"sy:c{k}-place-nl", f"sy:c{k}-place-cn", f"sy:c{k}-city-nl", f"sy:c{k}-city-cn"
        self.emit(p_nl, "schema:Place , schema:AdministrativeArea",
                  labels(f"{nl_prov} {k} (province)", f"{nl_prov} {k} (provincie)"), f"De provincie {nl_prov} {k}")
        self.emit(p_cn, "schema:Place , schema:AdministrativeArea",
                  [*labels(f"{cn_prov} {k}", f"{cn_prov} {k}", f"{cn_prov_zh}{k}"), ("schema:containedInPlace",
                                                                                      "ug:china")],
                  f"de Chinese provincie {cn_prov} {k}")
        self.emit(c_nl, "schema:Place , schema:City",
                  [*labels(f"{nl_city} {k}"), ("schema:containedInPlace", p_nl)], f"in {nl_city} {k}")
        self.emit(c_cn, "schema:Place , schema:City",
                  [*labels(f"{cn_city} {k}", f"{cn_city} {k}", f"{cn_city_zh}{k}"), ("schema:containedInPlace", p_cn)],
                  f"in {cn_city} {k}")

        # ---- governments, units, posts
        self.emit(nl_gov, "cv:PublicOrganisation , org:FormalOrganization",
                  [*labels(f"Province of {nl_prov} {k} (provincial government)", f"Provincie {nl_prov} {k}"),
                   ("rg:governs", p_nl)], f"De provincie {nl_prov} {k} heeft een zusterrelatie")
        self.emit(cn_gov, "cv:PublicOrganisation , org:FormalOrganization",
                  [*labels(f"Provincial government of {cn_prov} {k}", f"Provincie {cn_prov} {k} (overheid)",
                           f"{cn_prov_zh}{k}人民政府"), ("rg:governs", p_cn)], f"de provincie {cn_prov} {k}")
        self.emit(gs, "cv:PublicOrganisation , org:OrganizationalUnit",
                  [*labels(f"Provincial Executive of {nl_prov} {k}", f"Gedeputeerde Staten van {nl_prov} {k}"),
                   ("org:unitOf", nl_gov)], f"Gedeputeerde Staten van {nl_prov} {k}")
        self.emit(ps, "cv:PublicOrganisation , org:OrganizationalUnit",
                  [*labels(f"Provincial Council of {nl_prov} {k}", f"Provinciale Staten van {nl_prov} {k}"),
                   ("org:unitOf", nl_gov)], f"Provinciale Staten van {nl_prov} {k}")
        units_cn = []
        for dept in r.sample(("Commerce", "Foreign Affairs", "Science and Technology", "Agriculture", "Culture"),
                             r.randint(2, 4)):
            u = self.iri("unit")
            units_cn.append(u)
            self.emit(u, "cv:PublicOrganisation , org:OrganizationalUnit",
                      [*labels(f"Department of {dept} of {cn_prov} {k}", f"Afdeling {dept} van {cn_prov} {k}",
                               self.zh_name()), ("org:unitOf", cn_gov)],
                      f"{dept} (afdeling van de provincie {cn_prov} {k})",
                      "The letter uses this short name only.")
        posts = [chair, secretary]
        for post, en, nl, body in ((chair, "Chair", "voorzitter", gs), (secretary, "Secretary", "secretaris", gs)):
            self.emit(post, "org:Post", [*labels(f"{en} of GS {nl_prov} {k}", f"{nl} van GS {nl_prov} {k}"),
                                         ("org:postIn", body), ("rg:holderNamed", typed("false", "boolean"))],
                      f"De {nl},", "The letter names the post, not the person.")
        for en, nl, body in (("Provincial executive for the Economy", "gedeputeerde Economie", gs),
                             ("Vice Governor", "Vice Governor", cn_gov), ("Director", "Directeur", r.choice(units_cn))):
            post = self.iri("post")
            posts.append(post)
            self.emit(post, "org:Post", [*labels(f"{en} ({nl_prov}–{cn_prov} {k})", f"{nl} ({nl_prov}–{cn_prov} {k})"),
                                         ("org:postIn", body), ("rg:holderNamed", typed("false", "boolean"))],
                      f"de {nl} van {k}", "The letter does not name the person who held this post.")
        leader_post, host_post = posts[2], posts[3]

        # ---- organisations and unnamed parties
        orgs = []
        for _ in range(r.randint(8, 16)):
            o = self.iri("org")
            orgs.append(o)
            name = self.org_name()
            chinese = r.random() < 0.4
            pairs = labels(name, name, self.zh_name() if chinese else None)
            if r.random() < 0.3:
                pairs.append(("skos:altLabel", lit(name.split()[0].upper(), "en")))
            if r.random() < 0.5:
                pairs.append(("rg:location", c_cn if chinese else c_nl))
            self.emit(o, r.choice(("org:FormalOrganization", "org:Organization")), pairs,
                      f"vertegenwoordigers van {name}", "The letter gives the name only.")
        unnamed = []
        for _ in range(r.randint(2, 4)):
            u = self.iri("unnamed")
            unnamed.append(u)
            n = r.randint(1, 15)
            self.emit(u, "rg:UnnamedParty",
                      [*labels(f"{n} companies (not named, cluster {k})", f"{n} bedrijven (niet genoemd, cluster {k})"),
                       ("rg:count", typed(str(n), "integer"))],
                      f"vertegenwoordigers van {n} bedrijven",
                      "The letter refers to an annex for the participants; the annex is not in the source.")

        # ---- the sister relationship
        sister = f"sy:c{k}-sister-relationship"
        self.emit(sister, "rg:SisterRelationship", [
            *labels(f"Sister-province relationship {nl_prov} – {cn_prov} {k}",
                    f"Zusterrelatie {nl_prov} – {cn_prov} {k}", f"{cn_prov_zh}友好省关系{k}"),
            ("rg:party", f"{nl_gov} , {cn_gov}"), ("rg:territory", f"{p_nl} , {p_cn}"),
            ("schema:startDate", typed(str(since), "gYear")), ("rg:status", "rg:Active"),
            ("rg:rationale", lit("De zusterrelatie is een belangrijk instrument voor zakelijke samenwerking.", "nl"))],
            f"De provincie {nl_prov} {k} heeft sinds {since} een zusterrelatie met {cn_prov} {k}.")

        # ---- delegations and memberships, missions, sub-events, participations
        events_all: list[str] = []
        for mi in range(r.randint(1, 3)):
            year = min(first_year + 2 * mi, 2024)
            y, m, d = self.date(year)
            start = f"{y}-{m:02d}-{d:02d}"
            end = f"{y}-{m:02d}-{min(d + 7, 28):02d}"
            delegation, mission = self.iri("delegation"), self.iri("mission")
            self.emit(delegation, "org:OrganizationalCollaboration",
                      labels(f"{nl_prov} delegation {year} ({k})", f"{nl_prov}se delegatie {year} ({k})"),
                      f"De delegatie bestond uit vertegenwoordigers ({k}, {year})",
                      "The full list of participants is in an annex that is not in the source.")
            for member in r.sample(orgs, min(len(orgs), r.randint(4, 8))) + r.sample(unnamed, 1):
                self.emit(self.iri("membership"), "org:Membership", [
                    *labels(f"member of the delegation {year} ({k})", f"lid van de delegatie {year} ({k})"),
                    ("org:member", member), ("org:organization", delegation), ("org:role", "rg:DelegationMember"),
                    ("schema:startDate", typed(start, "date")), ("schema:endDate", typed(end, "date")),
                    ("rg:status", "rg:Ended")], f"De delegatie bestond uit vertegenwoordigers van {member}")
            themes = r.sample(THEMES, r.randint(1, 4))
            self.emit(mission, "cv:PublicEvent , schema:Event", [
                *labels(f"Economic mission to {cn_prov} {year} ({k})",
                        f"Economische missie naar {cn_prov} {year} ({k})", f"{cn_prov_zh}经贸考察团{year}（{k}）"),
                ("skos:altLabel", lit(f"missie {k}-{mi}", "nl")),
                ("schema:startDate", typed(start, "date")), ("schema:endDate", typed(end, "date")),
                ("rg:location", p_cn), ("rg:theme", " , ".join(themes))],
                f"heeft de gedeputeerde Economie een economische missie naar {cn_prov} {k} geleid")
            events = [mission]
            subs = []
            for en, nl, zh in r.sample(SUBEVENTS, r.randint(3, 6)):
                sub = self.iri("event")
                subs.append(sub)
                pairs = [*labels(f"{en} (mission {year}, {k})", f"{nl} (missie {year}, {k})", f"{zh}{k}"),
                         ("schema:superEvent", mission)]
                if r.random() < 0.3:
                    pairs.append(("rg:theme", r.choice(themes)))
                self.emit(sub, "schema:Event", pairs, f"Het programma bestond uit {nl.lower()}",
                          "The programme with dates and places is in an annex that is not in the source.")
            for _ in range(r.randint(1, 3)):
                subsub = self.iri("event")
                parent = r.choice(subs)
                self.emit(subsub, "schema:Event", [
                    *labels(f"Visit {self.n} (mission {year}, {k})", f"Bezoek {self.n} (missie {year}, {k})"),
                    ("schema:superEvent", parent), ("rg:location", r.choice((c_cn, p_cn)))],
                    f"het bezoek {self.n}", "The letter does not give the date or place.")
                subs.append(subsub)
            events += subs
            events_all += events
            # participations: the leader, the delegation, co-organisers, hosts, visitors
            plan = [(leader_post, mission, "rg:Leader"), (delegation, mission, "rg:Participant"),
                    (host_post, r.choice(subs), "rg:Host")]
            plan += [(r.choice(units_cn + orgs), mission, "rg:CoOrganiser") for _ in range(r.randint(1, 3))]
            plan += [(r.choice(orgs + unnamed), r.choice(subs), r.choice(ROLES)) for _ in range(r.randint(3, 8))]
            for agent, event, role in plan:
                pairs = [*labels(f"participation {self.n + 1} in {event} ({k})", f"deelname {self.n + 1} ({k})"),
                         ("rg:agent", agent), ("rg:event", event), ("cv:role", role)]
                if event == mission:
                    pairs += [("schema:startDate", typed(start, "date")), ("schema:endDate", typed(end, "date"))]
                pairs.append(("rg:status", "rg:Ended"))
                if r.random() < 0.05:
                    pairs += [("rg:certainty", "rg:Inferred"),
                              ("rg:reasoning", lit("The role is inferred from the programme.", "en"))]
                self.emit(self.iri("participation"), "cv:Participation", pairs,
                          f"{agent} nam deel aan {event}")
            # a follow-up meeting with an inferred date
            follow = self.iri("event")
            self.emit(follow, "schema:Event", [
                *labels(f"Follow-up meeting (mission {year}, {k})", f"Terugkombijeenkomst (missie {year}, {k})"),
                ("schema:startDate", typed(f"{min(year + 1, 2025)}-01-29", "date")), ("rg:certainty", "rg:Inferred"),
                ("rg:reasoning", lit("The letter gives the day without a year; the first one after the mission is "
                                     "meant.", "en")), ("rg:status", "rg:Planned")],
                "Op 29 januari komen de deelnemers aan de missie nog een keer bij elkaar")
            events_all.append(follow)

        # ---- agreements
        agreements = []
        for _ in range(r.randint(2, 5)):
            a = self.iri("agreement")
            agreements.append(a)
            kind, status = r.choice(AGREEMENT)
            party_a = r.choice([nl_gov, gs, *orgs])
            party_b = r.choice([b for b in (cn_gov, *units_cn, *orgs, *unnamed) if b != party_a])
            pairs = [*labels(f"Agreement {self.n} ({nl_prov} – {cn_prov} {k})",
                             f"Overeenkomst {self.n} ({nl_prov} – {cn_prov} {k})", f"协议{k}-{self.n}"),
                     ("rg:agreementKind", kind), ("rg:party", f"{party_a} , {party_b}")]
            year = r.randint(since, 2024)
            shape = r.random()
            if shape < 0.5:
                y, m, d = self.date(year)
                pairs.append(("rg:dateSigned", typed(f"{y}-{m:02d}-{d:02d}", "date")))
            elif shape < 0.8:
                pairs.append(("rg:dateSigned", typed(f"{year}-{r.randint(1, 12):02d}", "gYearMonth")))
            else:
                pairs.append(("rg:signedAt", r.choice(events_all)))
            pairs += [("rg:subject", lit(f"cooperation in {r.choice(TRADES).lower()}", "en")),
                      ("rg:subject", lit(f"samenwerking op het gebied van {r.choice(TRADES).lower()}", "nl")),
                      ("rg:status", status)]
            self.emit(a, "rg:Agreement", pairs, f"is er een overeenkomst afgesloten ({k}-{self.n})",
                      "The letter names neither the signatories nor the date.")

        # ---- outcomes and lessons
        for _ in range(r.randint(4, 10)):
            pairs = [*labels(f"Outcome {self.n + 1} of the relationship {k}",
                             f"Resultaat {self.n + 1} van relatie {k}"),
                     ("rg:resultOf", " , ".join(r.sample(events_all, r.randint(1, 2)))),
                     ("rg:involves", " , ".join(r.sample(orgs + unnamed + agreements, r.randint(1, 3)))),
                     ("rg:status", r.choice(OUTCOME_STATUS))]
            if r.random() < 0.2:
                pairs.append(("rg:theme", r.choice(THEMES)))
            self.emit(self.iri("outcome"), "rg:Outcome", pairs, f"Naar aanleiding van het bezoek is resultaat {self.n}")
        for _ in range(r.randint(1, 3)):
            pairs = [*labels(f"Lesson {self.n + 1} from mission {k}", f"Les {self.n + 1} uit missie {k}"),
                     ("rg:lessonFrom", r.choice(events_all)), ("rg:statedBy", r.choice([gs, *posts, *orgs]))]
            if r.random() < 0.3:
                pairs.append(("rg:rationale", lit("Zo kan de provincie de bedrijven gericht ondersteunen.", "nl")))
            self.emit(self.iri("lesson"), "rg:LessonLearned", pairs, "De deelnemers benadrukken het belang van")

        # ---- links to the seed's hubs (DOFTEC, the 2017 mission and its parts, the 2017 delegation)
        if r.random() < 0.5:
            self.emit(self.iri("participation"), "cv:Participation", [
                *labels(f"{orgs[0]} took part in the 2017 mission ({k})", f"deelname aan de missie 2017 ({k})"),
                ("rg:agent", orgs[0]), ("rg:event", r.choice(SEED_EVENTS)), ("cv:role", r.choice(ROLES)),
                ("rg:status", "rg:Ended")], "nam deel aan de China missie 2017")
        if r.random() < 0.3:
            self.emit(self.iri("agreement"), "rg:Agreement", [
                *labels(f"Cooperation of {orgs[-1]} with DOFTEC ({k})", f"Samenwerking met DOFTEC ({k})"),
                ("rg:agreementKind", "rg:StructuralCooperation"), ("rg:party", f"{orgs[-1]} , ug:doftec"),
                ("rg:dateSigned", typed(f"{r.randint(2013, 2024)}-{r.randint(1, 12):02d}", "gYearMonth")),
                ("rg:status", "rg:Active")], "een structurele samenwerking aangegaan met DOFTEC")
        if r.random() < 0.2:
            self.emit(self.iri("membership"), "org:Membership", [
                *labels(f"member of the Utrecht delegation 2017 ({k})", f"lid van de Utrechtse delegatie 2017 ({k})"),
                ("org:member", orgs[1]), ("org:organization", "ug:delegation-2017"),
                ("org:role", "rg:DelegationMember"), ("rg:status", "rg:Ended")],
                "De delegatie bestond uit vertegenwoordigers van")


def seed_triples() -> int:
    import pyoxigraph

    store = pyoxigraph.Store()
    for f in SEED_FILES:
        store.bulk_load(path=str(f), format=pyoxigraph.RdfFormat.TURTLE)
    return len(store)


def parse_size(text: str) -> int:
    t = text.strip().lower()
    mult = {"k": 1_000, "m": 1_000_000}.get(t[-1:], 1)
    return int(float(t.rstrip("km")) * mult)


def generate(target: int, *, seed: int = 42, out: Path | None = None) -> dict[str, object]:
    """Write a synthetic dataset of about ``target`` triples (seed data included); return what was written."""
    started = time.perf_counter()
    out = out or OUT / f"synthetic-{label_of(target)}.ttl"
    out.parent.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    base = seed_triples()
    parts: list[str] = []
    w = Writer(parts)
    k = 0
    with out.open("w", encoding="utf-8") as fh:
        fh.write(f"# Synthetic relgraph dataset: about {target} triples, seed {seed} "
                 f"(benchmarks/generate.py). Ontology and seed first, then synthetic clusters.\n\n")
        for f in SEED_FILES:
            fh.write(f.read_text(encoding="utf-8"))
            fh.write("\n")
        fh.write(PREFIXES + "\n")
        while base + w.triples < target:
            k += 1
            Cluster(k, rng, w).build()
            if len(parts) > 5000:
                fh.write("\n".join(parts))
                parts.clear()
        fh.write("\n".join(parts))
    return {"target": target, "triples": base + w.triples, "clusters": k, "seed": seed, "path": str(out),
            "seconds": round(time.perf_counter() - started, 2), "bytes": out.stat().st_size}


def label_of(n: int) -> str:
    if n >= 1_000_000 and n % 1_000_000 == 0:
        return f"{n // 1_000_000}m"
    if n >= 1_000 and n % 1_000 == 0:
        return f"{n // 1_000}k"
    return str(n)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--sizes", default="10k,100k,1m", help="comma-separated triple counts (10k, 100k, 1m, 250000)")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--out", type=Path, default=OUT, help="folder to write synthetic-SIZE.ttl into")
    args = ap.parse_args(argv)
    for size in args.sizes.split(","):
        n = parse_size(size)
        info = generate(n, seed=args.seed, out=args.out / f"synthetic-{label_of(n)}.ttl")
        print(json.dumps(info))
        (args.out / f"synthetic-{label_of(n)}.json").write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
