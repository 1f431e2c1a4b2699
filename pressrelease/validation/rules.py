"""The checks: one small function per rule code.

Each check takes the record and a :class:`Context` and yields :class:`Hit`
values (a JSON path and a message); the validator turns them into findings
with the rule's code, severity and the value's location. Rules that only
readers can see (an impossible date, a time without zone) have no function
here: they come in as the record's notices.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from functools import cache

import attrs

from pressrelease.extract.function_words import confirms
from pressrelease.issuers import ISSUER_KEYS, IdPattern, Issuer, get_issuer, issuer_for_id
from pressrelease.model import PressRelease, Signatory
from pressrelease.validation.bcp47 import tag_problem
from pressrelease.validation.config import LanguageDetector, ValidationConfig
from pressrelease.validation.text import fold, invisible_characters, unsafe_scheme, words

__all__ = ["CHECKS", "JOINT_WORDS", "Context", "Hit", "default_language_detector"]


@attrs.frozen
class Hit:
    """A rule's finding before it gets a code and severity: the JSON path and the message."""

    path: str
    message: str


@attrs.frozen(kw_only=True)
class Context:
    """What a check may consult besides the record."""

    config: ValidationConfig
    today: date


Check = Callable[[PressRelease, Context], Iterator[Hit]]

# --- IDs -------------------------------------------------------------------


def _blank(value: str | None) -> bool:
    return value is None or not value.strip()


def id_missing(record: PressRelease, ctx: Context) -> Iterator[Hit]:
    """PR101: no unique ID."""
    if _blank(record.unique_id):
        yield Hit("$.unique_id", "the release has no unique ID")


@cache
def _issuer_with(key: str, extra: tuple[re.Pattern[str], ...]) -> Issuer | None:
    base = get_issuer(key) if key in ISSUER_KEYS else None
    if not extra:
        return base
    added = tuple(
        IdPattern(regex=pattern, example=pattern.pattern, description="configured ID pattern")
        for pattern in extra
    )
    if base is None:
        return Issuer(key=key, name=key, id_patterns=added)
    return attrs.evolve(base, id_patterns=base.id_patterns + added)


def _issuer(record: PressRelease, ctx: Context) -> Issuer | None:
    if record.issuer is None:
        return None
    return _issuer_with(record.issuer, tuple(ctx.config.id_patterns.get(record.issuer, ())))


def id_malformed(record: PressRelease, ctx: Context) -> Iterator[Hit]:
    """PR102: the ID has none of its issuer's forms (issuer known, or configured)."""
    value = record.unique_id
    issuer = _issuer(record, ctx)
    if _blank(value) or issuer is None or not issuer.id_patterns:
        return
    assert value is not None
    if issuer.match_id(value) is None:
        forms = "; ".join(f"{p.description} (like {p.example!r})" for p in issuer.id_patterns[:3])
        yield Hit(
            "$.unique_id",
            f"unique ID {value!r} has none of the forms of {issuer.name} ({issuer.key}) IDs: "
            f"{forms}",
        )


def _day_of(value: datetime | date) -> date:
    return value.date() if isinstance(value, datetime) else value


def id_date_mismatch(record: PressRelease, ctx: Context) -> Iterator[Hit]:
    """PR103: the date the ID encodes is not the publication date."""
    value = record.unique_id
    if _blank(value) or record.published is None:
        return
    assert value is not None
    issuer = _issuer(record, ctx) or issuer_for_id(value)
    if issuer is None:
        return
    day = _day_of(record.published)
    if issuer.id_agrees_with(value, day) is False:
        parts = issuer.id_date(value)
        assert parts is not None
        year, month, dom = parts
        encoded = (
            f"{year:04d}" + (f"-{month:02d}" if month else "") + (f"-{dom:02d}" if dom else "")
        )
        yield Hit(
            "$.unique_id",
            f"unique ID {value!r} encodes {encoded} but the release is dated {day.isoformat()}",
        )


# --- dates -----------------------------------------------------------------


def date_missing(record: PressRelease, ctx: Context) -> Iterator[Hit]:
    """PR201: no publication date."""
    if record.published is None:
        yield Hit("$.published", "the release has no publication date")


def date_in_future(record: PressRelease, ctx: Context) -> Iterator[Hit]:
    """PR204: dated after today.

    A datetime is compared in UTC. A date alone is compared with the latest
    calendar day anywhere on Earth while it is ``today`` in UTC (``today`` + 1),
    so that a release dated by its local calendar east of Greenwich passes.
    """
    published = record.published
    if published is None:
        return
    if isinstance(published, datetime):
        future = published.astimezone(UTC).date() > ctx.today
    else:
        future = published > ctx.today + timedelta(days=1)
    if future:
        yield Hit(
            "$.published",
            f"the release is dated {published.isoformat()}, after today ({ctx.today.isoformat()})",
        )


