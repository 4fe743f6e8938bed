"""Rich views for people: findings grouped by file, with each institution's completeness."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from inclusionplan.catalogue import message_text, severity_label
from inclusionplan.findings import Finding, Severity
from inclusionplan.formatting import format_number, format_percent
from inclusionplan.reports import FileReport, Report

STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def console() -> Console:
    return Console(highlight=False, soft_wrap=False)


def completeness_line(file_report: FileReport, lang: str) -> str:
    share = file_report.completeness
    if share is None:
        return ""
    return message_text(
        "label-completeness",
        lang,
        {
            "present": format_number(file_report.present, lang),
            "expected": format_number(file_report.expected, lang),
            "share": format_percent(share, lang),
        },
    )


def show_report(report: Report, lang: str, out: Console | None = None) -> None:
    """File lines are printed a block at a time and left for the terminal to wrap: rich
    printing and wrapping them one by one was most of the time of a clean batch of
    hundreds of files."""
    out = out or console()
    lines: list[Text] = []
    for file_report in report.files:
        findings = report.findings_of(file_report.file)
        mark = "✗" if file_report.errors else ("!" if file_report.warnings else "✓")
        style = (
            "bold red" if file_report.errors else ("yellow" if file_report.warnings else "green")
        )
        title = Text()
        title.append(f"{mark} ", style=style)
        title.append(file_report.file, style="bold")
        institution = file_report.institution_label(lang)
        if institution:
            title.append(f" — {institution}")
        lines.append(title)
        line = completeness_line(file_report, lang)
        if line:
            lines.append(Text(f"  {line}"))
        if findings:
            _print_lines(out, lines)
            lines = []
            out.print(_findings_table(findings, lang))
    _print_lines(out, lines)
    orphans = [f for f in report.findings if f.file not in {r.file for r in report.files}]
    if orphans:
        out.print(_findings_table(orphans, lang, with_file=True))
    summary = Text(report.summary_line(lang))
    if report.valid and not report.count(Severity.WARNING):
        summary = Text.assemble((message_text("label-valid", lang), "green"), " ", summary)
    _print_lines(out, [Text(), summary])


def _print_lines(out: Console, lines: list[Text]) -> None:
    if lines:
        out.print(Text("\n").join(lines), soft_wrap=True)


def _findings_table(findings: list[Finding], lang: str, with_file: bool = False) -> Table:
    table = Table(show_edge=False, pad_edge=False, box=None, expand=False, padding=(0, 1))
    if with_file:
        table.add_column(message_text("label-file", lang), overflow="fold", style="bold")
    table.add_column(message_text("label-place", lang), overflow="fold", max_width=28)
    table.add_column(message_text("label-severity", lang), no_wrap=True)
    table.add_column(message_text("label-message", lang), overflow="fold", ratio=1)
    for finding in findings:
        message = Text(finding.message(lang))
        message.append(f" [{finding.code}]", style="dim")
        cells: list[str | Text] = [
            finding.location or "—",
            Text(severity_label(finding.severity, lang), style=STYLES[finding.severity]),
            message,
        ]
        if with_file:
            cells.insert(0, finding.file)
        table.add_row(*cells)
    return table
