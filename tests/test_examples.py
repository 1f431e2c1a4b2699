"""The reference document and its record, built here by hand from the document.

``examples/seed/eeas-201203_6-fr.txt`` is the seed press release; its record
is written out as ``.json`` and ``.xml`` beside it. The record below was
typed from the document (the paragraphs copied exactly, with their
no-break spaces and typographic apostrophes), not produced by a reader.
"""

from __future__ import annotations

import io
import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import jsonschema
import pytest
from lxml import etree

from pressrelease.model import Link, Paragraph, PressRelease, Signatory
from pressrelease.serialize.json import from_json, read_json, to_json, write_json
from pressrelease.serialize.schemas import json_schema, xml_schema
from pressrelease.serialize.xml import from_xml, read_xml, to_xml, write_xml

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "seed"
DOCUMENT = EXAMPLES / "eeas-201203_6-fr.txt"
NBSP = "\u00a0"

PARAGRAPHS = (
    "Les attentats terroristes perpétrés à travers le monde, et notamment en Europe, révèlent "
    "toute l’ampleur de la menace constante que font planer sur nous toutes les formes "
    "d'extrémisme violent. Nous avons impérativement besoin d’un puissant partenariat "
    "multilatéral si nous entendons combattre efficacement pareille menace, tout en respectant "
    "pleinement les droits de l’homme et les principes du droit international. C’est dans cette "
    "perspective que les dirigeants des Nations unies et de l’Union européenne (UE) ont tenu "
    "leur troisième dialogue annuel sur la lutte contre le terrorisme, le 2" + NBSP + "décembre "
    "dernier.",
    "Les discussions ont essentiellement porté sur les priorités politiques du programme "
    "d’action intérieure et extérieure de l’UE en matière de lutte contre le terrorisme et de "
    "prévention de l’extrémisme violent, sur le prochain réexamen de la stratégie antiterroriste "
    "mondiale des Nations unies et sur les préparatifs de la Semaine de la lutte contre le "
    "terrorisme 2020 organisée sous les auspices des Nations unies et à l’occasion de laquelle "
    "l’UE apportera son soutien actif au tout premier Congrès mondial des victimes du "
    "terrorisme. Les représentants des Nations unies et de l’UE ont rappelé que les attentats "
    "terroristes portaient atteinte de la manière la plus grave qui soit aux principes "
    "fondamentaux de nos sociétés et que les besoins des victimes du terrorisme méritaient "
    "d’être pris en compte et de faire l’objet d’une réponse, y compris sous la forme de "
    "l’adoption de mesures de protection, d’appui et d’assistance.",
    "Conformément au cadre de lutte contre le terrorisme signé l’an dernier entre les Nations "
    "unies et l’UE, leurs représentants sont convenus d’intensifier la coopération en matière "
    "de lutte contre le terrorisme et de prévention de l’extrémisme violent en Afrique, en "
    "Asie, au Moyen-Orient et dans les Balkans occidentaux. La discussion a aussi porté sur de "
    "nouvelles activités, telles que le soutien apporté à l’Iraq pour améliorer sa collecte de "
    "données relatives aux délits commis par l’EIIL/Daech dans le pays et traduire les auteurs "
    "en justice, ainsi que sur un nouveau projet aidant les pays d’Asie centrale à réintégrer "
    "les enfants des combattants terroristes étrangers et leurs familles.",
    "Les participants se sont engagés à intensifier les échanges entre l’UE et les Nations "
    "unies en vue de partager leurs analyses et leurs évaluations. À cet égard, l’UE a fait "
    "part de son intention de renforcer les échanges et la coopération entre l’UE et les "
    "Nations unies en détachant auprès de la délégation de l’UE auprès des Nations unies à New "
    "York un officier de liaison spécialisé dans la lutte contre le terrorisme.",
    "Le dialogue a été coprésidé par Mme" + NBSP + "Joanneke Balfoort, directrice chargée de la "
    "politique de sécurité et de défense au sein du Service européen pour l’action extérieure, "
    "et par M." + NBSP + "Vladimir Voronkov, secrétaire général adjoint du Bureau de lutte "
    "contre le terrorisme des Nations unies, avec la participation de M." + NBSP + "Gilles de "
    "Kerchove, coordinateur de l’Union européenne pour la lutte contre le terrorisme, et de "
    "représentants de la Commission européenne, ainsi que de représentants principaux et de "
    "haut rang de 16" + NBSP + "entités signataires du Pacte mondial de coordination contre le "
    "terrorisme des Nations unies (lien externe).",
)

