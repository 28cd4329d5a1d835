"""Compare the search read model with the live, public pages, and the search engine (when
SEARCH_URL names one) with the read model; --repair brings both in step."""

import json

from django.core.management.base import BaseCommand, CommandError

from search.elastic import health as engine
from search.elastic import mirror
from search.health import index_health, repair


class Command(BaseCommand):
    help = "Report search index drift per locale and kind; exit 1 on drift (--repair fixes it)."

    def add_arguments(self, parser):
        parser.add_argument("--repair", action="store_true", help="index what is missing")
        parser.add_argument("--json", action="store_true", help="print the report as JSON")

    def handle(self, *args, **options):
        if options["repair"]:
            missing, extra = repair()
            self.stdout.write(f"Repaired: {missing} page(s) indexed, {extra} row(s) removed.")
        report = index_health()
        engine_report = self._engine(options["repair"])
        if options["json"]:
            report = {**report, "engine": engine_report}
            self.stdout.write(json.dumps(report, indent=2, sort_keys=True))
        else:
            self._print(report)
            self.stdout.write("\n".join(engine.report_lines(engine_report)))
        if not report["ok"]:
            raise CommandError(
                f"Search index drift: {report['missing']} page(s) missing, "
                f"{report['extra']} indexed page(s) no longer live or public."
            )
        if engine_report["degraded"]:
            raise CommandError(f"Search engine: {engine_report['status']}, see above.")

    def _engine(self, repair):
        """The engine's report; with --repair, a rebuild of its index when it is not right."""
        report = engine.engine_health()
        if repair and report["degraded"] and report.get("status") != "unreachable":
            sent = mirror.rebuild()
            self.stdout.write(f"Repaired: the search engine's index rebuilt ({sent} pages).")
            report = engine.engine_health()
        return report

    def _print(self, report):
        self.stdout.write(f"{'locale':<8} {'kind':<16} {'live pages':>10} {'indexed':>8}")
        for language, kinds in report["by_locale"].items():
            for kind, counts in kinds.items():
                mark = "" if counts["live_pages"] == counts["indexed"] else "  <- drift"
                self.stdout.write(
                    f"{language:<8} {kind:<16} {counts['live_pages']:>10} {counts['indexed']:>8}"
                    f"{mark}"
                )
        status = "ok" if report["ok"] else "DRIFT"
        self.stdout.write(
            f"{status}: {report['indexed']} indexed of {report['live_pages']} live public pages"
        )
