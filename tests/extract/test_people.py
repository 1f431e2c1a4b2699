"""Tests for pressrelease.extract.people: co-chairs, participants, titles, openings, corpus score."""

from __future__ import annotations

from pathlib import Path

import pytest

from pressrelease.extract.people import Parties, TextBlock, extract_parties
from pressrelease.model import Signatory
from tests.extract.corpus_docs import labelled_documents, norm, split_blocks


def _fields(signatories: tuple[Signatory, ...]) -> list[tuple[str | None, ...]]:
    return [(s.honorific, s.name, s.role, s.organisation) for s in signatories]


def _one(text: str, language: str, title: str = "", line: int = 1) -> Parties:
    return extract_parties(
        title=title, blocks=[TextBlock(text=text, line=line)], language=language, source="t"
    )


# --------------------------------------------------------------------------- (a) the seed


def test_seed_co_chairs_and_participant(corpus: Path) -> None:
    text = (corpus / "seed" / "eeas-201203_6-fr.txt").read_text(encoding="utf-8")
    blocks = split_blocks(text)
    parties = extract_parties(
        title=blocks[0].text, blocks=blocks[1:], language="fr", source="seed.txt", issuer="eeas"
    )
    # Checked by hand against line 14 of the seed.
    assert _fields(parties.signatories) == [
        (
            "Mme",
            "Joanneke Balfoort",
            "directrice chargée de la politique de sécurité et de défense",
            "Service européen pour l’action extérieure",
        ),
        (
            "M.",
            "Vladimir Voronkov",
            "secrétaire général adjoint",
            "Bureau de lutte contre le terrorisme des Nations unies",
        ),
    ]
    # "et de représentants de la Commission européenne" is a group: no participant.
    assert _fields(parties.participants) == [
        (
            "M.",
            "Gilles de Kerchove",
            "coordinateur de l’Union européenne pour la lutte contre le terrorisme",
            None,
        )
    ]
    line = text.splitlines()[13]
    balfoort, voronkov = parties.signatories
    assert balfoort.location is not None
    assert voronkov.location is not None
    assert (balfoort.location.line, balfoort.location.column) == (14, line.index("Joanneke") + 1)
    assert (voronkov.location.line, voronkov.location.column) == (14, line.index("Vladimir") + 1)
    assert balfoort.location.source == "seed.txt"
    kerchove = parties.participants[0].location
    assert kerchove is not None
    assert kerchove.column == line.index("Gilles") + 1


# --------------------------------------------------------------------------- (d) corpus score


def test_corpus_signatories_f1(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Precision, recall and F1 of signatories over every labelled text, Markdown and HTML file.

    A person matches a label with the same name (case and spaces normalised);
    an organisation-only label matches an organisation-only extraction with
    the same organisation.
    """
    true_pos = false_pos = false_neg = 0
    misses = []
    for document in labelled_documents(corpus):
        parties = extract_parties(
            title=document.title,
            blocks=document.blocks,
            language=document.language,
            source=document.path,
            creators=document.creators,
            issuer=document.issuer,
        )
        got = {(norm(s.name), "" if s.name else norm(s.organisation)) for s in parties.signatories}
        want = {
            (norm(label["name"]), "" if label["name"] else norm(label["organisation"]))
            for label in document.labels
        }
        true_pos += len(got & want)
        false_pos += len(got - want)
        false_neg += len(want - got)
        if got != want:
            misses.append(
                f"{document.path}: extra {sorted(got - want)} missing {sorted(want - got)}"
            )
    precision = true_pos / (true_pos + false_pos)
    recall = true_pos / (true_pos + false_neg)
    f1 = 2 * precision * recall / (precision + recall)
    with capsys.disabled():
        print(f"\nsignatories over the corpus: P={precision:.3f} R={recall:.3f} F1={f1:.3f}")
        for miss in misses:
            print("  ", miss)
    assert f1 >= 0.90
