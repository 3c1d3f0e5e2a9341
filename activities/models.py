"""Joint activities: events (workshops, webinars, field campaigns …) and working groups.

Both are ``ActivityPage``s: knowledge pages written by members, so they share the
members, topics, regions, communities (and their consent gate), listings, search
and exports of guides and lessons. ``ActivityPage.members`` are the organising or
taking-part members and ``ActivityPage.communities`` the communities concerned:
the place other records (an engagement with a community, say) link an activity to
members and communities.
"""

import datetime
import zoneinfo

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from modelcluster.fields import ParentalManyToManyField

from knowledgebase.models.base import (
    ListingPage,
    MemberContentPage,
    live_in_locale,
    paginate,
    visible_in_locale,
)

BODY_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul"]
TIME_ZONES = sorted(zoneinfo.available_timezones() - {"localtime", "Factory"})


class EventKind(models.TextChoices):
    # Translators: Readers see this on event pages and cards as the kind of event: a workshop.
    WORKSHOP = "workshop", _("Workshop")
    # Translators: Readers see this on event pages and cards as the kind of event: an online
    # seminar.
    WEBINAR = "webinar", _("Webinar")
    # Translators: Readers see this on event pages and cards as the kind of event: a session within
    # a larger conference.
    CONFERENCE_SESSION = "conference-session", _("Conference session")
    # Translators: Readers see this on event pages and cards as the kind of event: a training
    # course.
    TRAINING = "training", _("Training")
    # Translators: Readers see this on event pages and cards as the kind of event: fieldwork in the
    # polar regions.
    FIELD_CAMPAIGN = "field-campaign", _("Field campaign")
    # Translators: Readers see this on event pages and cards as the kind of event: a meeting with a
    # local or Indigenous community.
    COMMUNITY_MEETING = "community-meeting", _("Community meeting")


def outcome_choices():
    """Guides, lessons and legacy outputs, in the source language (translations follow)."""
    return Q(
        locale__language_code="en",
        content_type__app_label="knowledgebase",
        content_type__model__in=["guidepage", "lessonpage", "outputpage"],
    )


def working_group_choices():
    return Q(locale__language_code="en")


class ActivityPage(MemberContentPage):
    """What events and working groups share; never created on its own."""

    body = RichTextField(_("body"), features=BODY_FEATURES, blank=True)
    contact = models.CharField(
        _("contact"), max_length=200, blank=True, help_text=_("A person, e-mail or telephone.")
    )
    outcomes = ParentalManyToManyField(
        "wagtailcore.Page",
        verbose_name=_("outcomes"),
        blank=True,
        related_name="+",
        limit_choices_to=outcome_choices,
        help_text=_("The guides, lessons and legacy outputs it produced."),
    )

    override_translatable_fields = MemberContentPage.override_translatable_fields + [
        SynchronizedField("outcomes"),
        SynchronizedField("contact"),
    ]
    search_fields = MemberContentPage.search_fields + [index.SearchField("body")]

    is_creatable = False
    parent_page_types = ["activities.ActivitiesIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")

    def visible_outcomes(self):
        """The outcomes readers may see, each in this page's language where it exists."""
        return [page.specific for page in visible_in_locale(self.outcomes.all(), Page, self.locale)]


class WorkingGroupPage(ActivityPage):
    purpose = models.TextField(_("purpose"))
    active = models.BooleanField(_("active"), default=True, help_text=_("Clear when it has ended."))

    override_translatable_fields = ActivityPage.override_translatable_fields + [
        SynchronizedField("active"),
    ]
    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("purpose"),
        FieldPanel("body"),
        FieldRowPanel([FieldPanel("published", heading=_("started")), FieldPanel("active")]),
        FieldPanel("contact", heading=_("lead contact")),
        FieldPanel("outcomes", heading=_("outputs"), widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(ActivityPage.taxonomy_panels, heading=_("Members and classification")),
        MultiFieldPanel(ActivityPage.community_panels, heading=_("Communities and notices")),
    ]
    search_fields = ActivityPage.search_fields + [index.SearchField("purpose")]
    template = "activities/working_group_page.html"

    class Meta:
        # Translators: Readers see this on item cards and event pages: a group of members working on
        # a theme over time.
        verbose_name = _("working group")
        verbose_name_plural = _("working groups")

    def meetings(self):
        """Its events readers may see in this page's language, oldest first."""
        events = live_in_locale(EventPage, self.locale).filter(
            working_group__translation_key=self.translation_key
        )
        return events.order_by("start_date", "start_time", "title")


