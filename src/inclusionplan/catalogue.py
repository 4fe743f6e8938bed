"""The one catalogue of finding codes and user-facing messages, in Albanian and English.

Codes are a public contract: CI pipelines filter on them, so a code is never renamed.
A message template may have variants (``code:variant``) chosen by a finding's
``variant`` parameter; every template exists in every language (a test checks it).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from inclusionplan.findings import Severity

if TYPE_CHECKING:
    from inclusionplan.findings import Finding

LANGUAGES = ("sq", "en")
MAX_PARAMETER = 120  # a cell's text is cut to this many characters in a message

Text = Mapping[str, str]


@dataclass(frozen=True)
class FindingType:
    """What a finding code means: its default severity, title and explanation."""

    code: str
    severity: Severity
    title: Text
    explanation: Text


def _t(sq: str, en: str) -> Text:
    return {"sq": sq, "en": en}


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

# Message templates: finding messages (by code, or code:variant) and every other text the
# tool shows (errors, reasons, labels). Placeholders are str.format fields.
MESSAGES: Mapping[str, Text] = {
    # -- findings
    "unreadable-file": _t(
        "Skedari nuk mund të lexohet: {reason}.", "The file cannot be read: {reason}."
    ),
    "no-data-sheet": _t(
        "Asnjë fletë nuk ka tabelë treguesish me kod dhe vite (fletët: {sheets}).",
        "No sheet holds an indicator table with codes and years (sheets: {sheets}).",
    ),
    "sheet-skipped": _t(
        "Fleta '{sheet}' nuk ka kokë tabele të njohur dhe nuk u lexua.",
        "Sheet '{sheet}' has no recognisable header and was not read.",
    ),
    "hidden-content": _t(
        "Fleta '{sheet}' ka përmbajtje të fshehur; u lexua gjithsesi.",
        "Sheet '{sheet}' has hidden content; it was read all the same.",
    ),
    "hidden-content:sheet": _t(
        "Fleta '{sheet}' është e fshehur; u lexua gjithsesi.",
        "Sheet '{sheet}' is hidden; it was read all the same.",
    ),
    "hidden-content:rows": _t(
        "Rreshta të fshehur: {items}; u lexuan gjithsesi.",
        "Hidden rows: {items}; they were read all the same.",
    ),
    "hidden-content:columns": _t(
        "Kolona të fshehura: {items}; u lexuan gjithsesi.",
        "Hidden columns: {items}; they were read all the same.",
    ),
    "unknown-indicator": _t(
        "Kodi i treguesit '{code}' nuk njihet nga skema.",
        "Indicator code '{code}' is not in the schema.",
    ),
    "unknown-indicator:no-code": _t(
        "Rreshti ka vlera, por nuk ka kod treguesi.",
        "The row has values but no indicator code.",
    ),
    "unknown-breakdown": _t(
        "Ndarja '{label}' nuk njihet (p.sh. Gjithsej, Femra, Meshkuj, Urbane, Rurale).",
        "Breakdown '{label}' is not known (e.g. Total, Female, Male, Urban, Rural).",
    ),
    "unknown-breakdown:not-for-indicator": _t(
        "Ndarja '{label}' nuk mblidhet për treguesin {indicator}; ndarjet e tij: {allowed}.",
        "Breakdown '{label}' is not collected for indicator {indicator}; its breakdowns: "
        "{allowed}.",
    ),
    "unexpected-year:not-a-year": _t(
        "'{text}' nuk është vit.",
        "'{text}' is not a year.",
    ),
    "unexpected-year": _t(
        "Viti {year} nuk është ndër vitet që kërkon plani ({years}).",
        "Year {year} is not one of the years the plan collects ({years}).",
    ),
    "missing-year": _t(
        "Nuk ka asnjë vlerë për vitin {year}.",
        "There is no value for the year {year}.",
    ),
    "missing-value": _t(
        "Mungon vlera e {indicator} ({breakdown}) për vitin {year}.",
        "The value of {indicator} ({breakdown}) for {year} is missing.",
    ),
    "missing-value:marker": _t(
        "Vlera e {indicator} ({breakdown}) për vitin {year} është shënuar '{text}' (e "
        "padisponueshme).",
        "The value of {indicator} ({breakdown}) for {year} is marked '{text}' (unavailable).",
    ),
    "missing-value:row": _t(
        "Mungon rreshti i {indicator} për ndarjen '{breakdown}'.",
        "The row of {indicator} for the breakdown '{breakdown}' is absent.",
    ),
    "not-a-number": _t("'{text}' nuk është numër.", "'{text}' is not a number."),
    "not-a-whole-number": _t(
        "{number} duhet të jetë numër i plotë ({unit}).",
        "{number} must be a whole number ({unit}).",
    ),
    "negative-value": _t(
        "{number} është negativ; {indicator} nuk mund të jetë më pak se zero.",
        "{number} is negative; {indicator} cannot be below zero.",
    ),
    "out-of-range": _t(
        "{number} është jashtë kufijve {minimum}–{maximum}.",
        "{number} is outside the range {minimum}–{maximum}.",
    ),
    "duplicate-value": _t(
        "Vlera e {indicator} ({breakdown}, {year}) është dhënë edhe në {first}.",
        "The value of {indicator} ({breakdown}, {year}) is also given at {first}.",
    ),
    "partition-mismatch": _t(
        "{parts} = {parts_sum}, por totali i {indicator} për vitin {year} është {total} "
        "(diferenca {difference}).",
        "{parts} = {parts_sum}, but the total of {indicator} for {year} is {total} "
        "(difference {difference}).",
    ),
    "subgroup-exceeds-total": _t(
        "{breakdown} ({number}) është më shumë se totali i {indicator} për vitin {year} ({total}).",
        "{breakdown} ({number}) is more than the total of {indicator} for {year} ({total}).",
    ),
    "rule-violation": _t(
        "{indicator} ({number}) duhet të jetë {operator} {other} ({other_number}) për "
        "{breakdown}, {year}; {other} është në {other_place}.",
        "{indicator} ({number}) must be {operator} {other} ({other_number}) for {breakdown}, "
        "{year}; {other} is at {other_place}.",
    ),
    "large-change": _t(
        "Totali i {indicator} ndryshon me {change} nga {previous_year} në {year} "
        "({previous} → {number}).",
        "The total of {indicator} changes by {change} from {previous_year} to {year} "
        "({previous} → {number}).",
    ),
    "interpreted-text": _t(
        "Teksti '{text}' u lexua si {number}.",
        "The text '{text}' was read as {number}.",
    ),
    "formula-without-value": _t(
        "Formula nuk ka vlerë të llogaritur; hapeni dhe ruajeni skedarin në Excel.",
        "The formula has no calculated value; open the file in Excel and save it.",
    ),
    "name-mismatch": _t(
        "Emri '{name}' nuk i përgjigjet treguesit {indicator} ('{expected}').",
        "The name '{name}' does not match indicator {indicator} ('{expected}').",
    ),
    "missing-indicator": _t(
        "{institution} nuk raportoi treguesin {indicator} – {indicator_name}.",
        "{institution} did not report indicator {indicator} – {indicator_name}.",
    ),
    "missing-submission": _t(
        "Skedari i pritur nga {institution} nuk gjendet: {path}.",
        "The file expected from {institution} is not there: {path}.",
    ),
    "missing-value:column": _t(
        "Kolona «{column_name}» është bosh në këtë rresht.",
        "The column «{column_name}» is empty in this row.",
    ),
    "unknown-policy-area": _t(
        "Fusha '{area}' nuk njihet; fushat: {areas}.",
        "Policy area '{area}' is not known; the areas: {areas}.",
    ),
    "end-before-start": _t(
        "Masa mbaron në {end}, para se të fillojë ({start}).",
        "The measure ends in {end}, before it starts ({start}).",
    ),
    "objective-without-measure": _t(
        "Objektivi «{objective}» nuk ka masë.",
        "The objective «{objective}» has no measure.",
    ),
    "unknown-funding-source": _t(
        "Burimi i financimit '{text}' nuk njihet; të njohurit: {known}.",
        "Funding source '{text}' is not known; the known ones: {known}.",
    ),
    "invalid-date": _t("'{text}' nuk është datë.", "'{text}' is not a date."),
    "unknown-measure": _t(
        "Masa «{measure}» nuk është në matricën e veprimit.",
        "The measure «{measure}» is not in the action matrix.",
    ),
    "unknown-status": _t(
        "Statusi '{text}' nuk njihet (Nuk ka filluar, Në zbatim, E përfunduar, E anuluar).",
        "Status '{text}' is not known (Not started, Ongoing, Completed, Cancelled).",
    ),
    # -- reasons a file cannot be read
    "reason-not-a-spreadsheet": _t(
        "nuk është fletëllogaritëse (xlsx, xlsm, xls, ods ose csv)",
        "it is not a spreadsheet (xlsx, xlsm, xls, ods or csv)",
    ),
    "reason-unsupported-format": _t(
        "formati '{suffix}' nuk mbështetet; ruajeni si .xlsx",
        "the format '{suffix}' is not supported; save it as .xlsx",
    ),
    "reason-not-a-text-document": _t(
        "nuk është dokument Word (.docx) apo tekst (.txt, .md); ruajeni si .docx",
        "it is not a Word (.docx) or text (.txt, .md) document; save it as .docx",
    ),
    "reason-corrupt": _t(
        "skedari është i dëmtuar ose i cunguar",
        "the file is damaged or truncated",
    ),
    "reason-password": _t(
        "skedari është i mbrojtur me fjalëkalim; dërgojeni pa fjalëkalim",
        "the file is password-protected; send it without a password",
    ),
    "reason-empty": _t("skedari është bosh", "the file is empty"),
    "reason-empty-workbook": _t(
        "fletëllogaritësja nuk ka asnjë qelizë të plotësuar",
        "the workbook has no filled-in cell",
    ),
    "reason-too-many-rows": _t(
        "një fletë ka më shumë se {limit} rreshta, kufiri i lejuar",
        "a sheet has more than {limit} rows, the limit",
    ),
    "reason-too-many-cells": _t(
        "një fletë shtrihet në më shumë se {limit} qeliza nga qeliza e parë e plotësuar te "
        "e fundit (ose skedari deklaron aq), kufiri i lejuar",
        "a sheet spans more than {limit} cells from its first filled cell to its last (or "
        "the file declares that many), the limit",
    ),
    "reason-encoding": _t(
        "kodimi i tekstit nuk njihet; ruajeni si CSV UTF-8",
        "the text encoding is not recognised; save it as CSV UTF-8",
    ),
    "reason-too-large": _t(
        "skedari i zbërthyer do të kalonte kufirin prej {limit_mb} MB",
        "the unpacked file would exceed the limit of {limit_mb} MB",
    ),
    "reason-io": _t("skedari nuk mund të hapet ({detail})", "the file cannot be opened ({detail})"),
    # -- problems in a plan or schema file (the {problem} of plan-invalid, schema-invalid)
    "problem-unknown-key": _t(
        "çelës i panjohur; mos është shkruar gabim?", "unknown key; is it mistyped?"
    ),
    "problem-missing-key": _t(
        "mungon çelësi i detyrueshëm '{key}'", "the required key '{key}' is missing"
    ),
    "problem-type": _t("pritej {expected}, u gjet {found}", "expected {expected}, found {found}"),
    "problem-empty": _t("nuk duhet të jetë bosh", "must not be empty"),
    "problem-too-few": _t(
        "duhet të ketë të paktën {minimum} elementë", "must have at least {minimum} items"
    ),
    "problem-pattern": _t(
        "nuk ka formën e kërkuar ({pattern})", "does not have the required form ({pattern})"
    ),
    "problem-bound": _t("duhet të jetë {operator} {bound}", "must be {operator} {bound}"),
    "problem-choice": _t(
        "vlerë e panjohur: {value} (pritet një nga: {allowed})",
        "unknown value: {value} (expected one of: {allowed})",
    ),
    "problem-date": _t("nuk është datë (VVVV-MM-DD)", "not a date (YYYY-MM-DD)"),
    "problem-yaml": _t("nuk është YAML i vlefshëm: {detail}", "not valid YAML: {detail}"),
    "problem-not-a-mapping": _t(
        "pritej një hartë YAML (çelës: vlerë)", "expected a YAML mapping (key: value)"
    ),
    "problem-impossible-date": _t("nuk është datë: {detail}", "not a date: {detail}"),
    "problem-unreadable": _t("nuk mund të lexohet ({detail})", "cannot be read ({detail})"),
    "problem-year-range": _t(
        "'{text}' nuk është varg vitesh si 2012-2016",
        "'{text}' is not a year range such as 2012-2016",
    ),
    "problem-baseline-year": _t(
        "{year} nuk është një nga vitet e të dhënave {years}",
        "{year} is not one of the data years {years}",
    ),
    "problem-unknown-institution": _t(
        "'{institution}' nuk është institucion i skemës",
        "'{institution}' is not an institution of the schema",
    ),
    "problem-no-total": _t(
        "ndarjet (breakdowns) duhet të përcaktojnë 'total'", "breakdowns must define 'total'"
    ),
    "problem-unknown-part": _t(
        "ndarja '{partition}' përmend ndarjen e panjohur '{part}'",
        "partition '{partition}' names unknown breakdown '{part}'",
    ),
    "problem-unknown-subgroup": _t(
        "nëngrupi '{subgroup}' nuk është te ndarjet (breakdowns)",
        "subgroup '{subgroup}' is not in breakdowns",
    ),
    "problem-indicator-twice": _t(
        "treguesi {indicator} përcaktohet dy herë", "indicator {indicator} is defined twice"
    ),
    "problem-not-defined": _t(
        "treguesi {indicator}: {kind} '{name}' nuk është përcaktuar",
        "indicator {indicator}: {kind} '{name}' is not defined",
    ),
    "problem-rule-indicator": _t(
        "rregulli {rule}: tregues i panjohur {indicator}",
        "rule {rule}: unknown indicator {indicator}",
    ),
    "problem-file-not-found": _t("skedari nuk gjendet", "file not found"),
    "problem-not-a-word-document": _t(
        "nuk është dokument Word ({detail})", "not a Word document ({detail})"
    ),
    "problem-other": _t("{detail}", "{detail}"),
    # -- the names of value types in problem-type (msgspec's names after "type-")
    "type-str": _t("tekst", "text"),
    "type-int": _t("numër i plotë", "a whole number"),
    "type-float": _t("numër", "a number"),
    "type-bool": _t("po ose jo (true/false)", "true or false"),
    "type-array": _t("listë", "a list"),
    "type-object": _t("hartë (çelës: vlerë)", "a mapping (key: value)"),
    "type-null": _t("asgjë", "nothing"),
    "type-date": _t("datë (VVVV-MM-DD)", "a date (YYYY-MM-DD)"),
    # -- the forms of schema patterns, in problem-pattern (schemafile.FORMS)
    "form-area-key": _t(
        "2 deri në 4 shkronja të mëdha, p.sh. SP", "2 to 4 capital letters, e.g. SP"
    ),
    "form-indicator-code": _t(
        "shkronja të mëdha e pastaj shifra, p.sh. EM01 ose SP12A",
        "capital letters, then digits, e.g. EM01 or SP12A",
    ),
    # -- what an indicator refers to, in problem-not-defined
    "kind-area": _t("fusha", "area"),
    "kind-unit": _t("njësia", "unit"),
    "kind-institution": _t("institucioni", "institution"),
    "kind-partition": _t("ndarja", "partition"),
    "kind-subgroup": _t("nëngrupi", "subgroup"),
    # -- errors the tool raises
    "internal-error": _t(
        "Gabim i brendshëm: {detail}. Ju lutem njoftoni zhvilluesit.",
        "Internal error: {detail}. Please report it to the developers.",
    ),
    "usage-error": _t("{detail}", "{detail}"),
    "path-not-found": _t("Nuk gjendet: {path}", "Not found: {path}"),
    "no-inputs": _t(
        "Nuk u gjet asnjë fletëllogaritëse në {path}.",
        "No spreadsheet was found in {path}.",
    ),
    "bad-years": _t(
        "Vitet '{text}' nuk kuptohen; shkruani p.sh. 2012-2016 ose 2012,2014.",
        "Cannot understand the years '{text}'; write e.g. 2012-2016 or 2012,2014.",
    ),
    "schema-not-found": _t("Skema nuk gjendet: {path}", "Schema file not found: {path}"),
    "schema-invalid": _t("{path}: {place}: {problem}", "{path}: {place}: {problem}"),
    "plan-not-found": _t(
        "{path} nuk ka skedar konfigurimi plan.yaml.",
        "{path} has no plan.yaml configuration file.",
    ),
    "plan-invalid": _t("{path}: {place}: {problem}", "{path}: {place}: {problem}"),
    "template-error": _t(
        "Shablloni {template} nuk mund të përdoret ({place}): {problem}",
        "The template {template} cannot be used ({place}): {problem}",
    ),
    "render-blocked": _t(
        "Të dhënat kanë {errors} gabime; korrigjojini, ose përdorni --allow-errors për një "
        "projekt të shënuar si i tillë.",
        "The data have {errors} errors; correct them, or use --allow-errors for a document "
        "marked as a draft.",
    ),
    "pdf-converter-missing": _t(
        "PDF-ja kërkon LibreOffice (soffice), që nuk u gjet. Instalojeni, ose hiqni --pdf.",
        "The PDF needs LibreOffice (soffice), which was not found. Install it, or drop --pdf.",
    ),
    "pdf-failed": _t(
        "LibreOffice nuk e ktheu dokumentin në PDF ({detail}).",
        "LibreOffice could not convert the document to PDF ({detail}).",
    ),
    "render-done": _t("U shkrua {path}", "Wrote {path}"),
    "annotate-too-large": _t(
        "{file}: pa kopje me shënime: {cells} qeliza, më shumë se {limit} që mban një kopje.",
        "{file}: no annotated copy: {cells} cells, more than the {limit} a copy can hold.",
    ),
    "control-characters-removed": _t(
        "Kujdes: u hoqën {count} karaktere kontrolli që XML nuk i lejon (nga tekstet e planit "
        "ose të dhënat).",
        "Warning: {count} control characters that XML does not allow were removed (from the "
        "plan's texts or data).",
    ),
    # -- labels used by reports
    "label-file": _t("Skedari", "File"),
    "label-institution": _t("Institucioni", "Institution"),
    "label-place": _t("Vendi", "Place"),
    "label-code": _t("Kodi", "Code"),
    "label-severity": _t("Rëndësia", "Severity"),
    "label-indicator": _t("Treguesi", "Indicator"),
    "label-breakdown": _t("Ndarja", "Breakdown"),
    "label-year": _t("Viti", "Year"),
    "label-message": _t("Mesazhi", "Message"),
    "label-completeness": _t(
        "Plotësia: {present} nga {expected} vlera ({share})",
        "Completeness: {present} of {expected} values ({share})",
    ),
    "label-summary": _t(
        "Skedarë: {files}, gabime: {errors}, paralajmërime: {warnings}, shënime: {infos}.",
        "Files: {files}, errors: {errors}, warnings: {warnings}, notes: {infos}.",
    ),
    "label-valid": _t(
        "Të dhënat janë të plota dhe të qëndrueshme.",
        "The data are complete and consistent.",
    ),
    "label-no-findings": _t("Asnjë gjetje.", "No findings."),
    "label-invalid": _t(
        "Të dhënat kanë gabime që duhen korrigjuar.",
        "The data have errors to correct.",
    ),
    "severity-error": _t("gabim", "error"),
    "severity-warning": _t("paralajmërim", "warning"),
    "severity-info": _t("shënim", "note"),
}


def message_text(key: str, lang: str, params: Mapping[str, Any] | None = None) -> str:
    """Fill the template ``key`` in ``lang``; a missing parameter shows as its name."""
    templates = MESSAGES.get(key)
    if templates is None:
        return key
    template = templates.get(lang) or templates["en"]
    return template.format_map(_Params(params or {}, lang))


def finding_message(finding: Finding, lang: str) -> str:
    """The message of a finding in ``lang``, from its code (and variant) and parameters."""
    params = dict(finding.params)
    variant = params.pop("variant", None)
    key = f"{finding.code}:{variant}" if variant else finding.code
    defaults = {
        "indicator": finding.indicator or "",
        "breakdown": finding.breakdown or "",
        "year": str(finding.year) if finding.year is not None else "",
        "sheet": finding.sheet or "",
    }
    return message_text(key, lang, {**defaults, **params})


class _Params(dict[str, Any]):
    """Template parameters: numbers in the language's format, reasons and problems
    translated."""

    def __init__(self, params: Mapping[str, Any], lang: str) -> None:
        super().__init__(params)
        self.lang = lang

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"

    def __getitem__(self, key: str) -> Any:
        value = super().__getitem__(key)
        if isinstance(value, str) and len(value) > MAX_PARAMETER:
            return value[: MAX_PARAMETER - 1] + "…"
        if key in ("reason", "problem") and isinstance(value, Mapping) and "code" in value:
            return message_text(str(value["code"]), self.lang, value)
        if isinstance(value, Mapping) and "sq" in value and "en" in value:
            return value[self.lang if self.lang in value else "en"]
        if isinstance(value, float) or (key in _COUNTS and isinstance(value, int)):
            from inclusionplan.formatting import format_number

            return format_number(value, self.lang)
        return value


# Whole numbers that are amounts, shown with thousands separators; other integers are years
# and row numbers, shown as written.
_COUNTS = frozenset({"limit", "cells"})


def severity_label(severity: Severity, lang: str) -> str:
    return message_text(f"severity-{severity.value}", lang)


def catalogue_markdown() -> str:
    """The finding catalogue as a Markdown page (docs/findings.md is generated from it)."""
    lines = [
        "# Finding codes",
        "",
        "Generated from `src/inclusionplan/catalogue.py` by `inclusionplan codes`; do not edit.",
        "Codes are stable: filter on them in CI. Severity is the default; an optional "
        "indicator or breakdown turns `missing-value` into a warning.",
        "",
        "| code | severity | title (en / sq) | what it means |",
        "|---|---|---|---|",
    ]
    for finding_type in FINDING_TYPES:
        title = f"{finding_type.title['en']} / {finding_type.title['sq']}"
        lines.append(
            f"| `{finding_type.code}` | {finding_type.severity.value} | {title} | "
            f"{finding_type.explanation['en']} |"
        )
    lines.append("")
    lines.append("## Messages")
    lines.append("")
    lines.append("| key | en | sq |")
    lines.append("|---|---|---|")
    for key, text in MESSAGES.items():
        if key.split(":")[0] in FINDING_TYPES_BY_CODE:
            en = text["en"].replace("|", "\\|")
            sq = text["sq"].replace("|", "\\|")
            lines.append(f"| `{key}` | {en} | {sq} |")
    return "\n".join(lines) + "\n"
