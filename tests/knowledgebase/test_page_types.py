"""Each page type is created under its parent and refused anywhere else."""

from django.apps import apps

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from home.models import HomePage
from knowledgebase import content_types
from knowledgebase import models as kb
from tests import factories as f
from tests.conftest import build_tree

ALLOWED_PARENT = {
    kb.GuideIndexPage: HomePage,
    kb.LessonIndexPage: HomePage,
    kb.MemberIndexPage: HomePage,
    kb.OutputIndexPage: HomePage,
    kb.TopicIndexPage: HomePage,
    kb.RegionIndexPage: HomePage,
    kb.GuidePage: kb.GuideIndexPage,
    kb.LessonPage: kb.LessonIndexPage,
    kb.MemberPage: kb.MemberIndexPage,
    kb.OutputPage: kb.OutputIndexPage,
}


def test_home_page_lives_at_the_root(tree):
    assert HomePage.can_create_at(Page.get_first_root_node())
    assert not HomePage.can_create_at(tree.guides)


@pytest.mark.parametrize("model", ALLOWED_PARENT, ids=lambda model: model.__name__)
def test_page_type_only_under_its_parent(tree, model):
    candidates = [tree.home, tree.guides, tree.lessons, tree.members, tree.outputs, tree.topics]
    allowed = [page for page in candidates if model.can_exist_under(page)]
    assert [type(page) for page in allowed] == [ALLOWED_PARENT[model]]


def test_index_pages_are_unique_under_a_home_page(tree):
    assert not kb.GuideIndexPage.can_create_at(tree.home)


def test_admin_refuses_a_guide_under_the_home_page(admin_client, tree):
    url = f"/admin/pages/add/knowledgebase/guidepage/{tree.home.pk}/"
    response = admin_client.get(url, follow=True)
    assert response.redirect_chain == [("/admin/", 302)]
    assert "permission" in response.content.decode()


def test_admin_creates_a_guide_under_the_guide_index(admin_client, tree):

    data = nested_form_data(
        {
            "title": "Winter fuel handling",
            "slug": "winter-fuel-handling",
            "summary": "Keep fuel warm and spills contained.",
            "body": streamfield([("paragraph", rich_text("<p>Store drums on pallets.</p>"))]),
            "maturity": "practised",
            "published": "2025-01-10",
            "last_reviewed": "2025-01-10",
            "review_interval_months": "24",
            "licence": "CC-BY-4.0",
            "comments": inline_formset([]),
        }
    )
    url = f"/admin/pages/add/knowledgebase/guidepage/{tree.guides.pk}/"
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    guide = kb.GuidePage.objects.get(slug="winter-fuel-handling")
    assert guide.get_parent().pk == tree.guides.pk


def test_admin_search_finds_pages_on_the_configured_backend(admin_client, tree):
    f.GuidePageFactory(parent=tree.guides, title="Katabatic wind shelters")
    response = admin_client.get("/admin/pages/search/", {"q": "katabatic"})
    assert response.status_code == 200
    assert "Katabatic wind shelters" in response.content.decode()


class PageTypeRulesTests(WagtailPageTestCase):
    """The same rules through Wagtail's own page-type assertions."""

    def test_each_page_type_has_only_its_parent(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        for model, parent in ALLOWED_PARENT.items():
            with self.subTest(model=model.__name__):
                self.assertAllowedParentPageTypes(model, {parent})

    def test_each_index_page_holds_only_its_content_type(self):
        for content_type in content_types.CONTENT_TYPES:
            with self.subTest(content_type=content_type.key):
                # A type's model may be a base editors do not create (events and
                # working groups are activities): its index holds the creatable ones.
                creatable = {
                    model
                    for model in apps.get_models()
                    if issubclass(model, content_type.model) and model.is_creatable
                }
                self.assertTrue(creatable)
                self.assertAllowedSubpageTypes(content_type.index_model, creatable)
                for model in creatable:
                    self.assertAllowedSubpageTypes(model, set())
        self.assertAllowedSubpageTypes(kb.TopicIndexPage, set())
        self.assertAllowedSubpageTypes(kb.RegionIndexPage, set())

    def test_an_editor_creates_a_lesson_under_the_lesson_index(self):
        tree = build_tree()
        self.login()
        data = nested_form_data(
            {
                "title": "Fuel froze in the lines",
                "slug": "fuel-froze",
                "summary": "Winter diesel is not enough below minus thirty.",
                "published": "2025-02-01",
                "context": rich_text("<p>A winter camp on the ice cap.</p>"),
                "what_happened": rich_text("<p>The generator stopped at night.</p>"),
                "recommendation": rich_text("<p>Carry arctic-grade fuel.</p>"),
                "comments": inline_formset([]),
            }
        )
        self.assertCanCreate(tree.lessons, kb.LessonPage, data)
        lesson = kb.LessonPage.objects.get(slug="fuel-froze")
        self.assertEqual(lesson.get_parent().pk, tree.lessons.pk)
        self.assertTrue(lesson.live)
        self.assertCanNotCreateAt(kb.GuideIndexPage, kb.LessonPage)
