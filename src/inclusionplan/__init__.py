"""inclusionplan: from institutions' indicator spreadsheets to a validated data set and a
draft social-inclusion action plan.

The library returns values and raises typed errors (``inclusionplan.errors``); it never
prints. The command line (``inclusionplan.cli``) is a thin layer over it::

    from inclusionplan.validation import validate
    report = validate(["sample_data/elbasan"])
    report.valid, report.to_dict("en")
"""

__version__ = "0.1.0"
