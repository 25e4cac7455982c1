"""The core's labels (statuses, outcomes, roles, kinds, classifications) are translated where
the screens show them, not in the core: English reads exactly as the core's own words."""

from __future__ import annotations

import pytest

from pcso_interview.lifecycle import Status
from pcso_interview.phrases import ENGLISH, Phrase
from pcso_interview.scoring import Result
from pcso_interview.store import SessionRow
from ui import i18n, labels
from ui.hr.sessions_model import cell


def row(status: str, outcome: str) -> SessionRow:
    return SessionRow(
        "s1", "2025-03-03", "Siôn", "C-1", "gwent-cso", "Gwent", "PCSO", "Llŷr",
        status, outcome, 15, "60.0%", 1,
    )  # fmt: skip


def test_in_english_every_label_is_the_cores_own(qapp):
    for status in Status:
        assert labels.status(status) == status.label
        assert labels.status(status.value) == status.label
    for result in Result:
        assert labels.outcome(result) == result.label
    assert labels.role("chair") == "chair" and labels.kind("value") == "value"
    assert labels.classification("partly") == "Partly"
    assert labels.status("unknown") == "unknown"  # a value it does not know, as it is


@pytest.mark.usefixtures("welsh")
def test_in_welsh_the_screens_show_welsh_words():
    assert labels.status(Status.SIGNED) == "Wedi'i lofnodi"
    assert labels.status("awaiting_signoff") == "Yn aros i'w lofnodi"
    assert labels.outcome(Result.PASS) == "Llwyddo"
    assert labels.role("chair") == "cadeirydd"
    assert labels.kind("competency") == "cymhwysedd"
    assert labels.classification("demonstrated") == "Wedi'i ddangos"
    assert cell(row("signed", "fail"), 5) == "Wedi'i lofnodi"
    assert cell(row("signed", "fail"), 6) == "Methu"
    assert cell(row("consensus", "pass"), 6) == "Llwyddo (dros dro)"
    assert Status.SIGNED.label == "Signed"  # the core is unchanged


def test_the_screens_english_for_each_core_sentence_is_the_cores_word_for_word(qapp):
    from pcso_interview.scoring import Method
    from pcso_interview.session import DECLARATION, SignMethod

    assert dict(ENGLISH) == labels.PHRASES
    assert labels.declaration() == DECLARATION  # what the record keeps
    assert [labels.method(m) for m in Method] == [m.value for m in Method]
    assert [labels.sign_method(m) for m in SignMethod] == [m.value for m in SignMethod]
    from pcso_interview.scoring import Classification, ClassificationCounts

    assert [labels.classification_text(c) for c in Classification] == [
        c.text for c in Classification
    ]
    counts = ClassificationCounts(3, 2, 1, 2)
    assert labels.counts_text(counts) == str(counts)
    waiting = Phrase.of("step.waiting", members="Ann Chair, Bob Member", shortcut="Ctrl+M")
    assert labels.phrase(waiting) == str(waiting)
    assert labels.phrase("C-0412") == "C-0412"  # a plain value, as it is


@pytest.mark.usefixtures("welsh")
def test_in_welsh_the_indicator_table_and_the_counts_read_in_welsh():
    from pcso_interview.scoring import Classification, ClassificationCounts

    assert labels.classification_text(Classification.DEMONSTRATED) == "+ Wedi'i ddangos"
    assert labels.classification_text(Classification.NONE) == "· Dim wedi'i gofnodi"
    assert labels.counts_text(ClassificationCounts(3, 2, 1, 2)) == (
        "+ 3 wedi'u dangos · ~ 2 yn rhannol · − 1 yn groes · 2 heb ddim (o 8)"
    )


@pytest.mark.usefixtures("welsh")
def test_in_welsh_the_cores_sentences_read_in_welsh_their_fields_as_given():
    waiting = Phrase.of("step.waiting", members="Ann Chair, Bob Member", shortcut="Ctrl+M")
    assert (
        labels.phrase(waiting) == "Ann Chair, Bob Member i raddio pob maes (Ctrl+M i newid aelod)"
    )
    lettered = Phrase.of("step.classify", grade=Phrase.of("keys.lettered", best="A", worst="D"))
    assert labels.phrase(lettered) == (
        "dosbarthwch bob dangosydd (D, P, C, N), yna graddiwch y maes (G yna A-D)"
    )
    assert str(lettered) == "classify each indicator (D, P, C, N), then grade the area (G then A-D)"


@pytest.mark.usefixtures("welsh")
def test_the_screens_and_the_sheet_say_the_cores_sentences_in_the_same_welsh():
    from reports.sheet_text import PHRASES_WELSH

    for key, welsh in PHRASES_WELSH.items():
        assert i18n.translate(labels.PHRASES_CONTEXT, labels.PHRASES[key]) == welsh, key
