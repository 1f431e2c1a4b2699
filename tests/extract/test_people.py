"""Tests for pressrelease.extract.people: co-chairs, participants, titles, openings, corpus score."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pressrelease.extract.people import Parties, TextBlock, extract_parties
from pressrelease.model import Signatory
from tests.extract.corpus_docs import labelled_documents, norm, read_document, split_blocks


def _fields(signatories: tuple[Signatory, ...]) -> list[tuple[str | None, ...]]:
    return [(s.honorific, s.name, s.role, s.organisation) for s in signatories]


def _one(text: str, language: str, title: str = "", line: int = 1) -> Parties:
    return extract_parties(
        title=title, blocks=[TextBlock(text=text, line=line)], language=language, source="t"
    )


# --------------------------------------------------------------------------- (a) the seed


def test_seed_co_chairs_and_participant(corpus: Path) -> None:
    text = (corpus / "seed" / "eeas-201203_6-fr.txt").read_text(encoding="utf-8")
    blocks = split_blocks(text)
    parties = extract_parties(
        title=blocks[0].text, blocks=blocks[1:], language="fr", source="seed.txt", issuer="eeas"
    )
    # Checked by hand against line 14 of the seed.
    assert _fields(parties.signatories) == [
        (
            "Mme",
            "Joanneke Balfoort",
            "directrice chargée de la politique de sécurité et de défense",
            "Service européen pour l’action extérieure",
        ),
        (
            "M.",
            "Vladimir Voronkov",
            "secrétaire général adjoint",
            "Bureau de lutte contre le terrorisme des Nations unies",
        ),
    ]
    # "et de représentants de la Commission européenne" is a group: no participant.
    assert _fields(parties.participants) == [
        (
            "M.",
            "Gilles de Kerchove",
            "coordinateur de l’Union européenne pour la lutte contre le terrorisme",
            None,
        )
    ]
    line = text.splitlines()[13]
    balfoort, voronkov = parties.signatories
    assert balfoort.location is not None
    assert voronkov.location is not None
    assert (balfoort.location.line, balfoort.location.column) == (14, line.index("Joanneke") + 1)
    assert (voronkov.location.line, voronkov.location.column) == (14, line.index("Vladimir") + 1)
    assert balfoort.location.source == "seed.txt"
    kerchove = parties.participants[0].location
    assert kerchove is not None
    assert kerchove.column == line.index("Gilles") + 1


# --------------------------------------------------------------------------- (d) corpus score


def test_corpus_signatories_f1(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Precision, recall and F1 of signatories over every labelled text, Markdown and HTML file.

    A person matches a label with the same name (case and spaces normalised);
    an organisation-only label matches an organisation-only extraction with
    the same organisation.
    """
    true_pos = false_pos = false_neg = 0
    misses = []
    for document in labelled_documents(corpus):
        parties = extract_parties(
            title=document.title,
            blocks=document.blocks,
            language=document.language,
            source=document.path,
            creators=document.creators,
            issuer=document.issuer,
        )
        got = {(norm(s.name), "" if s.name else norm(s.organisation)) for s in parties.signatories}
        want = {
            (norm(label["name"]), "" if label["name"] else norm(label["organisation"]))
            for label in document.labels
        }
        true_pos += len(got & want)
        false_pos += len(got - want)
        false_neg += len(want - got)
        if got != want:
            misses.append(
                f"{document.path}: extra {sorted(got - want)} missing {sorted(want - got)}"
            )
    precision = true_pos / (true_pos + false_pos)
    recall = true_pos / (true_pos + false_neg)
    f1 = 2 * precision * recall / (precision + recall)
    with capsys.disabled():
        print(f"\nsignatories over the corpus: P={precision:.3f} R={recall:.3f} F1={f1:.3f}")
        for miss in misses:
            print("  ", miss)
    assert f1 >= 0.93


# --------------------------------------------------------------------------- (b) one test per language

# Hand-written sentences: two co-chairs (with honorific, role, organisation), one participant,
# one person merely quoted afterwards. Each expected value was written from the sentence.
LANGUAGE_CASES = [
    pytest.param(
        "fr",
        "La réunion a été coprésidée par Mme\u202fMarie Lefèvre, directrice générale au sein de "
        "la Commission européenne, et par M.\u00a0Paolo Rossi, ministre des affaires étrangères, "
        "avec la participation de Mme Anna Nowak, représentante spéciale de l’Union européenne "
        "pour le Sahel. « Nous avançons », a déclaré M. Jean Dupuis, porte-parole.",
        [
            ("Mme", "Marie Lefèvre", "directrice générale", "Commission européenne"),
            ("M.", "Paolo Rossi", "ministre des affaires étrangères", None),
        ],
        [("Mme", "Anna Nowak", "représentante spéciale de l’Union européenne pour le Sahel", None)],
        id="fr",
    ),
    pytest.param(
        "en",
        "The dialogue was co-chaired by Ms Jane Smith, Director for Security Policy at the "
        "European External Action Service, and by Mr John Brown, Under-Secretary-General of the "
        "United Nations Office of Counter-Terrorism, with the participation of Dr Ali Hassan, "
        'Special Envoy for the Sahel. "We made progress," said Ms Mary Black, spokesperson.',
        [
            (
                "Ms",
                "Jane Smith",
                "Director for Security Policy",
                "European External Action Service",
            ),
            (
                "Mr",
                "John Brown",
                "Under-Secretary-General",
                "United Nations Office of Counter-Terrorism",
            ),
        ],
        [("Dr", "Ali Hassan", "Special Envoy for the Sahel", None)],
        id="en",
    ),
    pytest.param(
        "de",
        "Die Sitzung wurde gemeinsam geleitet von Frau Dr. Anna Schmidt, Direktorin im "
        "Europäischen Auswärtigen Dienst, und Herrn Marco Bianchi, Beigeordneter Generalsekretär "
        "der Vereinten Nationen, unter Beteiligung von Herrn Jan Novak, Sonderbeauftragter der "
        "Europäischen Union. „Wir kommen voran“, sagte Frau Petra Klein, Sprecherin.",
        [
            ("Frau Dr.", "Anna Schmidt", "Direktorin", "Europäischen Auswärtigen Dienst"),
            ("Herrn", "Marco Bianchi", "Beigeordneter Generalsekretär", "Vereinten Nationen"),
        ],
        [("Herrn", "Jan Novak", "Sonderbeauftragter der Europäischen Union", None)],
        id="de",
    ),
    pytest.param(
        "de",
        "Der Dialog fand unter dem gemeinsamen Vorsitz von Frau Anna Schmidt, Direktorin im "
        "Europäischen Auswärtigen Dienst, und Herrn Marco Bianchi, Beigeordneter Generalsekretär "
        "der Vereinten Nationen, statt. Herr Max Weber sagte, das Treffen sei nützlich gewesen.",
        [
            ("Frau", "Anna Schmidt", "Direktorin", "Europäischen Auswärtigen Dienst"),
            ("Herrn", "Marco Bianchi", "Beigeordneter Generalsekretär", "Vereinten Nationen"),
        ],
        [],
        id="de-vorsitz",
    ),
    pytest.param(
        "es",
        "El diálogo fue copresidido por la Sra. Ana García, directora del Servicio Europeo de "
        "Acción Exterior, y por el Sr. Luis Pérez, secretario general adjunto de la Oficina de "
        "Lucha contra el Terrorismo de las Naciones Unidas, con la participación del Sr. Juan "
        "López, coordinador de la Unión Europea para la lucha contra el terrorismo. «Avanzamos», "
        "declaró la Sra. María Ruiz, portavoz.",
        [
            ("Sra.", "Ana García", "directora", "Servicio Europeo de Acción Exterior"),
            (
                "Sr.",
                "Luis Pérez",
                "secretario general adjunto",
                "Oficina de Lucha contra el Terrorismo de las Naciones Unidas",
            ),
        ],
        [
            (
                "Sr.",
                "Juan López",
                "coordinador de la Unión Europea para la lucha contra el terrorismo",
                None,
            )
        ],
        id="es",
    ),
    pytest.param(
        "it",
        "Il dialogo è stato copresieduto dalla Sig.ra Giulia Bianchi, direttrice del Servizio "
        "europeo per l’azione esterna, e dal Sig. Marco Rossi, vicesegretario generale "
        "dell’Ufficio antiterrorismo delle Nazioni Unite, con la partecipazione del Dott. Luca "
        "Verdi, coordinatore dell’Unione europea per la lotta contro il terrorismo. «Stiamo "
        "avanzando», ha dichiarato la Sig.ra Anna Neri, portavoce.",
        [
            ("Sig.ra", "Giulia Bianchi", "direttrice", "Servizio europeo per l’azione esterna"),
            (
                "Sig.",
                "Marco Rossi",
                "vicesegretario generale",
                "Ufficio antiterrorismo delle Nazioni Unite",
            ),
        ],
        [
            (
                "Dott.",
                "Luca Verdi",
                "coordinatore dell’Unione europea per la lotta contro il terrorismo",
                None,
            )
        ],
        id="it",
    ),
    pytest.param(
        "pt",
        "O diálogo foi copresidido pela Sra. Ana Silva, diretora do Serviço Europeu para a Ação "
        "Externa, e pelo Sr. João Costa, secretário-geral adjunto do Gabinete de Luta contra o "
        "Terrorismo das Nações Unidas, com a participação do Sr. Pedro Santos, coordenador da "
        "União Europeia para a luta contra o terrorismo. «Estamos a avançar», afirmou a Sra. "
        "Maria Sousa, porta-voz.",
        [
            ("Sra.", "Ana Silva", "diretora", "Serviço Europeu para a Ação Externa"),
            (
                "Sr.",
                "João Costa",
                "secretário-geral adjunto",
                "Gabinete de Luta contra o Terrorismo das Nações Unidas",
            ),
        ],
        [
            (
                "Sr.",
                "Pedro Santos",
                "coordenador da União Europeia para a luta contra o terrorismo",
                None,
            )
        ],
        id="pt",
    ),
    pytest.param(
        "nl",
        "Het overleg werd gezamenlijk voorgezeten door mevrouw Anna de Vries, directeur bij de "
        "Europese Dienst voor extern optreden, en de heer Jan Jansen, "
        "adjunct-secretaris-generaal van het Bureau voor terrorismebestrijding van de Verenigde "
        "Naties, met deelname van dhr. Piet Bakker, speciaal gezant voor de Sahel. „We boeken "
        "vooruitgang”, zei mevrouw Els Peeters, woordvoerster.",
        [
            ("mevrouw", "Anna de Vries", "directeur", "Europese Dienst voor extern optreden"),
            (
                "de heer",
                "Jan Jansen",
                "adjunct-secretaris-generaal",
                "Bureau voor terrorismebestrijding van de Verenigde Naties",
            ),
        ],
        [("dhr.", "Piet Bakker", "speciaal gezant voor de Sahel", None)],
        id="nl",
    ),
    pytest.param(
        "nl",
        "De vergadering vond plaats onder covoorzitterschap van mevrouw Anna de Vries, directeur "
        "bij de Europese Dienst voor extern optreden, en de heer Jan Jansen, minister van "
        "Buitenlandse Zaken.",
        [
            ("mevrouw", "Anna de Vries", "directeur", "Europese Dienst voor extern optreden"),
            ("de heer", "Jan Jansen", "minister van Buitenlandse Zaken", None),
        ],
        [],
        id="nl-covoorzitterschap",
    ),
    pytest.param(
        "pl",
        "Dialogowi współprzewodniczyli Pani Anna Kowalska, dyrektor w Europejskiej Służbie "
        "Działań Zewnętrznych, oraz Pan Jan Nowak, zastępca sekretarza generalnego Biura ONZ ds. "
        "Zwalczania Terroryzmu, z udziałem Pana Piotra Wiśniewskiego, koordynatora Unii "
        "Europejskiej ds. zwalczania terroryzmu. „Robimy postępy” – powiedziała Pani Ewa "
        "Zielińska, rzeczniczka.",
        [
            ("Pani", "Anna Kowalska", "dyrektor", "Europejskiej Służbie Działań Zewnętrznych"),
            (
                "Pan",
                "Jan Nowak",
                "zastępca sekretarza generalnego",
                "Biura ONZ ds. Zwalczania Terroryzmu",
            ),
        ],
        [
            (
                "Pana",
                "Piotra Wiśniewskiego",
                "koordynatora Unii Europejskiej ds. zwalczania terroryzmu",
                None,
            )
        ],
        id="pl",
    ),
    pytest.param(
        "pl",
        "Spotkanie odbyło się pod współprzewodnictwem Pani Anny Kowalskiej, dyrektor w "
        "Europejskiej Służbie Działań Zewnętrznych, i Pana Jana Nowaka, zastępcy sekretarza "
        "generalnego Biura ONZ ds. Zwalczania Terroryzmu.",
        [
            ("Pani", "Anny Kowalskiej", "dyrektor", "Europejskiej Służbie Działań Zewnętrznych"),
            (
                "Pana",
                "Jana Nowaka",
                "zastępcy sekretarza generalnego",
                "Biura ONZ ds. Zwalczania Terroryzmu",
            ),
        ],
        [],
        id="pl-pod",
    ),
]


