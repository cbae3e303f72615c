"""Every statement of the letter, asked of the graph with SPARQL.

Each case is a statement of the source (quoted in Dutch) and an ASK query that must hold. The queries are
written from the letter, not from the data files; a wrong or missing triple makes its case fail.

They are asked of the letter's own file (data/utrecht-guangdong.ttl, with the ontology: the ``letter_graph``
fixture), not of the whole data/ folder: another source's file may say more about the same entities, or later
things (a new agreement, another status), and the letter's facts must still read as the letter gives them.
"""

from __future__ import annotations

import re

import pytest

from .conftest import LETTER

PREFIXES = """
PREFIX ug: <https://w3id.org/relgraph/utrecht-guangdong/>
"""

FACTS = {
    "sister relationship since 1995, between the two provincial governments, joining the two territories":
        ("De provincie Utrecht heeft sinds 1995 een zusterrelatie met de Chinese provincie Guangdong",
         """ASK { ?r a rg:SisterRelationship ; rg:party ug:provincie-utrecht , ug:guangdong-government ;
                 rg:territory ug:utrecht , ug:guangdong ; schema:startDate "1995"^^xsd:gYear ; rg:status rg:Active }"""),
    "Guangdong is a Chinese province": ("de Chinese provincie Guangdong",
        """ASK { ug:guangdong schema:containedInPlace ug:china ; rdfs:label "广东省"@zh-hans ;
                 schema:sameAs <http://www.wikidata.org/entity/Q15175> }"""),
    "governments are kept apart from the territories they govern": ("provincie Utrecht",
        """ASK { ug:provincie-utrecht rg:governs ug:utrecht ; a cv:PublicOrganisation .
                 ug:utrecht a schema:Place ; schema:sameAs <http://www.wikidata.org/entity/Q776> .
                 ug:provincie-utrecht schema:sameAs <https://identifier.overheid.nl/tooi/id/provincie/pv26>
                 FILTER NOT EXISTS { ug:utrecht a cv:PublicOrganisation } }"""),
    "the sister relationship is an instrument because business in China is steered by government":
        ("Omdat het bedrijfsleven in China door de overheid wordt gestuurd",
         """ASK { ?r a rg:SisterRelationship ; rg:rationale ?why FILTER(CONTAINS(?why, "door de overheid wordt gestuurd")) }"""),
    "structural cooperation with DOFTEC entered in November 2013":
        ("In november 2013 is de provincie een structurele samenwerking aangegaan met DOFTEC",
         """ASK { ?a a rg:Agreement ; rg:agreementKind rg:StructuralCooperation ;
                 rg:party ug:provincie-utrecht , ug:doftec ; rg:dateSigned "2013-11"^^xsd:gYearMonth }"""),
    "DOFTEC is the economic department of the province of Guangdong":
        ("DOFTEC (Economische afdeling van de provincie Guangdong)",
         """ASK { ug:doftec org:unitOf ug:guangdong-government ; a org:OrganizationalUnit ;
                 skos:definition ?d FILTER(LANG(?d) = "nl" && CONTAINS(LCASE(?d), "economische afdeling")) }"""),
    "the cooperation aims at trade, investment and cooperation between companies":
        ("om de wederzijdse handel, investeringen en samenwerking tussen bedrijven een impuls te geven",
         """ASK { ?a rg:agreementKind rg:StructuralCooperation ; rg:subject ?s FILTER(CONTAINS(?s, "wederzijdse handel")) }"""),
    "the mission ran from 28 October to 4 November 2017, to Guangdong":
        ("Van 28 oktober tot 4 november 2017",
         """ASK { ?m a cv:PublicEvent ; schema:startDate "2017-10-28"^^xsd:date ; schema:endDate "2017-11-04"^^xsd:date ;
                 rg:location ug:guangdong }"""),
    "the gedeputeerde Economie led the mission, and is not named":
        ("heeft de gedeputeerde Economie onder de vlag van Utrecht Region een economische missie",
         """ASK { ?p a cv:Participation ; rg:agent ?post ; rg:event ?m ; cv:role rg:Leader .
                 ?m a cv:PublicEvent . ?post a org:Post ; rdfs:label "gedeputeerde Economie"@nl ;
                 org:postIn ug:gedeputeerde-staten ; rg:holderNamed false FILTER NOT EXISTS { ?post org:heldBy ?x } }"""),
    "under the flag of Utrecht Region": ("onder de vlag van Utrecht Region",
        """ASK { ?m a cv:PublicEvent ; rg:underFlagOf ?b . ?b a schema:Brand ; rdfs:label ?l
                 FILTER(STRSTARTS(?l, "Utrecht Region")) }"""),
    "themes elderly care (Healthy), gaming (Smart), waste management and greenhouse horticulture (Green)":
        ("ouderenzorg (Gezond), gaming (Slim), afvalmanagement en glastuinbouw (beiden Groen)",
         """ASK { ?m a cv:PublicEvent ; rg:theme ?a , ?b , ?c , ?d .
                 ?a skos:prefLabel "Ouderenzorg"@nl ; skos:broader/skos:prefLabel "Gezond"@nl .
                 ?b skos:prefLabel "Gaming"@nl ; skos:broader/skos:prefLabel "Slim"@nl .
                 ?c skos:prefLabel "Afvalmanagement"@nl ; skos:broader/skos:prefLabel "Groen"@nl .
                 ?d skos:prefLabel "Glastuinbouw"@nl ; skos:broader/skos:prefLabel "Groen"@nl . }"""),
    "three objectives": ("Doelstellingen van de missie waren",
        """ASK { ?m a cv:PublicEvent ; rg:objective ?a , ?b , ?c .
                 ?a rg:quote "het versterken van de relatie met Guangdong"@nl .
                 ?b rg:quote "aantrekken en behoud van Chinese investeringen"@nl .
                 ?c rg:quote ?q FILTER(CONTAINS(?q, "potentiële zakenpartners")) }"""),
    "the delegation: HKU, FoodValley, MOA, Utrecht Marketing, SHV and 12 unnamed companies":
        ("De delegatie bestond uit vertegenwoordigers van",
         """ASK { ?d a org:OrganizationalCollaboration .
                 ?m1 org:member ug:hku ; org:organization ?d . ?m2 org:member ug:foodvalley ; org:organization ?d .
                 ?m3 org:member ug:moa ; org:organization ?d . ?m4 org:member ug:utrecht-marketing ; org:organization ?d .
                 ?m5 org:member ug:shv ; org:organization ?d . ?m6 org:member ?twelve ; org:organization ?d .
                 ?twelve a rg:UnnamedParty ; rg:count 12 .
                 ?p rg:agent ?d ; rg:event ?mission . ?mission a cv:PublicEvent }"""),
    "the twelve companies are one counted node, not twelve invented ones": ("12 bedrijven",
        """ASK { FILTER NOT EXISTS { ?m org:organization ?d ; org:member ?x . ?x a rg:UnnamedParty ; rg:count 1 .
                 ?d a org:OrganizationalCollaboration } }"""),
    "official programme: company visits, official receptions, network meetings and seminars":
        ("bedrijfsbezoeken, officiële ontvangsten, netwerkbijeenkomsten en seminars",
         """ASK { ?m a cv:PublicEvent .
                 ?a schema:superEvent ?m ; rdfs:label "Bedrijfsbezoeken (missie 2017)"@nl .
                 ?b schema:superEvent ?m ; rdfs:label "Officiële ontvangsten (missie 2017)"@nl .
                 ?c schema:superEvent ?m ; rdfs:label "Netwerkbijeenkomsten (missie 2017)"@nl .
                 ?d schema:superEvent ?m ; rdfs:label "Seminars (missie 2017)"@nl . }"""),
    "organised with the Consulate-General, the NFIA, Guangdong Foreign Affairs and DOFTEC":
        ("De missie is georganiseerd in nauwe samenwerking met",
         """ASK { ?m a cv:PublicEvent .
                 ?a rg:agent ug:consulate-general-guangzhou ; rg:event ?m ; cv:role rg:CoOrganiser .
                 ?b rg:agent ug:nfia ; rg:event ?m ; cv:role rg:CoOrganiser .
                 ?c rg:agent ug:guangdong-foreign-affairs ; rg:event ?m ; cv:role rg:CoOrganiser .
                 ?d rg:agent ug:doftec ; rg:event ?m ; cv:role rg:CoOrganiser . }"""),
    "the Consulate-General is in Guangzhou": ("het NL Consulaat Generaal",
        """ASK { ug:consulate-general-guangzhou rg:location ug:guangzhou . ug:guangzhou rdfs:label "广州"@zh-hans ;
                 schema:sameAs <http://www.wikidata.org/entity/Q16572> }"""),
    "the EBU was involved in the preparation in the Netherlands":
        ("De Economic Board Utrecht (EBU) was betrokken bij de voorbereiding in Nederland",
         """ASK { ?p rg:agent ug:ebu ; cv:role rg:Preparer ; rg:location ug:netherlands }"""),
    "many promising contacts during visits, seminars and network meetings":
        ("een groot aantal veelbelovende contacten gelegd",
         """ASK { ?o a rg:Outcome ; rg:status rg:Achieved ; rg:resultOf ?a , ?b , ?c .
                 ?a rdfs:label "Bedrijfsbezoeken (missie 2017)"@nl . ?b rdfs:label "Seminars (missie 2017)"@nl .
                 ?c rdfs:label "Netwerkbijeenkomsten (missie 2017)"@nl . }"""),
    "participants busy with follow-up, including internships for HKU students": ("stages HKU studenten",
        """ASK { ?o a rg:Outcome ; rg:status rg:InProgress ; rg:involves ug:hku }"""),
    "Chinese press articles after the press breakfast": ("Naar aanleiding van het persontbijt",
        """ASK { ?o a rg:Outcome ; rg:resultOf ?pb ; rg:involves ug:utrecht-region ; rg:status rg:Achieved .
                 ?pb rdfs:label "Persontbijt (missie 2017)"@nl }"""),
    "a TV and radio crew from Guangdong visited Utrecht": ("een TV en radioploeg uit Guangdong",
        """ASK { ?p a cv:Participation ; rg:agent ?crew ; cv:role rg:Visitor ; rg:event ?visit .
                 ?crew a rg:UnnamedParty . ?o a rg:Outcome ; rg:involves ?visit }"""),
    "2 companies may expand in the province after the visit to the Chinese headquarters":
        ("Bij 2 bedrijven is sprake van een mogelijke uitbreiding",
         """ASK { ?o rg:status rg:Possible ; rg:involves ?c , ug:utrecht ; rg:resultOf ?hq .
                 ?c rg:count 2 . ?hq rdfs:label "Bezoek aan het Chinese hoofdkantoor"@nl }"""),
    "2 other companies shown the Utrecht region as a location": ("Bij 2 andere bedrijven",
        """ASK { ?o a rg:Outcome ; rg:involves ?c , ug:utrecht-region . ?c rg:count 2 ; a rg:UnnamedParty .
                 FILTER NOT EXISTS { ?o rg:resultOf ?hq . ?hq rdfs:label "Bezoek aan het Chinese hoofdkantoor"@nl } }"""),
    "a contract for a waste plant, concluded at the reception by the Vice Governor, parties unnamed":
        ("is er een contract afgesloten voor de bouw van een mechanisch-biologische afvalverwerkingsfabriek",
         """ASK { ?c rg:agreementKind rg:Contract ; rg:signedAt ?rec ; rg:party ?p .
                 ?p a rg:UnnamedParty . ?h rg:agent ug:post-vice-governor-guangdong ; cv:role rg:Host ; rg:event ?rec }"""),
    "a letter of intent for moving a plant from oil to LNG, an intention": ("intentieverklaring getekend",
        """ASK { ?c rg:agreementKind rg:LetterOfIntent ; rg:status rg:Intended ; rg:signedAt ?rec ;
                 rg:subject ?s FILTER(CONTAINS(?s, "LNG")) }"""),
    "a Chinese delegation of experts and companies considers a follow-up visit to the Netherlands":
        ("overweegt een Chinese delegatie van academische experts en bedrijven een vervolgbezoek",
         """ASK { ?o rg:status rg:Considered ; rg:involves ug:netherlands ; rg:resultOf ?fv , ?sem .
                 ?fv rdfs:label "Veldbezoeken (missie 2017)"@nl . ?sem rg:theme ?t . ?t skos:prefLabel "Glastuinbouw"@nl }"""),
    "a Chinese company brought into contact with the 3DMedical Fieldlab on the Utrecht Science Park":
        ("Een Chinees bedrijf is in contact gebracht met het 3DMedical Fieldlab",
         """ASK { ?o rg:involves ug:fieldlab , ?c . ?c a rg:UnnamedParty ; rg:count 1 .
                 ug:fieldlab rg:location ug:utrecht-science-park }"""),
    "a delegation from China has visited the Fieldlab": ("Een delegatie uit China heeft het Fieldlab inmiddels bezocht",
        """ASK { ?p rg:agent ?d ; cv:role rg:Visitor ; rg:event ?v ; rg:status rg:Achieved .
                 ?q rg:agent ug:fieldlab ; rg:event ?v . ?d a rg:UnnamedParty }"""),
    "MOA prepares 3 exhibitions and a symposium in Guangzhou": ("3 tentoonstellingen en een symposium",
        """ASK { ?o rg:involves ug:moa ; rg:location ug:guangzhou ; rg:status rg:InPreparation }"""),
    "MOA asked to come to Zhuhai with the Armando exhibition": ("Armando tentoonstelling ook naar Zhuhai",
        """ASK { ?o rg:involves ug:moa , ug:zhuhai ; rg:quote ?q FILTER(CONTAINS(?q, "Armando")) }"""),
    "MOA made contacts with potential sponsors": ("contacten gelegd met potentiële sponsors",
        """ASK { ?o rg:involves ug:moa , ?s ; rg:status rg:Achieved . ?s a rg:UnnamedParty }"""),
    "Utrecht Marketing expects requests from Chinese tour operators": ("verwacht op korte termijn verzoeken",
        """ASK { ?o rg:involves ug:utrecht-marketing , ?t ; rg:status rg:Expected . ?t a rg:UnnamedParty }"""),
    "participants meet again on 29 January, year inferred with reasoning": ("Op 29 januari komen de deelnemers",
        """ASK { ?e a schema:Event ; schema:startDate "2018-01-29"^^xsd:date ; rg:certainty rg:Inferred ;
                 rg:reasoning ?why ; rg:status rg:Planned . ?p rg:event ?e ; rg:agent ?d .
                 ?d a org:OrganizationalCollaboration FILTER(CONTAINS(?why, "29 januari")) }"""),
    "participants stress the role of governments in doing business in China":
        ("benadrukken de deelnemers het belang van de rol die overheden spelen",
         """ASK { ?l a rg:LessonLearned ; rg:statedBy ?d . ?d a org:OrganizationalCollaboration }"""),
    "the Consul General says the set-up works well": ("Ook de NL Consul Generaal in Guangzhou geeft aan",
        """ASK { ?l a rg:LessonLearned ; rg:statedBy ug:post-consul-general-guangzhou .
                 ug:post-consul-general-guangzhou org:postIn ug:consulate-general-guangzhou }"""),
    "next time: involve Dutch companies already in Guangdong, with the reasons": ("Voor een volgende keer",
        """ASK { ?l a rg:LessonLearned ; rg:statedBy ug:gedeputeerde-staten ; rg:rationale ?r
                 FILTER(CONTAINS(?r, "kruisbestuiving")) }"""),
    "the council is informed in accordance with the GS decision of 12 September 2017":
        ("conform GS besluit van 12 september 2017",
         """ASK { ?letter a prov:Entity ; rg:implements ?d ; rg:addressee ug:provinciale-staten ;
                 dct:creator ug:gedeputeerde-staten . ?d a rg:Decision ; dct:date "2017-09-12"^^xsd:date ;
                 rg:decidedBy ug:gedeputeerde-staten }"""),
    "the letter asks the council to take note, in Dutch, signed by the chair and the secretary":
        ("Wij vragen u kennis te nemen van de resultaten",
         """ASK { ?letter a prov:Entity ; dct:language "nl"^^xsd:language ; rg:request ?r ;
                 rg:signatory ug:post-gs-chair , ug:post-gs-secretary FILTER(CONTAINS(?r, "kennis te nemen")) }"""),
}


