import re
import types

from django.core.cache import caches
from django.utils import translation

from wagtail.models import Page, Site

import pytest

from tests import factories as f


@pytest.fixture(autouse=True)
def empty_cache():
    """Kept pages and answers of one test (whose rows are rolled back) never reach the next."""
    for cache in caches.all():
        cache.clear()


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the site's default language, as a command or a new thread does,
    whatever language the previous test's last request activated."""
    translation.deactivate()


def alternates(html):
    """{hreflang: href} of a page's <link rel="alternate"> elements."""
    return dict(re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)"', html))


def translate(page, language_code, **fields):
    """Publish a translation of a page (its parent must be translated first)."""
    locale = f.LocaleFactory(language_code=language_code)
    translated = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    return translated.specific_class.objects.get(pk=translated.pk)


def build_tree():
    """A home page with every index page, in English, served as the default site."""
    english = f.LocaleFactory(language_code="en")
    # A live-server test before this one may have emptied the database, root page and all.
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=english)
    )
    root.get_children().delete()  # Wagtail's "Welcome" placeholder
    home = f.HomePageFactory(parent=root)
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "root_page": home}
    )
    return types.SimpleNamespace(
        home=home,
        guides=f.GuideIndexPageFactory(parent=home),
        lessons=f.LessonIndexPageFactory(parent=home),
        members=f.MemberIndexPageFactory(parent=home),
        outputs=f.OutputIndexPageFactory(parent=home),
        infrastructure=f.InfrastructureIndexPageFactory(parent=home),
        activities=f.ActivitiesIndexPageFactory(parent=home),
        topics=f.TopicIndexPageFactory(parent=home),
        regions=f.RegionIndexPageFactory(parent=home),
    )


@pytest.fixture
def tree(db):
    return build_tree()


@pytest.fixture
def french_tree(tree):
    """The same tree translated into French (titles stay as they are)."""
    # The home page comes first, so every index page's parent is translated in time.
    return types.SimpleNamespace(
        **{name: translate(page, "fr") for name, page in vars(tree).items()}
    )