@pytest.mark.parametrize(("language", "text", "signatories", "participants"), LANGUAGE_CASES)
def test_co_chairs_and_participants_by_language(
    language: str,
    text: str,
    signatories: list[tuple[str | None, ...]],
    participants: list[tuple[str | None, ...]],
) -> None:
    parties = _one(text, language, line=5)
    assert _fields(parties.signatories) == signatories
    assert _fields(parties.participants) == participants
    for signatory in parties.signatories + parties.participants:
        location = signatory.location
        assert location is not None
        assert location.line == 5
        assert location.column is not None
        assert text[location.column - 1 :].startswith(str(signatory.name))


QUOTED_ONLY = [
    ("fr", "« Nous avançons », a déclaré M. Jean Dupuis, porte-parole du ministère."),
    ("en", '"We made progress," said Ms Mary Black, spokesperson of the Commission.'),
    ("en", "President Jane Doe said the talks were useful. Minister John Roe agreed."),
    ("de", "„Wir kommen voran“, sagte Frau Petra Klein, Sprecherin der Kommission."),
    ("es", "«Avanzamos», declaró la Sra. María Ruiz, portavoz del Gobierno."),
    ("it", "«Stiamo avanzando», ha dichiarato la Sig.ra Anna Neri, portavoce."),
    ("pt", "«Estamos a avançar», afirmou a Sra. Maria Sousa, porta-voz."),
    ("nl", "„We boeken vooruitgang”, zei mevrouw Els Peeters, woordvoerster."),
    ("pl", "„Robimy postępy” – powiedziała Pani Ewa Zielińska, rzeczniczka."),
]


@pytest.mark.parametrize(("language", "text"), QUOTED_ONLY)
def test_quoted_people_are_neither_signatories_nor_participants(language: str, text: str) -> None:
    parties = _one(text, language)
    assert parties == Parties(signatories=(), participants=())


def test_groups_without_a_named_person_are_not_participants() -> None:
    parties = _one(
        "La réunion a été coprésidée par Mme Anne Roy, directrice, et par M. Luc Blanc, "
        "ministre, avec la participation de représentants de la Commission européenne et des "
        "États membres.",
        "fr",
    )
    assert [s.name for s in parties.signatories] == ["Anne Roy", "Luc Blanc"]
    assert parties.participants == ()


def test_location_inside_a_multi_line_block() -> None:
    block = TextBlock(
        text="The meeting was co-chaired by\nMs Jane Smith, Director, and by\n  Mr John Brown, Minister.",
        line=10,
        column=4,
    )
    parties = extract_parties(title="", blocks=[block], language="en", source="doc.md")
    smith, brown = parties.signatories
    assert smith.location is not None
    assert brown.location is not None
    # "Jane" is on the block's second line, after "Ms "; "John" on its third, after "  Mr ".
    assert (smith.location.source, smith.location.line, smith.location.column) == ("doc.md", 11, 4)
    assert (brown.location.line, brown.location.column) == (12, 6)


# --------------------------------------------------------------------------- titles


