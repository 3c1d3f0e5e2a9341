import json

from django.core.management.base import BaseCommand

from localization.management.locales import target_locale
from localization.sources import kind_label
from localization.status import StatusReport


class Command(BaseCommand):
    help = (
        "Show, for each locale, how many source pages and snippets are translated, outdated "
        "or missing, and how much of the interface is translated. With --locale, also list "
        "the outdated and missing items. With --json, print all of it machine-readably."
    )

    def add_arguments(self, parser):
        parser.add_argument("--locale", help="only this locale, e.g. kl, with its item lists")
        parser.add_argument("--json", action="store_true", help="print JSON instead of a table")

    def handle(self, *args, **options):
        report = StatusReport()
        if options["locale"]:
            statuses = [report.for_locale(target_locale(options["locale"]))]
        else:
            statuses = report.all_locales()

        if options["json"]:
            data = {
                "source_locale": report.default_locale.language_code,
                "locales": [status.as_dict() for status in statuses],
            }
            self.stdout.write(json.dumps(data, indent=2, ensure_ascii=False))
            return

        self.write_table(report, statuses)
        if options["locale"]:
            self.write_details(statuses[0])

    def write_table(self, report, statuses):
        self.stdout.write(f"Source language: {report.default_locale.get_display_name()}")
        header = f"{'locale':<26}{'translated':>11}{'outdated':>10}{'missing':>9}{'total':>7}"
        self.stdout.write(f"{header}  interface strings")
        for status in statuses:
            counts = status.counts()
            name = f"{status.locale.language_code:<4}{status.locale.get_display_name()}"
            self.stdout.write(
                f"{name:<26}{counts['translated']:>11}{counts['outdated']:>10}"
                f"{counts['missing']:>9}{counts['total']:>7}  {interface_text(status.interface)}"
            )

    def write_details(self, status):
        self.stdout.write("")
        for kind in status.kinds():
            counts = status.counts(kind)
            self.stdout.write(
                f"{str(kind_label(kind)):<20}{counts['translated']:>4} translated"
                f"{counts['outdated']:>5} outdated{counts['missing']:>5} missing"
            )
        for state in ("outdated", "missing"):
            items = [item for item in status.items if item.state == state]
            if items:
                self.stdout.write(f"\n{state.capitalize()} ({len(items)}):")
            for item in items:
                reason = f" — {item.reason_text}" if item.reason else ""
                self.stdout.write(f"  {item.kind:<8}{item.key:<40} {item.title}{reason}")


def interface_text(coverage):
    if coverage is None:
        return "no catalogue"
    return f"{coverage.translated}/{coverage.total} ({coverage.percent}%)"
