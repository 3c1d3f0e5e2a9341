"""The kinds of content readers browse and search, declared once.

Each has a stable key (the value of the search's ``type`` facet, the same in every
language), the label of its section ("Guides"), the label of one item in the type
facet ("Guide"), its page model and the model of its index page. Search, the
translation status report, the demo and the member page read this list.

Models are named rather than imported, as Django's lazy relations are, so the
models themselves may read the registry.
"""

from dataclasses import dataclass

from django.apps import apps
from django.utils.translation import gettext_lazy as _

APP_LABEL = "knowledgebase"


@dataclass(frozen=True)
class KnowledgeType:
    key: str
    label: str
    facet_label: str
    model_name: str
    index_model_name: str
    index_slug: str  # the index page's slug in a new site's page tree
    reviewed: bool = False  # its items go through the Cluster review in every language
    app_label: str = APP_LABEL  # the app whose models these are

    @property
    def model(self):
        return apps.get_model(self.app_label, self.model_name)

    @property
    def index_model(self):
        return apps.get_model(self.app_label, self.index_model_name)

    @property
    def index_model_label(self):
        return f"{self.app_label}.{self.index_model_name}"


CONTENT_TYPES = (
    KnowledgeType(
        key="guide",
        # Translators: Readers see this as a section heading on member pages and as a type in search
        # filters: guides (plural).
        label=_("Guides"),
        # Translators: Readers see this as a type of item in the search page's filters and results:
        # one guide.
        facet_label=_("Guide"),
        model_name="GuidePage",
        index_model_name="GuideIndexPage",
        index_slug="guides",
        reviewed=True,
    ),
    KnowledgeType(
        key="lesson",
        # Translators: Readers see this as a section heading on member pages and as a type in search
        # filters: lessons learned (plural).
        label=_("Lessons learned"),
        # Translators: Readers see this as a type of item in the search page's filters and results:
        # one lesson learned.
        facet_label=_("Lesson learned"),
        model_name="LessonPage",
        index_model_name="LessonIndexPage",
        index_slug="lessons",
        reviewed=True,
    ),
    KnowledgeType(
        key="member",
        # Translators: Readers see this as a section heading and as a type in search filters:
        # members (projects, organisations).
        label=_("Members"),
        # Translators: Readers see this as a type of item in the search page's filters and results:
        # one member.
        facet_label=_("Member"),
        model_name="MemberPage",
        index_model_name="MemberIndexPage",
        index_slug="members",
    ),
    KnowledgeType(
        key="output",
        # Translators: Readers see this as a section heading on member pages and as a type in search
        # filters: legacy outputs (plural).
        label=_("Legacy outputs"),
        # Translators: Readers see this as a type of item in the search page's filters and results:
        # one legacy output (dataset, report…).
        facet_label=_("Legacy output"),
        model_name="OutputPage",
        index_model_name="OutputIndexPage",
        index_slug="outputs",
        reviewed=True,
    ),
    KnowledgeType(
        key="infrastructure",
        # Translators: Readers see this as a section heading on member pages and the directory:
        # stations, vessels, data centres….
        label=_("Infrastructure and services"),
        # Translators: Readers see this as a type of item in the search page's filters and results:
        # one infrastructure or service.
        facet_label=_("Infrastructure"),
        model_name="InfrastructurePage",
        index_model_name="InfrastructureIndexPage",
        index_slug="infrastructure",
    ),
    KnowledgeType(
        key="activity",
        # Translators: Readers see this as a section heading on member pages and as a type in search
        # filters: joint activities.
        label=_("Activities"),
        # Translators: Readers see this as a type of item in the search page's filters and results:
        # one activity (event, working group).
        facet_label=_("Activity"),
        model_name="ActivityPage",  # events and working groups
        index_model_name="ActivitiesIndexPage",
        index_slug="activities",
        app_label="activities",
    ),
)
KEYS = tuple(content_type.key for content_type in CONTENT_TYPES)


def get(key):
    return next(content_type for content_type in CONTENT_TYPES if content_type.key == key)


def models():
    return tuple(content_type.model for content_type in CONTENT_TYPES)


def reviewed_types():
    return tuple(content_type for content_type in CONTENT_TYPES if content_type.reviewed)


def key_of(page):
    """The content type key of a page, or "" for a page of no listed type."""
    model = type(page)
    return next((c.key for c in CONTENT_TYPES if issubclass(model, c.model)), "")


def facet_labels():
    """{key: label of one item} for the search's type facet, in the active language."""
    return {content_type.key: str(content_type.facet_label) for content_type in CONTENT_TYPES}
