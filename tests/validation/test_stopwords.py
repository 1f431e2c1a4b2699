"""The function-word check that spares the language detector when the text agrees."""

from __future__ import annotations

import attrs
import pytest

from pressrelease import PressRelease, validate
from pressrelease.extract.function_words import confirms
from pressrelease.validation import rules

# Sentences written for these tests, one per language, each long enough to settle.
SAMPLES = {
    "en": "The ministers of the Union and the Secretary-General of the United Nations met in "
    "Brussels on Thursday to discuss the review of the strategy, which is to be adopted by the "
    "Assembly, and the support that is given to the victims of terrorism in the region.",
    "de": "Die Minister der Union und der Generalsekretär der Vereinten Nationen haben sich am "
    "Donnerstag in Brüssel getroffen, um die Überprüfung der Strategie zu erörtern, die von der "
    "Versammlung angenommen werden soll, und die Unterstützung für die Opfer, die nicht vergessen wird.",
    "es": "Los ministros de la Unión y el Secretario General de las Naciones Unidas se reunieron "
    "el jueves en Bruselas para debatir la revisión de la estrategia que se adoptará en la "
    "Asamblea y el apoyo a las víctimas del terrorismo en la región, como se acordó con sus socios.",
    "it": "I ministri dell'Unione e il Segretario generale delle Nazioni Unite si sono riuniti "
    "giovedì a Bruxelles per discutere della revisione della strategia che sarà adottata "
    "dall'Assemblea e del sostegno alle vittime del terrorismo nella regione, con gli altri partner.",
    "nl": "De ministers van de Unie en de secretaris-generaal van de Verenigde Naties zijn op "
    "donderdag in Brussel bijeengekomen om de herziening van de strategie te bespreken die door de "
    "Vergadering moet worden aangenomen, en de steun voor de slachtoffers van het terrorisme.",
    "pl": "Ministrowie Unii i Sekretarz Generalny Organizacji Narodów Zjednoczonych spotkali się "
    "w czwartek w Brukseli, aby omówić przegląd strategii, która ma zostać przyjęta przez "
    "Zgromadzenie, oraz wsparcie dla ofiar terroryzmu w regionie, które nie jest wystarczające i to od dawna.",
}


@pytest.mark.parametrize("language", sorted(SAMPLES))
def test_confirms_the_right_language_only(language: str) -> None:
    text = SAMPLES[language]
    assert confirms(language, text)
    for other in SAMPLES:
        if other != language:
            assert not confirms(other, text), other


def test_short_or_unknown_is_not_settled() -> None:
    assert not confirms("en", "The talks of the day.")
    assert not confirms("zh", SAMPLES["en"])  # no word list: the detector decides
    assert not confirms("en", "")


def _no_detector() -> rules.LanguageDetector:
    raise AssertionError("the detector must not be loaded")


def test_agreeing_text_never_loads_the_detector(
    reference: PressRelease, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(rules, "default_language_detector", _no_detector)
    assert validate(reference).findings == ()


def test_disagreeing_text_goes_to_the_real_detector(reference: PressRelease) -> None:
    (finding,) = validate(attrs.evolve(reference, language="de")).findings
    assert finding.code == "PR422"
    assert finding.message == "the language is given as 'de' but the text reads as 'fr'"