#: The words "(lien externe)" marks as a link (the printed page links the Compact's name).
LINKED = "Pacte mondial de coordination contre le terrorisme des Nations unies"
#: Where LINKED starts in the last paragraph (the model checks it matches the text).
LINK_START = 536


def seed_record() -> PressRelease:
    """The seed document's record, built by hand."""
    return PressRelease(
        title="Lutte contre le terrorisme: troisième dialogue à haut niveau UE-Nations unies",
        unique_id="201203_6",
        published=datetime(2020, 12, 3, 16, 53, tzinfo=timezone(timedelta(hours=1))),
        place="Brussels",
        category="Joint Press Releases",
        language="fr",
        issuer="eeas",
        signatories=(
            Signatory(
                name="Joanneke Balfoort",
                honorific="Mme",
                role="directrice chargée de la politique de sécurité et de défense",
                organisation="Service européen pour l’action extérieure",
            ),
            Signatory(
                name="Vladimir Voronkov",
                honorific="M.",
                role="secrétaire général adjoint",
                organisation="Bureau de lutte contre le terrorisme des Nations unies",
            ),
        ),
        participants=(
            Signatory(
                name="Gilles de Kerchove",
                honorific="M.",
                role="coordinateur de l’Union européenne pour la lutte contre le terrorisme",
            ),
        ),
        body=(
            *(Paragraph(text=text) for text in PARAGRAPHS[:-1]),
            Paragraph(text=PARAGRAPHS[-1], links=(Link(text=LINKED, start=LINK_START),)),
        ),
    )


def test_the_hand_built_record_matches_the_document() -> None:
    document = DOCUMENT.read_text(encoding="utf-8")
    record = seed_record()
    lines = document.split("\n")
    assert lines[0] == record.title
    assert lines[2] == "Brussels, 03/12/2020 - 16:53, UNIQUE ID: 201203_6"
    assert lines[3] == record.category
    # every paragraph is a whole line of the document, in order, and nothing else is body
    assert [line for line in lines[5:14] if line] == list(PARAGRAPHS)
    last = record.body[-1]
    assert last.text[LINK_START:].startswith(LINKED + " (lien externe)")
    for signatory in (*record.signatories, *record.participants):
        assert f"{signatory.honorific}{NBSP}{signatory.name}, {signatory.role}" in document
    for signatory in record.signatories:
        assert signatory.organisation is not None
        assert signatory.organisation in document
    assert record.published is not None
    assert record.published.isoformat() == "2020-12-03T16:53:00+01:00"


def test_the_example_document_is_the_corpus_seed(corpus: Path) -> None:
    assert DOCUMENT.read_bytes() == (corpus / "seed" / "eeas-201203_6-fr.txt").read_bytes()


def test_example_json_is_what_the_writer_writes() -> None:
    record = seed_record()
    text = (EXAMPLES / "eeas-201203_6-fr.json").read_text(encoding="utf-8")
    assert text == to_json(record) + "\n"
    out = io.BytesIO()
    report = write_json([record], out)
    assert out.getvalue() == text.encode("utf-8")
    assert (report.format, report.records, report.lossy) == ("json", 1, ())
    assert from_json(text) == record
    assert list(read_json(text.encode("utf-8"))) == [record]
    validator = jsonschema.Draft202012Validator(
        json_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    validator.validate(json.loads(text))


def test_example_xml_is_what_the_writer_writes() -> None:
    record = seed_record()
    data = (EXAMPLES / "eeas-201203_6-fr.xml").read_bytes()
    assert data == to_xml(record)
    out = io.BytesIO()
    assert write_xml([record], out).records == 1
    assert out.getvalue() == data
    assert from_xml(data) == record
    assert list(read_xml(io.BytesIO(data))) == [record]
    schema = xml_schema()
    assert schema.validate(etree.fromstring(data)), schema.error_log


@pytest.mark.parametrize("suffix", [".json", ".xml"])
def test_example_files_keep_the_offset(suffix: str) -> None:
    data = (EXAMPLES / f"eeas-201203_6-fr{suffix}").read_bytes()
    record = from_json(data) if suffix == ".json" else from_xml(data)
    assert record.published is not None
    assert record.published.isoformat() == "2020-12-03T16:53:00+01:00"
