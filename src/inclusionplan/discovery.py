"""What the command-line arguments name: plan folders (with ``plan.yaml``) and loose
spreadsheets. A pattern the shell did not expand is expanded, a folder of spreadsheets
stands for its files, and a folder that is not a plan but holds plan folders
(``municipalities/``) stands for them; hidden files and Office lock files are skipped.
"""

from __future__ import annotations

import glob
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from inclusionplan.errors import UsageError
from inclusionplan.reading import SPREADSHEET_SUFFIXES

PLAN_FILE = "plan.yaml"  # the plan module loads only when a folder has one


@dataclass
class Inputs:
    """Plan folders in the order named, and the loose files, checked together after them."""

    plan_folders: list[Path]
    loose: list[tuple[Path, str]]


def discover(paths: Sequence[str | Path]) -> Inputs:
    """What the arguments name; a path that does not exist, or a folder with nothing to
    check, is a usage error."""
    found = Inputs([], [])
    for argument in expand_paths(paths):
        path = Path(argument)
        if not path.exists():
            raise UsageError("path-not-found", path=str(argument))
        if (path / PLAN_FILE).is_file():
            found.plan_folders.append(path)
        elif path.is_dir():
            plans = plan_folders_under(path)
            inside = frozenset(plans)
            files = [f for f in sorted(_spreadsheets_in(path)) if not _inside(f, inside)]
            if not files and not plans:
                raise UsageError("no-inputs", path=str(argument))
            found.plan_folders.extend(plans)
            found.loose.extend((file, file.as_posix()) for file in files)
        else:
            found.loose.append((path, path.as_posix()))
    return found


def expand_paths(paths: Sequence[str | Path]) -> list[str | Path]:
    """Glob patterns a shell did not expand (quoted, or on Windows): ``municipalities/*/``."""
    expanded: list[str | Path] = []
    for argument in paths:
        text = str(argument)
        if not Path(text).exists() and any(ch in text for ch in "*?["):
            matches = sorted(glob.glob(text))  # noqa: PTH207 (a user's pattern, any anchor)
            if matches:
                expanded.extend(matches)
                continue
        expanded.append(argument)
    return expanded


def expand_plan_folders(paths: Sequence[str | Path]) -> list[Path]:
    """The plan folders the arguments name: a pattern is expanded, and a folder that is not
    a plan but holds plans (``municipalities/``) stands for them."""
    folders: list[Path] = []
    for argument in expand_paths(paths):
        path = Path(argument)
        plans = (
            [] if (path / PLAN_FILE).is_file() or not path.is_dir() else plan_folders_under(path)
        )
        folders.extend(plans or [path])
    return folders


def plan_folders_under(folder: Path) -> list[Path]:
    """The plan folders inside ``folder``, at any depth, in name order; a plan folder's own
    subfolders are its business (an old copy kept inside is not another plan)."""
    candidates = sorted(
        config.parent
        for config in folder.rglob(PLAN_FILE)
        if config.is_file() and not _hidden(config.parent.relative_to(folder).parts)
    )
    plans: list[Path] = []
    for candidate in candidates:  # a folder sorts before its subfolders
        if not _inside(candidate, frozenset(plans)):
            plans.append(candidate)
    return plans


def _inside(path: Path, folders: frozenset[Path]) -> bool:
    return not folders.isdisjoint(path.parents)


def _hidden(parts: Sequence[str]) -> bool:
    return any(part.startswith((".", "~$")) for part in parts)


def _spreadsheets_in(folder: Path) -> Iterable[Path]:
    for path in folder.rglob("*"):
        if _hidden(path.relative_to(folder).parts):
            continue
        if path.suffix.lower() in SPREADSHEET_SUFFIXES and path.is_file():
            yield path
