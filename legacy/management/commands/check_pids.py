"""Check that every legacy output's persistent identifier still resolves.

Meant to run weekly from cron, e.g.
``0 4 * * 1 cd /srv/polarkb && .venv/bin/python manage.py check_pids``;
what it finds is kept for the Broken PIDs report and the custodians' dashboards.
"""

import json as json_module

from django.core.management.base import BaseCommand

from legacy.pids import check_all


class Command(BaseCommand):
    help = "Resolve each legacy output's PID (DOI, Handle or URL) and record whether it works."

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="Print the results as JSON.")

    def handle(self, *args, json=False, **options):
        checks = check_all()
        if json:
            self.stdout.write(as_json(checks))
            return
        for check in checks:
            if not check.ok:
                reason = check.status_code or check.error
                self.stdout.write(f"BROKEN {check.pid} ({reason}): {check.output.title}")
        broken = sum(not check.ok for check in checks)
        self.stdout.write(f"{len(checks)} PID(s) checked, {broken} broken.")


def as_json(checks):
    results = [
        {
            "output": check.output.title,
            "page_id": check.output_id,
            "pid": check.pid,
            "ok": check.ok,
            "status": check.status_code,
            "final_url": check.final_url,
            "error": check.error,
            "checked_at": check.checked_at.isoformat(),
        }
        for check in checks
    ]
    broken = sum(not result["ok"] for result in results)
    return json_module.dumps(
        {"checked": len(results), "broken": broken, "results": results}, indent=2
    )
