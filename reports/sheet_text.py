"""The marking sheet's fixed texts in English and Welsh: headings, labels, column titles,
outcome words, the sign-off block, the evidence pages and the page furniture.

Which language a sheet prints is a force setting in the profile (``"sheet_language"``: ``"en"``,
``"cy"`` or ``"cy+en"``, English when absent), so it travels in the session's copy of the profile
and ``verify`` rebuilds the same sheet. Only the sheet's own words are here: indicator text,
names, grade labels and descriptors, questions, notes and everything else a force or a user typed
print exactly as written.

The sentences the core makes (the outcome's reasons, the score, a grade changed after the
reveal, the profile's level) come as pcso_interview.phrases.Phrase: their English is the core's
own (``phrases.ENGLISH``), their Welsh is PHRASES_WELSH here, and the sheet words them from
their fields in its language. The record keeps the English reasons as ever (signed content).
The one text printed as the core wrote it is the detail of a record that failed verification:
a check's finding (what changed, where), quoted under a Welsh sentence that says what it means.

The Welsh was written for this project, not by a qualified translator (docs/welsh-glossary.md):
the force's Welsh language officer should check it before use. The English is the sheet's text
as it has always been, byte for byte: a sheet without the setting is unchanged.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from pcso_interview.phrases import ENGLISH, Phrase
from pcso_interview.session import DECLARATION

LANGUAGES = ("en", "cy", "cy+en")
DEFAULT_LANGUAGE = "en"
BILINGUAL_JOIN = " / "

# key: (English, Welsh). Templates use str.format fields; both texts take the same fields.
TEXTS: Mapping[str, tuple[str, str]] = {
    # the state marks, in the side margins and the footer
    "mark.draft": ("DRAFT - NOT SIGNED OFF", "DRAFFT - HEB EI LOFNODI"),
    "mark.withdrawn": ("WITHDRAWN", "WEDI TYNNU'N ÔL"),
    "mark.failed": ("RECORD FAILED VERIFICATION", "METHODD Y COFNOD Y DILYSU"),
    "mark.failed.status": ("Record failed verification", "Methodd y cofnod y dilysu"),
    "footnote.draft": (
        "no digest; this is not the signed record.",
        "dim crynodeb; nid hwn yw'r cofnod a lofnodwyd.",
    ),
    "footnote.withdrawn": (
        "the candidate withdrew; no outcome is recorded.",
        "tynnodd yr ymgeisydd yn ôl; ni chofnodir canlyniad.",
    ),
    "footnote.failed": (
        "the database record no longer matches what was signed; this is not that record.",
        "nid yw'r cofnod yn y gronfa ddata bellach yn cyfateb i'r hyn a lofnodwyd; nid hwn yw'r"
        " cofnod hwnnw.",
    ),
    "digest": ("SHA-256 of the signed content:", "SHA-256 y cynnwys a lofnodwyd:"),
    # page furniture
    "furniture.candidate": (
        "Candidate {ref} · Page {page} of {total}",
        "Ymgeisydd {ref} · Tudalen {page} o {total}",
    ),
    "furniture.session": (
        "Session {id} · sheet version {version} · Page {page} of {total}",
        "Sesiwn {id} · fersiwn y daflen {version} · Tudalen {page} o {total}",
    ),
    # page 1
    "title": ("PCSO interview marking sheet", "Taflen farcio cyfweliad SCCH"),
    "scoring": ("Scoring", "Sgorio"),
    "details.candidate": ("Candidate", "Ymgeisydd"),
    "details.candidate.value": ("{name} · reference {ref}", "{name} · cyfeirnod {ref}"),
    "details.date": ("Date and venue", "Dyddiad a lleoliad"),
    "details.no_venue": ("(venue not recorded)", "(lleoliad heb ei gofnodi)"),
    "details.force": ("Force and role", "Heddlu a rôl"),
    "details.profile": ("Profile", "Proffil"),
    "details.method": ("agreed grades by", "graddau cytunedig drwy"),
    "details.vetting": ("vetting", "fetio"),
    "details.record": ("Record", "Cofnod"),
    "details.version": (
        "{status}, sheet version {version}",
        "{status}, fersiwn y daflen {version}",
    ),
    "details.replaces": (
        ". Replaces version {version}, signed {signed}; reopened {reopened} by {by}: {reason}",
        ". Yn disodli fersiwn {version}, a lofnodwyd {signed}; ailagorwyd {reopened} gan {by}:"
        " {reason}",
    ),
    "method.consensus": ("consensus", "consensws"),
    "method.mean": ("mean", "cymedr"),
    "method.chair": ("chair", "cadeirydd"),
    "status.setup": ("Setting up", "Wrthi'n paratoi"),
    "status.scoring": ("Scoring", "Sgorio"),
    "status.consensus": ("Consensus", "Consensws"),
    "status.awaiting_signoff": ("Awaiting sign-off", "Yn aros i'w lofnodi"),
    "status.signed": ("Signed", "Wedi'i lofnodi"),
    "status.reopened": ("Reopened", "Wedi'i ailagor"),
    "status.withdrawn": ("Withdrawn", "Wedi tynnu'n ôl"),
    # the matrix
    "matrix.area": ("Area", "Maes"),
    "matrix.agreed": ("Agreed", "Cytunedig"),
    "matrix.minimum": ("Minimum", "Isafswm"),
    "matrix.weight": ("Weight", "Pwysiad"),
    "matrix.weighted": ("Weighted", "Wedi'i bwysoli"),
    "matrix.spread": ("⚑ spread", "⚑ gwasgariad"),
    "matrix.none": ("none", "dim"),
    "matrix.not_scored": ("not scored", "heb ei sgorio"),
    "matrix.total": ("Total", "Cyfanswm"),
    "matrix.total.value": ("{score}; pass mark {mark}", "{score}; marc llwyddo {mark}"),
    "matrix.total.incomplete": (
        "pass mark {mark}: no total until every area is agreed",
        "marc llwyddo {mark}: dim cyfanswm nes cytuno ar bob maes",
    ),
    # outcome
    "outcome": ("Outcome: {result}", "Canlyniad: {result}"),
    "outcome.pass": ("PASS", "LLWYDDO"),
    "outcome.fail": ("FAIL", "METHU"),
    "outcome.incomplete": ("INCOMPLETE", "ANGHYFLAWN"),
    "outcome.unsigned": (" (not yet signed off)", " (heb ei lofnodi eto)"),
    "withdrawn.reason": ("Reason: {reason}", "Rheswm: {reason}"),
    "withdrawn.none": ("(none given)", "(dim wedi'i roi)"),
    "withdrawn.when": ("Withdrawn on {when} by {by}.", "Tynnwyd yn ôl ar {when} gan {by}."),
    "withdrawn.no_time": ("(time not recorded)", "(amser heb ei gofnodi)"),
    "withdrawn.no_one": ("(not recorded)", "(heb ei gofnodi)"),
    "withdrawn.note": (
        "No outcome is recorded for a withdrawn interview, and the panel's grades above are not a"
        " decision.",
        "Ni chofnodir canlyniad ar gyfer cyfweliad a dynnwyd yn ôl, ac nid penderfyniad yw"
        " graddau'r panel uchod.",
    ),
    # sign-off
    "signoff": ("Sign-off", "Llofnodi"),
    "signoff.failed": (
        "The database record no longer matches what the panel signed: {problem}. This sheet is"
        " not that record.",
        # {problem} is the check's finding as the check wrote it (English): said so.
        "Nid yw'r cofnod yn y gronfa ddata bellach yn cyfateb i'r hyn a lofnododd y panel"
        " (canfyddiad y gwiriad, yn Saesneg): {problem}. Nid y cofnod hwnnw yw'r daflen hon.",
    ),
    "signoff.declaration": ("Declaration", "Datganiad"),
    # The declaration each member confirmed: the record keeps the English (signed content),
    # a Welsh sheet prints it in Welsh.
    "signoff.declaration.text": (
        DECLARATION,
        "Rwy'n cadarnhau mai fy rhai i yw'r dystiolaeth, y dosbarthiadau a'r graddau a gofnodwyd"
        " yma o dan fy enw, a wnaed yn annibynnol ac yn deg yn erbyn dangosyddion y proffil hwn,"
        " ac mai'r graddau cytunedig a'r canlyniad yw'r rhai y cytunodd y panel arnynt.",
    ),
    "signoff.member": ("Panel member", "Aelod o'r panel"),
    "signoff.signature": ("Signature", "Llofnod"),
    "signoff.signed": ("Signed", "Llofnodwyd"),
    "signoff.not_signed": ("Not signed", "Heb lofnodi"),
    "signoff.typed": ("Signed:", "Llofnodwyd:"),
    "signoff.no_number": ("no number", "dim rhif"),
    "signoff.nobody": ("No member has signed.", "Nid oes yr un aelod wedi llofnodi."),
    "signoff.locked": ("Signed off and locked.", "Wedi'i lofnodi a'i gloi."),
    "role.chair": ("Chair", "Cadeirydd"),
    "role.member": ("Member", "Aelod"),
    # the evidence pages
    "evidence": ("Evidence", "Tystiolaeth"),
    "scale": ("The grading scale", "Y raddfa raddio"),
    "scale.grade": ("Grade", "Gradd"),
    "scale.points": ("Points", "Pwyntiau"),
    "scale.meaning": ("Meaning", "Ystyr"),
    "scale.descriptor": ("Descriptor", "Disgrifydd"),
    "key": (
        "In the evidence tables: ✓ demonstrated · ~ partly demonstrated · ✗ contrary evidence"
        " (behaviour against the indicator) · · nothing recorded.",
        "Yn y tablau tystiolaeth: ✓ wedi'i ddangos · ~ wedi'i ddangos yn rhannol · ✗ tystiolaeth"
        " groes (ymddygiad yn groes i'r dangosydd) · · dim wedi'i gofnodi.",
    ),
    "class.demonstrated": ("✓ Demonstrated", "✓ Wedi'i ddangos"),
    "class.partly": ("~ Partly", "~ Yn rhannol"),
    "class.contrary": ("✗ Contrary", "✗ Croes"),
    "kind.competency": ("Competency", "Cymhwysedd"),
    "kind.value": ("Value", "Gwerth"),
    "area.national": (
        " · indicator text: national CVF",
        " · testun y dangosyddion: CVF cenedlaethol",
    ),
    "area.not_scored": (
        " · observed, not scored (weight 0)",
        " · wedi'i arsylwi, heb ei sgorio (pwysiad 0)",
    ),
    "area.question": ("Question asked:", "Cwestiwn a ofynnwyd:"),
    "area.questions": ("Questions asked:", "Cwestiynau a ofynnwyd:"),
    "area.not_recorded": ("(not recorded)", "(heb ei gofnodi)"),
    "area.no": ("No.", "Rhif"),
    "area.indicator": ("Indicator", "Dangosydd"),
    "area.notes": ("Evidence notes", "Nodiadau tystiolaeth"),
    "area.cont": (" (cont.)", " (parh.)"),
    "area.area_note": ("Area note, {name}", "Nodyn maes, {name}"),
    "area.grades": ("Grades:", "Graddau:"),
    "area.no_grades": ("none yet", "dim eto"),
    "area.agreed": ("Agreed:", "Cytunedig:"),
    "area.spread": (
        " · ⚑ a spread of {spread} or more, discussed",
        " · ⚑ gwasgariad o {spread} neu fwy, wedi'i drafod",
    ),
    "area.rationale": ("Rationale:", "Rhesymeg:"),
    "area.rationale.cont": ("Rationale (cont.):", "Rhesymeg (parh.):"),
    # the PDF's title (its metadata: a viewer's title bar)
    "pdf.title": ("Marking sheet {ref} {date}", "Taflen farcio {ref} {date}"),
}

# The Welsh of the core's sentences the sheet prints (pcso_interview.phrases: the English is
# ENGLISH there, word for word what the record and the CLI say). The same Welsh as the
# interface's catalogue (tests/ui/test_core_labels.py checks).
PHRASES_WELSH: Mapping[str, str] = {
    "outcome.score": "{total} o {maximum} ({percentage})",
    "outcome.points": "{points} pwynt",
    "outcome.point": "{points} pwynt",
    "outcome.passed.points": (
        "Mae pob maes ar ei isafswm neu'n uwch; nid yw {score} yn is na'r marc llwyddo o {mark}."
    ),
    "outcome.passed.percent": (
        "Mae pob maes ar ei isafswm neu'n uwch; nid yw {score} yn is na'r marc llwyddo o {mark}."
    ),
    "outcome.below_minimum": "{area}: {grade}, yn is na'r isafswm {minimum}",
    "outcome.below_pass_mark": "Cyfanswm wedi'i bwysoli {score}, yn is na'r marc llwyddo o {mark}",
    "outcome.not_agreed": "{area}: dim gradd gytunedig eto",
    "revision.changed": (
        "Newidiodd {member} y radd hon o {old} i {new} ar ôl i'r graddau gael eu dangos"
    ),
    "revision.no_grade": "dim gradd",
    "level.none": "heb lefel",
    "level.competencies": "cymwyseddau ar lefel {level}; nid oes lefelau i'r gwerthoedd",
    "level.one": "lefel {level}",
    "source.untitled": "Proffil rôl",
    "source.untitled.dated": "Proffil rôl, {date}",
}
PHRASE_TEMPLATES: tuple[Callable[[str], str], Callable[[str], str]] = (
    ENGLISH.__getitem__,
    PHRASES_WELSH.__getitem__,
)

WELSH_MONTHS = (
    "Ionawr",
    "Chwefror",
    "Mawrth",
    "Ebrill",
    "Mai",
    "Mehefin",
    "Gorffennaf",
    "Awst",
    "Medi",
    "Hydref",
    "Tachwedd",
    "Rhagfyr",
)
WELSH_MONTHS_SHORT = (
    "Ion",
    "Chwef",
    "Maw",
    "Ebr",
    "Mai",
    "Meh",
    "Gorff",
    "Awst",
    "Medi",
    "Hyd",
    "Tach",
    "Rhag",
)


@dataclass(frozen=True)
class Key:
    """A field's value that is itself one of the sheet's texts: filled in the same language
    as the text around it ("Canlyniad: LLWYDDO / Outcome: PASS", not a mixture)."""

    name: str


def _filled(value: object, index: int) -> object:
    """A field's value in the language ``index``: a Key's text, a Phrase worded, else as is."""
    if isinstance(value, Key):
        return TEXTS[value.name][index]
    if isinstance(value, Phrase):
        return value.words(PHRASE_TEMPLATES[index])
    return value


def _format(key: str, index: int, values: Mapping[str, object]) -> str:
    filled = {name: _filled(value, index) for name, value in values.items()}
    return TEXTS[key][index].format(**filled)


class SheetText:
    """The sheet's words in one of LANGUAGES: ``text("key", field=value)``."""

    def __init__(self, language: str = DEFAULT_LANGUAGE):
        if language not in LANGUAGES:
            raise ValueError(f"sheet language {language!r} is not one of {', '.join(LANGUAGES)}")
        self.language = language

    @property
    def welsh_dates(self) -> bool:
        """Month names in Welsh: on a Welsh sheet (a bilingual sheet keeps English dates)."""
        return self.language == "cy"

    @property
    def pdf_lang(self) -> str:
        return "cy-GB" if self.language == "cy" else "en-GB"

    def english(self, key: str, **values: object) -> str:
        return _format(key, 0, values)

    def welsh(self, key: str, **values: object) -> str:
        return _format(key, 1, values)

    def __call__(self, key: str, **values: object) -> str:
        if self.language == "en":
            return self.english(key, **values)
        if self.language == "cy":
            return self.welsh(key, **values)
        return bilingual(self.welsh(key, **values), self.english(key, **values))

    def phrase(self, value: str | Phrase) -> str:
        """One of the core's sentences in the sheet's language (plain text as it is)."""
        if self.language == "en":
            return str(_filled(value, 0))
        if self.language == "cy":
            return str(_filled(value, 1))
        return bilingual(str(_filled(value, 1)), str(_filled(value, 0)))


LEADS = (" · ⚑ ", " · ", ". ", " (", "⚑ ", "✓ ", "~ ", "✗ ")


def bilingual(welsh: str, english: str) -> str:
    """Welsh then English, a shared lead (" · ", "✓ ", " (…)") printed once."""
    if welsh == english:
        return welsh
    for lead in LEADS:
        if welsh.startswith(lead) and english.startswith(lead):
            w, e = welsh[len(lead) :], english[len(lead) :]
            if lead == " (" and w.endswith(")") and e.endswith(")"):
                return f" ({w[:-1]}{BILINGUAL_JOIN}{e[:-1]})"
            return f"{lead}{w}{BILINGUAL_JOIN}{e}"
    return f"{welsh}{BILINGUAL_JOIN}{english}"
