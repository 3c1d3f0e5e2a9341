"""List the engagements that overlap, per community, and those planned in a community's
"no visits please" period."""

import json

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from engagements.notices import span
from engagements.overlaps import NO_VISITS, all_clashes, overlap_days


def engagement_data(engagement):
    return {
        "id": engagement.pk,
        "members": [member.title for member in engagement.members.all()],
        "start": engagement.start.isoformat(),
        "end": engagement.end.isoformat(),
        "status": engagement.status,
        "contact": {"name": engagement.contact_name, "email": engagement.contact_email},
    }


def clash_data(clash):
    data = {
        "community": clash.community.key,
        "community_name": clash.community.name,
        "kind": clash.kind,
        "engagements": [engagement_data(engagement) for engagement in clash.engagements],
    }
    if clash.period is not None:
        period = clash.period
        data["period"] = {
            "id": period.pk,
            "start": period.start.isoformat(),
            "end": period.end.isoformat(),
            "reason": period.reason,
        }
    return data


class Command(BaseCommand):
    help = (
        "List overlapping engagements per community (other members' engagements with the "
        "same community within --days of each other) and engagements planned in a "
        '"no visits please" period.'
    )

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="print JSON")
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="how close two engagements may come (default: ENGAGEMENT_OVERLAP_DAYS, 30)",
        )

    def handle(self, *args, **options):
        days = overlap_days() if options["days"] is None else options["days"]
        if days < 0:
            raise CommandError("--days must be 0 or more")
        clashes = all_clashes(days)
        if options["json"]:
            self.stdout.write(json.dumps([clash_data(c) for c in clashes], ensure_ascii=False))
            return
        self.write_plain(clashes, days)

    def write_plain(self, clashes, days):
        if not clashes:
            none = _("No overlapping engagements (within %(days)s days).") % {"days": days}
            self.stdout.write(none)
            return
        community = None
        for clash in clashes:
            if clash.community != community:
                community = clash.community
                self.stdout.write(f"\n{community.name}")
            if clash.kind == NO_VISITS:
                self.stdout.write(
                    "  "
                    + _("In the “no visits please” period %(dates)s (%(reason)s):")
                    % {"dates": span(clash.period), "reason": clash.period.reason}
                )
            else:
                self.stdout.write("  " + _("Overlap (within %(days)s days):") % {"days": days})
            for engagement in clash.engagements:
                self.stdout.write(
                    f"    #{engagement.pk} {span(engagement)} – {engagement.member_names()} "
                    f"({engagement.get_status_display()}; {engagement.contact_name} "
                    f"<{engagement.contact_email}>)"
                )