@pytest.mark.parametrize(
    ("language", "title", "expected"),
    [
        (
            "fr",
            "Déclaration commune de la France, de l’Allemagne et de l’Italie sur le climat",
            [
                (None, None, None, "France"),
                (None, None, None, "Allemagne"),
                (None, None, None, "Italie"),
            ],
        ),
        (
            "de",
            "Gemeinsame Erklärung von Bundeskanzler Olaf Scholz und Präsident Emmanuel Macron",
            [
                (None, "Olaf Scholz", "Bundeskanzler", None),
                (None, "Emmanuel Macron", "Präsident", None),
            ],
        ),
        (
            "es",
            "Declaración conjunta de España, Portugal y Marruecos",
            [
                (None, None, None, "España"),
                (None, None, None, "Portugal"),
                (None, None, None, "Marruecos"),
            ],
        ),
        (
            "it",
            "Dichiarazione congiunta di Italia, Francia e Spagna",
            [
                (None, None, None, "Italia"),
                (None, None, None, "Francia"),
                (None, None, None, "Spagna"),
            ],
        ),
        (
            "pt",
            "Declaração conjunta do Brasil e de Portugal",
            [(None, None, None, "Brasil"), (None, None, None, "Portugal")],
        ),
        (
            "nl",
            "Gezamenlijke verklaring van België, Nederland en Luxemburg",
            [
                (None, None, None, "België"),
                (None, None, None, "Nederland"),
                (None, None, None, "Luxemburg"),
            ],
        ),
        (
            "pl",
            "Wspólne oświadczenie Polski, Litwy i Łotwy",
            [
                (None, None, None, "Polski"),
                (None, None, None, "Litwy"),
                (None, None, None, "Łotwy"),
            ],
        ),
        (
            "en",
            "Joint Statement by the Prime Minister of Japan and the President of the Republic of Korea",
            [
                (None, None, "Prime Minister", "Japan"),
                (None, None, "President", "Republic of Korea"),
            ],
        ),
        (
            "en",
            "Joint Statement from Canada, Mexico, and the United States on Trade",
            [
                (None, None, None, "Canada"),
                (None, None, None, "Mexico"),
                (None, None, None, "United States"),
            ],
        ),
        (
            "en",
            "Joint Statement of the Governments of Chile and Peru",
            [(None, None, None, "Chile"), (None, None, None, "Peru")],
        ),
        # Neither a joint title nor a pair of parties: nothing.
        ("en", "Commission proposes new rules on batteries", []),
        ("en", "COVID-19: Commission steps up support", []),
    ],
)
def test_parties_in_titles(
    language: str, title: str, expected: list[tuple[str | None, ...]]
) -> None:
    parties = extract_parties(title=title, blocks=[], language=language, source="x")
    assert _fields(parties.signatories) == expected
    for signatory in parties.signatories:
        assert signatory.location is not None
        assert signatory.location.element == "title"


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "fr",
            "Nous, les dirigeants de la France, de l’Allemagne et de l’Italie, réaffirmons notre engagement.",
            ["France", "Allemagne", "Italie"],
        ),
        (
            "de",
            "Wir, die Staats- und Regierungschefs Deutschlands, Frankreichs und Italiens, bekräftigen unsere Zusammenarbeit.",
            ["Deutschlands", "Frankreichs", "Italiens"],
        ),
        (
            "en",
            "We, the leaders of Canada, Mexico and the United States, met today in Ottawa.",
            ["Canada", "Mexico", "United States"],
        ),
        (
            "en",
            "We, Chile, Peru, and Colombia, recognize the importance of the ocean.",
            ["Chile", "Peru", "Colombia"],
        ),
    ],
)
def test_we_openings(language: str, text: str, expected: list[str]) -> None:
    parties = _one(text, language)
    assert [s.organisation for s in parties.signatories] == expected
    assert all(s.name is None for s in parties.signatories)


def test_creators_and_issuer_fallback() -> None:
    # Catalogue authors "Surname, Given" are people; they complete a title's parties.
    parties = extract_parties(
        title="Joint statement by the Prime Minister and the Minister for Trade, Mr Hand",
        blocks=[],
        language="en",
        creators=["Hawke, Bob"],
    )
    assert [s.name for s in parties.signatories] == ["Hand", "Bob Hawke"]
    # Nothing in the text: a single-issuer body signs in its own name, in the text's language.
    parties = extract_parties(title="Rules on batteries", blocks=[], language="fr", issuer="ec")
    assert _fields(parties.signatories) == [(None, None, None, "Commission européenne")]
    # ...but not an issuer that only publishes others' statements.
    parties = extract_parties(title="Rules", blocks=[], language="en", issuer="whitehouse")
    assert parties.signatories == ()


def test_signature_block_fills_nameless_parties_and_skips_witnesses() -> None:
    blocks = [
        TextBlock(
            text="We, the Prime Minister of Ruritania and the Prime Minister of Freedonia, declare:",
            line=1,
        ),
        TextBlock(text="1. Peace.", line=3),
        TextBlock(text="Signed at Geneva on 1 May 2025.", line=5),
        TextBlock(text="Anna Berg                    Rufus Firefly", line=7),
        TextBlock(text="Prime Minister of Ruritania  Prime Minister of Freedonia", line=9),
        TextBlock(text="Witnessed by:", line=11),
        TextBlock(text="Otto Lang", line=13),
    ]
    parties = extract_parties(title="Declaration", blocks=blocks, language="en")
    assert _fields(parties.signatories) == [
        (None, "Anna Berg", "Prime Minister", "Ruritania"),
        (None, "Rufus Firefly", "Prime Minister", "Freedonia"),
    ]
    firefly = parties.signatories[1].location
    assert firefly is not None
    assert (firefly.line, firefly.column) == (7, 30)


# --------------------------------------------------------------------------- (c) White House files

# Expected parties (name, or organisation when no person is named), each checked by reading
# the document; they agree with labels.jsonl except where a comment says otherwise.
WHITE_HOUSE = {
    # Title "U.S.-Mexico Joint Declaration" names the countries; the opening sentence
    # "President Joe Biden hosted Mexican President Andres Manuel Lopez Obrador" names who
    # met for them (host and guest of the meeting the joint declaration comes from).
    "2021-03-01-u-s-mexico-joint-declaration.md": ["Joe Biden", "Andres Manuel Lopez Obrador"],
    # Title: "on National Security Advisor Jake Sullivan’s Meeting with Russian Security
    # Council Secretary Nikolay Patrushev".
    "2021-05-24-joint-statement-on-national-security-advisor-jake-sullivans-meeting-w.md": [
        "Jake Sullivan",
        "Nikolay Patrushev",
    ],
    # "We, the leaders of the European Union and the United States" (order as printed).
    "2021-06-15-u-s-eu-summit-statement.md": ["European Union", "United States"],
    "2021-09-15-joint-leaders-statement-on-aukus.md": [
        "Australia",
        "United Kingdom",
        "United States",
    ],
    "2021-09-22-united-stateseuropean-commission-joint-statement.md": [
        "United States",
        "European Commission",
    ],
    "2021-10-31-joint-us-eu-statement-on-trade-in-steel-and-aluminum.md": [
        "United States",
        "European Union",
    ],
    # "We, Australia, Denmark, Norway, and the United States, recognize"; the supporters
    # listed at the end (Canada, France...) are not signatories.
    "2021-12-10-joint-statement-on-the-export-controls-and-human-rights-initiative.md": [
        "Australia",
        "Denmark",
        "Norway",
        "United States",
    ],
    "2022-03-11-joint-statement-by-the-g7-announcing-further-economic-costs-on-russia.md": [
        "Group of Seven (G7)"
    ],
    "2022-03-24-joint-readout-by-the-united-states-and-the-european-council.md": [
        "United States",
        "European Council",
    ],
    "2022-04-18-joint-statement-between-the-united-states-belize-germany-indonesia-an.md": [
        "United States",
        "Belize",
        "Germany",
        "Indonesia",
        "Senegal",
    ],
    "2022-07-14-joint-statement-of-the-leaders-of-india-israel-united-arab-emirates-a.md": [
        "India",
        "Israel",
        "United Arab Emirates",
        "United States",
    ],
    "2022-09-20-joint-statement-on-atlantic-cooperation.md": [
        "Angola",
        "Argentina",
        "Brazil",
        "Canada",
        "Costa Rica",
        "Côte d’Ivoire",
        "Equatorial Guinea",
        "Ghana",
        "Guinea-Bissau",
        "Ireland",
        "Mauritania",
        "Netherlands",
        "Norway",
        "Portugal",
        "Senegal",
        "Spain",
        "United Kingdom",
        "United States",
    ],
    "2022-12-05-u-s-eu-joint-statement-of-the-trade-and-technology-council.md": [
        "Antony Blinken",
        "Gina Raimondo",
        "Katherine Tai",
        "Margrethe Vestager",
        "Valdis Dombrovskis",
    ],
    "2023-01-09-joint-statement-by-president-joe-biden-president-andres-manuel-lopez-.md": [
        "Joe Biden",
        "Andres Manuel Lopez Obrador",
        "Justin Trudeau",
    ],
    "2023-03-10-joint-statement-by-president-biden-and-president-von-der-leyen-2.md": [
        "Biden",
        "von der Leyen",
    ],
    "2023-05-20-g7-hiroshima-leaders-communique.md": ["Group of Seven (G7)"],
    "2023-08-18-the-spirit-of-camp-david-joint-statement-of-japan-the-republic-of-kor.md": [
        "Japan",
        "Republic of Korea",
        "United States",
    ],
    "2023-10-09-joint-statement-on-israel.md": ["Macron", "Scholz", "Meloni", "Sunak", "Biden"],
    "2023-11-01-joint-statement-on-u-s-eu-energy-security-task-force-meeting.md": [
        "Amos Hochstein",
        "Björn Seibert",
    ],
    # "We, the Economic Leaders of APEC": the label writes "APEC Economic Leaders"; the text
    # names the body "APEC", which we keep as printed. Counted as a miss.
    "2023-11-17-2023-apec-leaders-golden-gate-declaration.md": ["APEC"],
    "2024-01-03-a-joint-statement-from-the-governments-of-the-united-states-australia.md": [
        "United States",
        "Australia",
        "Bahrain",
        "Belgium",
        "Canada",
        "Denmark",
        "Germany",
        "Italy",
        "Japan",
        "Netherlands",
        "New Zealand",
        "Republic of Korea",
        "Singapore",
        "United Kingdom",
    ],
    "2024-04-05-u-s-eu-joint-statement-of-the-trade-and-technology-council-3.md": [
        "Margrethe Vestager",
        "Valdis Dombrovskis",
        "Antony Blinken",
        "Gina Raimondo",
        "Katherine Tai",
    ],
    "2024-06-14-g7-leaders-statement-8.md": ["Group of Seven (G7)"],
    "2024-08-12-joint-statement-from-the-united-states-united-kingdom-france-germany-.md": [
        "United States",
        "United Kingdom",
        "France",
        "Germany",
        "Italy",
    ],
    "2024-09-25-joint-statement-by-president-biden-and-president-macron.md": ["Biden", "Macron"],
    "2024-11-26-joint-statement-from-president-biden-of-the-united-states-and-preside.md": [
        "Biden",
        "Macron",
    ],
    "2025-05-12-joint-statement-on-u-s-china-economic-and-trade-meeting-in-geneva.md": [
        "Government of the United States of America",
        "Government of the People’s Republic of China",
    ],
    # Names from the (two-column) signature block; the witnesses are not signatories.
    "2025-10-26-joint-declaration-by-the-prime-minister-of-the-kingdom-of-cambodia-an.md": [
        "Hun Manet",
        "Anutin Charnvirakul",
    ],
    "2025-11-23-joint-statement-on-united-states-ukraine-meeting.md": ["United States", "Ukraine"],
}

