"""Static evidence: bandit finds no high-severity issue, and pip-audit no known vulnerability.

pip-audit asks PyPI's advisory data over the network. Where that data cannot be reached (as on
machines that see only a package mirror) every dependency comes back "not found": the test then
skips and says so instead of passing on an audit that did not happen. It runs when
``PIP_AUDIT=1`` (about half a minute).
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def test_it_finds_no_high_severity_issue_with_bandit():
    result = subprocess.run(
        [str(BIN / "bandit"), "-r", "coalition", "partnership", "declaration", "-lll", "-f", "json", "-q"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    report = json.loads(result.stdout)
    high = [f"{r['filename']}:{r['line_number']} {r['test_id']} {r['issue_text']}" for r in report["results"]]
    assert high == []
    assert report["metrics"]["_totals"]["loc"] > 1000  # it really scanned the apps


@pytest.mark.skipif(os.environ.get("PIP_AUDIT") != "1", reason="set PIP_AUDIT=1 to audit the pinned requirements")
def test_it_finds_no_known_vulnerability_in_the_pinned_requirements():
    result = subprocess.run(
        [str(BIN / "pip-audit"), "-r", "requirements.txt", "-f", "json", "--progress-spinner", "off"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    report = json.loads(result.stdout or "{}")
    dependencies = report.get("dependencies", [])
    audited = [d for d in dependencies if "skip_reason" not in d]
    if not audited:
        pytest.skip("pip-audit could not reach an advisory database: nothing was audited")
    vulnerable = [f"{d['name']} {d['version']}: {[v['id'] for v in d['vulns']]}" for d in audited if d.get("vulns")]
    assert vulnerable == []