@pytest.mark.parametrize("statement", list(FACTS))
def test_statement_is_in_the_graph(letter_graph, statement):
    words, ask = FACTS[statement]
    letter = re.sub(r"\s+", " ", LETTER.read_text(encoding="utf-8"))
    assert words in letter, f"the test's own quote is not in the letter: {words!r}"
    assert letter_graph.query(PREFIXES + ask).boolean is True, statement


def test_who_led_the_mission(letter_graph):
    r = letter_graph.query("""SELECT ?who WHERE { ?p cv:role rg:Leader ; rg:agent ?who ; rg:event ?m .
                      ?m a cv:PublicEvent }""")
    assert [r.label(t) for (t,) in r.terms] == ["Provincial executive for the Economy (gedeputeerde Economie)"]


def test_what_was_signed_at_the_vice_governors_reception(letter_graph):
    r = letter_graph.query("""SELECT ?what WHERE { ?h cv:role rg:Host ; rg:agent ?vg ; rg:event ?rec .
                      ?vg rdfs:label "Vice Governor of Guangdong"@en . ?what rg:signedAt ?rec } ORDER BY ?what""",
                   lang="nl")
    assert [r.label(t) for (t,) in r.terms] == [
        "Contract voor de bouw van een mechanisch-biologische afvalverwerkingsfabriek",
        "Intentieverklaring: overgang van een olie- naar een LNG-gestookte fabriek",
    ]