WHITE_HOUSE_PARTICIPANTS = {
    "2022-12-05-u-s-eu-joint-statement-of-the-trade-and-technology-council.md": "Thea Lee",
    "2023-11-01-joint-statement-on-u-s-eu-energy-security-task-force-meeting.md": "Sarah Ladislaw",
    "2024-04-05-u-s-eu-joint-statement-of-the-trade-and-technology-council-3.md": "Thierry Breton",
}


@pytest.mark.parametrize("name", sorted(WHITE_HOUSE))
def test_white_house_titles_and_openings(corpus: Path, name: str) -> None:
    label = {
        "file": f"whitehouse-joint-statements-md/{name}",
        "title": None,
        "language": "en",
        "signatories": [],
    }
    document = read_document(corpus, label)
    parties = extract_parties(
        title=document.title,
        blocks=document.blocks,
        language="en",
        source=document.path,
        issuer="whitehouse",
    )
    assert [s.name or s.organisation for s in parties.signatories] == WHITE_HOUSE[name]
    if name in WHITE_HOUSE_PARTICIPANTS:
        assert parties.participants[0].name == WHITE_HOUSE_PARTICIPANTS[name]
    for signatory in parties.signatories:
        location = signatory.location
        assert location is not None
        if location.element is None:  # found in the body: its first word starts there
            assert location.line is not None
            assert location.column is not None
            lines = (corpus / document.path).read_text(encoding="utf-8").splitlines()
            found = lines[location.line - 1][location.column - 1 :]
            assert found.startswith((signatory.name or signatory.organisation or "").split()[0])


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "en",
            "Following is UN Secretary-General António Guterres’ message on World Food Day:",
            [(None, "António Guterres", "Secretary-General", "United Nations")],
        ),
        (
            "en",
            "The following statement was issued today by the Spokesperson for UN "
            "Secretary-General António Guterres:",
            [(None, "António Guterres", "Secretary-General", "United Nations")],
        ),
        (
            "fr",
            "On trouvera ci-après le texte du message du Secrétaire général de l’ONU, "
            "M. António Guterres, à l’occasion de la Journée mondiale de l’alimentation.",
            [("M.", "António Guterres", "Secrétaire général", "ONU")],
        ),
        (
            "en",
            "The following joint statement was issued today by the Governments of Canada, Japan "
            "and the United Kingdom:",
            [
                (None, None, None, "Canada"),
                (None, None, None, "Japan"),
                (None, None, None, "United Kingdom"),
            ],
        ),
        (
            "en",
            "The Government of Ruritania and the Government of the Republic of Freedonia,",
            [],  # a preamble needs its "Recognizing ..." clause to follow
        ),
    ],
)
def test_statement_introductions(
    language: str, text: str, expected: list[tuple[str | None, ...]]
) -> None:
    assert _fields(_one(text, language).signatories) == expected


def test_treaty_style_preamble() -> None:
    blocks = [
        TextBlock(
            text="The Government of Ruritania (“Ruritania”) and the Government of the Republic "
            "of Freedonia (“Freedonia”),",
            line=3,
        ),
        TextBlock(text="Recognizing the importance of their relationship;", line=5),
    ]
    parties = extract_parties(title="Joint Statement", blocks=blocks, language="en")
    assert [s.organisation for s in parties.signatories] == [
        "Government of Ruritania",
        "Government of the Republic of Freedonia",
    ]


# --------------------------------------------------------------------------- properties

_WORDS = st.sampled_from(
    [
        "co-chaired by",
        "coprésidé par",
        "and",
        "et",
        "by",
        "Mr",
        "Mme",
        "M.",
        "Ms",
        "H.E.",
        "John",
        "Smith",
        "von",
        "der",
        "Leyen",
        "President",
        "Minister",
        "of",
        "the",
        "United",
        "States",
        "European",
        "Union",
        ",",
        ".",
        "\n",
        "\u00a0",
        "We,",
        "leaders",
        "with the",
        "participation of",
        "«",
        "»",
        "said",
        "Signed at",
        "Witnessed by:",
        "(G7)",
        "-",
        "–",
    ]
)
_TEXT = st.lists(st.one_of(_WORDS, st.text(max_size=8)), max_size=40).map(" ".join)


@given(
    title=_TEXT,
    texts=st.lists(_TEXT, max_size=5),
    creators=st.lists(st.text(max_size=20), max_size=3),
)
def test_any_text_gives_parties_located_inside_their_block(
    title: str, texts: list[str], creators: list[str]
) -> None:
    blocks = []
    line = 1
    for text in texts:
        blocks.append(TextBlock(text=text, line=line, column=3))
        line += text.count("\n") + 2
    parties = extract_parties(
        title=title, blocks=blocks, language="en", creators=creators, issuer="ec"
    )
    for signatory in parties.signatories + parties.participants:
        assert signatory.name or signatory.organisation
        location = signatory.location
        assert location is not None
        if location.element is None:
            assert location.line is not None
            assert location.column is not None
            assert 1 <= location.line < line
            assert location.column >= 1
            # The name (or organisation) starts exactly there, as printed up to case.
            block = max((b for b in blocks if b.line <= location.line), key=lambda b: b.line)
            lines = block.text.split("\n")
            row = location.line - block.line
            column = location.column - (block.column if row == 0 else 1)
            found = lines[row][column:]
            first = (signatory.name or signatory.organisation or "").split()[0]
            assert found.casefold().startswith(first.casefold())


def test_joint_release_between_organisations() -> None:
    parties = _one(
        "This is a joint media release between the Ruritanian Police and the Freedonia Police "
        "Force.",
        "en",
    )
    assert [s.organisation for s in parties.signatories] == [
        "Ruritanian Police",
        "Freedonia Police Force",
    ]


def test_creators_take_the_form_the_text_prints() -> None:
    blocks = [
        TextBlock(text="STATEMENT BY THE MINISTER FOR TRADE", line=1),
        TextBlock(
            text="Claims were described as misleading by the Minister for Trade, the Hon F.M. "
            "Chaney.",
            line=3,
        ),
    ]
    parties = extract_parties(
        title="Pensioners", blocks=blocks, language="en", creators=["Chaney, Fred"]
    )
    # The catalogue says "Chaney, Fred"; the text prints "F.M. Chaney": the printed form wins.
    assert [s.name for s in parties.signatories] == ["F.M. Chaney"]
    # A different given name is a different person: the catalogue's form stays.
    parties = extract_parties(
        title="Pensioners", blocks=blocks, language="en", creators=["Chaney, Robert"]
    )
    assert [s.name for s in parties.signatories] == ["Robert Chaney"]


@pytest.mark.parametrize(
    ("text", "signatories", "participants"),
    [
        (
            "The Joint Committee was co-chaired by the European Union and Japan.",
            ["European Union", "Japan"],
            [],
        ),
        (
            "The Council was co-chaired by the EU, Canada and Mexico, with the participation of "
            "Mr John Smith, Director.",
            ["European Union", "Canada", "Mexico"],
            ["John Smith"],
        ),
        # A "We," inside a quotation that lists no parties.
        ("As President Anna Roy said: “We, Europeans, stand united.”", [], []),
    ],
)
def test_countries_and_bodies_without_a_person(
    text: str, signatories: list[str], participants: list[str]
) -> None:
    parties = _one(text, "en")
    assert [s.organisation for s in parties.signatories] == signatories
    assert all(s.name is None for s in parties.signatories)
    assert [s.name for s in parties.participants] == participants


