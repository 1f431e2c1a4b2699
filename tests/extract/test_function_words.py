"""clear_winner: function words name a language only when they leave no doubt."""

from __future__ import annotations

from pathlib import Path

import pytest

from pressrelease.extract.function_words import clear_winner

SEED = Path(__file__).resolve().parents[2] / "examples" / "seed" / "eeas-201203_6-fr.txt"

# Hand-written paragraphs, one per language, each plainly in that language.
SAMPLES = {
    "en": "The discussions focused on the priorities of the counter-terrorism agenda and on "
    "the review of the strategy, which the representatives of the EU and of the United "
    "Nations have agreed to strengthen. They are committed to the protection of victims "
    "and to the exchange of analysis with the partners that are in the region.",
    "de": "Die Gespräche konzentrierten sich auf die Prioritäten der Strategie und auf die "
    "Überprüfung der Maßnahmen, die von den Vertretern der EU und der Vereinten Nationen "
    "für den Schutz der Opfer beschlossen wurden. Sie werden die Zusammenarbeit mit den "
    "Partnern in der Region ausbauen und sich für den Austausch einsetzen, der nicht "
    "nur auf die Sicherheit zielt.",
    "es": "Las conversaciones se centraron en las prioridades de la estrategia y en la "
    "revisión de las medidas que los representantes de la UE y de las Naciones Unidas "
    "adoptaron para la protección de las víctimas. Se comprometieron a reforzar la "
    "cooperación con los socios de la región y a intercambiar sus análisis con el fin "
    "de prevenir el extremismo en el mundo.",
    "it": "Le discussioni si sono concentrate sulle priorità della strategia e sul riesame "
    "delle misure che i rappresentanti della UE e delle Nazioni Unite hanno adottato per "
    "la protezione delle vittime. Si sono impegnati a rafforzare la cooperazione con i "
    "partner della regione e a condividere le loro analisi per la prevenzione "
    "dell'estremismo nel mondo e il sostegno alle vittime.",
    "nl": "De besprekingen waren gericht op de prioriteiten van de strategie en op de "
    "herziening van de maatregelen die de vertegenwoordigers van de EU en de Verenigde "
    "Naties hebben genomen voor de bescherming van de slachtoffers. Zij hebben zich "
    "ertoe verbonden de samenwerking met de partners in de regio te versterken en hun "
    "analyses uit te wisselen met het oog op de preventie van extremisme.",
}


@pytest.mark.parametrize("language", sorted(SAMPLES))
def test_a_plain_paragraph_names_its_language(language: str) -> None:
    assert clear_winner(SAMPLES[language]) == language


def test_the_reference_document_is_french() -> None:
    assert clear_winner(SEED.read_text(encoding="utf-8")) == "fr"


def test_short_mixed_or_unlisted_text_is_left_to_the_detector() -> None:
    assert clear_winner("Joint statement") is None
    assert clear_winner(SAMPLES["en"][:120] + " " + SAMPLES["de"][:120]) is None
    assert clear_winner("联合国和欧洲联盟今天在布鲁塞尔举行了第三次反恐高级别对话。" * 20) is None
