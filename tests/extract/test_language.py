"""Tests for pressrelease.extract.language (py3langid, loaded once)."""

from __future__ import annotations

import pytest

from pressrelease.extract import language
from pressrelease.extract.language import OFFICIAL_LANGUAGES, detect_language

SAMPLES = {
    "bg": "Европейският съюз и Организацията на обединените нации проведоха диалог за борба с тероризма.",
    "cs": "Evropská unie a Organizace spojených národů uspořádaly třetí dialog o boji proti terorismu.",
    "da": "Den Europæiske Union og De Forenede Nationer afholdt deres tredje dialog om terrorbekæmpelse.",
    "de": "Die Europäische Union und die Vereinten Nationen haben ihren dritten Dialog zur Terrorismusbekämpfung geführt.",
    "el": "Η Ευρωπαϊκή Ένωση και τα Ηνωμένα Έθνη πραγματοποίησαν τον τρίτο διάλογο για την καταπολέμηση της τρομοκρατίας.",
    "en": "The European Union and the United Nations held their third high-level dialogue on counter-terrorism.",
    "es": "La Unión Europea y las Naciones Unidas celebraron su tercer diálogo de alto nivel sobre la lucha contra el terrorismo.",
    "fi": "Euroopan unioni ja Yhdistyneet kansakunnat kävivät kolmannen terrorisminvastaisen vuoropuhelunsa.",
    "fr": "L'Union européenne et les Nations unies ont tenu leur troisième dialogue sur la lutte contre le terrorisme.",
    "hu": "Az Európai Unió és az Egyesült Nemzetek Szervezete megtartotta harmadik párbeszédét a terrorizmus elleni küzdelemről.",
    "it": "L'Unione europea e le Nazioni Unite hanno tenuto il loro terzo dialogo sulla lotta al terrorismo.",
    "nl": "De Europese Unie en de Verenigde Naties hebben hun derde dialoog over terrorismebestrijding gehouden.",
    "pl": "Unia Europejska i Organizacja Narodów Zjednoczonych przeprowadziły trzeci dialog w sprawie zwalczania terroryzmu.",
    "pt": "A União Europeia e as Nações Unidas realizaram o seu terceiro diálogo sobre a luta contra o terrorismo.",
    "ro": "Uniunea Europeană și Organizația Națiunilor Unite au organizat al treilea dialog privind combaterea terorismului.",
    "sv": "Europeiska unionen och Förenta nationerna höll sin tredje dialog om kampen mot terrorism.",
    "ru": "Европейский союз и Организация Объединённых Наций провели третий диалог по борьбе с терроризмом.",
    "ar": "عقد الاتحاد الأوروبي والأمم المتحدة حوارهما الثالث رفيع المستوى بشأن مكافحة الإرهاب.",
    "zh": "欧洲联盟和联合国举行了第三次反恐高级别对话，讨论了合作的优先事项。",
}


@pytest.mark.parametrize(("expected", "text"), sorted(SAMPLES.items()))
def test_official_languages(expected: str, text: str) -> None:
    assert detect_language(text) == expected


def test_too_little_text_gives_none() -> None:
    assert detect_language("") is None
    assert detect_language("SG/SM/21765 17 April 2023") is None


def test_unsure_guesses_outside_the_official_languages_are_not_taken() -> None:
    # The model's best guess for these names is Luxembourgish, with little confidence.
    names = "Joanneke Balfoort Vladimir Voronkov Gilles de Kerchove Bruxelles"
    assert language._identifier().rank(names)[0][0] == "lb"
    assert detect_language(names) in OFFICIAL_LANGUAGES


def test_confident_guesses_outside_the_official_languages_are_kept() -> None:
    latin = "Gallia est omnis divisa in partes tres, quarum unam incolunt Belgae, aliam Aquitani."
    assert detect_language(latin) == "la"


def test_model_is_loaded_once() -> None:
    first = language._identifier()
    detect_language("The European Union and the United Nations held their third dialogue.")
    assert language._identifier() is first