def test_when_did_the_cooperation_with_doftec_start(letter_graph):
    r = letter_graph.query("SELECT ?d WHERE { ?a rg:party ?doftec ; rg:agreementKind rg:StructuralCooperation ; "
                   "schema:startDate ?d }", doftec=letter_graph.resolve("DOFTEC"))
    assert r.rows == [("2013-11",)]


def test_every_quote_occurs_in_the_letter(letter_graph):
    letter = re.sub(r"\s+", " ", LETTER.read_text(encoding="utf-8"))
    r = letter_graph.query("SELECT ?s ?q WHERE { ?s rg:quote|rg:rationale|rg:request ?q FILTER(LANG(?q) = 'nl') }")
    assert len(r) > 100
    missing = [(s, q) for s, q in r.rows if re.sub(r"\s+", " ", q) not in letter]
    assert missing == []


def test_every_relation_and_entity_has_a_source_and_a_quote(letter_graph):
    assert len(letter_graph.query("unsourced")) == 0
    # asked again without the named query, whose UNION of FILTER NOT EXISTS finds nothing on Oxigraph even when
    # something is unsourced (see tests/test_fixture_queries.py::test_unsourced)
    gaps = letter_graph.query("""SELECT ?s ?missing WHERE { ?s a ?c FILTER(!STRSTARTS(STR(?s), STR(rg:)))
        FILTER(?c NOT IN (owl:Class, owl:ObjectProperty, owl:DatatypeProperty, owl:Ontology))
        VALUES ?missing { "source" "quote" }
        FILTER((?missing = "source" && NOT EXISTS { ?s prov:hadPrimarySource ?src })
               || (?missing = "quote" && NOT EXISTS { ?s rg:quote ?q })) }""")
    assert gaps.rows == []
    r = letter_graph.query("""SELECT (COUNT(?r) AS ?n) WHERE { ?r a ?c ; rg:quote ?q ; prov:hadPrimarySource ?src .
                      VALUES ?c { org:Membership cv:Participation rg:SisterRelationship rg:Agreement } }""")
    assert r.rows[0][0] >= 20