def test_sentence_split_across_blocks_by_a_reader() -> None:
    # A reader took the first line for a block of its own: the list runs on into the next.
    blocks = [
        TextBlock(
            text="We, the leaders of Japan, the Republic of Korea (ROK), and the United", line=10
        ),
        TextBlock(text="States, convened at Camp David to open a new era.", line=11),
    ]
    parties = extract_parties(title="Joint Statement", blocks=blocks, language="en")
    assert [s.organisation for s in parties.signatories] == [
        "Japan",
        "Republic of Korea",
        "United States",
    ]
    states = parties.signatories[2].location
    assert states is not None
    assert (states.line, states.column) == (10, 64)  # "United" ends the first block


def test_office_before_the_name() -> None:
    parties = _one(
        "The dialogue was co-chaired by the Deputy Secretary General of the EEAS, Enrique Mora, "
        "and the Vice Foreign Minister of China, Ma Zhaoxu.",
        "en",
    )
    assert _fields(parties.signatories) == [
        (None, "Enrique Mora", "Deputy Secretary General", "EEAS"),
        (None, "Ma Zhaoxu", "Vice Foreign Minister", "China"),
    ]


CO_CHAIR_PHRASES = [
    "co-chaired by", "jointly chaired by", "chaired jointly by", "co-hosted by",
    "convened by co-chairs", "co-chairs were", "coprésidé par", "sous la coprésidence de",
    "unter dem gemeinsamen Vorsitz von", "gemeinsam geleitet von", "unter Ko-Vorsitz von",
    "copresidido por", "bajo la copresidencia de", "sob a copresidência de",
    "copresieduto da", "sotto la copresidenza di", "gezamenlijk voorgezeten door",
    "onder covoorzitterschap van", "współprzewodniczyli", "pod współprzewodnictwem",
]  # fmt: skip


@pytest.mark.parametrize("phrase", CO_CHAIR_PHRASES)
def test_every_co_chair_phrase_passes_the_cheap_prefilter(phrase: str) -> None:
    # The prefilter skips blocks before the costly pattern runs; it must never skip a phrase.
    parties = _one(f"The talks were {phrase} Mr John Smith and Ms Jane Doe.", "en")
    assert [s.name for s in parties.signatories] == ["John Smith", "Jane Doe"]


# --------------------------------------------------------------------------- host and guest

# Joint documents of a meeting: "At the invitation of X, Y paid a visit" / "X hosted Y".
# Each written here (no corpus document in these languages); expected values read from it.
VISIT_CASES = [
    pytest.param(
        "fr",
        "Communiqué conjoint",
        "À l’invitation de Son Excellence M. Paul Durand, Président de la République de "
        "Ruritanie, M. Jan Novak, Premier ministre de Freedonie, a effectué une visite "
        "officielle à Strel les 3 et 4 mai 2024. « Nous sommes amis », a déclaré M. Otto Lang.",
        [("Paul Durand", "Président", "République de Ruritanie"), ("Jan Novak", None, None)],
        id="fr-invitation",
    ),
    pytest.param(
        "de",
        "Gemeinsame Erklärung",
        "Auf Einladung von Bundeskanzlerin Anna Weber stattete Premierminister Ivo Kos vom "
        "3. bis 4. Mai 2024 Berlin einen offiziellen Besuch ab.",
        [("Anna Weber", "Bundeskanzlerin", None), ("Ivo Kos", "Premierminister", None)],
        id="de-invitation-verb-second",
    ),
    pytest.param(
        "es",
        "Declaración conjunta",
        "El Presidente Carlos Ruiz recibió a la Primera Ministra Ana Costa en Madrid el 3 de "
        "mayo de 2024 para una reunión bilateral.",
        [("Carlos Ruiz", "Presidente", None), ("Ana Costa", "Primera Ministra", None)],
        id="es-hosted",
    ),
    pytest.param(
        "en",
        "Joint Communiqué on the Visit of the Prime Minister of Malta",
        "2. At the invitation of His Excellency Paul Durand, President of the Republic of "
        "Ruritania, the Honourable Jan Novak MP, Prime Minister of Malta, paid a state "
        "visit to Ruritania on 3 May 2024.",
        [
            ("Paul Durand", "President", "Republic of Ruritania"),
            ("Jan Novak", "Prime Minister", "Malta"),
        ],
        id="en-invitation-numbered",
    ),
]


@pytest.mark.parametrize(("language", "title", "text", "expected"), VISIT_CASES)
def test_host_and_guest_of_a_joint_document(
    language: str, title: str, text: str, expected: list[tuple[str | None, ...]]
) -> None:
    parties = _one(text, language, title=title)
    got = [(s.name, s.role, s.organisation) for s in parties.signatories]
    # Roles and organisations are checked where the sentence prints them after the name.
    assert [g[0] for g in got] == [e[0] for e in expected]
    for found, wanted in zip(got, expected, strict=True):
        if wanted[1] is not None:
            assert found[1] == wanted[1]
        if wanted[2] is not None:
            assert found[2] == wanted[2]
    assert all(p.name != "Otto Lang" for p in parties.signatories + parties.participants)


def test_host_and_guest_fill_the_countries_of_a_title() -> None:
    # "Peruvian" names the guest's country; the host takes the other one (title order kept).
    parties = _one(
        "President Anna Weber hosted Peruvian Prime Minister Jan Novak on 3 May for talks.",
        "en",
        title="Peru-Chile Joint Statement",
    )
    assert [(s.name, s.organisation) for s in parties.signatories] == [
        ("Jan Novak", "Peru"),
        ("Anna Weber", "Chile"),
    ]


@pytest.mark.parametrize(
    ("title", "text"),
    [
        # Not a joint document: a visit reported by one side names no co-issuer.
        (
            "Prime Minister visits Ruritania",
            "At the invitation of President Paul Durand, Prime Minister Jan Novak paid a "
            "visit to Ruritania.",
        ),
        # Joint, but the host "received" a thing, not a person.
        ("Joint statement", "President Paul Durand received the report of the commission."),
        ("Joint statement", "President Paul Durand welcomed Minister Jan Novak’s proposal."),
        # Joint, but the meeting is only mentioned after the first sentence.
        (
            "Joint statement",
            "The ministers met today. President Paul Durand hosted Prime Minister Jan Novak.",
        ),
        # A quotation in a joint document is not an invitation.
        (
            "Joint statement",
            "“We welcome the visit,” said Minister Otto Lang after the talks.",
        ),
    ],
)
def test_no_host_or_guest_where_the_formula_does_not_hold(title: str, text: str) -> None:
    parties = _one(text, "en", title=title)
    assert all(s.name is None for s in parties.signatories)


@pytest.mark.parametrize(
    ("language", "first", "expected"),
    [
        (
            "en",
            "The following joint statement was issued by the Governments of Chile and Peru",
            ["Chile", "Peru"],
        ),
        ("fr", "Nous, les dirigeants de la France et de l’Allemagne", ["France", "Allemagne"]),
    ],
)
def test_a_label_line_does_not_run_on_from_the_block_before(
    language: str, first: str, expected: list[str]
) -> None:
    # The first block ends without a full stop; the next one is a label, not its end.
    blocks = [
        TextBlock(text=first, line=1),
        TextBlock(text="Text of the statement:" if language == "en" else "Texte :", line=3),
        TextBlock(text="We agree." if language == "en" else "Nous sommes d’accord.", line=5),
    ]
    parties = extract_parties(title="Joint statement", blocks=blocks, language=language)
    assert [s.organisation for s in parties.signatories] == expected


# --------------------------------------------------------------------------- "in a joint statement by"

IN_JOINT_CASES = [
    pytest.param(
        "fr",
        "Le centre ouvrira en mai, ont annoncé aujourd’hui dans une déclaration commune du "
        "ministre de l’Intérieur, M. Paul Durand, et de la ministre de la Santé, Mme Anne Roy.",
        ["Paul Durand", "Anne Roy"],
        id="fr",
    ),
    pytest.param(
        "de",
        "Das teilten heute in einer gemeinsamen Erklärung von Bundesministerin Dr. Eva Berg "
        "und Landesminister Karl Huber mit.",
        ["Eva Berg", "Karl Huber"],
        id="de",
    ),
    pytest.param(
        "es",
        "Así lo anunciaron hoy en una declaración conjunta emitida por la Ministra de "
        "Sanidad, Sra. Ana Costa, y el Ministro del Interior, Sr. Luis Vega.",
        ["Ana Costa", "Luis Vega"],
        id="es",
    ),
    pytest.param(
        "it",
        "Lo hanno annunciato in una dichiarazione congiunta del Ministro della Salute, "
        "Dott.ssa Giulia Neri, e del Ministro dell’Interno, Sig. Marco Bassi.",
        ["Giulia Neri", "Marco Bassi"],
        id="it",
    ),
    pytest.param(
        "en",
        "This was announced today in a joint statement by the Minister for Health, Dr Ann "
        "Lee, the Minister for Housing, Mr Tom Reid and the State Minister for Transport, "
        "Ms Kay Moss. “We will open it in May,” said Mr Bob Hart, the centre's manager.",
        ["Ann Lee", "Tom Reid", "Kay Moss"],
        id="en-offices-first",
    ),
]