def date_too_old(record: PressRelease, ctx: Context) -> Iterator[Hit]:
    """PR205: dated before the oldest plausible year."""
    published = record.published
    if published is not None and published.year < ctx.config.oldest_year:
        yield Hit(
            "$.published",
            f"the release is dated {published.isoformat()}, before {ctx.config.oldest_year} "
            "(set oldest-year if that is genuine)",
        )


# --- parties ---------------------------------------------------------------


def no_signatories(record: PressRelease, ctx: Context) -> Iterator[Hit]:
    """PR301: nobody signs the release."""
    if not record.signatories:
        yield Hit("$.signatories", "the release names no signatory")


def _joint_table() -> dict[str, tuple[str, ...]]:
    # The word for "joint" (as in "joint statement/press release") in the 24
    # official languages of the EU, with the inflections titles use.
    return {
        "bg": ("съвместно", "съвместна", "съвместен", "съвместни"),
        "cs": ("společné", "společný", "společná", "společného", "společném"),
        "da": ("fælles",),
        "de": ("gemeinsam", "gemeinsame", "gemeinsamer", "gemeinsames", "gemeinsamen"),
        "el": ("κοινή", "κοινό", "κοινός", "κοινές", "κοινά", "κοινής", "κοινού"),
        "en": ("joint", "jointly"),
        "es": ("conjunto", "conjunta", "conjuntos", "conjuntas"),
        "et": ("ühine", "ühise", "ühisavaldus", "ühispressiteade"),
        "fi": ("yhteinen", "yhteisen", "yhteiset", "yhteislausunto", "yhteistiedote"),
        "fr": ("conjoint", "conjointe", "conjoints", "conjointes", "commun", "commune",
               "communs", "communes"),
        "ga": ("comhráiteas", "comhphreasráiteas"),
        "hr": ("zajednička", "zajednički", "zajedničko", "zajedničke"),
        "hu": ("közös",),
        "it": ("congiunto", "congiunta", "congiunti", "congiunte"),
        "lt": ("bendras", "bendra", "bendrą", "bendrasis", "bendrame"),
        "lv": ("kopīgs", "kopīgā", "kopīgais", "kopīga", "kopīgi", "kopīgo"),
        "mt": ("konġunt", "konġunta", "konġunti"),
        "nl": ("gezamenlijk", "gezamenlijke"),
        "pl": ("wspólne", "wspólny", "wspólna", "wspólnego", "wspólnej", "wspólnym"),
        "pt": ("conjunto", "conjunta", "conjuntos", "conjuntas"),
        "ro": ("comun", "comună", "comune", "comuni"),
        "sk": ("spoločné", "spoločný", "spoločná", "spoločného", "spoločnom"),
        "sl": ("skupna", "skupno", "skupni", "skupne"),
        "sv": ("gemensam", "gemensamt", "gemensamma"),
    }  # fmt: skip


#: Words that make a release joint, by language, as printed.
JOINT_WORDS: dict[str, tuple[str, ...]] = _joint_table()
_JOINT_FOLDED = frozenset(fold(word) for forms in JOINT_WORDS.values() for word in forms)


def is_joint(record: PressRelease) -> str | None:
    """The word in the category or title that says the release is joint, if any.

    >>> from pressrelease.model import PressRelease
    >>> is_joint(PressRelease(title="Déclaration commune UE-ONU"))
    'commune'
    >>> is_joint(PressRelease(title="Disjointed remarks")) is None
    True
    """
    for text in (record.category, record.title):
        if text:
            for word in words(text):
                if word in _JOINT_FOLDED:
                    return word
    return None


def _who(signatory: Signatory) -> str:
    return signatory.name or signatory.organisation or "?"


def _key(signatory: Signatory) -> tuple[str, str]:
    return fold(signatory.name or ""), fold(signatory.organisation or "")


def joint_too_few_parties(record: PressRelease, ctx: Context) -> Iterator[Hit]:
    """PR302: a joint release with fewer than two distinct parties."""
    word = is_joint(record)
    if word is None:
        return
    parties = {_key(s) for s in record.signatories}
    if len(parties) < 2:
        where = "category" if record.category and word in words(record.category) else "title"
        yield Hit(
            "$.signatories",
            f"the {where} says the release is joint ({word!r}) but it names "
            f"{len(parties)} {'party' if len(parties) == 1 else 'parties'}; a joint release "
            "needs at least two",
        )


