"""The seed press release's record, typed by hand from the document.

``examples/seed/eeas-201203_6-fr.txt`` (a copy of the corpus seed) is the
reference document. Its record below was written from the document itself
(the paragraphs copied exactly, with their no-break spaces and typographic
apostrophes, and the "(lien externe)" mark kept in the text), not produced
by a reader; ``tests/test_examples.py`` checks it against the document line
by line. Every test that needs the reference record imports it from here.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from pressrelease.model import Link, Location, Paragraph, PressRelease, Signatory

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


def seed_record(source: str | None = None) -> PressRelease:
    """The seed document's record, built by hand.

    With ``source``, every value also carries the line and column where it
    stands in the document (counted by hand: line 3 is the dateline, line 14
    the last paragraph, where the co-chairs are named).
    """

    def at(line: int, column: int) -> Location | None:
        return None if source is None else Location(source=source, line=line, column=column)

    def where(**paths: tuple[int, int]) -> dict[str, Location]:
        return (
            {}
            if source is None
            else {
                f"$.{path}": Location(source=source, line=line, column=column)
                for path, (line, column) in paths.items()
            }
        )

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
                location=at(14, 37),
            ),
            Signatory(
                name="Vladimir Voronkov",
                honorific="M.",
                role="secrétaire général adjoint",
                organisation="Bureau de lutte contre le terrorisme des Nations unies",
                location=at(14, 181),
            ),
        ),
        participants=(
            Signatory(
                name="Gilles de Kerchove",
                honorific="M.",
                role="coordinateur de l’Union européenne pour la lutte contre le terrorisme",
                location=at(14, 314),
            ),
        ),
        body=(
            *(
                Paragraph(text=text, location=at(6 + 2 * i, 1))
                for i, text in enumerate(PARAGRAPHS[:-1])
            ),
            Paragraph(
                text=PARAGRAPHS[-1],
                links=(Link(text=LINKED, start=LINK_START),),
                location=at(14, 1),
            ),
        ),
        locations=where(
            title=(1, 1),
            place=(3, 1),
            published=(3, 11),
            unique_id=(3, 42),
            category=(4, 1),
            signatories=(14, 37),
        ),
    )