@pytest.mark.parametrize(("language", "text", "names"), IN_JOINT_CASES)
def test_in_a_joint_statement_by(language: str, text: str, names: list[str]) -> None:
    parties = _one(text, language, title="Centre to open")
    assert [s.name for s in parties.signatories] == names


def test_in_a_joint_statement_by_keeps_each_office_with_its_holder() -> None:
    parties = _one(IN_JOINT_CASES[4].values[1], "en", title="Centre to open")  # type: ignore[index]
    assert [s.role for s in parties.signatories] == [
        "Minister for Health",
        "Minister for Housing",
        "State Minister for Transport",
    ]


@pytest.mark.parametrize(
    "text",
    [
        # An earlier statement, dated: not the one at hand.
        "Recalling what they said in a joint statement issued in 2019 by Mr Tom Reid and "
        "Ms Kay Moss, the ministers met again.",
        # People merely quoted or mentioned.
        "“This is a good day,” said Mr Tom Reid. Ms Kay Moss welcomed the decision.",
        # One person is no joint statement.
        "This was announced in a joint statement by Mr Tom Reid.",
    ],
)
def test_no_parties_from_a_statement_that_is_not_this_one(text: str) -> None:
    parties = _one(text, "en", title="Centre to open")
    assert all(s.name is None for s in parties.signatories)


def test_an_initial_a_scan_spaced_from_its_full_stop() -> None:
    # OCR prints "B ." for "B."; a full stop after a space ends no sentence either.
    parties = _one(
        "The talks were co-chaired by Mr Marshall B .  Perron and Ms Ann C . Lee . . . .",
        "en",
    )
    assert [s.name for s in parties.signatories] == ["Marshall B. Perron", "Ann C. Lee"]


# --------------------------------------------------------------------------- announced by

ANNOUNCED_CASES = [
    pytest.param(
        "en",
        "JOINT STATEMENT BY THE MINISTERS FOR TRADE AND HEALTH",
        "Claims were described as misleading by the Ministers for Trade, the Hon Ann Lee and "
        "Health, the Hon. Tom Reid.",
        ["Ann Lee", "Tom Reid"],
        id="en-offices-shared",
    ),
    pytest.param(
        "fr",
        "Déclaration commune",
        "La réforme a été annoncée aujourd’hui par la ministre du Travail, Mme Anne Roy, et "
        "par le ministre de la Santé, M. Paul Durand.",
        ["Anne Roy", "Paul Durand"],
        id="fr",
    ),
    pytest.param(
        "es",
        "Comunicado conjunto",
        "La medida fue anunciada hoy por la Ministra de Trabajo, Sra. Ana Costa, y por el "
        "Ministro de Sanidad, Sr. Luis Vega.",
        ["Ana Costa", "Luis Vega"],
        id="es",
    ),
]


@pytest.mark.parametrize(("language", "header", "text", "names"), ANNOUNCED_CASES)
def test_who_announced_a_joint_statement(
    language: str, header: str, text: str, names: list[str]
) -> None:
    blocks = [TextBlock(text=header, line=1), TextBlock(text=text, line=3)]
    parties = extract_parties(title="Reform", blocks=blocks, language=language)
    assert [s.name for s in parties.signatories] == names


@pytest.mark.parametrize(
    ("header", "text"),
    [
        # Not a joint statement: people who announced something are not its co-issuers.
        ("Press release", "The plan was announced by Mr Tom Reid and Ms Kay Moss."),
        # Joint, but they only welcomed it (supporters), or a past statement (a date).
        ("Joint statement", "The plan was welcomed by Mr Tom Reid and Ms Kay Moss."),
        ("Joint statement", "It was announced in 2019 by Mr Tom Reid and Ms Kay Moss."),
        # Joint, but the people are quoted, not said to announce.
        ("Joint statement", "“A good plan,” said Mr Tom Reid, and Ms Kay Moss agreed."),
    ],
)
def test_no_announcers_outside_the_formula(header: str, text: str) -> None:
    blocks = [TextBlock(text=header, line=1), TextBlock(text=text, line=3)]
    parties = extract_parties(title="Plan", blocks=blocks, language="en")
    assert all(s.name is None for s in parties.signatories)


# --------------------------------------------------------------------------- signature blocks


def _signed_blocks(*texts: str) -> list[TextBlock]:
    """Blocks two lines apart, as a reader gives them (lines kept inside each)."""
    blocks, line = [], 1
    for text in texts:
        blocks.append(TextBlock(text=text, line=line))
        line += text.count("\n") + 2
    return blocks


def _parties_of(blocks: list[TextBlock], language: str, title: str = "Joint Declaration") -> list:
    parties = extract_parties(title=title, blocks=blocks, language=language, source="s")
    return [(s.honorific, s.name, s.role, s.organisation) for s in parties.signatories]


def test_signature_columns_side_by_side_in_french() -> None:
    blocks = _signed_blocks(
        "Les deux gouvernements conviennent de coopérer.",
        "Fait à Paris, le 3 mai 2024, en deux exemplaires.",
        "Pour la République du Chili          Pour la République du Pérou\n"
        "Mme Ana Costa                        M. Luis Vega\n"
        "Ministre des Affaires étrangères     Ministre du Commerce extérieur",
        "En présence de :",
        "M. Otto Lang                         Mme Eva Berg",
    )
    assert _parties_of(blocks, "fr") == [
        ("Mme", "Ana Costa", "Ministre des Affaires étrangères", "République du Chili"),
        ("M.", "Luis Vega", "Ministre du Commerce extérieur", "République du Pérou"),
    ]
    vega = extract_parties(title="D", blocks=blocks, language="fr").signatories[1].location
    assert vega is not None
    assert (vega.line, vega.column) == (6, 41)  # "Luis" on the second line of the block


def test_signature_block_stacked_one_party_after_another_in_german() -> None:
    blocks = _signed_blocks(
        "Die Unterzeichnenden fordern die Regierung auf, zu handeln.",
        "Dr. Eva Berg\nPräsidentin\nDeutscher Ärztebund",
        "Prof. Karl Huber, Vorsitzender  Rat für Migration  Tel. 030 123 456",
        "Zeugen:",
        "Otto Lang",
    )
    assert _parties_of(blocks, "de", title="Offener Brief") == [
        ("Dr.", "Eva Berg", "Präsidentin", "Deutscher Ärztebund"),
        ("Prof.", "Karl Huber", "Vorsitzender", "Rat für Migration"),
    ]


def test_signature_block_signed_for_each_party_in_spanish() -> None:
    blocks = _signed_blocks(
        "Ambas partes acuerdan cooperar.",
        "Hecho en Madrid, el 3 de mayo de 2024.",
        "Por el Gobierno del Reino de España:",
        "Ana Costa\nMinistra de Asuntos Exteriores",
        "Por el Gobierno de la República de Chile:",
        "Luis Vega\nMinistro de Relaciones Exteriores",
    )
    assert _parties_of(blocks, "es", title="Memorando") == [
        (None, "Ana Costa", "Ministra de Asuntos Exteriores", "Gobierno del Reino de España"),
        (
            None,
            "Luis Vega",
            "Ministro de Relaciones Exteriores",
            "Gobierno de la República de Chile",
        ),
    ]


def test_signature_block_reads_no_contacts_witnesses_or_quotes() -> None:
    blocks = _signed_blocks(
        "We, the undersigned, call on the government to act. “It is urgent,” said Mr Tom Reid.",
        "Dr Ann Lee, President  Medical Association of Ruritania  Contact: Mr Bob Hart, 555 0100",
        "Witnessed by:",
        "Mr Otto Lang",
    )
    assert _parties_of(blocks, "en", title="Open letter") == [
        ("Dr", "Ann Lee", "President", "Medical Association of Ruritania"),
    ]


# --------------------------------------------------------------------------- communiqués of meetings


@pytest.mark.parametrize(
    ("language", "title", "organisation"),
    [
        (
            "fr",
            "Communiqué final du Conseil des ministres de l’Environnement",
            "Conseil des ministres de l’Environnement",
        ),
        (
            "de",
            "Gemeinsames Kommuniqué der Konferenz der Innenminister der Länder",
            "Konferenz der Innenminister der Länder",
        ),
        ("en", "Pacific Islands Forum Communiqué", "Pacific Islands Forum"),
        (
            "en",
            "Joint communique from the meeting of health ministers - Hobart - 3 May 1990",
            "Meeting of health ministers",
        ),
    ],
)
def test_a_meetings_communique_is_issued_by_the_meeting(
    language: str, title: str, organisation: str
) -> None:
    parties = extract_parties(
        title=title,
        blocks=[TextBlock(text="Ministers agreed on a plan, the chair, Ms Ann Lee, said.", line=3)],
        language=language,
        creators=["Reid, Tom"],  # the minister whose office released it is no party
    )
    assert _fields(parties.signatories) == [(None, None, None, organisation)]


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Communiqué de presse", []),  # French for "press release": no meeting
        ("Joint communiqué of Japan and Peru", ["Japan", "Peru"]),  # countries, not a meeting
        ("Minister's statement on the council meeting", []),
    ],
)
def test_no_meeting_where_the_title_names_none(title: str, expected: list[str]) -> None:
    parties = extract_parties(title=title, blocks=[], language="en")
    assert [s.organisation for s in parties.signatories] == expected