def signatory_unplaced(record: PressRelease, ctx: Context) -> Iterator[Hit]:
    """PR303: a signatory with neither organisation nor role."""
    for index, signatory in enumerate(record.signatories):
        if _blank(signatory.organisation) and _blank(signatory.role):
            yield Hit(
                f"$.signatories[{index}]",
                f"signatory {_who(signatory)!r} has neither an organisation nor a role",
            )


def signatory_duplicate(record: PressRelease, ctx: Context) -> Iterator[Hit]:
    """PR304: the same signatory twice (same name and organisation, ignoring case and accents)."""
    seen: dict[tuple[str, str], int] = {}
    for index, signatory in enumerate(record.signatories):
        key = _key(signatory)
        if key in seen:
            yield Hit(
                f"$.signatories[{index}]",
                f"signatory {_who(signatory)!r} repeats signatories[{seen[key]}]",
            )
        else:
            seen[key] = index


def signatory_also_participant(record: PressRelease, ctx: Context) -> Iterator[Hit]:
    """PR305: a participant who is also a signatory (same name)."""
    signed = {fold(s.name): i for i, s in enumerate(record.signatories) if s.name}
    for index, participant in enumerate(record.participants):
        if participant.name and fold(participant.name) in signed:
            yield Hit(
                f"$.participants[{index}].name",
                f"{participant.name!r} is both a participant and "
                f"signatories[{signed[fold(participant.name)]}]",
            )


# --- title, body, language, translations -----------------------------------


def title_missing(record: PressRelease, ctx: Context) -> Iterator[Hit]:
    """PR401: no title."""
    if _blank(record.title):
        yield Hit("$.title", "the release has no title")


_LETTERS = re.compile(r"[^\W\d_]+")


def title_all_capitals(record: PressRelease, ctx: Context) -> Iterator[Hit]:
    """PR402: a shouting title.

    Only letters count. A title with no lower-case letter shouts when it has a
    word of six letters or more, or three words or more; ``NATO-UN`` and
    ``EU UNHCR`` are acronyms, not shouting. Scripts without case never shout.
    """
    title = record.title
    if not title or any(ch.islower() for ch in title):
        return
    runs = [run for run in _LETTERS.findall(title) if any(ch.isupper() for ch in run)]
    if any(len(run) >= 6 for run in runs) or len(runs) >= 3:
        yield Hit("$.title", f"the title {title!r} is all capitals")


def body_empty(record: PressRelease, ctx: Context) -> Iterator[Hit]:
    """PR411: no paragraph with text."""
    if not any(paragraph.text.strip() for paragraph in record.body):
        yield Hit("$.body", "the release has no body text")


def language_invalid(record: PressRelease, ctx: Context) -> Iterator[Hit]:
    """PR421: the record's or a translation's language is not a BCP 47 tag."""
    if record.language is not None:
        problem = tag_problem(record.language)
        if problem:
            yield Hit("$.language", f"{problem} (RFC 5646)")
    for index, translation in enumerate(record.translations):
        problem = tag_problem(translation.language)
        if problem:
            yield Hit(f"$.translations[{index}].language", f"{problem} (RFC 5646)")


#: Characters of body text needed before its language is judged: detectors guess on short texts.
MIN_CHARS_FOR_LANGUAGE = 200
#: Characters of the body given to the detector; more adds time, not certainty.
LANGUAGE_SAMPLE_CHARS = 600
_SAME_LANGUAGE = {"nb": "no", "nn": "no", "in": "id", "iw": "he", "ji": "yi", "tl": "fil"}


def _primary(tag: str) -> str:
    primary = tag.split("-", 1)[0].lower()
    return _SAME_LANGUAGE.get(primary, primary)


def default_language_detector() -> LanguageDetector:
    """The project's detector, :func:`pressrelease.extract.language.detect_language`.

    Imported on first use: the detector loads its model (and numpy) only when
    a record with a language and enough text needs it.
    """
    from pressrelease.extract.language import detect_language

    return detect_language


def _language_sample(record: PressRelease) -> str:
    """The first :data:`LANGUAGE_SAMPLE_CHARS` characters of the body, without joining all of it."""
    parts: list[str] = []
    size = 0
    for paragraph in record.body:
        parts.append(paragraph.text)
        size += len(paragraph.text) + 1
        if size >= LANGUAGE_SAMPLE_CHARS:
            break
    return "\n".join(parts)[:LANGUAGE_SAMPLE_CHARS]


