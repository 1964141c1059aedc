#!/usr/bin/env python3
"""Record a transcription fix to the frozen as-published layer.

The layer (published/) keeps the paper as the journal printed it and never changes,
except when the transcript itself was wrong (a word the PDF extraction garbled, say).
Make the fix in published/, then run this with the reason: it records the reason,
the date and the changed entries in published/frozen.yml and accepts the new text.
Without a recorded fix, `scripts/lint` and the tests fail on any change to the layer.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

import yaml

from qarabagh_edition.rules.frozen import FROZEN, fingerprint, frozen_texts

ROOT = Path(__file__).resolve().parent.parent

HEADER = """\
# Fingerprints of the frozen as-published layer (published/), and the record of every
# transcription fix made to it. Do not edit by hand: record a fix with
#   scripts/freeze --reason "what was mis-transcribed"
"""


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reason", help="why the published text had to change (required for a fix)")
    parser.add_argument("--root", type=Path, default=ROOT, help="the project (default: this one)")
    parser.add_argument("--init", action="store_true", help="write the first fingerprints (no fix recorded)")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    path = root / FROZEN
    manifest = (yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else None) or {}
    recorded = manifest.get("fingerprints") or {}
    current = {key: fingerprint(text) for key, (text, _, _) in frozen_texts(root).items()}
    changed = sorted(k for k in set(current) | set(recorded) if current.get(k) != recorded.get(k))
    if not args.init:
        if not changed:
            print("The frozen layer is unchanged: nothing to record.")
            return 0
        if not args.reason or not args.reason.strip():
            print(
                f"error: {len(changed)} entries changed ({', '.join(changed)}); "
                'a transcription fix needs --reason "what was mis-transcribed"',
                file=sys.stderr,
            )
            return 2
        manifest.setdefault("fixes", []).append(
            {
                "date": datetime.date.today().isoformat(),
                "entries": changed,
                "reason": args.reason.strip(),
            }
        )
    manifest["fixes"] = manifest.get("fixes") or []
    manifest["fingerprints"] = dict(sorted(current.items()))
    path.write_text(
        HEADER
        + yaml.safe_dump(
            {"fixes": manifest["fixes"], "fingerprints": manifest["fingerprints"]}, allow_unicode=True, sort_keys=False
        ),
        encoding="utf-8",
    )
    print(f"recorded {'the first fingerprints' if args.init else 'the fix of ' + ', '.join(changed)} in {FROZEN}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
