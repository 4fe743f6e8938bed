"""The report in the formats pipelines read: Markdown (e-mail, job summaries), JUnit
(test dashboards) and GitHub workflow annotations. JSON is ``Report.to_json``."""

from __future__ import annotations

from collections import defaultdict
from xml.etree import ElementTree

from inclusionplan.catalogue import message_text, severity_label
from inclusionplan.findings import Finding, Severity
from inclusionplan.reports import Report

MARKDOWN_LIMIT = 200


def to_markdown(report: Report, lang: str) -> str:
    """A summary an officer can paste into an e-mail, or CI into a job summary."""
    from inclusionplan.catalogue import severity_label

    def cell(text: object) -> str:
        return str(text).replace("|", "\\|").replace("\n", " ")

    heading = message_text("label-valid" if report.valid else "label-invalid", lang)
    lines = [f"## {heading}", "", report.summary_line(lang), ""]
    lines += [
        f"| {message_text('label-file', lang)} | {message_text('label-institution', lang)} "
        f"| {severity_label(Severity.ERROR, lang)} | {severity_label(Severity.WARNING, lang)} "
        "| % |",
        "|---|---|---:|---:|---:|",
    ]
    for file_report in report.files:
        share = file_report.completeness
        percent = f"{share:.0%}" if share is not None else ""
        lines.append(
            f"| {cell(file_report.file)} | {cell(file_report.institution_label(lang))} | "
            f"{file_report.errors} | {file_report.warnings} | {percent} |"
        )
    shown = [f for f in report.findings if f.severity is not Severity.INFO]
    if shown:
        lines += [
            "",
            f"| {message_text('label-file', lang)} | {message_text('label-place', lang)}"
            f" | {message_text('label-severity', lang)} | {message_text('label-code', lang)}"
            f" | {message_text('label-message', lang)} |",
            "|---|---|---|---|---|",
        ]
        for finding in shown[:MARKDOWN_LIMIT]:
            lines.append(
                f"| {cell(finding.file)} | {cell(finding.location)} | "
                f"{severity_label(finding.severity, lang)} | `{finding.code}` | "
                f"{cell(finding.message(lang))} |"
            )
        if len(shown) > MARKDOWN_LIMIT:
            lines.append(f"| … | | | | +{len(shown) - MARKDOWN_LIMIT} |")
    return "\n".join(lines) + "\n"


def to_junit(report: Report, lang: str, threshold: Severity = Severity.ERROR) -> str:
    """A testsuite per plan folder (or loose files), a testcase per file; a file fails
    when it has a finding at or above ``threshold``."""
    by_file: dict[str, list[Finding]] = defaultdict(list)
    for finding in report.findings:
        by_file[finding.file].append(finding)
    suites: dict[str, list[str]] = defaultdict(list)
    for file_report in report.files:
        suites[file_report.group or "files"].append(file_report.file)
    for file in by_file:  # a configured file that is missing has no file report
        if not any(file in files for files in suites.values()):
            suites["files"].append(file)
    root = ElementTree.Element("testsuites", name="inclusionplan")
    total = failed = 0
    for suite_name, files in suites.items():
        suite = ElementTree.SubElement(root, "testsuite", name=suite_name)
        suite_failures = 0
        for file in files:
            case = ElementTree.SubElement(suite, "testcase", classname=suite_name, name=file)
            findings = by_file.get(file, [])
            failing = [f for f in findings if f.severity.rank >= threshold.rank]
            if failing:
                suite_failures += 1
                failure = ElementTree.SubElement(
                    case,
                    "failure",
                    type=failing[0].code,
                    message=f"{len(failing)} × {severity_label(threshold, lang)}+",
                )
                failure.text = "\n".join(_line(f, lang) for f in failing)
            others = [f for f in findings if f not in failing]
            if others:
                ElementTree.SubElement(case, "system-out").text = "\n".join(
                    _line(f, lang) for f in others
                )
        suite.set("tests", str(len(files)))
        suite.set("failures", str(suite_failures))
        total += len(files)
        failed += suite_failures
    root.set("tests", str(total))
    root.set("failures", str(failed))
    ElementTree.indent(root)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        + ElementTree.tostring(root, encoding="unicode")
        + "\n"
    )


def to_github(report: Report, lang: str) -> str:
    """Workflow commands: ``::error file=...,line=...,col=...,title=code::message``."""
    lines = []
    for finding in report.findings:
        if finding.severity is Severity.INFO:
            continue
        kind = "error" if finding.severity is Severity.ERROR else "warning"
        properties = [f"file={_property(finding.file)}"]
        if finding.row:
            properties.append(f"line={finding.row}")
        if finding.column:
            properties.append(f"col={finding.column}")
        properties.append(f"title={_property(finding.code)}")
        where = f"{finding.location}: " if finding.location else ""
        lines.append(f"::{kind} {','.join(properties)}::{_data(where + finding.message(lang))}")
    return "\n".join(lines) + ("\n" if lines else "")


def _line(finding: Finding, lang: str) -> str:
    where = f"{finding.location} " if finding.location else ""
    return f"{where}[{finding.code}] {finding.message(lang)}"


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")
