"""Run pip-audit on the installed environment and say plainly what it could check.

pip-audit reports "No known vulnerabilities found" even when it could not look
a single package up (a mirror without PyPI's vulnerability data, no route to
OSV). This prints how many packages were checked, skipped and vulnerable,
writes the raw report to test-artifacts/pip-audit.json, and fails only on a
known vulnerability.
"""

import json
import subprocess
import sys
from pathlib import Path

report = Path("test-artifacts/pip-audit.json")
report.parent.mkdir(exist_ok=True)
subprocess.run(
    [sys.executable, "-m", "pip_audit", "-s", "pypi", "-f", "json", "-o", str(report)],
    check=False,
)
deps = json.loads(report.read_text())["dependencies"] if report.exists() else []
skipped = [d for d in deps if "skip_reason" in d]
vulnerable = [d for d in deps if d.get("vulns")]
print(
    f"pip-audit: {len(deps) - len(skipped)} of {len(deps)} packages checked, "
    f"{len(skipped)} skipped, {len(vulnerable)} with known vulnerabilities"
)
if not deps:
    print("pip-audit produced no report; see its messages above.")
elif len(skipped) == len(deps):
    print("pip-audit could not check any package: the index here serves no vulnerability data.")
for dep in vulnerable:
    ids = ", ".join(v["id"] for v in dep["vulns"])
    print(f"  {dep['name']} {dep['version']}: {ids}")
sys.exit(1 if vulnerable else 0)