class EventPage(ActivityPage):
    kind = models.CharField(
        _("kind"), max_length=20, choices=EventKind.choices, default=EventKind.WORKSHOP
    )
    start_date = models.DateField(_("start date"))
    start_time = models.TimeField(_("start time"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    end_time = models.TimeField(_("end time"), null=True, blank=True)
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        choices=[(name, name) for name in TIME_ZONES],
        default="UTC",
        help_text=_("Leave the times empty for an all-day event."),
    )
    place = models.CharField(_("place"), max_length=255, blank=True)
    online_link = models.URLField(_("online link"), blank=True)
    languages_spoken = models.CharField(_("languages spoken"), max_length=255, blank=True)
    registration_link = models.URLField(_("registration link"), blank=True)
    working_group = models.ForeignKey(
        "activities.WorkingGroupPage",
        verbose_name=_("working group"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to=working_group_choices,
        help_text=_("The working group this event is a meeting of."),
    )

    override_translatable_fields = ActivityPage.override_translatable_fields + [
        SynchronizedField(name)
        for name in (
            "kind",
            "start_date",
            "start_time",
            "end_date",
            "end_time",
            "time_zone",
            "online_link",
            "registration_link",
            "working_group",
        )
    ]
    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("start_time")]),
                FieldRowPanel([FieldPanel("end_date"), FieldPanel("end_time")]),
                FieldPanel("time_zone"),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [FieldPanel("place"), FieldPanel("online_link"), FieldPanel("languages_spoken")],
            heading=_("Where"),
        ),
        FieldPanel("registration_link"),
        FieldPanel("contact"),
        FieldPanel("body"),
        FieldPanel("working_group"),
        FieldPanel("outcomes", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(ActivityPage.taxonomy_panels, heading=_("Organisers and classification")),
        MultiFieldPanel(ActivityPage.community_panels, heading=_("Communities and notices")),
    ]
    search_fields = ActivityPage.search_fields + [
        index.SearchField("place"),
        index.SearchField("kind_label"),
        index.FilterField("start_date"),
    ]
    template = "activities/event_page.html"

    class Meta:
        # Translators: Readers see this on item cards in lists and search results as the type of an
        # item: an event.
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        if self.start_date and self.last_day < self.start_date:
            raise ValidationError({"end_date": _("The event cannot end before it starts.")})
        if self.end_time and not self.start_time:
            raise ValidationError({"start_time": _("Give a start time with the end time.")})
        if self.start_time and self.end_time and self.ends <= self.starts:
            raise ValidationError({"end_time": _("The event cannot end before it starts.")})

    def save(self, *args, **kwargs):
        # The event's date is its first day: the year facet and "newest" read it.
        self.published = self.start_date
        super().save(*args, **kwargs)

    def visible_working_group(self):
        """Its working group in this page's language, if readers may see it."""
        if self.working_group_id is None:
            return None
        groups = WorkingGroupPage.objects.filter(pk=self.working_group_id)
        return next(iter(visible_in_locale(groups, WorkingGroupPage, self.locale)), None)

    @property
    def kind_label(self):
        return self.get_kind_display()

    @property
    def all_day(self):
        return self.start_time is None

    @property
    def last_day(self):
        return self.end_date or self.start_date

    @property
    def zone(self):
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def starts(self):
        """A date for an all-day event, otherwise a datetime in the event's time zone."""
        if self.all_day:
            return self.start_date
        return datetime.datetime.combine(self.start_date, self.start_time, tzinfo=self.zone)

    @property
    def ends(self):
        """Exclusive end, as iCalendar has it: the day after an all-day event's last day."""
        if self.all_day:
            return self.last_day + datetime.timedelta(days=1)
        end_time = self.end_time or self.start_time
        return datetime.datetime.combine(self.last_day, end_time, tzinfo=self.zone)

    def is_upcoming(self, today=None):
        return self.last_day >= (today or timezone.localdate())


class ActivitiesIndexPage(ListingPage):
    """Upcoming events by month, past events below, the working groups, and the calendar."""

    subpage_types = ["activities.EventPage", "activities.WorkingGroupPage"]
    template = "activities/activities_index_page.html"

    class Meta:
        verbose_name = _("activities index")

    def get_template(self, request, *args, **kwargs):
        return self.template

    def events(self):
        return live_in_locale(EventPage, self.locale).child_of(self)

    def upcoming_by_month(self, today):
        """[(first day of a month, [events])] of the events not yet over, soonest first."""
        months = {}
        upcoming = self.events().filter(
            Q(end_date__gte=today) | Q(end_date__isnull=True, start_date__gte=today)
        )
        for event in upcoming.order_by("start_date", "start_time", "title"):
            months.setdefault(event.start_date.replace(day=1), []).append(event)
        return list(months.items())

    def past_events(self, today):
        past = self.events().exclude(
            Q(end_date__gte=today) | Q(end_date__isnull=True, start_date__gte=today)
        )
        return past.order_by("-start_date", "title")

    def working_groups(self):
        groups = live_in_locale(WorkingGroupPage, self.locale).child_of(self)
        return groups.order_by("-active", "title")

    def get_context(self, request, *args, **kwargs):
        context = Page.get_context(self, request, *args, **kwargs)
        today = timezone.localdate()
        context["months"] = self.upcoming_by_month(today)
        context["past"] = paginate(request, self.past_events(today))
        context["working_groups"] = self.working_groups()
        return context