@pytest.mark.parametrize(
    ("language", "title", "expected"),
    [
        ("fr", "Déclaration de l’Union européenne sur la situation au Sahel", ["Union européenne"]),
        ("es", "Declaración de la Unión Europea sobre Venezuela", ["Unión Europea"]),
        ("it", "Dichiarazione dell’Unione europea sulla Libia", ["Unione europea"]),
        ("nl", "Verklaring van de Europese Unie over Oekraïne", ["Europese Unie"]),
        ("pt", "Declaração do Brasil sobre a Amazônia", ["Brasil"]),
        # A city names the declaration; the press is no issuer; an unknown body is not guessed.
        ("fr", "Déclaration de Paris sur l’efficacité de l’aide", []),
        ("fr", "Déclaration de presse du Président", []),
        ("fr", "Déclaration des participants au forum sur la paix", []),
    ],
)
def test_one_issuers_declaration_in_the_title(
    language: str, title: str, expected: list[str]
) -> None:
    parties = extract_parties(title=title, blocks=[], language=language)
    assert [s.organisation for s in parties.signatories] == expected


def test_names_beside_a_joint_banner_come_from_a_letterhead_only() -> None:
    letterhead = (
        "The Hon. Ann Lee MP\nMinister for Health\n"
        "Senator the Hon. Tom Reid\nMinister for Jobs and Industrial Relations."
    )
    blocks = [TextBlock(text=letterhead, line=1), TextBlock(text="JOINT MEDIA RELEASE", line=6)]
    parties = extract_parties(title="Hospital funding", blocks=blocks, language="en")
    assert [s.name for s in parties.signatories] == ["Ann Lee", "Tom Reid"]
    # The same names in a sentence beside the banner are people mentioned, not issuers.
    blocks[0] = TextBlock(text="The plan was welcomed by Mr Ann Lee and Ms Tom Reid.", line=1)
    parties = extract_parties(title="Hospital funding", blocks=blocks, language="en")
    assert parties.signatories == ()


@pytest.mark.parametrize(
    ("language", "blocks", "expected"),
    [
        (
            "en",
            [
                "JOINT MEDIA RELEASE",
                "THE HON. ANN LEE MP\nMINISTER FOR TRADE",
                "SENATOR THE HON. TOM REID\nMINISTER FOR FINANCE",
                "15 March 1996",
                "The Government today announced a new export scheme, the Ministers said.",
            ],
            [("Ann Lee", "Minister for Trade"), ("Tom Reid", "Minister for Finance")],
        ),
        (
            "fr",
            [
                "Mme Anne Roy\nMinistre du Travail",
                "M. Paul Durand\nMinistre de la Santé",
                "COMMUNIQUÉ DE PRESSE CONJOINT",
                "Les ministres ont annoncé un plan, a indiqué M. Otto Lang.",
            ],
            [("Anne Roy", "Ministre du Travail"), ("Paul Durand", "Ministre de la Santé")],
        ),
    ],
)
def test_a_letterhead_of_one_block_per_person_beside_a_joint_banner(
    language: str, blocks: list[str], expected: list[tuple[str, str]]
) -> None:
    parties = extract_parties(
        title="Plan", blocks=_signed_blocks(*blocks), language=language, source="s"
    )
    assert [(s.name, s.role) for s in parties.signatories] == expected


def test_leaders_who_met_fill_the_offices_of_the_title_by_office() -> None:
    # The title names the offices; the text names the holders, in the other order.
    parties = _one(
        "President Ana Costa and Prime Minister Jan Novak met in Lima today.",
        "en",
        title="Joint Statement by the Prime Minister of Malta and the President of Peru",
    )
    assert [(s.name, s.role, s.organisation) for s in parties.signatories] == [
        ("Jan Novak", "Prime Minister", "Malta"),
        ("Ana Costa", "President", "Peru"),
    ]


def test_leaders_who_met_in_french_and_no_meeting_outside_a_joint_document() -> None:
    text = "Le Président Paul Durand et la Première ministre Anne Roy se sont rencontrés à Paris."
    parties = _one(text, "fr", title="Déclaration conjointe")
    assert [s.name for s in parties.signatories] == ["Paul Durand", "Anne Roy"]
    parties = _one(text, "fr", title="Le Président reçoit la Première ministre")
    assert all(s.name is None for s in parties.signatories)


# --------------------------------------------------------------------------- offices and holders


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # A title before the name ("Senator") gives way to the office printed before it; the
        # office after "and" is the next holder's.
        (
            "en",
            "The talks were co-chaired by the Minister for Defence, Senator Ann Lee and the "
            "Acting Minister for Foreign Affairs, Tom Reid MP.",
            [
                ("Ann Lee", "Minister for Defence"),
                ("Tom Reid", "Acting Minister for Foreign Affairs"),
            ],
        ),
        (
            "fr",
            "La réunion a été coprésidée par le ministre de la Défense, le sénateur Jean Roy et "
            "la ministre des Affaires étrangères, Anne Lee.",
            [
                ("Jean Roy", "ministre de la Défense"),
                ("Anne Lee", "ministre des Affaires étrangères"),
            ],
        ),
        # An office with its own comma stays whole; the split is at the honorific.
        (
            "en",
            "The meeting was co-hosted by Peruvian Minister for Political, Legal and Security "
            "Affairs HE Luis Vega and Chilean Attorney-General Senator the Hon. Ana Costa.",
            [
                ("Luis Vega", "Peruvian Minister for Political, Legal and Security Affairs"),
                ("Ana Costa", "Chilean Attorney-General"),
            ],
        ),
        (
            "en",
            "Joint statement with the Hon. Ann Lee MP - Minister for Trade and Investment and "
            "the Hon. Tom Reid MP - Minister for Justice",
            [
                ("Ann Lee", "Minister for Trade and Investment"),
                ("Tom Reid", "Minister for Justice"),
            ],
        ),
    ],
)
def test_each_office_goes_with_its_holder(
    language: str, text: str, expected: list[tuple[str, str]]
) -> None:
    parties = _one(text, language)
    assert [(s.name, s.role) for s in parties.signatories] == expected


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "en",
            "The plan was described as sound by the Ministers for Trade, the Hon Ann Lee and "
            "Health, the Hon. Tom Reid.",
            [("Ann Lee", "Minister for Trade"), ("Tom Reid", "Minister for Health")],
        ),
        (
            "fr",
            "Le plan a été annoncé par les ministres de l’Économie, M. Paul Durand, et de la "
            "Santé, Mme Anne Roy.",
            [("Paul Durand", "ministre de l’Économie"), ("Anne Roy", "ministre de la Santé")],
        ),
    ],
)
def test_a_plural_office_is_shared_by_the_holders_that_follow(
    language: str, text: str, expected: list[tuple[str, str]]
) -> None:
    blocks = [TextBlock(text="Joint statement", line=1), TextBlock(text=text, line=3)]
    parties = extract_parties(title="Plan", blocks=blocks, language=language)
    assert [(s.name, s.role) for s in parties.signatories] == expected


def test_leaders_fill_the_countries_in_order_only_when_their_offices_name_none() -> None:
    # "President" and "Prime Minister" say nothing of a country: the two lists share an order.
    parties = _one(
        "President Ana Costa and Prime Minister Jan Novak met in Lima today.",
        "en",
        title="Joint Statement from Peru and Malta",
    )
    assert [(s.name, s.organisation) for s in parties.signatories] == [
        ("Ana Costa", "Peru"),
        ("Jan Novak", "Malta"),
    ]
    # A guest whose office names a third country fills nothing: the countries stay.
    parties = _one(
        "President Ana Costa hosted Bolivian Foreign Minister Luis Vega in Lima today.",
        "en",
        title="Joint Statement from Peru and Malta",
    )
    assert [(s.name, s.organisation) for s in parties.signatories] == [
        (None, "Peru"),
        (None, "Malta"),
    ]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "en",
            "Following is the text of the final communique of the fifth Pacific Islands Forum "
            "meeting issued in Suva on 3 May:",
            ["Pacific Islands Forum"],
        ),
        (
            "en",
            "Following is the text of the joint communique issued by the Nordic Council at the "
            "end of its session:",
            ["Nordic Council"],
        ),
        (
            "fr",
            "On trouvera ci-après le texte du communiqué final de la réunion du Conseil de "
            "l’Atlantique Nord, publié à Bruxelles :",
            ["Conseil de l’Atlantique Nord"],
        ),
        # No meeting: a person's communiqué is read by the other rules, not as a body.
        ("en", "Following is the communique of the Minister for Trade, Ms Ann Lee:", []),
    ],
)
def test_a_release_that_reproduces_a_meetings_communique(
    language: str, text: str, expected: list[str]
) -> None:
    parties = _one(text, language, title="Communique", line=5)
    assert [s.organisation for s in parties.signatories if not s.name] == expected


