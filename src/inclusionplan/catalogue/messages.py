"""Message templates: finding messages (by code, or code:variant) and every other text
the tool shows (errors, reasons, problems, labels), in Albanian and English."""

from __future__ import annotations

from collections.abc import Mapping

from inclusionplan.catalogue.text import Text
from inclusionplan.catalogue.text import bilingual as _t

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
