"""Re-render ``bench/results.md`` from ``bench/results.json`` (targets re-evaluated): ``python -m bench.report``."""

import json

from bench import config
from bench.run import evaluate_targets, render_markdown


def main():
    path = config.BENCH_DIR / "results.json"
    report = json.loads(path.read_text())
    results = {key: report[key] for key in ("pages", "signing", "pdf")}
    report["targets"] = evaluate_targets(results, report["sizes"])
    path.write_text(json.dumps(report, indent=2, default=str) + "\n")
    (config.BENCH_DIR / "results.md").write_text(render_markdown(report))


if __name__ == "__main__":
    main()
