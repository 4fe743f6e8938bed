"""Finding codes: what each means, its default severity, title and explanation.

Codes are a public contract: CI pipelines filter on them, so a code is never renamed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from inclusionplan.catalogue.text import Text
from inclusionplan.catalogue.text import bilingual as _t
from inclusionplan.findings import Severity


@dataclass(frozen=True)
class FindingType:
    """What a finding code means: its default severity, title and explanation."""

    code: str
    severity: Severity
    title: Text
    explanation: Text


E, W, N = Severity.ERROR, Severity.WARNING, Severity.INFO

FINDING_TYPES: tuple[FindingType, ...] = (
    FindingType(
        "unreadable-file",
        E,
        _t("Skedar i palexueshëm", "Unreadable file"),
        _t(
            "Skedari nuk mund të hapet si fletëllogaritëse: është i dëmtuar, i mbrojtur me "
            "fjalëkalim, bosh, ose nuk është fare fletëllogaritëse.",
            "The file cannot be opened as a spreadsheet: it is damaged, password-protected, "
            "empty, or not a spreadsheet at all.",
        ),
    ),
    FindingType(
        "no-data-sheet",
        E,
        _t("Asnjë fletë me të dhëna", "No data sheet"),
        _t(
            "Asnjë fletë e skedarit nuk ka një kokë tabele me kodin e treguesit dhe vitet "
            "(ose vitin dhe vlerën).",
            "No sheet of the workbook has a header with the indicator code and the years "
            "(or a year and a value column).",
        ),
    ),
    FindingType(
        "sheet-skipped",
        N,
        _t("Fletë e anashkaluar", "Sheet skipped"),
        _t(
            "Fleta nuk ka kokë tabele të njohur (p.sh. udhëzime ose shënime) dhe nuk u lexua.",
            "The sheet has no recognisable header (instructions or notes, say) and was not read.",
        ),
    ),
    FindingType(
        "hidden-content",
        N,
        _t("Përmbajtje e fshehur", "Hidden content"),
        _t(
            "Fletë, rreshta ose kolona të fshehura u lexuan si të tjerat; kontrolloni që nuk "
            "janë mbetje nga një version i vjetër.",
            "Hidden sheets, rows or columns were read like the others; check that they are not "
            "left over from an older version.",
        ),
    ),
    FindingType(
        "unknown-indicator",
        E,
        _t("Tregues i panjohur", "Unknown indicator"),
        _t(
            "Kodi i treguesit nuk është në skemë, ose rreshti ka vlera pa kod treguesi.",
            "The indicator code is not in the schema, or the row has values but no code.",
        ),
    ),
    FindingType(
        "unknown-breakdown",
        E,
        _t("Ndarje e panjohur", "Unknown breakdown"),
        _t(
            "Emërtimi i ndarjes (p.sh. Gjithsej, Femra, Fshat) nuk njihet, ose kjo ndarje nuk "
            "mblidhet për këtë tregues.",
            "The breakdown label (Total, Female, Rural, ...) is not known, or this breakdown is "
            "not collected for this indicator.",
        ),
    ),
    FindingType(
        "unexpected-year",
        E,
        _t("Vit i papritur", "Unexpected year"),
        _t(
            "Viti nuk është ndër vitet që kërkon plani.",
            "The year is not one of the years the plan collects.",
        ),
    ),
    FindingType(
        "missing-year",
        E,
        _t("Mungon një vit", "Missing year"),
        _t(
            "Skedari nuk ka asnjë vlerë (ose kolonë) për një vit që plani kërkon.",
            "The file has no value (or column) for a year the plan collects.",
        ),
    ),
    FindingType(
        "missing-value",
        E,
        _t("Mungon vlera", "Missing value"),
        _t(
            "Një vlerë e kërkuar është bosh, shënuar si e padisponueshme, ose rreshti i saj "
            "mungon. Për tregues ose ndarje opsionale është paralajmërim; vlera nuk merret "
            "kurrë si zero.",
            "A required value is empty, marked as unavailable, or its row is absent. For an "
            "optional indicator or breakdown it is a warning; the value is never taken as zero.",
        ),
    ),
    FindingType(
        "not-a-number",
        E,
        _t("Nuk është numër", "Not a number"),
        _t(
            "Qeliza ka tekst, datë ose vlerë logjike aty ku pritet një numër.",
            "The cell holds text, a date or a true/false value where a number is expected.",
        ),
    ),
    FindingType(
        "not-a-whole-number",
        E,
        _t("Nuk është numër i plotë", "Not a whole number"),
        _t(
            "Numërimet dhe shumat në lekë janë numra të plotë.",
            "Counts and amounts in lekë are whole numbers.",
        ),
    ),
    FindingType(
        "negative-value",
        E,
        _t("Vlerë negative", "Negative value"),
        _t(
            "Numërimet dhe shumat nuk mund të jenë negative.",
            "Counts and amounts cannot be negative.",
        ),
    ),
    FindingType(
        "out-of-range",
        E,
        _t("Jashtë kufijve", "Out of range"),
        _t(
            "Përqindjet janë nga 0 deri në 100.",
            "Percentages lie between 0 and 100.",
        ),
    ),
    FindingType(
        "duplicate-value",
        E,
        _t("Vlerë e dyfishtë", "Duplicate value"),
        _t(
            "E njëjta vlerë (tregues, ndarje, vit) është dhënë më shumë se një herë.",
            "The same value (indicator, breakdown, year) is given more than once.",
        ),
    ),
    FindingType(
        "partition-mismatch",
        E,
        _t("Ndarja nuk jep totalin", "Partition does not add up"),
        _t(
            "Pjesët e një ndarjeje (femra + meshkuj, urbane + rurale) duhet të japin totalin.",
            "The parts of a partition (female + male, urban + rural) must add up to the total.",
        ),
    ),
    FindingType(
        "subgroup-exceeds-total",
        E,
        _t("Nëngrupi kalon totalin", "Subgroup exceeds total"),
        _t(
            "Një nëngrup (p.sh. romë dhe egjiptianë, të rinj) nuk mund të jetë më i madh se "
            "totali.",
            "A subgroup (Roma and Egyptian, youth, ...) cannot be larger than the total.",
        ),
    ),
    FindingType(
        "rule-violation",
        E,
        _t("Shkelje e rregullit", "Rule violation"),
        _t(
            "Dy tregues nuk përputhen me një rregull të skemës (p.sh. përfituesit nuk mund të "
            "jenë më shumë se aplikuesit).",
            "Two indicators break a rule of the schema (beneficiaries cannot outnumber "
            "applicants, for instance).",
        ),
    ),
    FindingType(
        "large-change",
        W,
        _t("Ndryshim i madh", "Large change"),
        _t(
            "Totali ndryshon nga një vit në tjetrin më shumë se pragu i skemës; mund të jetë "
            "i saktë, por dikush duhet ta shohë.",
            "The total changes from one year to the next by more than the schema's threshold; "
            "it may be right, but someone should look.",
        ),
    ),
    FindingType(
        "interpreted-text",
        W,
        _t("Tekst i interpretuar", "Interpreted text"),
        _t(
            "Një numër ishte shkruar si tekst dhe u interpretua; kontrolloni që leximi është i "
            "saktë dhe shkruajeni si numër.",
            "A number was typed as text and had to be interpreted; check the reading and enter "
            "it as a number.",
        ),
    ),
    FindingType(
        "formula-without-value",
        E,
        _t("Formulë pa vlerë", "Formula without value"),
        _t(
            "Qeliza ka një formulë që nuk është llogaritur kurrë; hapeni skedarin në Excel ose "
            "LibreOffice dhe ruajeni. Formulat nuk ekzekutohen dhe nuk merren si zero.",
            "The cell holds a formula that was never calculated; open the file in Excel or "
            "LibreOffice and save it. Formulas are never run and never read as zero.",
        ),
    ),
    FindingType(
        "name-mismatch",
        W,
        _t("Emri nuk përputhet", "Name mismatch"),
        _t(
            "Emri i shkruar pranë kodit nuk i ngjan emrit të treguesit në skemë: ndoshta kodi "
            "është gabim.",
            "The name written beside the code does not resemble the schema's name for it: the "
            "code may be wrong.",
        ),
    ),
    FindingType(
        "missing-indicator",
        E,
        _t("Mungon një tregues", "Missing indicator"),
        _t(
            "Institucioni nuk raportoi një tregues për të cilin është përgjegjës sipas planit.",
            "The institution left out an indicator it is responsible for in the plan.",
        ),
    ),
    FindingType(
        "unknown-policy-area",
        E,
        _t("Fushë e panjohur", "Unknown policy area"),
        _t(
            "Fusha e politikës nuk është ndër fushat e skemës (SP, EM, ED, HE, HO, HR).",
            "The policy area is not one of the schema's areas (SP, EM, ED, HE, HO, HR).",
        ),
    ),
    FindingType(
        "end-before-start",
        E,
        _t("Mbarimi para fillimit", "End before start"),
        _t(
            "Një masë e matricës së veprimit mbaron para se të fillojë.",
            "A measure of the action matrix ends before it starts.",
        ),
    ),
    FindingType(
        "objective-without-measure",
        E,
        _t("Objektiv pa masë", "Objective without a measure"),
        _t(
            "Një rresht i matricës së veprimit ka objektiv, por asnjë masë për ta arritur.",
            "A row of the action matrix has an objective but no measure to reach it.",
        ),
    ),
    FindingType(
        "unknown-funding-source",
        W,
        _t("Burim financimi i panjohur", "Unknown funding source"),
        _t(
            "Burimi i financimit nuk është ndër burimet e njohura; buxheti e tregon veçmas.",
            "The funding source is not one of the known ones; the budget shows it apart.",
        ),
    ),
    FindingType(
        "invalid-date",
        E,
        _t("Datë e pavlefshme", "Invalid date"),
        _t(
            "Data nuk kuptohet; shkruajeni si datë ose si 24.11.2016.",
            "The date cannot be understood; enter it as a date or as 24.11.2016.",
        ),
    ),
    FindingType(
        "unknown-measure",
        E,
        _t("Masë e panjohur", "Unknown measure"),
        _t(
            "Masa e raportuar nuk gjendet në matricën e veprimit të planit.",
            "The measure reported is not in the plan's action matrix.",
        ),
    ),
    FindingType(
        "unknown-status",
        E,
        _t("Status i panjohur", "Unknown status"),
        _t(
            "Statusi i masës duhet të jetë: Nuk ka filluar, Në zbatim, E përfunduar ose E anuluar.",
            "A measure's status must be: Not started, Ongoing, Completed or Cancelled.",
        ),
    ),
    FindingType(
        "missing-submission",
        E,
        _t("Mungon dorëzimi", "Missing submission"),
        _t(
            "Skedari që plani pret nga një institucion nuk gjendet.",
            "The file the plan expects from an institution is not there.",
        ),
    ),
)

FINDING_TYPES_BY_CODE: Mapping[str, FindingType] = {t.code: t for t in FINDING_TYPES}
