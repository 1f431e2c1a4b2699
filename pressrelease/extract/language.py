"""The language of a release's text, as a BCP 47 tag, with py3langid.

py3langid (a maintained fork of langid.py) ships its own model, runs offline,
is deterministic and classifies a page in well under a millisecond; loading
the model (it imports numpy and decompresses ~1 s of data) happens once per
process, on the first call, never at import.

The model knows about 140 languages. Press releases here are in the EU's 24
official languages or the UN's six, so those are preferred: when the best
guess lies outside them and is not confident, the best of them is taken
instead (short, name-heavy texts otherwise come out as Latin or Occitan).

>>> detect_language("Le dialogue a été coprésidé par Mme Joanneke Balfoort, directrice")
'fr'
>>> detect_language("Gemeinsame Erklärung der Präsidentin der Kommission und des Rates")
'de'
>>> detect_language("1 2 3") is None
True
"""

from __future__ import annotations

import re
import threading
from functools import cache
from typing import Any

from pressrelease.extract.function_words import clear_winner

__all__ = ["OFFICIAL_LANGUAGES", "detect_language"]

#: EU official languages and the UN's (ar, en, es, fr, ru, zh).
OFFICIAL_LANGUAGES: frozenset[str] = frozenset(
    [
        "bg",
        "cs",
        "da",
        "de",
        "el",
        "en",
        "es",
        "et",
        "fi",
        "fr",
        "ga",
        "hr",
        "hu",
        "it",
        "lt",
        "lv",
        "mt",
        "nl",
        "pl",
        "pt",
        "ro",
        "sk",
        "sl",
        "sv",
        "ar",
        "zh",
        "ru",
    ]
)

#: Fewest letters worth classifying; below this the guess is noise.
MIN_LETTERS = 20
#: How sure the model must be to return a language outside :data:`OFFICIAL_LANGUAGES`.
OUTSIDE_CONFIDENCE = 0.95
#: Characters classified: the model's answer is stable long before this.
SAMPLE_CHARS = 1500

_LOCK = threading.Lock()
_LETTER = re.compile(r"[^\W\d_]")


@cache
def _identifier() -> Any:
    with _LOCK:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier  # numpy: load on use

        return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """The BCP 47 language of ``text``, or ``None`` when it has too few letters.

    Only the first :data:`SAMPLE_CHARS` characters are looked at.
    """
    sample = text[:SAMPLE_CHARS]
    if len(_LETTER.findall(sample, 0, 2000)) < MIN_LETTERS:
        return None
    # Function words settle most releases without loading the statistical model.
    settled = clear_winner(sample)
    if settled is not None:
        return settled
    ranking: list[tuple[str, float]] = _identifier().rank(sample)
    best, confidence = ranking[0]
    if best in OFFICIAL_LANGUAGES or confidence >= OUTSIDE_CONFIDENCE:
        return str(best)
    for language, _ in ranking:
        if language in OFFICIAL_LANGUAGES:
            return str(language)
    return str(best)
