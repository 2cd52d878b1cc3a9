#!/usr/bin/env python
"""Refresh the catalogues and write Slovenian translations, safely beside other writers.

    .venv/bin/python scripts/po_fill.py --missing            # list msgids without a translation
    .venv/bin/python scripts/po_fill.py translations.json    # {"msgid": "msgstr", "plural": ["1", "2", "3-4", "5+"]}

It holds a lock on ``locale/.lock`` while it runs ``makemessages`` and writes the file, so
two people (or agents) translating at once do not overwrite each other's work.
"""

import fcntl
import json
import os
import subprocess
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
PO = ROOT / "locale" / "sl" / "LC_MESSAGES" / "django.po"


def makemessages():
    env = {**os.environ, "DJANGO_DEBUG": "true"}
    subprocess.run(
        [
            sys.executable,
            "manage.py",
            "makemessages",
            "-l",
            "sl",
            "-l",
            "en",
            "--ignore=.venv",
            "--ignore=var",
            "--no-obsolete",
            "-v",
            "0",
        ],
        cwd=ROOT,
        env=env,
        check=True,
    )


def main(argv):
    with open(ROOT / "locale" / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        makemessages()
        catalogue = polib.pofile(str(PO), wrapwidth=0)
        catalogue.metadata_is_fuzzy = False
        catalogue.metadata.update({"Language": "sl", "Project-Id-Version": "coalition", "Language-Team": "Slovenian"})
        if argv and argv[0] != "--missing":
            translations = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
            for entry in catalogue:
                if entry.msgid in translations:
                    value = translations[entry.msgid]
                    if entry.msgid_plural:
                        entry.msgstr_plural = dict(enumerate(value))
                    else:
                        entry.msgstr = value
                    if "fuzzy" in entry.flags:
                        entry.flags.remove("fuzzy")
        catalogue.save()
        missing = [e.msgid for e in catalogue if not e.translated() and not e.obsolete]
        for msgid in missing:
            print(json.dumps(msgid, ensure_ascii=False))
        print(f"{len(missing)} without a Slovenian translation", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
