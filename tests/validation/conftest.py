"""The reference record, built by hand from the seed document, for the validation tests."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from pressrelease.model import Link, Location, Paragraph, PressRelease, Signatory

SEED = "seed/eeas-201203_6-fr.txt"
_MARK = " (lien externe)"
_PACT = "Pacte mondial de coordination contre le terrorisme des Nations unies"


def build_reference(corpus: Path) -> PressRelease:
    """The reference document's record, every value checked by hand against the text.

    The paragraphs are the document's own text; the trailing ``(lien externe)``
    mark becomes a link without URL on the phrase before it.
    """
    text = (corpus / SEED).read_text(encoding="utf-8")
    blocks = text.split("\n\n")
    assert (
        blocks[0] == "Lutte contre le terrorisme: troisième dialogue à haut niveau UE-Nations unies"
    )
    assert blocks[1] == "Brussels, 03/12/2020 - 16:53, UNIQUE ID: 201203_6\nJoint Press Releases"
    paragraphs = blocks[2:7]
    assert blocks[7].strip() == "Languages:"  # an empty list of translations
    assert paragraphs[4].endswith(_PACT + _MARK + ".")
    last = paragraphs[4].replace(_MARK, "")
    source = SEED.rsplit("/", 1)[1]
    body = [
        Paragraph(text=para, location=Location(source=source, line=6 + 2 * i, column=1))
        for i, para in enumerate(paragraphs[:4])
    ]
    body.append(
        Paragraph(
            text=last,
            links=(Link(text=_PACT, href=None, start=last.index(_PACT)),),
            location=Location(source=source, line=14, column=1),
        )
    )
    return PressRelease(
        title=blocks[0],
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
                location=Location(source=source, line=14, column=37),
            ),
            Signatory(
                name="Vladimir Voronkov",
                honorific="M.",
                role="secrétaire général adjoint",
                organisation="Bureau de lutte contre le terrorisme des Nations unies",
                location=Location(source=source, line=14, column=181),
            ),
        ),
        participants=(
            Signatory(name="Gilles de Kerchove", honorific="M.",
                      role="coordinateur de l’Union européenne pour la lutte contre le terrorisme",
                      location=Location(source=source, line=14, column=314)),
        ),
        body=tuple(body),
        locations={
            "$.title": Location(source=source, line=1, column=1),
            "$.place": Location(source=source, line=3, column=1),
            "$.published": Location(source=source, line=3, column=11),
            "$.unique_id": Location(source=source, line=3, column=42),
            "$.category": Location(source=source, line=4, column=1),
            "$.signatories": Location(source=source, line=14, column=37),
        },
    )  # fmt: skip


@pytest.fixture
def reference(corpus: Path) -> PressRelease:
    """The reference record (EEAS 201203_6, in French)."""
    return build_reference(corpus)