# --------------------------------------------------------------------------- shortcuts
# The extractor skips costly patterns with cheap tests; each must give what the
# pattern or call it stands for gives, on any text.

_FRAGMENTS = st.sampled_from(
    [
        "We",
        "we,",
        "WE",
        "Nous,",
        "nous",
        "Wir,",
        "wir",
        "nosotros",
        "noi",
        "nós",
        "wij",
        "my",
        "My,",
        "the",
        "les",
        "leaders of",
        "Leaders",
        "LEADER",
        "heads of state and government",
        "Heads of Government",
        "governments",
        "dirigeants",
        "chefs d’État et de gouvernement",
        "Staats- und Regierungschefs",
        "líderes",
        "leiders",
        "signed by the governments of",
        "SIGNED BY LEADERS OF",
        "As leaders of",
        "as the leaders of",
        "—",
        "–",
        "President Macron of France",
        "Australia, Denmark",
        "and the United States",
        "recognize",
        ",",
        ".",
        ";",
        ":",
        "\u00a0",
        "\u202f",
        "\u2007",
        "\u2009",
        "\n",
        "\r",
        "\t",
        "ſ",
        "ı",
        "İ",
        "K",
        "ß",
        "»",
        "”",
        ")",
        "]",
        "!",
        "\u3000",
    ]
)
_MIXED = st.lists(
    st.tuples(st.one_of(_FRAGMENTS, st.text(max_size=6)), st.sampled_from(["", " ", " ", ", "])),
    max_size=30,
).map(lambda parts: "".join(word + gap for word, gap in parts))
_SPACED = st.lists(_MIXED, max_size=3).map(" ".join)
_OPENING = st.tuples(
    st.sampled_from(["", "As leaders of ", "AS THE LEADERS OF ", "We — ", "we – ", "Nous, "]),
    _SPACED,
    st.sampled_from(["", ", we agree", " — recognize", ".", "\n"]),
).map("".join)


@given(_SPACED)
def test_plain_spaces_is_the_translation_table(text: str) -> None:
    from pressrelease.extract.people import _SPACES, _plain_spaces

    assert _plain_spaces(text) == text.translate(_SPACES)


@given(_SPACED)
def test_open_end_is_the_open_end_pattern(text: str) -> None:
    from pressrelease.extract.people import _OPEN_END_RE, _open_end

    assert _open_end(text) == bool(_OPEN_END_RE.search(text))


@given(_OPENING)
def test_a_we_opening_pattern_matches_only_where_its_words_are(text: str) -> None:
    from pressrelease.extract.people import (
        _CASE_FOLD_ODD,
        _MAX_SENTENCE_CHARS,
        _WE_NEEDS,
        _WE_RES,
    )

    head = text[:_MAX_SENTENCE_CHARS]
    if any(odd in head for odd in _CASE_FOLD_ODD):
        return  # the patterns always run on such text
    low = head.lower()
    for pattern, needs in zip(_WE_RES, _WE_NEEDS, strict=True):
        if pattern.search(text, 0, _MAX_SENTENCE_CHARS):
            assert any(need in low for need in needs), pattern.pattern


def test_case_fold_odd_lists_every_character_lower_does_not_fold_as_re_does() -> None:
    import re
    import sys

    from pressrelease.extract.people import (
        _CASE_FOLD_ODD,
        _CO_CHAIR_NEEDS,
        _COMMUNIQUE_NEEDS,
        _ISSUED_BY_NEEDS,
        _JOINT_NEEDS,
        _WE_NEEDS,
    )

    words = [
        *_CO_CHAIR_NEEDS,
        *_COMMUNIQUE_NEEDS,
        *_JOINT_NEEDS,
        *_ISSUED_BY_NEEDS,
        *(w for needs in _WE_NEEDS for w in needs),
    ]
    letters = {c for word in words for c in word}
    patterns = {letter: re.compile(re.escape(letter), re.IGNORECASE) for letter in letters}
    odd = set()
    for point in range(sys.maxunicode + 1):
        char = chr(point)
        if char.lower() == char and char.upper() == char:
            continue  # uncased: re.IGNORECASE matches it to itself only
        for letter, pattern in patterns.items():
            if char.lower() != letter and pattern.fullmatch(char):
                odd.add(char)
    assert odd == set(_CASE_FOLD_ODD)


_PHRASES = st.sampled_from(
    [
        "",
        "The meeting was co-chaired by ",
        "CO-CHAIRED BY ",
        "jointly chaired by ",
        "chaired jointly by ",
        "cohosted by ",
        "convened by its co-chairs, ",
        "The co-chairs were ",
        "coprésidée par ",
        "sous la co-présidence de ",
        "unter dem gemeinsamen Vorsitz von ",
        "gemeinsam geleitet von ",
        "unter Ko-Vorsitz der ",
        "copresidida por ",
        "bajo la copresidencia de ",
        "sob a co-presidência da ",
        "copresieduta dal ",
        "sotto la co-presidenza di ",
        "gezamenlijk voorgezeten door ",
        "onder het covoorzitterschap van ",
        "WSPÓŁPRZEWODNICZYLI ",
        "pod współprzewodnictwem ",
        "Following is the final communique of the ",
        "FOLLOWING ARE THE ANZUS Council communiques",
        "On trouvera ci-après le texte du communiqué final de la ",
        "Voici le texte du communiqué du ",
        "Joint Statement",
        "a COMMON position",
        "Déclaration commune",
        "déclaration conjointe",
        "Gemeinsame Erklärung",
        "declaración conjunta",
        "dichiarazione congiunta",
        "gezamenlijke verklaring",
        "wspólne oświadczenie",
        "The following joint statement was issued today by ",
        "Communiqué released by the ",
        "DECLARATION SIGNED BY ",
        "This is a joint media release between ",
    ]
)
_PHRASED = st.tuples(_SPACED, _PHRASES, _SPACED).map("".join)


@given(_PHRASED)
def test_party_patterns_match_only_where_their_words_are(text: str) -> None:
    from pressrelease.extract.people import (
        _CO_CHAIR_NEEDS,
        _CO_CHAIR_RE,
        _COMMUNIQUE_NEEDS,
        _FOLLOWING_COMMUNIQUE_RE,
        _ISSUED_BY_NEEDS,
        _ISSUED_BY_RE,
        _JOINT_NEEDS,
        _JOINT_RE,
        _MAX_SENTENCE_CHARS,
        _may_hold,
    )

    if _CO_CHAIR_RE.search(text):
        assert _may_hold(text, _CO_CHAIR_NEEDS)
    if _FOLLOWING_COMMUNIQUE_RE.search(text, 0, _MAX_SENTENCE_CHARS):
        assert _may_hold(text[:_MAX_SENTENCE_CHARS], _COMMUNIQUE_NEEDS)
    if _JOINT_RE.search(text):
        assert _may_hold(text, _JOINT_NEEDS)
    if _ISSUED_BY_RE.search(text):
        assert _may_hold(text, _ISSUED_BY_NEEDS)


@given(_SPACED, st.sampled_from(["", "HON. ", "Hon. ", "Mr ", "DR. ", "the Hon ", "Mme ", "ÉTÉ"]))
def test_letterhead_shortcuts_agree_with_what_they_replace(text: str, prefix: str) -> None:
    from pressrelease.extract.people import (
        _LETTERHEAD_HONORIFIC_RE,
        _LETTERHEAD_NEEDS,
        _mostly_upper,
    )

    for sample in (
        text,
        prefix + text,
        (prefix + text).upper(),
        (prefix + text).encode("ascii", "replace").decode("ascii"),
    ):
        assert _mostly_upper(sample) == (
            sum(c.isupper() for c in sample) > sum(c.islower() for c in sample)
        )
        if _LETTERHEAD_HONORIFIC_RE.search(sample):
            assert any(need in sample for need in _LETTERHEAD_NEEDS)


def test_the_shipped_cldr_territory_names_are_babels() -> None:
    # Shipped so that reading a party list loads no Babel locale; after a Babel upgrade
    # that changes CLDR's names, run: python tools/cldr_tables.py
    from pressrelease.extract._cldr_territories import TERRITORIES
    from pressrelease.extract.dates import LANGUAGES
    from pressrelease.extract.people import cldr_territory_names

    assert set(TERRITORIES) == {"en", *LANGUAGES}
    for tag, names in TERRITORIES.items():
        assert cldr_territory_names(tag) == names, tag
    assert "deutschland" in TERRITORIES["de"]
    assert cldr_territory_names("xx-unknown") == ()
