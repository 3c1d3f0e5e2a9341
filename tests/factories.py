"""Factories for the knowledge base's pages and taxonomy."""

import datetime

from wagtail.models import Locale

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from home.models import HomePage
from knowledgebase import models as kb


class LocaleFactory(DjangoModelFactory):
    language_code = "en"

    class Meta:
        model = Locale
        django_get_or_create = ("language_code",)


def default_locale():
    return LocaleFactory(language_code="en")


class TaxonomyFactory(DjangoModelFactory):
    key = factory.Sequence(lambda n: f"item-{n}")
    name = factory.LazyAttribute(lambda item: item.key.replace("-", " ").capitalize())
    locale = factory.LazyFunction(default_locale)

    class Meta:
        abstract = True


class TopicFactory(TaxonomyFactory):
    class Meta:
        model = kb.Topic


class RegionFactory(TaxonomyFactory):
    class Meta:
        model = kb.Region


class GlossaryTermFactory(DjangoModelFactory):
    key = factory.Sequence(lambda n: f"term-{n}")
    label = factory.LazyAttribute(lambda term: term.key.replace("-", " "))
    locale = factory.LazyFunction(default_locale)

    class Meta:
        model = kb.GlossaryTerm


class PageFactory(wagtail_factories.PageFactory):
    locale = factory.LazyFunction(default_locale)

    class Meta:
        abstract = True
        skip_postgeneration_save = True


def _relation(name):
    """post_generation hook setting a many-to-many relation from a list."""

    def set_relation(page, create, extracted, **kwargs):
        if extracted:
            getattr(page, name).set(extracted)
            if create:
                page.save()

    return factory.PostGeneration(set_relation)


class HomePageFactory(PageFactory):
    title = "Polar Knowledge Base"
    slug = "home"

    class Meta:
        model = HomePage


class IndexPageFactory(PageFactory):
    show_in_menus = True

    class Meta:
        abstract = True


class GuideIndexPageFactory(IndexPageFactory):
    title, slug = "Guides", "guides"

    class Meta:
        model = kb.GuideIndexPage


class LessonIndexPageFactory(IndexPageFactory):
    title, slug = "Lessons learned", "lessons"

    class Meta:
        model = kb.LessonIndexPage


class MemberIndexPageFactory(IndexPageFactory):
    title, slug = "Members", "members"

    class Meta:
        model = kb.MemberIndexPage


class OutputIndexPageFactory(IndexPageFactory):
    title, slug = "Legacy outputs", "outputs"

    class Meta:
        model = kb.OutputIndexPage


class InfrastructureIndexPageFactory(IndexPageFactory):
    title, slug = "Infrastructure and services", "infrastructure"

    class Meta:
        model = kb.InfrastructureIndexPage


class ActivitiesIndexPageFactory(IndexPageFactory):
    title, slug = "Activities", "activities"

    class Meta:
        model = "activities.ActivitiesIndexPage"


class TopicIndexPageFactory(IndexPageFactory):
    title, slug = "Topics", "topics"

    class Meta:
        model = kb.TopicIndexPage


class RegionIndexPageFactory(IndexPageFactory):
    title, slug = "Regions", "regions"

    class Meta:
        model = kb.RegionIndexPage


class KnowledgePageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Knowledge page {n}")
    summary = "A short plain-language summary."
    published = datetime.date(2024, 5, 1)
    topics = _relation("topics")
    regions = _relation("regions")

    class Meta:
        abstract = True


class MemberPageFactory(KnowledgePageFactory):
    title = factory.Sequence(lambda n: f"Polar project {n}")
    acronym = factory.Sequence(lambda n: f"PP{n}")
    start_date = datetime.date(2020, 1, 1)

    class Meta:
        model = kb.MemberPage


class MemberContentPageFactory(KnowledgePageFactory):
    members = _relation("members")
    communities = _relation("communities")
    notices = _relation("notices")

    class Meta:
        abstract = True


class GuidePageFactory(MemberContentPageFactory):
    title = factory.Sequence(lambda n: f"Guide {n}")
    body = factory.LazyFunction(lambda: [("paragraph", "<p>Guide text.</p>")])
    last_reviewed = datetime.date(2025, 6, 1)

    class Meta:
        model = kb.GuidePage


class LessonPageFactory(MemberContentPageFactory):
    title = factory.Sequence(lambda n: f"Lesson {n}")
    context = "<p>Spring campaign on fast ice.</p>"
    what_happened = "<p>The ice broke up early.</p>"
    recommendation = "<p>Check ice charts daily.</p>"

    class Meta:
        model = kb.LessonPage


class OutputPageFactory(MemberContentPageFactory):
    title = factory.Sequence(lambda n: f"Dataset {n}")
    identifier = "10.5072/polarkb.test.1"
    custodian = "Polar Data Centre"

    class Meta:
        model = kb.OutputPage


class InfrastructurePageFactory(MemberContentPageFactory):
    title = factory.Sequence(lambda n: f"Research station {n}")
    kind = "station"
    access_conditions = "Apply through the station's access programme."
    link = "https://station.example.org/access"

    class Meta:
        model = kb.InfrastructurePage


class CommunityFactory(DjangoModelFactory):
    key = factory.Sequence(lambda n: f"community-{n}")
    name = factory.LazyAttribute(lambda item: item.key.replace("-", " ").title())
    locale = factory.LazyFunction(default_locale)

    class Meta:
        model = kb.Community


class CulturalNoticeFactory(DjangoModelFactory):
    key = factory.Sequence(lambda n: f"notice-{n}")
    kind = kb.NoticeKind.TRADITIONAL_KNOWLEDGE
    label = "Traditional Knowledge notice"
    text = "This guide draws on knowledge shared by a community."
    locale = factory.LazyFunction(default_locale)

    class Meta:
        model = kb.CulturalNotice


class WorkingGroupPageFactory(MemberContentPageFactory):
    title = factory.Sequence(lambda n: f"Working group {n}")
    purpose = "Share what members learn about working on sea ice."

    class Meta:
        model = "activities.WorkingGroupPage"


class EventPageFactory(MemberContentPageFactory):
    title = factory.Sequence(lambda n: f"Workshop {n}")
    start_date = factory.LazyFunction(lambda: datetime.date.today() + datetime.timedelta(days=30))
    time_zone = "Europe/Oslo"

    class Meta:
        model = "activities.EventPage"