def test_no_invented_identifiers(letter_graph):
    """Only the identifiers the brief allows: Wikidata Q776, Q15175, Q16572 and TOOI pv26."""
    r = letter_graph.query("SELECT DISTINCT ?id WHERE { ?s schema:sameAs ?id } ORDER BY ?id")
    assert [str(i) for (i,) in r.rows] == [
        "http://www.wikidata.org/entity/Q15175", "http://www.wikidata.org/entity/Q16572",
        "http://www.wikidata.org/entity/Q776", "https://identifier.overheid.nl/tooi/id/provincie/pv26"]


def test_no_person_is_named(letter_graph):
    """The letter names no person: no foaf/schema Person and no post holder may appear."""
    assert letter_graph.query("ASK { { ?p a foaf:Person } UNION { ?p a schema:Person } UNION { ?x org:heldBy ?h } }"
                      ).boolean is False


def test_labels_in_dutch_and_english_for_every_entity(letter_graph):
    r = letter_graph.query("""SELECT ?s WHERE { ?s rg:quote ?q .
        FILTER NOT EXISTS { ?s rdfs:label ?en FILTER(LANG(?en) = "en") }
        FILTER NOT EXISTS { ?s rdfs:label ?nl FILTER(LANG(?nl) = "nl") } }""")
    assert r.rows == []
