"""The activities calendar as iCalendar (RFC 5545), written with the icalendar library.

One VEVENT per event readers may see. Its UID comes from the translation key, so it
stays the same across edits and languages; SEQUENCE (the number of published
revisions) and LAST-MODIFIED follow the changes. ``?member=``, ``?topic=``,
``?region=`` and ``?community=`` take the keys of the search page's filters.
"""

import datetime

from django.db.models import Count
from django.http import HttpResponse, HttpResponseBadRequest
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from wagtail.models import PageLogEntry

import icalendar

from knowledgebase.filters import BadFilter, one_value, taxonomy_keys
from knowledgebase.models import Community, MemberPage, Region, Topic

UID_DOMAIN = "polar-knowledge-base"
PRODUCT_ID = "-//EU Polar Cluster//Polar Knowledge Base//EN"


def calendar_response(request, events):
    try:
        events = events.filter(**calendar_filters(request.GET))
    except BadFilter as error:
        return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")
    body = build_calendar(request, events.distinct()).to_ical()
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="calendar.ics"'
    return response


def calendar_filters(params):
    """Django lookups for ?member=, ?topic=, ?region= and ?community=; an unknown key
    is refused with a message."""
    lookups = {}
    if key := one_value(params, "member"):
        member = MemberPage.sources_for_keys([key]).first()
        if member is None:
            # Translators: Readers see this as an error when a calendar address names an unknown
            # member: %(key)s is the key the reader gave.
            raise BadFilter(_("Unknown member: “%(key)s”.") % {"key": key})
        lookups["members__translation_key"] = member.translation_key
    for name, model in (("topic", Topic), ("region", Region)):
        if (keys := taxonomy_keys(params, name, model)) is not None:
            lookups[f"{name}s__key__in"] = keys
    if key := one_value(params, "community"):
        if not Community.objects.filter(key=key).exists():
            # Translators: Readers see this as an error when a calendar address names an unknown
            # community: %(key)s is the key given.
            raise BadFilter(_("Unknown community: “%(key)s”.") % {"key": key})
        lookups["communities__key"] = key
    return lookups


def build_calendar(request, events):
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    # Translators: Readers see this in their calendar app as the name of the subscribed events
    # calendar of the Cluster.
    calendar.add("x-wr-calname", _("Polar Cluster activities"))
    language = translation.get_language()
    revisions = publication_counts(events)
    zones = set()
    for event in events.select_related("locale", "alias_of__locale").order_by("start_date", "pk"):
        calendar.add_component(vevent(request, event, language, revisions.get(event.pk, 1)))
        if not event.all_day:
            zones.add(event.time_zone)
    for zone in sorted(zones):
        calendar.add_component(icalendar.Timezone.from_tzid(zone))
    return calendar


def publication_counts(events):
    """{page id: times it was published}: an alias changes when its source does."""
    sources = {event.pk: event.alias_of_id or event.pk for event in events}
    published = (
        PageLogEntry.objects.filter(action="wagtail.publish", page_id__in=set(sources.values()))
        .values("page_id")
        .annotate(times=Count("pk"))
    )
    times = {row["page_id"]: row["times"] for row in published}
    return {pk: times.get(source, 1) for pk, source in sources.items()}


def vevent(request, event, language, sequence):
    written_in = (event.alias_of.locale if event.alias_of_id else event.locale).language_code
    text = {"language": written_in} if written_in != language else {}
    entry = icalendar.Event()
    entry.add("uid", f"{event.translation_key}@{UID_DOMAIN}")
    entry.add("dtstamp", timezone.now())
    entry.add("dtstart", event.starts)
    entry.add("dtend", event.ends)
    entry.add("summary", event.title, parameters=text)
    entry.add("description", description(event, written_in != language), parameters=text)
    entry.add("url", request.build_absolute_uri(event.get_url(request)))
    if location := event.place or event.online_link:
        entry.add("location", location, parameters=text if event.place else {})
    entry.add("sequence", sequence)
    entry.add("last-modified", last_modified(event))
    entry.add("categories", [event.get_kind_display()])
    return entry


def description(event, in_other_language):
    parts = [event.summary]
    if event.body:
        parts.append(" ".join(strip_tags(event.body).split()))
    if in_other_language:
        # Translators: Readers see this in their calendar app, in brackets before an event's text
        # shown in its original language.
        parts.insert(0, "[" + _("Not yet translated: shown in its original language.") + "]")
    return "\n\n".join(parts)


def last_modified(event):
    source = event.alias_of.specific if event.alias_of_id else event
    changed = source.last_published_at or source.latest_revision_created_at
    return changed or datetime.datetime.now(datetime.UTC)
