"""The default Word templates and plan texts, installed as ``inclusionplan.templates``.

``inclusionplan templates export DIR`` copies them out for editing; ``render --template``
uses an edited copy. ``build_template.py`` (not installed) regenerates ``plan.docx``.
"""
