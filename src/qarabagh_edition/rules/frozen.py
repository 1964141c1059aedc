"""The frozen as-published layer: everything printed (published/*.yml, the front, the
bibliographic record, the transcript) is fingerprinted in published/frozen.yml, and only
a recorded transcription fix (scripts/freeze) may change it."""

from __future__ import annotations

import hashlib
from pathlib import Path

from qarabagh_edition.errors import ContentError
from qarabagh_edition.published_layer import load_layer
from qarabagh_edition.rules.yaml_loader import load

FROZEN = "published/frozen.yml"


def fingerprint(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def frozen_texts(root: Path) -> dict[str, tuple[str, str, int]]:
    """Everything in the frozen layer: key -> (text, file, line)."""
    texts = {key: (entry.text, entry.path, entry.line) for key, entry in load_layer(root).items()}
    front_path = root / "published" / "front.yml"
    if front_path.exists():
        front = load(front_path.read_text(encoding="utf-8"), "published/front.yml") or {}
        for key, value in front.items():
            for index, text in enumerate(value if isinstance(value, list) else [value]):
                line = next(
                    (
                        n
                        for n, row in enumerate(front_path.read_text(encoding="utf-8").split("\n"), 1)
                        if row.startswith(f"{key}:")
                    ),
                    1,
                )
                texts[f"front:{key}:{index}"] = (str(text), "published/front.yml", line)
    record = root / "published" / "paper.yml"
    if record.exists():  # the bibliographic record is part of what was published, frozen alike
        lines = record.read_text(encoding="utf-8").split("\n")
        position = [1]

        def add(key: str, value, name: str) -> None:
            if isinstance(value, dict):
                for inner, item in value.items():
                    add(f"{key}:{inner}", item, str(inner))
            elif isinstance(value, list):
                for index, item in enumerate(value):
                    add(f"{key}:{index}", item, name)
            else:
                # Fields are visited in the file's order: look from the last one found on.
                line = next(
                    (n for n in range(position[0], len(lines) + 1) if lines[n - 1].lstrip(" -").startswith(f"{name}:")),
                    position[0],
                )
                position[0] = line
                texts[key] = (str(value), "published/paper.yml", line)

        for field, value in (load("\n".join(lines), "published/paper.yml") or {}).items():
            add(f"paper:{field}", value, str(field))
    transcript = root / "published" / "paper-as-published.txt"
    if transcript.exists():
        texts["transcript"] = (transcript.read_text(encoding="utf-8"), "published/paper-as-published.txt", 1)
    return texts


def check_frozen(root: Path) -> list[str]:
    manifest_path = root / FROZEN
    if not manifest_path.exists():
        return [f"{FROZEN}:1: the fingerprints of the frozen layer are missing (restore the file from git)"]
    manifest = load(manifest_path.read_text(encoding="utf-8"), FROZEN) or {}
    recorded = manifest.get("fingerprints") or {}
    try:
        current = frozen_texts(root)
    except ContentError as error:
        return error.problems
    problems = []
    how = (
        "The as-published layer is frozen: correct the reading page in docs/ instead. Only a transcription "
        'fix may change it, recorded with: scripts/freeze --reason "what was mis-transcribed"'
    )
    for key, (text, path, line) in current.items():
        if key not in recorded:
            problems.append(f"{path}:{line}: '{key}' was added to the frozen layer. {how}")
        elif fingerprint(text) != recorded[key]:
            problems.append(f"{path}:{line}: the published text of '{key}' was changed. {how}")
    for key in recorded:
        if key not in current:
            problems.append(f"{FROZEN}:1: '{key}' was deleted from the frozen layer (restore it from git). {how}")
    return problems
