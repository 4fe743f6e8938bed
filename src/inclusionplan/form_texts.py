"""The words of the forms the tool sends out, in both languages. ``forms`` writes them;
``reading`` recognises the analysis prompt when a form comes back."""

from __future__ import annotations

from functools import cache

from inclusionplan.labels import normalize_label

TEXTS = {
    "sq": {
        "cover": "Kopertina",
        "instructions": "Udhëzime",
        "data": "Të dhënat",
        "analysis": "Analiza",
        "title": "Formular i treguesve për planin vendor të përfshirjes sociale",
        "municipality": "Bashkia",
        "institution": "Institucioni",
        "plan": "Plani",
        "years": "Vitet",
        "deadline": "Afati i dorëzimit",
        "contact": "Personi i kontaktit",
        "phone": "Telefoni",
        "email": "E-mail",
        "date": "Data e plotësimit",
        "code": "Kodi",
        "name": "Treguesi",
        "breakdown": "Ndarja",
        "unit": "Njësia",
        "analysis_prompt": (
            "Analiza e sektorit: përshkruani situatën, shkaqet, mangësitë dhe propozimet "
            "tuaja (një paragraf për qelizë, nga A3 poshtë)."
        ),
        "whole_title": "Numër i plotë",
        "whole_prompt": "Shkruani një numër të plotë ≥ 0. Lëreni bosh nëse nuk ka të dhëna.",
        "whole_error": "Lejohen vetëm numra të plotë 0 ose më shumë.",
        "percent_title": "Përqindje",
        "percent_prompt": "Shkruani një përqindje nga 0 deri në 100 (p.sh. 94,5).",
        "percent_error": "Lejohen vetëm vlera nga 0 deri në 100.",
        "implementation": "Zbatimi",
        "measure": "Masa",
        "status": "Statusi",
        "spent": "Shpenzuar (lekë)",
        "comment": "Koment",
    },
    "en": {
        "cover": "Cover",
        "instructions": "Instructions",
        "data": "Data",
        "analysis": "Analysis",
        "title": "Indicator form for the local social inclusion plan",
        "municipality": "Municipality",
        "institution": "Institution",
        "plan": "Plan",
        "years": "Years",
        "deadline": "Deadline",
        "contact": "Contact person",
        "phone": "Phone",
        "email": "E-mail",
        "date": "Date filled in",
        "code": "Code",
        "name": "Indicator",
        "breakdown": "Breakdown",
        "unit": "Unit",
        "analysis_prompt": (
            "Sector analysis: describe the situation, its causes, the gaps and your proposals "
            "(one paragraph per cell, from A3 down)."
        ),
        "whole_title": "Whole number",
        "whole_prompt": "Enter a whole number ≥ 0. Leave it empty when there are no data.",
        "whole_error": "Only whole numbers of 0 or more are allowed.",
        "percent_title": "Percentage",
        "percent_prompt": "Enter a percentage from 0 to 100 (e.g. 94.5).",
        "percent_error": "Only values from 0 to 100 are allowed.",
        "implementation": "Implementation",
        "measure": "Measure",
        "status": "Status",
        "spent": "Spent (ALL)",
        "comment": "Comment",
    },
}

INSTRUCTIONS = {
    "sq": [
        "1. Plotësoni vetëm qelizat me ngjyrë të verdhë në fletën «Të dhënat».",
        "2. Shkruani numra, jo tekst: 1234, jo «1 234 persona». Përqindjet nga 0 deri në 100.",
        "3. Nëse një e dhënë nuk ekziston, lëreni qelizën bosh (mos shkruani 0).",
        "4. Mos ndryshoni kodet, emrat e treguesve, ndarjet dhe renditjen e rreshtave.",
        "5. Femra + Meshkuj dhe Urbane + Rurale duhet të japin Gjithsej; nëngrupet (p.sh. "
        "Romë dhe egjiptianë) nuk e kalojnë Gjithsej.",
        "6. Në fletën «Analiza» shkruani një analizë të shkurtër të sektorit tuaj.",
        "7. Plotësoni kopertinën me personin e kontaktit dhe dërgojeni skedarin brenda afatit.",
    ],
    "en": [
        "1. Fill in only the yellow cells of the «Data» sheet.",
        "2. Enter numbers, not text: 1234, not «1,234 persons». Percentages from 0 to 100.",
        "3. When a figure does not exist, leave the cell empty (do not enter 0).",
        "4. Do not change the codes, indicator names, breakdowns or the order of the rows.",
        "5. Female + Male and Urban + Rural must add up to Total; subgroups (e.g. Roma and "
        "Egyptian) never exceed Total.",
        "6. On the «Analysis» sheet, write a short analysis of your sector.",
        "7. Fill in the cover with a contact person and send the file back by the deadline.",
    ],
}


@cache
def analysis_prompts() -> frozenset[str]:
    """The analysis prompt of every language, as labels (the reader leaves them out of the
    analysis)."""
    return frozenset(normalize_label(texts["analysis_prompt"]) for texts in TEXTS.values())
