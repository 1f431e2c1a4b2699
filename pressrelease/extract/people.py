"""Who issues a press release, and who only takes part: signatories and participants.

:func:`extract_parties` reads the title and the body blocks of one document
and returns a :class:`Parties` record. It looks, in this order, for

1. **co-chair sentences** (``co-chaired by X, role, and by Y, role``;
   ``coprésidé par Mme X, ..., et par M. Y, ...``; the same in German,
   Spanish, Italian, Portuguese, Dutch and Polish), whose
   ``with the participation of`` / ``avec la participation de`` /
   ``joined by``... tail names the **participants**;
2. **"We, ..." openings** (``We, the leaders of X, Y and Z``; ``We, X, Y,
   and Z, recognize``; ``As leaders of X, Y and Z, we``; ``we — President
   Macron of France, ... —``);
3. **treaty-style preambles** (``The Government of X and the Government of
   Y,`` followed by ``Recognizing ...``);
4. **statement introductions**: ``Following is UN Secretary-General X’s
   remarks``, ``issued by the Spokesperson for Secretary-General X``,
   ``On trouvera ci-après le texte du message du ..., M. X``, ``The following
   joint statement was issued by the Governments of X and Y``, ``a joint
   media release between X and Y``, and ``This was announced today in a joint statement by the Minister for
   X, Mr A, and ...`` (and its forms in the other languages);
5. in a document called joint, the **host and guest** of the meeting it
   comes from (``At the invitation of X, Y paid a visit``; ``X hosted Y``;
   ``Auf Einladung von X stattete Y ... einen Besuch ab``);
6. the **title** (``Joint Statement by President Biden and President von der
   Leyen``; ``Joint Statement from the Governments of X, Y and Z``;
   ``Déclaration commune de la France et de l’Italie``; ``Déclaration de
   l’Union européenne sur ...``; ``U.S.-EU Summit Statement``; ``...
   Sullivan’s Meeting with ... Patrushev``; a meeting's communiqué, ``Joint
   Communique from the conference of Ministers for ...``), filled with the
   host and guest when it names their countries only; then, in a joint
   document, those said to have **announced** it (``described as misleading
   by the Ministers for X, the Hon A and Y, the Hon B``), **"Joint statement
   by ..." headers** and the names printed beside a bare ``JOINT MEDIA
   RELEASE`` letterhead banner in the first blocks;
7. a **signature block** after ``We, the undersigned`` or ``Signed at ...``,
   read as rows and columns of the lines the reader hands over (a name, its
   office and organisation below it or beside it; ``For the Government of
   X:`` over a name; a table flattened cell by cell), up to any ``Witnessed
   by``: its names fill parties found without one (``the Prime Minister of
   the Kingdom of Cambodia``) or are added;

then adds the ``creators`` the page gives (front matter, JSON-LD) who are not
already there (in the form the text prints, ``F.M. Chaney`` for ``Chaney,
Fred``), unless a co-chair sentence already says who led or the parties
found are all organisations (the releasing minister of a council's
communiqué is no party); and, when nothing
at all was found, names the issuer itself for issuers that publish in their
own name (``European Commission``, ``European Parliament``, ``United
Nations``..., in the text's language where known), as the corpus labels do
for single-issuer documents.

Organisations are kept as printed, without a leading article (``the United
States`` gives ``United States``); short forms in titles are spelled out
(``U.S.-EU`` gives ``United States`` and ``European Union``). Country names
come from CLDR (Babel), in English and in the text's language.

People merely quoted (``said X``, ``« ... », a déclaré X``) are never
looked at. Groups without a named person (``représentants de la Commission
européenne``) are neither signatories nor participants: a
:class:`~pressrelease.model.Signatory` needs a name or an organisation, and a
group noun is neither.

Each signatory carries a :class:`~pressrelease.model.Location` of where its
name (or organisation) starts: the line and column inside the block for body
text; ``element="title"`` for a party found in the title,
``element="creators"`` for one from ``creators`` and ``element="issuer"``
for the issuer fallback.

>>> parties = extract_parties(
...     title="Dialogue UE-ONU",
...     blocks=[TextBlock(text="Le dialogue a été coprésidé par Mme\\u00a0Anne Dupont, directrice "
...                            "au sein du Service européen pour l’action extérieure, et par "
...                            "M.\\u00a0Jan Kowalski, secrétaire général adjoint du Bureau des "
...                            "Nations unies.", line=7)],
...     language="fr")
>>> [(s.honorific, s.name, s.role, s.organisation) for s in parties.signatories]
[('Mme', 'Anne Dupont', 'directrice', 'Service européen pour l’action extérieure'), ('M.', 'Jan Kowalski', 'secrétaire général adjoint', 'Bureau des Nations unies')]
>>> parties.signatories[1].location.line, parties.signatories[1].location.column
(7, 125)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import cache

import attrs

from pressrelease.model import Location, Signatory

__all__ = ["Parties", "TextBlock", "extract_parties", "names_organisation"]


@attrs.frozen(kw_only=True)
class TextBlock:
    """One block of body text and where it starts in the source.

    Attributes:
        text: the block's text; it may span several lines (``\\n``).
        line: 1-based line of the block's first character.
        column: 1-based column of the block's first character.
    """

    text: str
    line: int
    column: int = 1


@attrs.frozen(kw_only=True)
class Parties:
    """The parties of one release.

    Attributes:
        signatories: those who issue or co-sign it.
        participants: named people who take part without issuing it.
    """

    signatories: tuple[Signatory, ...]
    participants: tuple[Signatory, ...]


# --------------------------------------------------------------------------- vocabulary

# Spaces that typography puts after honorifics and inside names; each is replaced by
# one plain space, so offsets in the normalised text are offsets in the source.
_SPACES = str.maketrans(
    {"\u00a0": " ", "\u202f": " ", "\u2007": " ", "\u2009": " ", "\n": " ", "\r": " ", "\t": " "}
)
_SPACE_CHARS = "".join(map(chr, _SPACES))


def _plain_spaces(text: str) -> str:
    """``text.translate(_SPACES)``, by ``str.replace`` (a dict ``translate`` is ~30x slower)."""
    if text.isascii():
        if "\n" in text or "\r" in text or "\t" in text:
            return text.replace("\n", " ").replace("\r", " ").replace("\t", " ")
        return text
    for space in _SPACE_CHARS:
        if space in text:
            text = text.replace(space, " ")
    return text


def _words(text: str) -> frozenset[str]:
    """A word list written as text, one word per space."""
    return frozenset(text.split())


# Honorifics, case-sensitive, longest first. Titles of office (President,
# Minister, Senator) are roles, not honorifics.
_HONORIFIC_WORDS = (
    "Her Excellency",
    "His Excellency",
    "Son Excellence",
    "Seine Exzellenz",
    "Ihre Exzellenz",
    "Su Excelencia",
    "Sua Eccellenza",
    "Sua Excelência",
    "Zijne Excellentie",
    "Hare Excellentie",
    "Jego Ekscelencja",
    "Jej Ekscelencja",
    "the Honourable",
    "The Honourable",
    "the Honorable",
    "The Honorable",
    "Excmo. Sr.",
    "Excma. Sra.",
    "the Rt Hon.",
    "the Hon.",
    "the Hon",
    "Rt Hon.",
    "Hon.",
    "H.E.",
    "S.E.",
    "HE",
    "Mr.",
    "Mr",
    "Mrs.",
    "Mrs",
    "Ms.",
    "Ms",
    "Miss",
    "Dr.",
    "Dr",
    "Dra.",
    "Prof.",
    "Prof",
    "A/Prof",
    "Associate Professor",
    "Professor",
    "Sir",
    "Dame",
    "MM.",
    "M.",
    "Mme",
    "Mmes",
    "Mlle",
    "Me",
    "Pr",
    "Herrn",
    "Herr",
    "Frau",
    "Sr.",
    "Sra.",
    "Srta.",
    "Dña.",
    "Sig.ra",
    "Sig.",
    "Dott.ssa",
    "Dott.",
    "On.",
    "dhr.",
    "de heer",
    "mevrouw",
    "mevr.",
    "mw.",
    "Pan",
    "Pani",
    "Pana",
)
_HONORIFIC = (
    r"(?:(?:"
    + "|".join(re.escape(h) for h in sorted(_HONORIFIC_WORDS, key=len, reverse=True))
    + r") +)+"
)
_HONORIFIC_RE = re.compile(_HONORIFIC + r"(?=[^\W\d_])")

# Lower-case words allowed inside personal names.
_PARTICLES = _words(
    """
    von van der den de du da di del della des le la bin binti al el dos das ter zu y
    """
)
_PARTICLES_AFTER_PARTICLE = _words("der den des la le y")
# Particles that are also the "of" of an office ("Ministra de Sanidad").
_OF_PARTICLES = _words("de del della di do da du des dos das")
# Endings of (German, Dutch...) compound titles of office: "Sonderbeauftragter".
_ROLE_ENDINGS = (
    "beauftragte",
    "beauftragter",
    "minister",
    "ministerin",
    "sekretär",
    "sekretärin",
    "direktor",
    "direktorin",
    "präsident",
    "präsidentin",
    "leiter",
    "leiterin",
    "kommissar",
    "kommissarin",
    "botschafter",
    "botschafterin",
    "vorsitzende",
    "vorsitzender",
    "kanzler",
    "kanzlerin",
    "sprecher",
    "sprecherin",
    "voorzitter",
    "secretaris",
)
# Post-nominals dropped after a name.
_POSTNOMINALS = frozenset(
    {
        "MP",
        "M.P.",
        "MHR",
        "QC",
        "KC",
        "SC",
        "AO",
        "AC",
        "AM",
        "OBE",
        "CBE",
        "KBE",
        "MBE",
        "FRCPA",
        "PHD",
    }
)

# Words of titles of office (any language, lower case). A name never contains one.
_ROLE_WORDS = _words(
    """
    president vice-president prime minister ministers secretary secretary-general under-
    secretary-general deputy chancellor premier king queen emperor emir amir crown
    prince sultan governor senator ambassador commissioner high representative director
    director-general general coordinator co-ordinator advisor adviser chair co-chair
    chairman chairwoman chairperson head chief leader spokesperson spokesman executive
    trade state commerce foreign affairs defence defense labor labour justice health
    energy finance treasury security national special presidential cabinet attorney-
    general mayor speaker acting shadow assistant officer envoy counsellor counselor
    undersecretary under under-secretary vice first second senior principal permanent
    federal government council commission ministry department office agency président
    présidente vice-président vice-présidente ministre secrétaire directeur directrice
    commissaire ambassadeur ambassadrice haut haute représentant représentante
    chancelier chancelière coordinateur coordinatrice conseiller conseillère porte-
    parole bundeskanzler bundeskanzlerin bundespräsident bundespräsidentin bundesrat
    bundesrätin ministerin präsident präsidentin generalsekretär generalsekretärin
    staatssekretär staatssekretärin botschafter botschafterin direktor direktorin
    kommissar kommissarin vorsteher vorsteherin aussenminister außenminister presidente
    ministro ministra secretario secretaria director directora comisario comisaria
    embajador embajadora segretario segretaria direttore direttrice commissario
    commissaria ambasciatore secretário secretária diretor diretora comissário
    comissária embaixador embaixadora voorzitter secretaris-generaal commissaris
    prezydent premier sekretarz dyrektor dyrektorka komisarz przewodniczący
    przewodnicząca ambasador sénateur sénatrice senador senadora senatore senatrice
    ministres ministros ministras ministri
    """
)

# Heads of organisation names (lower case); a role is split from its organisation
# before ``of the``/``du``/``des``... only when one of these follows.
_ORG_HEADS = _words(
    """
    office service department ministry commission council parliament agency bureau
    secretariat programme program fund bank court organisation organization committee
    delegation mission government nations executive authority institute centre center
    ministère département conseil parlement agence secrétariat fonds banque cour comité
    délégation gouvernement haut-commissariat direction dienst dienstes amt amtes büro
    büros ministerium ministeriums kommission rat rates rats parlament parlaments
    nationen regierung ausschuss ausschusses servicio oficina ministerio comisión
    consejo parlamento naciones gobierno organización agencia secretaría fondo banco
    servizio ufficio ministero commissione consiglio nazioni governo organizzazione
    agenzia serviço gabinete ministério comissão conselho nações governo organização
    agência ministerie commissie raad naties regering organisatie służbie służby służba
    biura biuro komisji rady parlamentu narodów rządu organizacji ministerstwa urzędu
    republic kingdom commonwealth federation principality république royaume
    principauté republik königreich bundesrepublik república reino repubblica regno
    república reino republiek koninkrijk rzeczypospolitej rzeczpospolita królestwa
    """
)

# Role/organisation separators: after these, any capitalised phrase is the organisation.
_STRONG_ORG_MARKERS = (
    r"au sein (?:du|de la|de l['’]|des)\s*|auprès (?:du|de la|de l['’]|des)\s*|at the |within the |"
    r"im |beim |bei der |bei dem |en el |en la |presso (?:il |la |l['’]\s*)|"
    r"bij de |bij het |w |we "
)
# After these, only an organisation head word (_ORG_HEADS) opens an organisation.
_WEAK_ORG_MARKERS = (
    r"of the |of |du |de la |de l['’]|des |de |d['’]|der |des |del |de los |de las |do |da |dos |"
    r"das |della |dello |dell['’]|degli |van de |van het |van "
)
_STRONG_SPLIT_RE = re.compile(rf"(?:^|(?<=\s))(?:{_STRONG_ORG_MARKERS})(?=[^\W\d_])")
_WEAK_SPLIT_RE = re.compile(rf"(?:^|(?<=\s))(?:{_WEAK_ORG_MARKERS})(?=[^\W\d_])")

# Sentences that name co-chairs, then participants.
# Prepositions (with their contractions) that introduce an agent or a party.
_BY = (
    r"(?:by|par|von|vom|por|pela|pelo|pelas|pelos|da|dal|dalla|dallo|dai|dagli|dalle|door|"
    r"przez)"
)
_OF = r"(?:of|de|du|des|del|d['’]|do|da|dos|das|di|dell['’]|della|dello|dei|degli|van|von|der)"
# Articles that may stand between a preposition and an honorific ("por la Sra.").
_ARTICLE = r"(?:the|le|la|les|l['’]|el|los|las|il|lo|gli|o|a|os|as|de|het|der|die|den|dem)"
_CO_CHAIR_RE = re.compile(
    r"(?:\bco-?chaired\s+by|\bjointly\s+chaired\s+by|\bchaired\s+jointly\s+by|"
    r"\bco-?hosted\s+by|\bconvened\s+by\s+(?:its\s+|the\s+)?co-?chairs,?|\bco-?chairs\s+were|"
    r"\bco-?présidée?s?\s+par|\bsous\s+la\s+co-?présidence\s+(?:de|du|des)|"
    r"\bunter\s+dem\s+gemeinsamen\s+Vorsitz\s+(?:von|vom|der|des)|\bgemeinsam\s+geleitet\s+von|"
    r"\bunter\s+(?:dem\s+)?Ko-?Vorsitz\s+(?:von|vom|der|des)|"
    r"\bco-?presidid[oa]s?\s+(?:por|pela|pelo|pelas|pelos)|"
    r"\bbajo\s+la\s+co-?presidencia\s+(?:del|de)|\bsob\s+a\s+co-?presidência\s+(?:dos|das|do|da|de)|"
    r"\bco-?presiedut[oa]\w*\s+(?:da|dal|dalla|dallo|dai|dagli|dalle)|"
    r"\bsotto\s+la\s+co-?presidenza\s+(?:di|del|della|dello|dei|degli)|"
    r"\bgezamenlijk\s+voorgezeten\s+door|\bonder\s+(?:het\s+)?co-?voorzitterschap\s+van|"
    r"\bwspółprzewodniczy(?:li|ły|ł|ła)|\bpod\s+współprzewodnictwem)\s+",
    re.IGNORECASE,
)
# One of these is in every match of _CO_CHAIR_RE (lower-cased): tighter than the hints
# ("presid" is in every "President"), for the test before the pattern itself.
_CO_CHAIR_NEEDS = (
    "chaired", "chairs", "hosted", "convened", "coprésid", "co-présid", "vorsitz", "geleitet",
    "copresi", "co-presi", "voorgez", "voorzitterschap", "współprzewodn",
)  # fmt: skip
# Lower-case fragments one of which every co-chair phrase contains.
_CO_CHAIR_HINTS = (
    "chair",
    "hosted",
    "présid",
    "presid",
    "presied",
    "vorsitz",
    "geleitet",
    "voorz",
    "voorgez",
    "współprzewodn",
)
_PARTICIPATION_RE = re.compile(
    r"(?:\bwith\s+the\s+participation\s+of|\bjoined\s+by|\bin\s+the\s+presence\s+of|"
    r"\bavec\s+la\s+participation\s+(?:des|du|de|d['’])|\ben\s+présence\s+(?:des|du|de|d['’])|"
    r"\b(?:mit|unter)\s+(?:Beteiligung|Teilnahme)\s+(?:von|vom|der|des)|"
    r"\bcon\s+la\s+participación\s+(?:del|de)|"
    r"\bcon\s+la\s+partecipazione\s+(?:della|dello|degli|dell['’]|dei|del|di)|"
    r"\bcom\s+a\s+participação\s+(?:dos|das|do|da|de)|"
    r"\bmet\s+(?:de\s+)?deelname\s+van|\bin\s+aanwezigheid\s+van|\bz\s+udziałem)"
    r"(?:\s+|(?<=['’]))",
    re.IGNORECASE,
)
# Ends a list of parties inside a sentence.
_LIST_END_RE = re.compile(
    r",?\s+(?:ainsi\s+que|as\s+well\s+as|along\s+with|and\s+hosted\s+by|hosted\s+by|sowie|"
    r"así\s+como|nonché|bem\s+como|alsmede|a\s+także)\b",
    re.IGNORECASE,
)
# Group nouns: a list item led by one is a group, not a named party.
_GROUP_RE = re.compile(
    r"^(?:(?:senior |high-level |other )?representatives|représentants|représentantes|"
    r"vertreter\w*|representantes|rappresentanti|vertegenwoordigers|przedstawiciel\w*|"
    r"delegations|délégations|members|membres|officials|hauts fonctionnaires)\b",
    re.IGNORECASE,
)
_CONJ_LEAD_RE = re.compile(r"^(?:and|et|und|y|e|en|i|oraz|&)\s+", re.IGNORECASE)
_PREP_LEAD_RE = re.compile(rf"^(?:{_BY}|{_OF})(?:\s+|(?<=['’]))(?:{_ARTICLE}\s+)?", re.IGNORECASE)
_CONJ_SPLIT_RE = re.compile(r"\s+(?:and|et|und|y|e|en|i|oraz|&)\s+")

# Abbreviations whose final period does not end a sentence.
_ABBREVIATIONS = frozenset(
    {h.split()[-1] for h in _HONORIFIC_WORDS if h.endswith(".")}
    | {
        "St.",
        "No.",
        "Nr.",
        "art.",
        "Art.",
        "p.",
        "Jr.",
        "Sr.",
        "Mt.",
        "Gen.",
        "Lt.",
        "Col.",
        "Gov.",
        "ds.",
        "np.",
        "tzw.",
        "bzw.",
        "z.B.",
        "etc.",
        "ca.",
        "vs.",
        "Ms.",
        "Mr.",
        "Mrs.",
    }
)
# A full stop after a space ("B .", OCR debris ". . . .") ends no sentence.
_SENTENCE_END_RE = re.compile(r"(?:(?<=\S)\.|[!?])(?=[\"”»)]*(?:\s+[«“„\"‘(\[]*\s*[^\W\d_]|\s*$))")
_INITIALS_RE = re.compile(r"^(?:[^\W\d_]\.)+$")


# --------------------------------------------------------------------------- small helpers


def _is_cap(token: str) -> bool:
    token = token.lstrip("«“\"'(")
    if len(token) > 2 and token[0] in "dlDL" and token[1] in "'’":  # d’Ivoire, l’Union
        token = token[2:]
    return bool(token) and token[0].isupper()


def _trim(text: str) -> str:
    return (
        text.strip(" \t\n,;:–—-").rstrip(".")
        if not _INITIALS_RE.match(text.strip())
        else text.strip()
    )


_TOKEN_RE = re.compile(r"\S+")


def _tokens(text: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group()) for m in _TOKEN_RE.finditer(text)]


def _hinted(text: str, hints: Sequence[str]) -> bool:
    """A cheap test before a costly pattern: does any hint occur (case-insensitively)?"""
    low = text.lower()
    return any(hint in low for hint in hints)


# Characters that re.IGNORECASE matches to a letter that str.lower() does not turn them
# into (long s to "s", dotless i and dotted capital I to "i"): the only ones, for the
# letters of the words below (tests/extract/test_people.py checks every cased character).
_CASE_FOLD_ODD = ("ſ", "ı", "İ")


def _may_hold(text: str, needs: Sequence[str]) -> bool:
    """False only if ``text`` holds none of ``needs``, case-insensitively in re's sense.

    A case-insensitive pattern each of whose matches contains one of ``needs``
    (lower-case words) cannot match where this says False: the test to run before a
    pattern that has no literal prefix and so is tried at every position.
    """
    if any(odd in text for odd in _CASE_FOLD_ODD):
        return True
    low = text.lower()
    return any(need in low for need in needs)


def _sentence_end(text: str, start: int) -> int:
    """Where the sentence that contains ``start`` ends (abbreviations and initials kept).

    A sentence that names parties is never longer than _MAX_SENTENCE_CHARS; one that
    runs on is cut there.
    """
    limit = min(len(text), start + _MAX_SENTENCE_CHARS)
    for found in _SENTENCE_END_RE.finditer(text, start, limit):
        if found.group().startswith("."):
            window = text[max(0, found.start() - 40) : found.start() + 1]
            before = window.rsplit(None, 1)[-1]
            if before in _ABBREVIATIONS or _INITIALS_RE.match(before):
                continue
        return found.start()
    return limit


# Bounds that keep the work per document linear on hostile input: no party is
# described in more than this many characters, no list has more than this many parties.
_MAX_ITEM_CHARS = 300
_MAX_ITEMS = 100
_MAX_SENTENCE_CHARS = 4000


def _split_top_level(text: str) -> list[tuple[int, str]]:
    """Split on commas and semicolons outside brackets; (offset, piece) pairs (at most _MAX_ITEMS)."""
    pieces: list[tuple[int, str]] = []
    depth = 0
    start = 0
    for index, char in enumerate(text):
        if char in "([":
            depth += 1
        elif char in ")]" and depth:
            depth -= 1
        elif char in ",;" and depth == 0:
            pieces.append((start, text[start:index]))
            start = index + 1
            if len(pieces) >= _MAX_ITEMS:
                break
    pieces.append((start, text[start:]))
    pieces = pieces[:_MAX_ITEMS]
    out = []
    for offset, piece in pieces:
        stripped = piece.lstrip()
        out.append((offset + len(piece) - len(stripped), stripped.rstrip()))
    return [(o, p) for o, p in out if p]


def cldr_territory_names(tag: str) -> tuple[str, ...]:
    """CLDR's country and territory names in the language ``tag``, lower case and sorted.

    Loading a Babel locale costs ~20 ms, so the names for the supported
    languages ship as ``pressrelease/extract/_cldr_territories.py`` (generated
    by ``python tools/cldr_tables.py``; a test checks it against Babel); other
    tags are read from Babel on use. An unknown tag has no names.

    >>> "allemagne" in cldr_territory_names("fr")
    True
    """
    from babel import Locale, UnknownLocaleError

    try:
        locale = Locale.parse(tag.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return ()
    return tuple(sorted({name.lower() for name in locale.territories.values()}))


@cache
def _countries(language: str) -> frozenset[str]:
    """Country and territory names (lower case) in ``language`` and English, from CLDR."""
    from pressrelease.extract._cldr_territories import TERRITORIES

    names: set[str] = set()
    for tag in {"en", language}:
        shipped = TERRITORIES.get(tag)
        names.update(cldr_territory_names(tag) if shipped is None else shipped)
    return frozenset(names)


# Short forms of parties, as titles write them (``U.S.-EU``).
_SHORT_FORMS = {
    "u.s.": "United States",
    "u.s": "United States",
    "us": "United States",
    "usa": "United States",
    "eu": "European Union",
    "uk": "United Kingdom",
    "un": "United Nations",
    "nato": "NATO",
    "asean": "ASEAN",
    "g7": "G7",
    "g20": "G20",
}
_KNOWN_BODIES = frozenset(
    {
        "european union",
        "european commission",
        "european council",
        "european parliament",
        "united nations",
        "african union",
        "united states",
        "united kingdom",
        "council of europe",
    }
)


def _is_entity(text: str, language: str) -> bool:
    low = " ".join(text.split()).lower()
    return low in _SHORT_FORMS or low in _KNOWN_BODIES or low in _countries(language)


# --------------------------------------------------------------------------- parties


@attrs.frozen
class _Party:
    name: str | None
    honorific: str | None
    role: str | None
    organisation: str | None
    offset: int  # where the name (or organisation) starts, in the piece's coordinates


def _strip_postnominals(text: str) -> str:
    """``Chris Bowen MP`` -> ``Chris Bowen`` (only at the very end)."""
    while True:
        head, _, last = text.rpartition(" ")
        if not head or last.strip(",").upper() not in _POSTNOMINALS:
            return text
        text = head.rstrip(" ,")


_LONE_INITIAL_RE = re.compile(r"^[^\W\d_]$")
_SPACED_INITIAL_RE = re.compile(r"(?<![\w.])([^\W\d_]) \.")


def _clean_name(text: str) -> str:
    words = text.split()
    while words and words[-1].strip(",").upper() in _POSTNOMINALS:
        words.pop()
    name = _SPACED_INITIAL_RE.sub(r"\1.", " ".join(words)).strip(" ,;:")
    if name.endswith(".") and len(name.rsplit(None, 1)[-1].strip(".")) > 2:
        name = name[:-1]  # the sentence's full stop, not an initial's ("Kay Moss.")
    return name


def _is_role_word(word: str) -> bool:
    low = word.lower().strip(".,")
    if "/" in low:  # "Representative/Vice-President"
        return any(_is_role_word(part) for part in low.split("/") if part)
    return low in _ROLE_WORDS or (len(low) > 9 and low.endswith(_ROLE_ENDINGS))


def _particle_leads_to_name(tokens: list[tuple[int, str]], index: int) -> bool:
    """Whether the words from ``index`` on are more particles and then a capitalised word."""
    for _, token in tokens[index:]:
        if token.lower() in _PARTICLES:
            continue
        return _is_cap(token)
    return False


def _name_run(text: str, start: int = 0) -> int:
    """Length of the run of capitalised name words at ``start`` (particles inside allowed)."""
    end = start
    tokens = _tokens(text[start:])
    for index, (offset, token) in enumerate(tokens):
        word = token.rstrip(",;:")
        if index and word.upper() in _POSTNOMINALS:  # "MP", "QC" close the name
            break
        if word == "." and index and _LONE_INITIAL_RE.match(tokens[index - 1][1]):
            end = start + offset + 1  # "Marshall B . Perron": a scan spaced the initial
            continue
        if _is_cap(word) and not _is_role_word(word):
            end = start + offset + len(word)
            if word != token:  # a comma closes the name
                break
            continue
        if word.lower() in _PARTICLES and _particle_leads_to_name(tokens, index + 1):
            # "der", "la"... only after another particle ("von der Leyen", "de la Cruz").
            if word.lower() in _PARTICLES_AFTER_PARTICLE and (
                not index or tokens[index - 1][1].lower() not in _PARTICLES
            ):
                break
            continue
        break
    return end - start


_LATER_WORD_RE = re.compile(r"(?<=[^\W\d_] )[^\W\d_]+")


def _role_and_org(text: str, language: str) -> tuple[str | None, str | None]:
    """Split ``directrice ... au sein du Service ...`` into role and organisation."""
    text = _trim(text)
    if not text:
        return None, None
    # A strong marker ("au sein du", "at the") first; else the first weak one ("du",
    # "of the") that an organisation head word ("Bureau", "Office") follows.
    for pattern, strong in ((_STRONG_SPLIT_RE, True), (_WEAK_SPLIT_RE, False)):
        for found in pattern.finditer(text):
            org = text[found.end() :].strip()
            if not _is_cap(org):
                continue
            if not strong and not _names_organisation(org, language):
                continue
            role = text[: found.start()].strip(" ,")
            return (role or None), _trim(org)
    # No preposition (Polish genitive: "zastępca sekretarza generalnego Biura ONZ"):
    # the organisation starts at a capitalised head word that follows the role.
    for found in _LATER_WORD_RE.finditer(text):
        word = found.group()
        if word[0].isupper() and word.lower() in _ORG_HEADS and text[: found.start()].islower():
            return text[: found.start()].strip(" ,") or None, _trim(text[found.start() :])
    return text, None


_ACRONYM_RE = re.compile(r"[A-Z]{2,6}")


def _names_organisation(text: str, language: str) -> bool:
    """Whether ``text`` opens with an organisation: a head word early on, or a known body."""
    words = [w.lower().strip("’',") for w in text.split()[:3]]
    if any(w in _ORG_HEADS for w in words):
        return True
    if _ACRONYM_RE.fullmatch(text.split()[0].strip(",")):  # an acronym: "ONU", "NATO"
        return True
    # "United Nations Office of ..." or "Europese Unie" is one; "Union européenne pour la
    # lutte contre le terrorisme" is part of a title of office ("coordinateur de ...").
    entity = _entity_starting_at(text, 0, language)
    if entity is None:
        return False
    rest = text[len(entity[1]) :].strip()
    return not rest or _is_cap(rest)


def names_organisation(text: str) -> bool:
    """Whether ``text`` reads as the name of an organisation (a head word, a known body).

    >>> names_organisation("European Parliament"), names_organisation("Daily News")
    (True, False)
    """
    words = text.split()
    return (
        bool(words)
        and _is_cap(text)
        and (any(w.lower().strip("(),") in _ORG_WORDS for w in words) or _is_entity(text, "en"))
    )


_DASH_RE = re.compile(r"\s+[-–—]\s+")


_INNER_HONORIFIC_RE = re.compile(r"(?<=\s)" + _HONORIFIC + r"(?=[^\W\d_])")


_OF_RE = re.compile(r"\s+(?:of|de|du|des)\s+(?:the\s+)?(?=[^\W\d_])")


def _person(piece: str, language: str, *, allow_bare: bool = True) -> _Party | None:
    """Read one list item as a person: ``Mme X``, ``X``, ``Secretary of State X [of Org]``."""
    if len(piece) > _MAX_ITEM_CHARS:
        return None
    text = _strip_postnominals(piece.rstrip(" .,;"))
    dash = _DASH_RE.search(text)
    if dash:  # "Chris Bowen MP - Minister for Immigration"
        person = _person(text[: dash.start()], language, allow_bare=allow_bare)
        if person is not None and person.role is None:
            role, org = _role_and_org(text[dash.end() :], language)
            return attrs.evolve(person, role=role, organisation=person.organisation or org)
        return person
    honorific = None
    lead = 0
    found = _HONORIFIC_RE.match(text)
    if not found:  # "Security Affairs HE Wiranto": a role, then an honorific and a name
        inner = _INNER_HONORIFIC_RE.search(text)
        if inner:
            run = _name_run(text, inner.end())
            if run and not text[inner.end() + run :].strip(" ,.").split()[1:]:
                found = inner
    if found:
        honorific = found.group().strip()
        lead = found.end()
    run = _name_run(text, lead)
    if honorific and run:
        name = _clean_name(text[lead : lead + run])
        rest = text[lead + run :].strip(" ,")
        if rest.split() and rest.split()[0].strip(",").upper() in _POSTNOMINALS:
            rest = " ".join(rest.split()[1:])
        before = text[: found.start()].strip(" ,") if found and found.start() else ""
        role, org = _role_and_org(rest or before, language) if (rest or before) else (None, None)
        return _Party(name, honorific, role, org, lead)
    tokens = _tokens(text)
    if not tokens:
        return None
    words = [t for _, t in tokens]
    # "X Y" alone: a bare name (no title words, two to five words, not a country).
    if (
        allow_bare
        and 2 <= len(words) <= 5
        and _name_run(text) == len(text)
        and not _is_entity(text, language)
        and not text.lower().startswith("the ")
    ):
        return _Party(_clean_name(text), None, None, None, 0)
    # "Role ... Name [of Organisation]": the name follows the last title word.
    of_org = None
    body = text
    of = _OF_RE.search(text)
    if of and _is_cap(text[of.end() :]):
        candidate = text[of.end() :]
        if _is_entity(candidate, language) or candidate.split()[0].lower() in _ORG_HEADS:
            of_org = candidate
            body = text[: of.start()]
        else:  # "Prime Minister of Australia Malcolm Turnbull"
            entity = _entity_starting_at(text, of.end(), language)
            if entity is not None:
                after = entity[0] + len(entity[1])
                run = _name_run(text, after + len(text[after:]) - len(text[after:].lstrip()))
                rest = text[after:].strip()
                if run and len(rest) == run:
                    role = text[: of.start()].removeprefix("the ").strip()
                    name_at = len(text) - len(rest)
                    if role.split() and role.split()[-1].lower() in _ROLE_WORDS:
                        return _Party(_clean_name(rest), None, role, entity[1], name_at)
    body_tokens = _tokens(body)
    last_role = max(
        (i for i, (_, t) in enumerate(body_tokens) if _is_role_word(t)),
        default=-1,
    )
    if last_role < 0 or last_role == len(body_tokens) - 1:
        return None
    name_start = body_tokens[last_role + 1][0]
    run = _name_run(body, name_start)
    if not run or name_start + run < len(body.rstrip()):
        return None
    name = _clean_name(body[name_start : name_start + run])
    if _is_entity(name, language) or any(w.lower() in _ORG_WORDS for w in name.split()):
        return None
    words = name.split()
    if len(words) > 1 and words[0] in _OF_PARTICLES and language != "en":
        # "ministre de la Santé", "Ministro della Salute": in the Romance languages the
        # particle after a title of office is its "of" ("President de Klerk" is English).
        return None
    role = body[:name_start].strip(" ,")
    org = None
    article = _LEADING_ARTICLE_RE.match(role)  # "the", "le", "la", "el"...
    if article:
        role = role[article.end() :]
    return _Party(name, None, role or None, of_org or org, name_start)


# Words that make a phrase an organisation rather than a person's name.
_ORG_WORDS = _ORG_HEADS | _words(
    """
    association centre center network college university school society police party union
    foundation institute council league federation confederation alliance group forum
    """
)

_NAME_GLUE = _words("of the and for de du des la le d’ del di van von der")


_THE_RE = re.compile(r"(?i)the\s+")


_BRACKETS_RE = re.compile(r"\s*\([^)]*\)")


_ROLE_OF_RE = re.compile(r"(?P<role>.+?)\s+of\s+(?:the\s+)?(?P<org>[^\W\d_].*)$")


def _entity(piece: str, language: str, *, keep_brackets: bool) -> _Party | None:
    """Read one list item as a party of a title or "We, ..." list."""
    if len(piece) > _MAX_ITEM_CHARS:
        return None
    text = piece.strip(" .,;:")
    offset = len(piece) - len(piece.lstrip(" .,;:"))
    person = _person(text, language, allow_bare=False)
    if person:
        return attrs.evolve(person, offset=person.offset + offset)
    # "the Prime Minister of the Kingdom of Cambodia": a role and an organisation.
    lead = _THE_RE.match(text)
    if lead:
        text, offset = text[lead.end() :], offset + lead.end()
    if not text or not _is_cap(text):
        return None
    # Cut the item at the first lower-case word that is not part of a name ("Italy discussed").
    cut = len(text)
    for position, token in _tokens(text):
        if (
            not _is_cap(token)
            and token.lower() not in _NAME_GLUE
            and not token.startswith(("(", "“", "‘"))
        ):
            cut = position
            break
    known = _entity_starting_at(text, 0, language)  # "Union européenne", "Unione europea"
    if known is not None and len(known[1]) > cut:
        cut = len(known[1])
    text = text[:cut].strip(" ,")
    if not keep_brackets:
        text = _BRACKETS_RE.sub("", text).strip()
    role_of = _ROLE_OF_RE.match(text)
    if role_of and role_of.group("role").split()[-1].lower() in _ROLE_WORDS:
        role = role_of.group("role")
        if all(w.lower() in _ROLE_WORDS and w.lower() not in _ORG_HEADS for w in role.split()):
            return _Party(None, None, role, role_of.group("org"), offset + role_of.start("org"))
    if text.lower() in _SHORT_FORMS:
        return _Party(None, None, None, _SHORT_FORMS[text.lower()], offset)
    if not text or text.split()[0].lower() in _ROLE_WORDS - _ORG_HEADS:
        return None
    return _Party(None, None, None, text, offset)


_LEADING_HONORIFIC_RE = re.compile(r"(?:the\s+)?" + _HONORIFIC + r"(?=[^\W\d_])", re.IGNORECASE)


def _person_pair(piece: str, language: str) -> tuple[tuple[_Party, _Party], int] | None:
    """``Mr X and Ms Y`` inside one item: the first split where both sides are people."""
    if len(piece) > _MAX_ITEM_CHARS:
        return None
    splits = list(_CONJ_SPLIT_RE.finditer(piece))
    # A split before an honorific first ("the Hon. X MP - Minister for A and B and the
    # Hon. Y MP - Minister for C": the office's own "and" is not the split).
    splits.sort(key=lambda conj: not _LEADING_HONORIFIC_RE.match(piece, conj.end()))
    for conj in splits:
        first = _person(piece[: conj.start()], language)
        second = _person(piece[conj.end() :], language)
        if first and second and first.name and second.name:
            return (first, second), conj.end()
    return None


def _bodies(piece: str, language: str) -> list[_Party]:
    """Countries and known bodies without a person: ``the European Union and Japan``."""
    if len(piece) > _MAX_ITEM_CHARS:
        return []
    found = []
    position = 0
    for part in _CONJ_SPLIT_RE.split(piece.rstrip(" .")):
        start = piece.index(part, position)
        position = start + len(part)
        lead = _ITEM_LEAD_RE.match(part)
        name = part[lead.end() :] if lead else part
        if not _is_entity(name, language):
            return []
        org = _SHORT_FORMS.get(name.lower(), name)
        found.append(_Party(None, None, None, org, start + (lead.end() if lead else 0)))
    return found


_ITEM_ARTICLE_RE = re.compile(rf"(?i){_ARTICLE}\s+")


def _people_list(text: str, language: str) -> list[_Party]:
    """Co-chairs or participants: ``X, role, and by Y, role`` in any of our languages."""
    end = _LIST_END_RE.search(text)
    if end:
        text = text[: end.start()]
    parties: list[_Party] = []
    expecting_role = False
    pending_role: str | None = None  # "the Deputy Foreign Minister of Viet Nam, Do Hung Viet"
    office_first = False  # the list gives each office before its holder
    shared: str | None = None  # the singular head of a plural office ("Minister for")
    for offset, raw in _split_top_level(text):
        conj = _CONJ_LEAD_RE.match(raw)
        piece = raw[conj.end() :] if conj else raw
        article = _ITEM_ARTICLE_RE.match(piece)
        if article and _HONORIFIC_RE.match(piece[article.end() :]):  # "la Sra. X"
            piece = piece[article.end() :]
        prep = None if _HONORIFIC_RE.match(piece) else _PREP_LEAD_RE.match(piece)
        if prep:  # "et par M. X", "y por la Sra. X", "and by John Smith"
            rest = piece[prep.end() :]
            if _HONORIFIC_RE.match(rest) or (conj and _is_cap(rest)):
                piece = rest
        lead = offset + len(raw) - len(piece)
        if _GROUP_RE.match(piece):
            break
        bodies = _bodies(piece, language)
        if bodies:  # "co-chaired by the European Union and Japan"
            parties.extend(attrs.evolve(p, offset=p.offset + lead) for p in bodies)
            expecting_role = False
            continue
        found = _person(piece, language)
        # "Mr X and Ms Y" inside one piece: split when both sides are people.
        pair = _person_pair(piece, language) if found is None or found.role else None
        if pair is not None:
            (first, second), start = pair
            if pending_role and first.role and not _is_role_word(first.role.split()[0]):
                # "Minister for Political, | Legal and Security Affairs HE X and ...": one office
                first = attrs.evolve(first, role=f"{pending_role}, {first.role}")
            elif pending_role and first.role is None:
                role, org = _role_and_org(pending_role, language)
                first = attrs.evolve(first, role=role, organisation=first.organisation or org)
            pending_role = None
            parties.append(attrs.evolve(first, offset=first.offset + lead))
            parties.append(attrs.evolve(second, offset=second.offset + lead + start))
            expecting_role = second.role is None
            continue
        next_office = None
        if found is None and pending_role:
            # "Senator X and the Acting Minister for Y": X, then the next holder's office
            split = _CONJ_SPLIT_RE.search(piece)
            left = _person(piece[: split.start()], language) if split else None
            if split and left and left.name and _person(piece[split.end() :], language) is None:
                next_office = _office_phrase(piece[split.end() :])
                found = left if next_office else None
        if found and not (expecting_role and found.honorific is None and found.role):
            if found.role and _CONJ_LEAD_RE.match(found.role):
                # "Mr X and the Minister for Y": what follows is the next person's office
                next_office = _office_phrase(found.role)
                found = attrs.evolve(found, role=None, organisation=None)
            if pending_role and found.honorific is None and _is_bare_title(found.role):
                found = attrs.evolve(found, role=None)  # "Senator X" under "Minister for Y"
            elif pending_role and found.role and not _is_role_word(found.role.split()[0]):
                # "Minister for Political, | Legal and Security Affairs HE X": one office
                found = attrs.evolve(found, role=f"{pending_role}, {found.role}")
                pending_role = None
            if found.role is None and pending_role:  # the office came first
                office, head = _shared_office(pending_role)
                shared = head or shared
                if shared and not head and shared.split()[0].lower() not in pending_role.lower():
                    # "... and Health, the Hon Y"; "... et de la Santé, Mme Y"
                    of = _PREP_OFFICE_RE.match(pending_role)
                    office = (
                        f"{shared.split()[0]} {pending_role}" if of else f"{shared} {pending_role}"
                    )
                role, org = _role_and_org(office or pending_role, language)
                found = attrs.evolve(found, role=role, organisation=found.organisation or org)
                office_first = True
            parties.append(attrs.evolve(found, offset=found.offset + lead))
            expecting_role = found.role is None and not office_first
            pending_role = next_office
            continue
        if conj or not parties or office_first:  # not a person: maybe the next one's office
            expecting_role = False
            pending_role = _office_phrase(piece)
            whole = (raw[conj.end() :] if conj else raw).strip()
            if shared and _PREP_OFFICE_RE.match(whole) and not _is_role_word(piece.split()[0]):
                pending_role = whole  # "et de la Santé": the shared office's next field
            continue
        continues = parties and parties[-1].role is not None and _is_cap(piece)
        if parties and (expecting_role or continues) and piece:
            last = parties[-1]
            if last.organisation is None:
                joined = f"{last.role}, {piece}" if last.role else piece
                role, org = _role_and_org(joined, language)
                parties[-1] = attrs.evolve(last, role=role, organisation=org)
            expecting_role = False
    return parties


# "the Ministers for Social Security, the Hon X and Health, the Hon Y": one plural office
# shared by the holders that follow.
_PLURAL_OFFICES = {
    "ministers": "Minister",
    "ministres": "ministre",
    "ministros": "ministro",
    "ministras": "ministra",
    "ministri": "ministro",
    "secretaries": "Secretary",
}
_PLURAL_OFFICE_RE = re.compile(
    r"^(?P<plural>ministers|ministres|ministros|ministras|ministri|secretaries)\s+"
    r"(?P<prep>for|of|de\s+la|de\s+l['’]|du|des|de|del|della|dell['’]|do|da)\s*",
    re.IGNORECASE,
)


_PREP_OFFICE_RE = re.compile(
    r"^(?:for|of|de\s+la|de\s+l['’]|du|des|de|del|della|dell['’]|do|da)(?:\s+|(?<=['’]))",
    re.IGNORECASE,
)


def _shared_office(office: str | None) -> tuple[str | None, str | None]:
    """``Ministers for Social Security`` -> (``Minister for Social Security``, ``Minister for``)."""
    found = _PLURAL_OFFICE_RE.match(office or "")
    if not office or not found:
        return office, None
    singular = _PLURAL_OFFICES[found.group("plural").lower()]
    head = f"{singular} {found.group('prep')}"
    separator = "" if head.endswith(("'", "’")) else " "
    return f"{head}{separator}{office[found.end() :]}", head


def _is_bare_title(role: str | None) -> bool:
    """A one-word title used before a name (``Senator``, ``Sec.``), no office of anything."""
    return bool(role) and len(role.split()) == 1  # type: ignore[union-attr]


def _office_phrase(text: str) -> str | None:
    """The title of office in ``and the â . . Northern Territory Minister for X`` (or ``None``).

    It starts at the capitalised words just before its first role word
    (``Northern Territory Minister``); what comes before (a conjunction, an
    article, a scan's debris) is dropped.
    """
    conj = _CONJ_LEAD_RE.match(text)
    if conj:
        text = text[conj.end() :]
    tokens = _tokens(text)
    first = next((i for i, (_, t) in enumerate(tokens) if _is_role_word(t)), None)
    if first is None:
        return re.sub(r"(?i)^the\s+", "", text) if _is_cap(text.removeprefix("the ")) else None
    while first and _is_cap(tokens[first - 1][1]) and tokens[first - 1][1].isalpha():
        first -= 1
    return text[tokens[first][0] :] or None


# What may stand before a party in a list: "de la France", "d’Italie", "the United States".
_ITEM_LEAD_RE = re.compile(
    r"(?:(?:of|de|du|des|von|vom|del|di|do|dos|das|van)\s+|d['’]\s*)?"
    r"(?:(?:the|la|le|les|die|der|das|el|los|las|il|lo|o|a|os|as|het|de)\s+|l['’]\s*)?",
    re.IGNORECASE,
)


def _entity_list(
    text: str, language: str, *, stop_at_lower: bool = True
) -> list[tuple[int, _Party]]:
    """Split ``X, Y, and Z`` (Oxford comma, any of our conjunctions) into parties."""
    items: list[tuple[int, str]] = []
    for offset, piece in _split_top_level(text):
        conj = _CONJ_LEAD_RE.match(piece)
        if conj:
            offset, piece = offset + conj.end(), piece[conj.end() :]
        position = 0
        for half in _CONJ_SPLIT_RE.split(piece, maxsplit=_MAX_ITEMS):
            start = piece.index(half, position)
            position = start + len(half)
            lead = _ITEM_LEAD_RE.match(half)
            if lead and lead.end() and _is_cap(half[lead.end() :]):
                start, half = start + lead.end(), half[lead.end() :]
            items.append((offset + start, half))
    items = items[:_MAX_ITEMS]
    capitalised = 0
    for _, item in items:
        if not item or not _is_cap(item.removeprefix("the ")):
            break
        capitalised += 1
    keep = capitalised == 1
    parties = []
    for offset, item in items:
        if not item or not _is_cap(item.removeprefix("the ")):
            if stop_at_lower:
                break
            continue
        party = _entity(item, language, keep_brackets=keep)
        if party is None:
            continue
        parties.append((offset, attrs.evolve(party, offset=party.offset + offset)))
    return parties


# --------------------------------------------------------------------------- finders

_WE_BARE_RE = re.compile(r"\b(?i:we|nous|wir),\s+(?P<list>(?:the\s+)?[A-ZÀ-Þ][^.;:]+)")
_WE_RES = (
    # We, the leaders of X, Y and Z, ...  /  We the Leaders of the Group of Seven (G7) ...
    re.compile(
        r"\b(?:we|nous|wir|nosotros|noi|nós|wij|my),?\s+(?:the\s+|les\s+|die\s+|los\s+|i\s+|os\s+|de\s+|gli\s+)?"
        r"(?:(?:economic\s+)?leaders|heads\s+of\s+(?:state\s+and\s+)?government|governments|"
        r"dirigeants|chefs\s+d['’]État\s+et\s+de\s+gouvernement|"
        r"Staats-\s+und\s+Regierungschefs|líderes|leader|líderes|leiders)"
        r"(?:\s+(?:of|de|des|du|von|der|di|dei|van))?\s+(?P<list>[^.;:]+)",
        re.IGNORECASE,
    ),
    # We — President Macron of France, ... —
    re.compile(r"\bwe\s+[—–]\s+(?P<list>[^—–]+?)\s+[—–]", re.IGNORECASE),
    # We, Australia, Denmark, ... and the United States, recognize ...
    _WE_BARE_RE,
    # ... a joint statement signed by the governments of X, Y and Z
    re.compile(
        r"\bsigned\s+by\s+(?:the\s+)?(?:governments|leaders|representatives)\s+of\s+"
        r"(?P<list>[^.;:*]+)",
        re.IGNORECASE,
    ),
    # As leaders of X, Y and Z, we ...
    re.compile(r"^As\s+(?:the\s+)?leaders\s+of\s+(?P<list>[^.;:]+?),\s+we\b", re.IGNORECASE),
)
_PREAMBLE_NEXT_RE = re.compile(r"^(?:[A-Z][a-z]+ing|Considérant|Reconnaissant|In Anerkennung)\b")
_FOLLOWING_RE = re.compile(
    r"\bFollowing (?:is|are) (?:the (?:text|transcript) of )?(?P<who>[^:]+?)['’]s?\s+"
    r"(?:(?:opening |closing |keynote |video |prepared |written )?(?:remarks|message|address|"
    r"statement|speech|briefing|op-ed|article))\b"
)
_TITLE_RE = re.compile(
    r"^(?:an?\s+|the\s+)?(?:joint\s+|common\s+)?(?:leaders['’]?\s+)?"
    r"(?:statement|declaration|communiqu[eé]|readout|press\s+release|media\s+release|"
    r"news\s+release|letter)\s+(?:issued\s+)?(?:by|from|of|between)\s+(?P<list>.+)$"
    r"|^(?:déclaration|communiqué)\s+(?:commune?|conjointe?)\s+(?:de|du|des|entre)\s+(?P<fr>.+)$"
    r"|^gemeinsame\s+(?:Erklärung|Presseerklärung|Mitteilung)\s+(?:von|der|des)\s+(?P<de>.+)$"
    r"|^(?:declaración|comunicado)\s+conjunt[oa]\s+(?:de|del|entre)\s+(?P<es>.+)$"
    r"|^(?:dichiarazione|comunicato)\s+congiunt[oa]\s+(?:di|del|della|dei|tra|fra)\s+(?P<it>.+)$"
    r"|^(?:declaração|comunicado)\s+conjunt[oa]\s+(?:de|do|da|dos|entre)\s+(?P<pt>.+)$"
    r"|^gezamenlijke\s+(?:verklaring|persverklaring)\s+(?:van|door)\s+(?P<nl>.+)$"
    r"|^wspólne\s+(?:oświadczenie|komunikat)\s+(?P<pl>.+)$"
    # One issuer's declaration: "Déclaration de l’Union européenne sur ...". The article is
    # required ("Déclaration de Paris" names a city), and only known bodies, countries or
    # named people are kept (_SINGLE_GROUPS).
    r"|^déclaration\s+(?:de\s+la|de\s+l['’]|du|des)\s*(?P<fr1>.+)$"
    r"|^Erklärung\s+(?:der|des)\s+(?P<de1>.+)$"
    r"|^declaración\s+(?:de\s+la|del)\s+(?P<es1>.+)$"
    r"|^dichiarazione\s+(?:dell['’]|della|dello|del)\s*(?P<it1>.+)$"
    r"|^declaração\s+(?:da|do)\s+(?P<pt1>.+)$"
    r"|^verklaring\s+van\s+(?:de|het)\s+(?P<nl1>.+)$",
    re.IGNORECASE,
)
_SINGLE_GROUPS = frozenset({"fr1", "de1", "es1", "it1", "pt1", "nl1"})
_TITLE_CUT_RE = re.compile(
    r"\s+(?:on|announcing|regarding|concerning|about|following|after|ahead\s+of|at\s+the|"
    r"sur|à\s+la\s+suite|zu|zur|zum|über|sobre|su|sulla|sul|over|w\s+sprawie)\s+|\s*[\[(:]|\s+[–—-]\s+",
    re.IGNORECASE,
)
_LIST_PREFIX_RE = re.compile(
    r"^(?:the\s+)?(?:governments|leaders|heads\s+of\s+(?:state\s+and\s+)?government|"
    r"(?:(?:foreign|defen[cs]e|finance|trade|prime)\s+)?ministers"
    r"(?:\s+(?:of|for)\s+(?:foreign\s+affairs|defen[cs]e|finance|trade))?|presidents)"
    r"\s+of\s+(?:the\s+)?",
    re.IGNORECASE,
)
_JOINT_WORDS_RE = re.compile(
    r"\b(?:joint|statement|declaration|communiqu[eé]|readout|summit|commune?|conjointe?|"
    r"gemeinsame\w*|erklärung|conjunt[oa]|congiunt[oa]|gezamenlijke|wspólne|déclaration|"
    r"declaración|dichiarazione|declaração|verklaring|oświadczenie)\b",
    re.IGNORECASE,
)
_DASH_PAIR_RE = re.compile(r"(?<=[\w.])[-–](?=[A-Z])")
_MEETING_RE = re.compile(
    r"\b(?P<a>[A-Z][^’']+?)['’]s?\s+(?i:meeting|call|talks)\s+(?i:with)\s+(?P<b>[A-Z].+)$",
)


Finder = Callable[[int], Location]


# A communiqué of a meeting is issued by the meeting: "Joint Communique from the conference
# of Ministers for ...", "ANZUS Council communique", "Communiqué final du Conseil de ...".
_MEETING_WORDS = _words(
    """
    conference council meeting summit forum assembly dialogue conférence conseil réunion
    sommet assemblée konferenz ministerkonferenz rat rates treffen gipfel tagung conferencia
    consejo reunión cumbre foro asamblea conferenza consiglio riunione vertice conferência
    conselho reunião cimeira cúpula conferentie raad bijeenkomst top konferencja rada
    spotkanie szczyt
    """
)
_COMMUNIQUE_OF_RE = re.compile(
    r"^(?:(?:joint|final)\s+)?communiqu[eé]\s+(?:(?:issued\s+)?(?:from|of|by))\s+"
    r"(?:the\s+)?(?P<en>.+)$"
    r"|^communiqué\s+(?:final\s+|conjoint\s+|commun\s+)?(?:de\s+la|du|de\s+l['’]|des)\s*(?P<fr>.+)$"
    r"|^(?:gemeinsames\s+|abschließendes\s+)?Kommuniqué\s+(?:der|des)\s+(?P<de>.+)$"
    r"|^comunicado\s+(?:final\s+|conjunto\s+)?(?:de\s+la|del|da|do)\s+(?P<es>.+)$"
    r"|^comunicato\s+(?:finale\s+|congiunto\s+)?(?:della|del|dello)\s+(?P<it>.+)$"
    r"|^(?P<tail>[^:]+?)\s*[\[(]?\s*(?:(?:joint|final)\s+)?(?:communiqu[eé]|Kommuniqué|"
    r"comunicado|comunicato)\s*[\])]?\.?$",
    re.IGNORECASE,
)


def _meeting_party(title: str) -> _Party | None:
    """The meeting that issues a communiqué named in the title, or ``None``."""
    found = _COMMUNIQUE_OF_RE.match(title)
    if not found:
        return None
    group = next(g for g in found.re.groupindex if found.group(g) is not None)
    body, start = found.group(group), found.start(group)
    cut = _TITLE_CUT_RE.search(body)
    if cut:
        body = body[: cut.start()]
    body = body.strip(" ,.")
    words = [w.lower().strip(",") for w in body.split()]
    if not words or ":" in body or not any(w in _MEETING_WORDS for w in words[:3]):
        return None
    if not _is_cap(body):  # "conference of Ministers for ...": the catalogue's sentence case
        body = body[0].upper() + body[1:]
    return _Party(None, None, None, body, start)


def _title_parties(title: str, language: str) -> list[_Party]:
    title = _plain_spaces(title).strip()[:_MAX_SENTENCE_CHARS]
    issuing_meeting = _meeting_party(title)
    if issuing_meeting is not None:
        return [issuing_meeting]
    found = _TITLE_RE.match(title)
    if found:
        group = next(g for g in found.re.groupindex if found.group(g) is not None)
        start = found.start(group)
        listing = title[start:]
        cut = _TITLE_CUT_RE.search(listing)
        if cut:
            listing = listing[: cut.start()]
        prefix = _LIST_PREFIX_RE.match(listing)
        base = start + (prefix.end() if prefix else 0)
        listing = listing[prefix.end() :] if prefix else listing
        if listing.isupper():
            listing = listing.title()
        listed = _entity_list(listing, language, stop_at_lower=False)
        parties = [p for _, p in listed]
        # A list whose first item is not a party ("the conference of Ministers for
        # Immigration and Ethnic Affairs") is one name split at its "and": none of it.
        lead = _ITEM_LEAD_RE.match(listing)
        first = lead.end() if lead and _is_cap(listing[lead.end() :]) else 0
        # The list may open with an unnamed office holder ("the Prime Minister and ...").
        opens_with_office = bool(listing[first:].split()) and _is_role_word(
            listing[first:].split()[0]
        )
        if group in _SINGLE_GROUPS and not all(
            p.name or _is_entity(p.organisation or "", language) for p in parties
        ):
            parties = []
        if parties and (listed[0][0] == first or opens_with_office):
            return [attrs.evolve(p, offset=p.offset + base) for p in parties]
    meeting = _MEETING_RE.search(title)
    if meeting:
        out = []
        for group in ("a", "b"):
            text = meeting.group(group)
            base = meeting.start(group)
            cuts = list(_TITLE_CUT_RE.finditer(text))
            if group == "a" and cuts:
                base += cuts[-1].end()
                text = text[cuts[-1].end() :]
            elif cuts:
                text = text[: cuts[0].start()]
            person = _person(text, language, allow_bare=False)
            if person:
                out.append(attrs.evolve(person, offset=person.offset + base))
        if len(out) == 2:
            return out
    # "U.S.-EU Summit Statement", "United States–European Commission Joint Statement";
    # only in titles of joint documents ("EU-China: Commission proposes..." is not one).
    if not _JOINT_WORDS_RE.search(title):
        return []
    for dash in _DASH_PAIR_RE.finditer(title):
        left = _entity_ending_at(title, dash.start(), language)
        right = _entity_starting_at(title, dash.end(), language)
        if left and right:
            return [
                _Party(None, None, None, _SHORT_FORMS.get(left[1].lower(), left[1]), left[0]),
                _Party(None, None, None, _SHORT_FORMS.get(right[1].lower(), right[1]), right[0]),
            ]
    return []


def _entity_ending_at(text: str, end: int, language: str) -> tuple[int, str] | None:
    tokens = _tokens(text[:end])
    for count in range(min(4, len(tokens)), 0, -1):
        start = tokens[-count][0]
        candidate = text[start:end]
        if _is_entity(candidate, language):
            return start, candidate
    return None


def _entity_starting_at(text: str, start: int, language: str) -> tuple[int, str] | None:
    tokens = _tokens(text[start:])
    for count in range(min(4, len(tokens)), 0, -1):
        offset, token = tokens[count - 1]
        candidate = text[start : start + offset + len(token)]
        if _is_entity(candidate, language):
            return start, candidate
    return None


def _co_chairs(text: str, language: str) -> tuple[list[_Party], list[_Party]] | None:
    if not _hinted(text, _CO_CHAIR_HINTS) or not _may_hold(text, _CO_CHAIR_NEEDS):
        return None
    found = _CO_CHAIR_RE.search(text)
    if not found:
        return None
    end = _sentence_end(text, found.end())
    sentence = text[found.end() : end]
    participation = _PARTICIPATION_RE.search(sentence)
    chairs_text = sentence[: participation.start()] if participation else sentence
    chairs = [
        attrs.evolve(p, offset=p.offset + found.end()) for p in _people_list(chairs_text, language)
    ]
    participants = []
    if participation:
        tail = sentence[participation.end() :]
        participants = [
            attrs.evolve(p, offset=p.offset + found.end() + participation.end())
            for p in _people_list(tail, language)
        ]
    return chairs, participants


# What each of _WE_RES needs in the lower-cased text before it can match (a pattern with
# no literal prefix is tried at every position: these tests skip most blocks); see
# _may_hold, whose steps _we_opening makes once for all five.
_WE_NEEDS: tuple[tuple[str, ...], ...] = (
    ("leader", "heads", "government", "dirigeants", "chefs", "staats", "líderes", "leiders"),
    ("—", "–"),
    ("we,", "nous,", "wir,"),
    ("signed",),
    ("as",),
)


def _we_opening(text: str, language: str) -> list[_Party]:
    text = text[: _sentence_end(text, 0)] if len(text) > _MAX_SENTENCE_CHARS else text
    head = text[:_MAX_SENTENCE_CHARS]
    low = None if any(odd in head for odd in _CASE_FOLD_ODD) else head.lower()
    for pattern, needs in zip(_WE_RES, _WE_NEEDS, strict=True):
        if low is not None and not any(need in low for need in needs):
            continue
        found = pattern.search(text, 0, _MAX_SENTENCE_CHARS)
        if not found:
            continue
        listing = found.group("list")
        base = found.start("list")
        prefix = _LIST_PREFIX_RE.match(listing)
        if prefix:
            listing, base = listing[prefix.end() :], base + prefix.end()
        parties = [p for _, p in _entity_list(listing, language)]
        if pattern is _WE_BARE_RE and not (
            len(parties) >= 2 or any(_is_entity(p.organisation or "", language) for p in parties)
        ):
            continue  # "We, Europeans, stand united": not a list of parties
        if parties:
            return [attrs.evolve(p, offset=p.offset + base) for p in parties]
    return []


def _preamble(text: str, following: str | None, language: str) -> list[_Party]:
    stripped = text.rstrip()
    if not stripped.endswith(",") or following is None or not _PREAMBLE_NEXT_RE.match(following):
        return []
    if len(stripped) > 400:
        return []
    return [p for _, p in _entity_list(stripped[:-1], language)]


_ISSUED_BY_RE = re.compile(
    r"\b(?:the\s+following\s+)?(?:joint\s+)?(?:statement|declaration|communiqu[eé])\s+"
    r"(?:was\s+)?(?:issued|released|signed|adopted)\s+(?:today\s+)?by\s+"
    r"(?:the\s+spokesperson\s+for\s+(?:the\s+)?(?P<for>[^:.;]+)|(?P<list>[^:.;*]+))"
    # "This is a joint media release between the Australian Federal Police and ..."
    r"|\bjoint\s+(?:media\s+release|press\s+release|news\s+release|statement|declaration)\s+"
    r"between\s+(?P<joint>[^:.;*]+)",
    re.IGNORECASE,
)
# One of these is in every match of _ISSUED_BY_RE (lower-cased).
_ISSUED_BY_NEEDS = ("statement", "declaration", "communiqu", "between")
_FR_TEXT_OF_RE = re.compile(
    r"\b(?:On trouvera ci-après|Voici)\s+(?:le\s+texte\s+)?(?:du|de\s+la|des|de\s+l['’])\s*"
    r"(?:message|discours|déclaration|allocution|intervention|remarques|propos)s?\s+"
    r"(?:du|de\s+la|de\s+l['’])\s*(?P<who>[^:;]+?)(?:,\s+(?:à|au|lors|prononcé|devant|sur)\b|:|$)",
    re.IGNORECASE,
)


def _issued_by(text: str, language: str) -> list[_Party]:
    """``The following (joint) statement was issued today by X, Y and Z:``."""
    if not _hinted(text, ("issued", "released", "signed", "adopted", "between")):
        return []
    if not _may_hold(text, _ISSUED_BY_NEEDS):
        return []
    found = _ISSUED_BY_RE.search(text)
    if not found:
        return []
    if found.group("for"):  # "... by the Spokesperson for UN Secretary-General X"
        return _office_holder(found.group("for"), found.start("for"), language)
    group = "list" if found.group("list") else "joint"
    listing, base = found.group(group), found.start(group)
    prefix = _LIST_PREFIX_RE.match(listing)
    if prefix:
        listing, base = listing[prefix.end() :], base + prefix.end()
    return [attrs.evolve(p, offset=p.offset + base) for _, p in _entity_list(listing, language)]


# "This was announced today in a joint statement by the Minister for X, Mr A, and ...":
# the sentence that says who issues the statement it opens.
_IN_JOINT_BY_RE = re.compile(
    r"\bin\s+a\s+joint\s+(?:media\s+|press\s+|news\s+)?(?:statement|release|declaration|"
    r"communiqu[eé])\s+(?:(?:issued|released|signed)\s+)?(?:today\s+)?by\s+"
    r"|\bdans\s+une?\s+(?:déclaration|communiqué)\s+(?:commune?|conjointe?)\s+"
    r"(?:(?:publiée?|signée?)\s+(?:aujourd['’]hui\s+)?par\s+|de\s+|du\s+|des\s+|d['’])"
    r"|\bin\s+einer\s+gemeinsamen\s+(?:Erklärung|Presseerklärung|Mitteilung)\s+"
    r"(?:von|vom|der|des)\s+"
    r"|\ben\s+una\s+declaración\s+conjunta\s+(?:(?:emitida|firmada|publicada)\s+"
    r"(?:hoy\s+)?por|de|del)\s+"
    r"|\bin\s+una\s+dichiarazione\s+congiunta\s+(?:(?:rilasciata|firmata|pubblicata)\s+"
    r"(?:oggi\s+)?da|di|del|della|dei)\s+"
    r"|\b(?:numa|em\s+uma)\s+declaração\s+conjunta\s+(?:(?:emitida|assinada|publicada)\s+"
    r"(?:hoje\s+)?(?:pelo|pela|pelos|por)|de|do|da|dos)\s+"
    r"|\bin\s+een\s+gezamenlijke\s+verklaring\s+van\s+",
    re.IGNORECASE,
)
_VERB_TAIL_RE = re.compile(r"(?:\s+[^\W\d_A-ZÄÖÜ][^\W\d_]*)+[\s.]*$")
_IN_JOINT_HINTS = (
    "joint", "commun", "conjoint", "gemeinsam", "conjunta", "congiunta", "gezamenlijk",
)  # fmt: skip


def _in_joint_statement_by(text: str, language: str) -> list[_Party]:
    """The parties of ``in a joint statement by X, Y and Z`` (people, else bodies)."""
    if not _hinted(text, _IN_JOINT_HINTS):
        return []
    found = _IN_JOINT_BY_RE.search(text)
    if not found:
        return []
    listing = text[found.end() : _sentence_end(text, found.end())]
    if language in ("de", "nl"):  # "... von X und Y mit.": the verb's particle ends it
        listing = _VERB_TAIL_RE.sub("", listing)
    base = found.end()
    prefix = _LIST_PREFIX_RE.match(listing)
    people = [p for p in _people_list(listing, language) if p.name]
    if len(people) >= 2:
        return [attrs.evolve(p, offset=p.offset + base) for p in people]
    if prefix:
        listing, base = listing[prefix.end() :], base + prefix.end()
    parties = [attrs.evolve(p, offset=p.offset + base) for _, p in _entity_list(listing, language)]
    return parties if len(parties) >= 2 else []


# In a joint statement, an opening sentence that says who announced it: "This was announced
# today by the Minister for X, Mr A, and the Minister for Y, Mr B"; "... were described as
# misleading by the Ministers for X, the Hon A and Y, the Hon B".
_ANNOUNCED_BY_RE = re.compile(
    r"\b(?:announced|stated|declared|described|said|issued|released|"
    r"annoncée?s?|déclarée?s?|indiquée?s?|publiée?s?|angekündigt|erklärt|mitgeteilt|"
    r"bekanntgegeben|anunciad[oa]s?|declarad[oa]s?|emitid[oa]s?|annunciat[oa]|dichiarat[oa]|"
    r"aangekondigd|verklaard)\b[^.;:!?\d]{0,80}?\s" + _BY + r"\s+",
    re.IGNORECASE,
)
_ANNOUNCED_HINTS = (
    "announced", "stated", "declared", "described", "said", "issued", "released", "annonc",
    "déclar", "indiqu", "publi", "angekündigt", "erklärt", "mitgeteilt", "bekanntgegeben",
    "anunciad", "declarad", "emitid", "annunciat", "dichiarat", "aangekondigd", "verklaard",
)  # fmt: skip


def _announced_by(text: str, language: str) -> list[_Party]:
    """Two or more people with an honorific, named as those who announced (joint only)."""
    if not _hinted(text, _ANNOUNCED_HINTS):
        return []
    found = _ANNOUNCED_BY_RE.search(text, 0, _MAX_SENTENCE_CHARS)
    if not found:
        return []
    listing = text[found.end() : _sentence_end(text, found.end())]
    people = [p for p in _people_list(listing, language) if p.name and p.honorific]
    if len(people) < 2:
        return []
    return [attrs.evolve(p, offset=p.offset + found.end()) for p in people]


def _office_holder(who: str, offset: int, language: str) -> list[_Party]:
    """``UN Secretary-General António Guterres``: one person, with the body as organisation."""
    org = None
    lead = re.match(r"(?:the\s+)?(?P<org>UN|U\.N\.|United Nations|EU|NATO)\s+", who)
    if lead:
        org = _SHORT_FORMS.get(lead.group("org").lower().replace(".", ""), lead.group("org"))
        offset += lead.end()
        who = who[lead.end() :]
    person = _person(who.strip(), language, allow_bare=False)
    if person is None:
        people = _people_list(who, language)  # "Secrétaire général de l’ONU, M. X"
        if len(people) != 1:
            return []
        person = people[0]
    return [
        attrs.evolve(person, organisation=person.organisation or org, offset=person.offset + offset)
    ]


# A joint document of two leaders who met: "At the invitation of X, Y paid a visit" or
# "X hosted Y". Read only in documents whose title or opening calls them joint.
_JOINT_RE = re.compile(
    r"\b(?:joint|common|commune?s?|conjointe?s?|gemeinsame\w*|conjunt[oa]s?|congiunt[oa]|"
    r"gezamenlijke?|wspóln\w+)\b",
    re.IGNORECASE,
)
# One of these is in every match of _JOINT_RE (lower-cased).
_JOINT_NEEDS = (
    "joint", "common", "commun", "gemeinsame", "conjunt", "congiunt", "gezamenlijk", "wspóln",
)  # fmt: skip


def _joint(text: str) -> bool:
    """``_JOINT_RE.search(text)``, skipped where none of its words is."""
    return _may_hold(text, _JOINT_NEEDS) and _JOINT_RE.search(text) is not None


# The invitation phrase, in languages where the guest comes before the verb.
_INVITATION_RE = re.compile(
    r"(?:^|(?<=[\s(]))(?:at\s+the\s+invitation\s+of|[àa]\s+l['’]invitation\s+(?:de|du|des|d['’])|"
    r"(?:por|a)\s+invitación\s+(?:de|del)|su\s+invito\s+(?:di|del|della|dello|dell['’])|"
    r"a\s+convite\s+(?:de|do|da)|na\s+zaproszenie)(?:\s+|(?<=['’]))",
    re.IGNORECASE,
)
_VISIT_VERB_RE = re.compile(
    r",?\s+(?:paid|made|undertook|conducted|is\s+paying|was\s+on|a\s+effectué|effectue|"
    r"a\s+rendu|s['’]est\s+rendue?|realizó|efectuó|realiza|ha\s+effettuato|ha\s+compiuto|"
    r"ha\s+reso|effettua|realizou|efetuou|fez|złożył[a]?|odwiedził[a]?)\b",
    re.IGNORECASE,
)
# ... and where the verb comes second: "Auf Einladung von X stattete Y ... einen Besuch ab".
_INVITATION_V2_RE = re.compile(
    r"(?:^|(?<=\s))(?:auf\s+Einladung\s+(?:von|vom|des|der)|op\s+uitnodiging\s+van)\s+"
    r"(?P<host>.+?)\s+(?:stattete|besuchte|bracht|bezocht)\s+(?P<guest>.+)",
    re.IGNORECASE,
)
_PARAGRAPH_NUMBER_RE = re.compile(r"^\s*\(?\d{1,3}[.)]\s+")
_HOSTED_RE = re.compile(
    r"^(?P<host>[^,;:]+?)\s+(?:hosted|welcomed|received|a\s+reçu|a\s+accueilli|empfing|"
    r"recibió\s+a|acogió\s+a|ha\s+ricevuto|ha\s+accolto|recebeu|acolheu|ontving|"
    r"przyjął|przyjęła|gościł|gościła)\s+(?P<guest>.+)",
    re.IGNORECASE,
)
# "Prime Minister X and Prime Minister Y met in Canberra today".
_MET_RE = re.compile(
    r"^(?P<host>[^,;:]+?)\s+(?:and|et|und|y|e|en|i)\s+(?P<guest>[^,;:]+?)\s+"
    r"(?:met|held\s+talks|se\s+sont\s+(?:rencontrée?s|entretenue?s|réunie?s)|trafen\s+sich|"
    r"kamen\s+[^,;:]{0,60}?zusammen|se\s+reunieron|si\s+sono\s+incontrat[ie]|"
    r"reuniram-se|encontraram-se|ontmoetten\s+elkaar|spotkali\s+się)\b",
    re.IGNORECASE,
)
_VISIT_HINTS = (
    "invit", "convite", "zaprosz", "einladung", "uitnodiging", "hosted", "welcomed",
    "received", "reçu", "accueilli", "empfing", "recibió", "acogió", "ricevuto", "accolto",
    "recebeu", "acolheu", "ontving", "przyj", "gości", "met", "talks", "rencontr", "entreten",
    "réuni", "trafen", "zusammen", "reunieron", "incontrat", "reuniram", "encontraram",
    "ontmoetten", "spotkali",
)  # fmt: skip


_LEADING_ARTICLE_RE = re.compile(rf"(?:{_ARTICLE})\s+(?=[^\W\d_])", re.IGNORECASE)


def _leading_person(text: str, language: str) -> _Party | None:
    """The person that opens ``text``, up to the first word that is not part of it."""
    article = _LEADING_ARTICLE_RE.match(text)  # "la Primera Ministra X", not "De Gaulle"
    if article:
        person = _leading_person(text[article.end() :], language)
        if person is not None and (person.role or person.honorific):
            return attrs.evolve(person, offset=person.offset + article.end())
    cut = len(text)
    for position, token in _tokens(text):
        word = token.strip(",;:")
        lower_ok = word.lower() in _PARTICLES or _is_role_word(word)  # "Première ministre X"
        if position and not _is_cap(word) and not lower_ok:
            cut = position
            break
        if token != word:  # "X, Prime Minister of ...": the name ends at the comma
            cut = position + len(word)
            break
    return _person(text[:cut], language, allow_bare=False)


def _visit(text: str, language: str) -> list[_Party]:
    """Host and guest of a meeting that gave a joint document (first sentence only)."""
    if not _hinted(text, _VISIT_HINTS):
        return []
    number = _PARAGRAPH_NUMBER_RE.match(text)  # "1. At the invitation of ..."
    start = number.end() if number else 0
    sentence = text[start : _sentence_end(text, start)]
    invitation = _INVITATION_RE.search(sentence)
    if invitation:
        verb = _VISIT_VERB_RE.search(sentence, invitation.end())
        if verb is None:
            return []
        people = _people_list(sentence[invitation.end() : verb.start()], language)
        if len(people) == 2 and all(p.name for p in people):
            return [attrs.evolve(p, offset=p.offset + start + invitation.end()) for p in people]
        return []
    found = (
        _INVITATION_V2_RE.search(sentence) or _HOSTED_RE.match(sentence) or _MET_RE.match(sentence)
    )
    if found is None:
        return []
    host = _leading_person(found.group("host"), language)
    guest = _leading_person(found.group("guest"), language)
    if host is None or guest is None or not host.name or not guest.name:
        return []
    if guest.name.endswith(("’s", "'s")):  # "welcomed Minister X's proposal": not a guest
        return []
    return [
        attrs.evolve(host, offset=host.offset + start + found.start("host")),
        attrs.evolve(guest, offset=guest.offset + start + found.start("guest")),
    ]


def _office_key(role: str | None) -> str:
    """An office without its article or the country adjective before it, for comparison."""
    words = (role or "").casefold().split()
    while words and not _is_role_word(words[0]):
        words.pop(0)
    return " ".join(words)


def _words_of(person: _Party) -> list[str]:
    """The lower-case words of a person's office and organisation."""
    return f"{person.role or ''} {person.organisation or ''}".casefold().split()


def _fill_from(nameless: list[Signatory], people: list[_Party]) -> list[_Party] | None:
    """Match people to the nameless parties of a title (``U.S.-Mexico``), or ``None``.

    A person goes with the party their office names (``Prime Minister of Japan``,
    ``Mexican President``: the same first five letters); the last one left takes the
    party left. Without a match for all but one, nothing is filled.
    """
    if len(nameless) != len(people):
        return None
    orgs = [(s.organisation or "").casefold() for s in nameless]
    taken: dict[int, int] = {}
    for index, person in enumerate(people):
        words = _words_of(person)
        for slot, org in enumerate(orgs):
            stem = org.split()[-1][:5] if org.split() else ""
            if slot in taken.values() or len(stem) < 4:
                continue
            if org == (person.organisation or "").casefold() or any(
                w.startswith(stem) for w in words
            ):
                taken[index] = slot
                break
    # Then by office: "the Prime Minister of Australia and the President of Chile" filled
    # from "President X and Prime Minister Y"; the same office on both sides, in order.
    for index, person in enumerate(people):
        if index in taken or not person.role:
            continue
        role = _office_key(person.role)
        slots = [
            slot
            for slot, party in enumerate(nameless)
            if slot not in taken.values() and _office_key(party.role) == role
        ]
        if slots:
            taken[index] = slots[0]
    if not taken and all(
        person.organisation is None
        and all(_is_role_word(word) for word in (person.role or "").split())
        for person in people
    ):
        # Nothing in the offices says which country: both lists name them in one order
        # ("the United States and India" / "President A and Prime Minister B").
        taken = {index: index for index in range(len(people))}
    if len(taken) < len(people) - 1:
        return None
    left = [slot for slot in range(len(orgs)) if slot not in taken.values()]
    for index in range(len(people)):
        if index not in taken:
            taken[index] = left.pop()
    order = sorted(range(len(people)), key=lambda index: taken[index])  # the title's order
    return [
        attrs.evolve(people[index], organisation=nameless[taken[index]].organisation)
        for index in order
    ]


# "Following is the text of the final communique of the thirteenth SEATO Council meeting
# issued in ...", "Following is the ANZUS Council communique issued ...", "On trouvera
# ci-après le texte du communiqué final de la réunion du Conseil ...": the meeting issues it.
_FOLLOWING_COMMUNIQUE_RE = re.compile(
    r"\bFollowing (?:is|are) (?:the (?:text|transcript) of )?(?:the|a) (?:(?:final|joint) )?"
    r"communiqu[eé]s? (?:of|from|issued by) (?:the )?(?P<of>[^:.;]+?)(?= issued\b| released\b|"
    r" adopted\b| at\b| in\b| on\b|[:.;,]|$)"
    r"|\bFollowing (?:is|are) the (?P<named>[^:.;]+?) (?:(?:final|joint) )?communiqu[eé]s?\b"
    r"|\b(?:On trouvera ci-après|Voici) le texte du communiqué (?:final |conjoint |commun )?"
    r"(?:de la|du|de l['’]|des)\s*(?P<fr>[^:.;]+?)(?=,| publié\b| adopté\b| à\b|[:.;]|$)",
    re.IGNORECASE,
)
_ORDINAL_RE = re.compile(
    r"^(?:the\s+)?(?:\d+\s*(?:st|nd|rd|th|e|er|ème)|[a-z-]+(?:st|nd|rd|th|ième))\s+",
    re.IGNORECASE,
)


_MEETING_OF_RE = re.compile(
    r"^(?:meeting|session|réunion|séance|Tagung|Sitzung|reunión|riunione|reunião|vergadering)\s+"
    r"(?:of\s+the|of|du|de\s+la|de\s+l['’]|des|der|des|del|della|dello|do|da|van\s+de)\s*",
    re.IGNORECASE,
)

# One of these is in every match of _FOLLOWING_COMMUNIQUE_RE (lower-cased).
_COMMUNIQUE_NEEDS = ("following", "trouvera", "voici")


def _communique_of_meeting(text: str) -> list[_Party]:
    """The meeting whose communiqué a release reproduces (``ANZUS Council``)."""
    if not _hinted(text, ("communiqu",)) or not _may_hold(
        text[:_MAX_SENTENCE_CHARS], _COMMUNIQUE_NEEDS
    ):
        return []
    found = _FOLLOWING_COMMUNIQUE_RE.search(text, 0, _MAX_SENTENCE_CHARS)
    if not found:
        return []
    group = next(g for g in ("of", "named", "fr") if found.group(g))
    body, start = found.group(group).strip(), found.start(group)
    ordinal = _ORDINAL_RE.match(body)
    if ordinal and not _is_cap(ordinal.group().split()[-1]):
        body, start = body[ordinal.end() :], start + ordinal.end()
    meeting_of = _MEETING_OF_RE.match(body)  # "réunion du Conseil de ...": the Council
    if meeting_of and any(w.lower() in _MEETING_WORDS for w in body[meeting_of.end() :].split()):
        body, start = body[meeting_of.end() :], start + meeting_of.end()
    words = body.split()
    if (
        len(words) > 1
        and words[-1].lower() in ("meeting", "réunion", "session", "séance")
        and words[-2].lower() in _MEETING_WORDS
    ):
        body = body[: body.rfind(" ")]  # "SEATO Council meeting": the Council
    low = [w.lower().strip(",") for w in body.split()]
    if not low or not any(w in _MEETING_WORDS for w in low) or len(body) > _MAX_ITEM_CHARS:
        return []
    return [_Party(None, None, None, body, start)]


def _following_is(text: str, language: str) -> list[_Party]:
    meeting = _communique_of_meeting(text)
    if meeting:
        return meeting
    french = _FR_TEXT_OF_RE.search(text) if _hinted(text, ("trouvera", "voici")) else None
    if french:
        return _office_holder(french.group("who"), french.start("who"), language)
    found = _FOLLOWING_RE.search(text) if "Following " in text else None  # case-sensitive
    if not found:
        return []
    return _office_holder(found.group("who"), found.start("who"), language)


_HEADER_RE = re.compile(
    r"^\s*joint\s+(?:statement|press\s+release|media\s+release|news\s+release)\s+(?:by|from|with)\s+",
    re.IGNORECASE,
)


def _header(text: str, language: str) -> list[_Party]:
    found = _HEADER_RE.match(text)
    if not found:
        return []
    rest = text[found.end() :]
    first_line = rest.split("\n\n", 1)[0]
    if first_line.isupper():
        titled = first_line.title()
        if len(titled) != len(first_line):
            return []
        first_line = re.sub(
            r"\b(?:The|And|For|Of|On|In|At|To)\b", lambda m: m.group().lower(), titled
        )
    parties = _people_list(first_line, language)
    return [attrs.evolve(p, offset=p.offset + found.end()) for p in parties if p.name]


_SENTENCE_CLOSE_RE = re.compile(r"[a-z]{2}[.!?][\"”’»)]*\s*$")


def _is_sentence(text: str) -> bool:
    """A sentence, not a letterhead: it ends like one and has words beyond names and offices.

    >>> _is_sentence("Minister for Jobs and Industrial Relations."), _is_sentence("Mr X agreed.")
    (False, True)
    """
    if not _SENTENCE_CLOSE_RE.search(text):
        return False
    plain = [
        w
        for w in (token.strip('.,;:!?"”’»') for token in text.split())
        if w and w[0].islower() and w.lower() not in _NAME_GLUE and not _is_role_word(w)
    ]
    return len(plain) >= 1


_BANNER_RE = re.compile(
    r"^\s*(?:joint\s+(?:(?:media|press|news)\s+release|statement|communiqu[eé])"
    r"|(?:communiqué|déclaration)\s+(?:de\s+presse\s+)?(?:conjointe?|commune?)"
    r"|gemeinsame\s+(?:Presse)?(?:mitteilung|erklärung)"
    r"|(?:comunicado|declaración|declaração)\s+(?:de\s+(?:prensa|imprensa)\s+)?conjunt[oa]"
    r"|(?:comunicato|dichiarazione)\s+(?:stampa\s+)?congiunt[oa]"
    r"|gezamenlijk(?:e)?\s+(?:persbericht|verklaring)"
    r"|wspólny\s+komunikat(?:\s+prasowy)?|wspólne\s+oświadczenie)\s*$",
    re.IGNORECASE,
)
_TITLECASE_SMALL_RE = re.compile(r"\b(?:The|And|For|Of|On|In|At|To)\b")


def _titlecased(text: str) -> str | None:
    """``MR SCOTT MORRISON MHR`` as ``Mr Scott Morrison Mhr`` (same length), or ``None``."""
    titled = text.title()
    if len(titled) != len(text):
        return None
    return _TITLECASE_SMALL_RE.sub(lambda m: m.group().lower(), titled)


def _named_people(text: str, language: str) -> list[_Party]:
    """Every honorific-led name in a letterhead line (``Hon. X MP  Attorney-General  Hon. Y MP``)."""
    if _mostly_upper(text):
        titled = _titlecased(text)
        if titled is None:
            return []
        text = titled
    found: list[_Party] = []
    if not any(need in text for need in _LETTERHEAD_NEEDS):
        return found  # every honorific the pattern finds is one of these, then a space
    honorifics = list(_LETTERHEAD_HONORIFIC_RE.finditer(text))
    for number, honorific in enumerate(honorifics):
        run = _name_run(text, honorific.end())
        if run:
            name = _clean_name(text[honorific.end() : honorific.end() + run])
            # What follows up to the next name, if it is an office ("Minister for Trade").
            upto = honorifics[number + 1].start() if number + 1 < len(honorifics) else len(text)
            after = _strip_leading_postnominals(text[honorific.end() + run : upto])
            words = after.split()
            role = org = None
            if words and _is_role_word(words[0]) and len(after) <= _MAX_ITEM_CHARS:
                role, org = _role_and_org(_OFFICE_END_RE.split(after.strip(), 1)[0], language)
            found.append(_Party(name, honorific.group().strip(), role, org, honorific.end()))
    return found


_LETTERHEAD_HONORIFIC_RE = re.compile(r"(?<![\w.])" + _HONORIFIC + r"(?=[^\W\d_])")
_LETTERHEAD_NEEDS = tuple(f"{word} " for word in _HONORIFIC_WORDS)
_ASCII_UPPER = bytes(range(ord("A"), ord("Z") + 1))
_ASCII_LOWER = bytes(range(ord("a"), ord("z") + 1))


def _mostly_upper(text: str) -> bool:
    """More upper-case than lower-case letters (by ``str.isupper``/``islower`` per character)."""
    if text.isascii():  # the same count, in C: only A-Z and a-z are cased in ASCII
        data = text.encode("ascii")
        upper = len(data) - len(data.translate(None, _ASCII_UPPER))
        lower = len(data) - len(data.translate(None, _ASCII_LOWER))
        return upper > lower
    return sum(map(str.isupper, text)) > sum(map(str.islower, text))


# An office in a letterhead ends where the line's columns do, or at a role word's sentence.
_OFFICE_END_RE = re.compile(r" {2,}|(?<=[a-z])\. ")


def _strip_leading_postnominals(text: str) -> str:
    words = text.split()
    while words and words[0].strip(",").upper() in _POSTNOMINALS:
        words.pop(0)
    return " ".join(words)


def _banner_neighbours(texts: Sequence[str], index: int, language: str) -> list[tuple[int, _Party]]:
    """Names printed just before or after a bare ``JOINT MEDIA RELEASE`` banner.

    The letterhead may be one block (``Hon. X MP  Minister  Hon. Y MP``) or one
    block per person; the blocks next to the banner are read while each names
    someone and none is a sentence. Two or more people are needed.
    """
    if not _BANNER_RE.match(texts[index]):
        return []
    for step in (-1, 1):
        found: list[tuple[int, _Party]] = []
        neighbour = index + step
        while 0 <= neighbour < len(texts) and abs(neighbour - index) <= 4:
            # A letterhead, not a sentence that mentions people ("... said Mr X.").
            if _is_sentence(texts[neighbour]):
                break
            people = _named_people(texts[neighbour], language)
            if not people:
                break
            found.extend((neighbour, person) for person in people)
            neighbour += step
        if len(found) >= 2:
            return sorted(found, key=lambda item: item[0])
    return []


_UNDERSIGNED_RE = re.compile(
    r"\b(?:we,? the undersigned|les soussignés|die Unterzeichnenden|los abajo firmantes|"
    r"i sottoscritti|os abaixo assinados|ondergetekenden|niżej podpisani)\b",
    re.IGNORECASE,
)
_SIGNED_AT_RE = re.compile(
    r"(?:signed|done|fait|geschehen|hecho|fatto|feito|gedaan|sporządzono)\s+"
    r"(?:at|in|on|à|le|zu|am|en|a|em|te|w)\b",
    re.IGNORECASE,
)


_SIGNED_HINTS = (
    "undersigned", "soussign", "unterzeichn", "firmantes", "sottoscritt", "assinad",
    "ondergetekend", "podpisani",
)  # fmt: skip


def _signed(text: str, low: str | None = None) -> bool:
    """Whether a block opens a signature block (``low``: ``text.lower()``, if at hand)."""
    if _SIGNED_AT_RE.match(text.lstrip()):
        return True
    if low is None:
        low = text.lower()
    return any(hint in low for hint in _SIGNED_HINTS) and bool(_UNDERSIGNED_RE.search(text))


_WITNESS_RE = re.compile(
    r"\b(?:witness(?:ed)?|in the presence of|en présence de|témoins?|in Anwesenheit|Zeugen|"
    r"testigos?|en presencia de|testimoni|alla presenza di|testemunhas?|na presença de|"
    r"getuigen?|in aanwezigheid van|świadk\w*|w obecności)\b",
    re.IGNORECASE,
)
# "For the Government of Japan:" over a name: the organisation that person signs for.
_SIGNS_FOR_RE = re.compile(
    r"^(?:for|on behalf of|pour|au nom d[eu]|für|im Namen d(?:er|es)|por|en nombre de|per|"
    r"a nome d(?:i|el|ella)|pelo|pela|em nome d[oa]|voor|namens|w imieniu|za)\s+"
    r"(?:(?:the|le|la|les|l['’]|die|der|das|den|el|los|las|il|lo|o|a|os|as|de|het)\s*)?"
    r"(?P<org>[^\W\d_].*?)\s*:?$",
    re.IGNORECASE,
)


# Horizontal spaces as one plain space each (offsets kept); newlines stay.
_HSPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2007": " ", "\u2009": " ", "\t": " "})
_CELL_RE = re.compile(r"\S+(?: \S+)*")
# A line that ends in a long run of spaces: a table flattened cell by cell (the run ends a
# cell, the next cell starts on the next line). Two spaces are a Markdown line break.
_CELL_END_RE = re.compile(r"\S {4,}$", re.MULTILINE)
_CONTACT_RE = re.compile(
    r"^(?:contact|tel|phone|fax|mob|e-?mail|www\.|https?:)|@|(?:\d[\d ()/+.-]{5,}\d)",
    re.IGNORECASE,
)


def _signature_rows(raw: str) -> list[list[tuple[int, str]]]:
    """The rows of a signature block's block, each a list of (offset, cell).

    Cells are separated by runs of two or more spaces. A block whose lines end
    in long runs of spaces is one row of wrapped cells (``Hun`` / ``Manet`` is
    one cell); otherwise each line is a row.
    """
    text = raw.translate(_HSPACES)
    if _CELL_END_RE.search(text):
        flat = text.replace("\n", " ")
        return [[(m.start(), m.group()) for m in _CELL_RE.finditer(flat)]]
    rows = []
    position = 0
    for line in text.split("\n"):
        cells = [(position + m.start(), m.group()) for m in _CELL_RE.finditer(line)]
        if cells:
            rows.append(cells)
        position += len(line) + 1
    return rows


@attrs.define
class _Signer:
    """A party of a signature block as it is read: its name, then its office lines."""

    party: _Party
    block: int
    office: str = ""
    organisation: str | None = None

    def add(self, text: str, language: str) -> None:
        text = text.strip(" ,;")
        if not text or _CONTACT_RE.search(text):
            return
        if all(word.strip(",").upper() in _POSTNOMINALS for word in text.split()):
            return
        role_led = _is_role_word(text.split()[0])
        continues = text[0].islower() or (self.office and not _is_cap(text))
        if self.organisation and not self.office and names_organisation(text) and not role_led:
            # "Jo Kirk, ASRC Health Centre  Asylum Seeker Resource Centre": the unit first
            self.office, self.organisation = self.organisation, text
        elif self.office and (continues or self.office.split()[-1].lower() in _NAME_GLUE):
            self.office = f"{self.office} {text}"  # "Prime Minister of the Kingdom" / "of Cambodia"
        elif not self.office and names_organisation(text) and not role_led:
            self.organisation = self.organisation or text
        elif not self.office:
            self.office = text
        elif self.organisation is None and _is_cap(text):
            self.organisation = text
        else:
            return
        if self.office:
            role, org = _role_and_org(self.office, language)
            self.party = attrs.evolve(self.party, role=role, organisation=org or self.organisation)

    def result(self) -> _Party:
        if self.party.organisation is None and self.organisation:
            return attrs.evolve(self.party, organisation=self.organisation)
        return self.party


def _signature_block(
    texts: Sequence[str], raws: Sequence[str], language: str, lows: Sequence[str] | None = None
) -> tuple[int, list[tuple[int, _Party]]]:
    """Parties after ``We, the undersigned`` / ``Signed at ...``, until any witnesses.

    Each block is read as rows of cells (:func:`_signature_rows`). A row with
    names in two or more cells gives one party per column, and the cells below
    a name give its office and organisation; a row with one name gives one
    party, whose other cells (``President  Australian Medical Association``)
    or next lines are its office and organisation. Contact details are
    skipped. Returns the index of the marker block and (block index, party)
    pairs. ``lows`` are the ``texts`` lower-cased, if at hand.
    """
    if lows is None:
        lows = [text.lower() for text in texts]
    index = next((i for i, text in enumerate(texts) if _signed(text, lows[i])), -1)
    if index < 0:
        return -1, []
    signers: list[_Signer] = []
    pending: dict[int, str] = {}  # column -> organisation signed for, awaiting its name
    for position in range(index + 1, min(len(texts), index + 25)):
        text = texts[position]
        if _WITNESS_RE.search(text) or len(text) > 300:
            break
        columns: dict[int, _Signer] = {}
        for row in _signature_rows(raws[position]):
            signs_for = [_SIGNS_FOR_RE.match(cell) for _, cell in row]
            if any(signs_for):
                pending = {j: m.group("org") for j, m in enumerate(signs_for) if m}
                continue
            cells = [(offset, cell, _signature_name(cell, language)) for offset, cell in row]
            people = [j for j, (_, _, party) in enumerate(cells) if party is not None]
            above = columns.get(0)
            if (
                people == [0]
                and len(row) == 1
                and above is not None
                and above.office
                and above.result().organisation is None
                and cells[0][2] is not None
                and cells[0][2].honorific is None
            ):
                people = []  # name / office / "Deutscher Ärztebund": the organisation line
            if people and (len(people) > 1 or people == [0]):
                if len(people) == 1:  # one party per row: its other cells are its fields
                    columns = {}
                for j in people:
                    offset, cell, party = cells[j]
                    if party is None:  # never: people lists the cells with a name
                        continue
                    org = pending.pop(j, None) or (
                        pending.pop(next(iter(pending))) if len(pending) == 1 else None
                    )
                    signer = _Signer(
                        attrs.evolve(party, offset=party.offset + offset),
                        position,
                        organisation=org,
                    )
                    signer.add(cell[party.offset + len(party.name or "") :], language)
                    signers.append(signer)
                    columns[j] = signer
                if len(people) == 1:
                    for _, cell, _ in cells[1:]:
                        columns[0].add(cell, language)
                continue
            for j, (_, cell, _) in enumerate(cells):
                below = columns.get(j) or (columns.get(0) if len(columns) == 1 else None)
                if below is not None:
                    below.add(cell, language)
    return index, [(signer.block, signer.result()) for signer in signers]


def _signature_name(text: str, language: str) -> _Party | None:
    """The name that opens one signature line (``Dr X, President ...``; ``Hun Manet``)."""
    honorific = _HONORIFIC_RE.match(text)
    lead = honorific.end() if honorific else 0
    run = _name_run(text, lead)
    if not run:
        return None
    name = _clean_name(text[lead : lead + run])
    after = text[lead + run :]
    if not honorific:
        words = name.split()
        if not 2 <= len(words) <= 4 or _is_entity(name, language) or name.isupper():
            return None
        if any(w.lower().strip("()") in _ORG_WORDS for w in words):
            return None
        if after and not re.match(r"^(?:,|\s*$|\s+(?:[A-Z]{2,6})\b)", after):
            return None
    return _Party(name, honorific.group().strip() if honorific else None, None, None, lead)


# --------------------------------------------------------------------------- assembly

# Issuers that publish in their own name: the organisation a single-issuer
# document of theirs is signed by, per language (English when not listed).
_ISSUER_NAMES: dict[str, dict[str, str]] = {
    "ec": {
        "en": "European Commission",
        "fr": "Commission européenne",
        "de": "Europäische Kommission",
    },
    "europarl": {
        "en": "European Parliament",
        "fr": "Parlement européen",
        "de": "Europäisches Parlament",
    },
    "eeas": {
        "en": "European External Action Service",
        "fr": "Service européen pour l’action extérieure",
        "de": "Europäischer Auswärtiger Dienst",
    },
    "council": {"en": "Council of the European Union", "fr": "Conseil de l’Union européenne"},
    "un": {"en": "United Nations", "fr": "Organisation des Nations unies"},
    "nato": {
        "en": "North Atlantic Treaty Organization",
        "fr": "Organisation du Traité de l’Atlantique Nord",
    },
}


def _creator_party(creator: str) -> _Party | None:
    creator = " ".join(creator.split())
    inverted = re.fullmatch(
        r"(?P<last>[^\W\d_][\w’'\-. ]*?),\s*(?P<first>[^\W\d_][\w’'\-. ]*)", creator
    )
    if inverted:
        return _Party(f"{inverted.group('first')} {inverted.group('last')}", None, None, None, 0)
    if not creator or not _is_cap(creator):
        return None
    return _Party(None, None, None, creator, 0)


def _surname(name: str | None) -> str:
    return name.split()[-1].lower() if name else ""


def _given_initial_matches(printed: str | None, catalogue: str | None) -> bool:
    """``F.M. Chaney`` may print ``Fred Chaney``; ``R. Smith`` may not print ``John Smith``."""
    if not printed or not catalogue or len(printed.split()) < 2:
        return False
    return printed[0].casefold() == catalogue[0].casefold()


def _to_signatory(party: _Party, locate: Finder) -> Signatory | None:
    name = party.name or None
    org = party.organisation or None
    if not name and not org:
        return None
    role = " ".join(party.role.split()) if party.role else None
    return Signatory(
        name=name,
        honorific=party.honorific or None,
        role=_drop_pre_name_title(role) or None,
        organisation=" ".join(org.split()) if org else None,
        location=locate(party.offset),
    )


# Titles printed just before a name, not offices of anything ("Attorney-General Senator
# the Hon. X": the office is Attorney-General).
_PRE_NAME_TITLES = frozenset(
    {
        "senator", "sen.", "congressman", "congresswoman", "rep.", "sec.", "sénateur",
        "sénatrice", "senador", "senadora", "senatore", "senatrice",
    }
)  # fmt: skip


def _drop_pre_name_title(role: str | None) -> str | None:
    if not role:
        return role
    words = role.split()
    if len(words) > 1 and words[-1].lower() in _PRE_NAME_TITLES:
        return " ".join(words[:-1])
    return role


def _block_locator(block: TextBlock, source: str | None) -> Finder:
    def locate(offset: int) -> Location:
        before = block.text[:offset]
        newlines = before.count("\n")
        if not newlines:
            return Location(source=source, line=block.line, column=block.column + offset)
        return Location(
            source=source, line=block.line + newlines, column=offset - before.rfind("\n")
        )

    return locate


class _Locators(Sequence[Finder]):
    """One locator per block, made when first asked for (documents may have 100 000 blocks)."""

    def __init__(self, blocks: Sequence[TextBlock], source: str | None) -> None:
        self._blocks = blocks
        self._source = source

    def __len__(self) -> int:
        return len(self._blocks)

    def __getitem__(self, index: int) -> Finder:  # type: ignore[override]
        return _block_locator(self._blocks[index], self._source)


def _fixed_locator(source: str | None, element: str) -> Finder:
    def locate(offset: int) -> Location:
        return Location(source=source, element=element)

    return locate


# How many blocks (from the top) may hold a "We, ..." opening or a statement introduction.
_OPENING_BLOCKS = 12
# A block that ends without closing punctuation continues in the next one (a reader split
# a sentence: a first line taken for a heading, a hard line break).
_OPEN_END_RE = re.compile(r"(?:(?<=\S)\.|[!?:;)\]”\"»])\s*$")


def _open_end(text: str) -> bool:
    """``_OPEN_END_RE.search(text)`` without trying every position of the block."""
    text = text.rstrip()  # str.isspace is re's \s for str patterns
    if not text:
        return False
    last = text[-1]
    if last == ".":
        return len(text) > 1 and not text[-2].isspace()
    return last in '!?:;)]”"»'


# A short label line ("Begin Text:", "Witnessed by:", "Signé :") starts something new.
_LABEL_RE = re.compile(r"^\W*[^\W\d_][^.!?:\n]{0,40}:\s*$")


def _units(
    texts: Sequence[str],
    locators: Sequence[Finder],
    *,
    first: int = 0,
    limit: int | None = None,
) -> tuple[list[str], list[Finder]]:
    """Blocks joined again where a sentence runs on from one into the next.

    ``texts`` are the blocks from index ``first`` on; at most ``limit`` units are made.
    """
    units: list[str] = []
    unit_locators: list[Finder] = []
    index = 0
    while index < len(texts) and (limit is None or len(units) < limit):
        parts = [(0, index)]
        text = texts[index]
        while (
            index + 1 < len(texts)
            and len(parts) < 4
            and 0 < len(texts[index]) < _MAX_ITEM_CHARS
            and not _open_end(texts[index])
            and not _LABEL_RE.match(texts[index + 1])
        ):
            index += 1
            parts.append((len(text) + 1, index))
            text = f"{text} {texts[index]}"
        units.append(text)
        unit_locators.append(_joined_locator([(at, i + first) for at, i in parts], locators))
        index += 1
    return units, unit_locators


def _joined_locator(parts: list[tuple[int, int]], locators: Sequence[Finder]) -> Finder:
    if len(parts) == 1:
        return locators[parts[0][1]]

    def locate(offset: int) -> Location:
        for start, index in reversed(parts):
            if offset >= start:
                return locators[index](offset - start)
        return locators[parts[0][1]](offset)

    return locate


def _dedupe(signatories: Iterable[Signatory]) -> tuple[Signatory, ...]:
    seen: set[tuple[str, str]] = set()
    out = []
    for signatory in signatories:
        key = (
            (signatory.name or "").casefold(),
            "" if signatory.name else (signatory.organisation or "").casefold(),
        )
        if key in seen:
            continue
        seen.add(key)
        out.append(signatory)
    return tuple(out)


def _merge_signatures(
    signatories: list[Signatory],
    texts: Sequence[str],
    raws: Sequence[str],
    locators: Sequence[Finder],
    lang: str,
    lows: Sequence[str] | None = None,
) -> None:
    """Add the names of a signature block: fill nameless parties in order, or add new ones."""
    _, found = _signature_block(texts, raws, lang, lows)
    if not found:
        return
    nameless = [i for i, s in enumerate(signatories) if not s.name]
    if signatories and len(nameless) == len(signatories) == len(found):
        for slot, (position, party) in zip(nameless, found, strict=True):
            signatories[slot] = attrs.evolve(
                signatories[slot],
                name=party.name,
                honorific=party.honorific,
                role=signatories[slot].role or party.role,
                organisation=signatories[slot].organisation or party.organisation,
                location=locators[position](party.offset),
            )
        return
    present = {_surname(s.name) for s in signatories}
    for position, party in found:
        if _surname(party.name) not in present:
            signatory = _to_signatory(party, locators[position])
            if signatory is not None:
                signatories.append(signatory)


def extract_parties(
    *,
    title: str,
    blocks: Sequence[TextBlock],
    language: str | None,
    source: str | None = None,
    creators: Sequence[str] = (),
    issuer: str | None = None,
) -> Parties:
    """Find the signatories and participants of one release.

    Args:
        title: the release's title (``""`` when it has none).
        blocks: the body, one :class:`TextBlock` per paragraph, heading or list item.
        language: BCP 47 tag of the text (``fr``, ``en-GB``), if known; it
            chooses the country names and issuer names used.
        source: the input's name, copied into every location.
        creators: author names or organisations the page gives (front matter,
            JSON-LD); ``Surname, Given`` is read as a person.
        issuer: the issuer profile key (``ec``, ``un``...), used only when no
            party is found at all.

    Returns:
        The signatories and participants, each with the location of its name
        (or organisation).

    >>> found = extract_parties(
    ...     title="Joint Statement by President Biden and President von der Leyen",
    ...     blocks=[], language="en", source="x.md")
    >>> [(s.role, s.name) for s in found.signatories]
    [('President', 'Biden'), ('President', 'von der Leyen')]
    >>> found.signatories[0].location.element
    'title'
    """
    lang = (language or "en").split("-")[0].lower()
    texts = [_plain_spaces(block.text) for block in blocks]
    locators = _Locators(blocks, source)

    signatories: list[Signatory] = []
    participants: list[Signatory] = []

    def add(target: list[Signatory], parties: Iterable[_Party], locate: Finder) -> None:
        for party in parties:
            signatory = _to_signatory(party, locate)
            if signatory is not None:
                target.append(signatory)

    units, unit_locators = _units(texts[: _OPENING_BLOCKS * 4], locators)
    co_chaired = False
    lows = [text.lower() for text in texts]
    for index, low in enumerate(lows):
        if not any(hint in low for hint in _CO_CHAIR_HINTS):
            continue
        # The unit is made of these blocks joined by spaces, and no need holds a space: if
        # none is in them, _co_chairs finds nothing (see _may_hold).
        if not any(
            any(odd in text for odd in _CASE_FOLD_ODD) for text in texts[index : index + 4]
        ) and not any(need in part for part in lows[index : index + 4] for need in _CO_CHAIR_NEEDS):
            continue
        (text,), (locate,) = _units(texts[index : index + 4], locators, first=index, limit=1)
        found = _co_chairs(text, lang)
        if found and found[0]:
            add(signatories, found[0], locate)
            add(participants, found[1], locate)
            co_chaired = True
            break

    finders: list[tuple[Callable[[int, str], list[_Party]], list[str], Sequence[Finder]]] = [
        (lambda i, text: _we_opening(text, lang), units, unit_locators),
        (
            lambda i, text: _preamble(text, texts[i + 1] if i + 1 < len(texts) else None, lang),
            texts,
            locators,
        ),
        (
            lambda i, text: (
                _following_is(text, lang)
                or _issued_by(text, lang)
                or _in_joint_statement_by(text, lang)
            ),
            units,
            unit_locators,
        ),
    ]
    for finder, where, where_locators in finders:
        if signatories:
            break
        for index, text in enumerate(where[:_OPENING_BLOCKS]):
            parties = finder(index, text)
            if parties:
                add(signatories, parties, where_locators[index])
                break
    visit: list[_Party] = []
    visit_at = -1
    if not signatories and (_joint(title) or any(_joint(text) for text in texts[:2])):
        for index, text in enumerate(texts[:6]):
            visit = _visit(text, lang)
            if visit:
                visit_at = index
                break
    if not signatories:
        add(signatories, _title_parties(title, lang), _fixed_locator(source, "title"))
    if visit and all(not s.name for s in signatories):
        filled = _fill_from(signatories, visit) if signatories else visit
        if filled is not None:
            signatories.clear()
            add(signatories, filled, locators[visit_at])
    if not signatories and (_joint(title) or any(_joint(text) for text in texts[:3])):
        for index, text in enumerate(units[:4]):
            parties = _announced_by(text, lang)
            if parties:
                add(signatories, parties, unit_locators[index])
                break
    if not signatories:
        for index, text in enumerate(texts[:6]):
            parties = _header(text, lang)
            if parties:
                add(signatories, parties, locators[index])
                break
            beside = _banner_neighbours(texts, index, lang)
            for position, party in beside:
                add(signatories, [party], locators[position])
            if beside:
                break
    if not co_chaired:
        _merge_signatures(
            signatories, texts, [block.text for block in blocks], locators, lang, lows
        )

    people = [_creator_party(c) for c in creators]
    named = [p for p in people if p is not None and p.name]
    present = {_surname(s.name) for s in signatories}
    locate_creators = _fixed_locator(source, "creators")
    # When the text says who chaired, or names only the issuing bodies, the catalogue's
    # creators (who merely released the text) add nothing.
    text_decides = co_chaired or (signatories and all(not s.name for s in signatories))
    if not text_decides and named:
        printed = {_surname(p.name): p for t in texts[:8] for p in _named_people(t, lang)}
        for creator in named:
            surname = _surname(creator.name)
            if surname in present:
                continue
            # The form the text prints ("the Hon F.M. Chaney") wins over the catalogue's.
            form = printed.get(surname)
            if form is not None and _given_initial_matches(form.name, creator.name):
                creator = attrs.evolve(creator, name=form.name)
            add(signatories, [creator], locate_creators)
    elif not text_decides and not signatories:
        first = next((p for p in people if p is not None), None)
        if first is not None:
            add(signatories, [first], locate_creators)

    if not signatories and issuer in _ISSUER_NAMES:
        names = _ISSUER_NAMES[issuer]
        org = names.get(lang, names["en"])
        signatories.append(
            Signatory(organisation=org, location=Location(source=source, element="issuer"))
        )

    return Parties(signatories=_dedupe(signatories), participants=_dedupe(participants))