def language_mismatch(record: PressRelease, ctx: Context) -> Iterator[Hit]:
    """PR422: the language given is not the one the body is written in.

    Runs the detector only for a record with a well-formed language and at
    least :data:`MIN_CHARS_FOR_LANGUAGE` characters of body text, on a sample of
    :data:`LANGUAGE_SAMPLE_CHARS` (enough for a detector, and cheap). With the
    default detector, a sample whose function words clearly confirm the
    language given (:func:`~pressrelease.extract.function_words.confirms`) is
    accepted without running the detector at all.
    """
    language = record.language
    if language is None or tag_problem(language) is not None:
        return
    text = _language_sample(record)
    if len(text) < MIN_CHARS_FOR_LANGUAGE:
        return
    if ctx.config.language_detector is None and confirms(_primary(language), text):
        return  # its function words settle it: no need for the statistical detector
    detector = ctx.config.language_detector or default_language_detector()
    if detector is None:
        return
    detected = detector(text)
    if detected and _primary(detected) != _primary(language):
        yield Hit(
            "$.language",
            f"the language is given as {language!r} but the text reads as {detected!r}",
        )


def translation_duplicate(record: PressRelease, ctx: Context) -> Iterator[Hit]:
    """PR431: two translations with the same language, or the same URL."""
    languages: dict[str, int] = {}
    urls: dict[str, int] = {}
    for index, translation in enumerate(record.translations):
        language = translation.language.strip().lower()
        if language in languages:
            yield Hit(
                f"$.translations[{index}].language",
                f"translation {translation.language!r} repeats the language of "
                f"translations[{languages[language]}]",
            )
        else:
            languages[language] = index
        if translation.url:
            if translation.url in urls:
                yield Hit(
                    f"$.translations[{index}].url",
                    f"translation URL {translation.url!r} repeats translations[{urls[translation.url]}]",
                )
            else:
                urls[translation.url] = index


# --- links and characters --------------------------------------------------


def _hrefs(record: PressRelease) -> Iterator[tuple[str, str]]:
    for i, paragraph in enumerate(record.body):
        for j, link in enumerate(paragraph.links):
            if link.href is not None:
                yield f"$.body[{i}].links[{j}].href", link.href
    for i, link in enumerate(record.related):
        if link.href is not None:
            yield f"$.related[{i}].href", link.href
    for i, translation in enumerate(record.translations):
        if translation.url is not None:
            yield f"$.translations[{i}].url", translation.url
    if record.source_url is not None:
        yield "$.source_url", record.source_url


def link_unsafe_scheme(record: PressRelease, ctx: Context) -> Iterator[Hit]:
    """PR501: a URL whose scheme, once decoded, is not http, https or mailto."""
    for path, href in _hrefs(record):
        scheme = unsafe_scheme(href)
        if scheme is not None:
            yield Hit(
                path,
                f"link {href!r} has the scheme {scheme!r}; only http, https and mailto are allowed",
            )


def _named_values(record: PressRelease) -> Iterator[tuple[str, str | None]]:
    yield "$.unique_id", record.unique_id
    yield "$.title", record.title
    yield "$.subtitle", record.subtitle
    yield "$.place", record.place
    for group in ("signatories", "participants"):
        people: tuple[Signatory, ...] = getattr(record, group)
        for i, person in enumerate(people):
            for field in ("name", "honorific", "role", "organisation"):
                yield f"$.{group}[{i}].{field}", getattr(person, field)
    for i, translation in enumerate(record.translations):
        yield f"$.translations[{i}].title", translation.title
    for i, contact in enumerate(record.contacts):
        yield f"$.contacts[{i}].name", contact.name
        yield f"$.contacts[{i}].organisation", contact.organisation


def invisible_in_names(record: PressRelease, ctx: Context) -> Iterator[Hit]:
    """PR502: control, zero-width or bidi-override characters in names, IDs and titles."""
    for path, value in _named_values(record):
        if value and not value.isspace():  # a blank value is PR401's or nobody's business
            found = invisible_characters(value)
            if found:
                listed = ", ".join(f"{name} at {position}" for position, name in found[:3])
                more = f" and {len(found) - 3} more" if len(found) > 3 else ""
                yield Hit(path, f"{path.rsplit('.', 1)[-1]} holds {listed}{more}")


#: The check of each rule code that is checked on the record.
CHECKS: dict[str, Check] = {
    "PR101": id_missing,
    "PR102": id_malformed,
    "PR103": id_date_mismatch,
    "PR201": date_missing,
    "PR204": date_in_future,
    "PR205": date_too_old,
    "PR301": no_signatories,
    "PR302": joint_too_few_parties,
    "PR303": signatory_unplaced,
    "PR304": signatory_duplicate,
    "PR305": signatory_also_participant,
    "PR401": title_missing,
    "PR402": title_all_capitals,
    "PR411": body_empty,
    "PR421": language_invalid,
    "PR422": language_mismatch,
    "PR431": translation_duplicate,
    "PR501": link_unsafe_scheme,
    "PR502": invisible_in_names,
}
