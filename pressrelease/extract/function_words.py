"""A cheap first look at a text's language, from its function words.

Counting a few dozen function words per language settles the common case in
microseconds, so the statistical detector (whose model takes most of a
second to load) runs only when the words do not: :func:`confirms` checks a
declared language, :func:`clear_winner` names one only when it leads every
other by a wide margin. Word lists that overlap (Czech and Slovak, Danish and
Swedish) only send more texts to the detector; they cannot decide wrongly
between the two, because neither then leads by the margin.

>>> confirms("fr", "Les discussions ont porté sur les priorités de la stratégie et sur le "
...          "réexamen des mesures que les représentants de l'UE et des Nations unies ont "
...          "adoptées pour la protection des victimes du terrorisme dans le monde.")
True
>>> confirms("de", "Les discussions ont porté sur les priorités de la stratégie et sur le réexamen")
False
"""

from __future__ import annotations

import re
from functools import cache

__all__ = ["clear_winner", "confirms"]

# Frequent function words (articles, conjunctions, prepositions, copulas).
_WORDS: dict[str, str] = {
    "bg": "и на да в за се от е с че не по са това които като към",
    "cs": "a se na v je že to s z do pro jsou by k o které také jako byl bylo",
    "da": "og i at det som en på er af for med til den har ikke de et fra",
    "de": "der die das und ist nicht den dem des mit ein eine zu auf für von sich im wird werden",
    "el": "και το η της του να σε με για την από των που ο τα οι στην στο",
    "en": "the and of to in is that for with on are was by this be has have which",
    "es": "el la los las y que del en por con para una es se al como su sus",
    "et": "ja on et ei see ka oli mis kui ning selle aga ta nad",
    "fi": "ja on ei että se hän oli ovat myös kanssa tai mutta kun joka",
    "fr": "le la les des et est du une un que dans pour sur pas au aux ces qui avec ont été",
    "ga": "an na agus ar le is go don ag sé ní bhí leis seo",
    "hr": "i je u na se da za su od s koji o ili kao što",
    "hu": "a az és hogy nem is egy van meg ez de csak mint volt",
    "it": "il la di e che del della per con un una sono è gli nel alla dei delle",
    "lt": "ir kad į su iš yra bet tai kaip jo o nuo dėl buvo",
    "lv": "un ir ar no uz par kas ka lai arī tas bet vai tika",
    "mt": "il u ta li f għal fuq huwa ma minn dan din kif",
    "nl": "de het een en van is dat op te voor met zijn niet aan worden die",
    "pl": "i w na z się do że nie jest o oraz przez to od dla są",
    "pt": "o a os as e que do da dos das em para com um uma não no na",
    "ro": "și de în la cu pe care nu din pentru este o un să fost",
    "ru": "и в на не что с по для это как о из к а было",
    "sk": "a sa na v je že to s z do pre sú by k o ktoré tiež ako bol",
    "sl": "in je v na se da za so z ki o pa tudi ali",
    "sv": "och i att det som en på är av för med till den har inte de ett",
}
#: How many function words (shared ones count in part) the claimed language needs...
MIN_SCORE = 6
#: ...and how many times more than any other language.
MARGIN = 2
_TOKEN = re.compile(r"\w+")


@cache
def _index() -> dict[str, tuple[str, ...]]:
    """Each function word -> the languages it belongs to."""
    index: dict[str, list[str]] = {}
    for language, words in _WORDS.items():
        for word in set(words.split()):
            index.setdefault(word, []).append(language)
    return {word: tuple(languages) for word, languages in index.items()}


def _scores(text: str) -> dict[str, float]:
    index = _index()
    # A word shared by k languages is 1/k of a vote for each.
    scores = dict.fromkeys(_WORDS, 0.0)
    for token in _TOKEN.findall(text.lower()):
        languages = index.get(token, ())
        for other in languages:
            scores[other] += 1 / len(languages)
    return scores


def confirms(language: str, text: str) -> bool:
    """Whether ``text``'s function words clearly say it is in ``language`` (a primary subtag).

    ``False`` means "not settled here", not "a different language".
    """
    if language not in _WORDS:
        return False
    scores = _scores(text)
    own = scores.pop(language)
    return own >= MIN_SCORE and own >= MARGIN * max(scores.values())


#: How many times the runner-up's votes the winner of :func:`clear_winner` needs.
WINNER_MARGIN = 2.5


def clear_winner(text: str, *, min_score: float = 2 * MIN_SCORE) -> str | None:
    """The language whose function words dominate ``text``, or ``None`` when none clearly does.

    The winner needs ``min_score`` function words (a paragraph's worth) and
    :data:`WINNER_MARGIN` times the votes of the runner-up.

    >>> clear_winner("Les attentats terroristes perpétrés à travers le monde, et notamment en "
    ...              "Europe, révèlent toute l'ampleur de la menace constante que font planer sur "
    ...              "nous toutes les formes d'extrémisme violent. Nous avons impérativement besoin "
    ...              "d'un puissant partenariat multilatéral si nous entendons combattre "
    ...              "efficacement pareille menace, tout en respectant pleinement les droits de "
    ...              "l'homme et les principes du droit international. C'est dans cette perspective "
    ...              "que les dirigeants des Nations unies et de l'Union européenne ont tenu leur "
    ...              "troisième dialogue annuel sur la lutte contre le terrorisme, le 2 décembre.")
    'fr'
    >>> clear_winner("Short text.") is None
    True
    """
    scores = _scores(text)
    ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)
    (best, top), (_, second) = ranked[0], ranked[1]
    if top >= min_score and top >= WINNER_MARGIN * second:
        return best
    return None
