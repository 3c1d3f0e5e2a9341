"""What a member author finds in the admin: their member already chosen on a new item,
topics and regions shown as a tree, the explorer opening at their work in their
language, and no request to an outside service."""

import json
import re
from html.parser import HTMLParser

from django.contrib.auth import get_user_model

from wagtail.models import Page
from wagtail.users.models import UserProfile

from tests import factories as f
from tests.conftest import translate
from workspaces.members import add_member_author

from .helpers import ClusterTestCase

User = get_user_model()


class Checkboxes(HTMLParser):
    """The checkboxes of one field in a form: [(label, checked)] in page order."""

    def __init__(self, name):
        super().__init__()
        self.name, self.boxes, self.in_label = name, [], False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "input" and attrs.get("type") == "checkbox" and attrs.get("name") == self.name:
            self.boxes.append(["", "checked" in attrs])
            self.in_label = True

    def handle_endtag(self, tag):
        if tag == "label":
            self.in_label = False

    def handle_data(self, data):
        if self.in_label and self.boxes:
            self.boxes[-1][0] += data.strip()


def checkboxes(response, name):
    parser = Checkboxes(name)
    parser.feed(response.content.decode())
    return [tuple(box) for box in parser.boxes]


def add_guide_url(cluster):
    return f"/admin/pages/add/knowledgebase/guidepage/{cluster.tree.guides.pk}/"


class NewItemMemberTests(ClusterTestCase):
    def checked_members(self):
        boxes = checkboxes(self.client.get(add_guide_url(self.cluster)), "members")
        self.assertTrue(boxes)
        return [label for label, checked in boxes if checked]

    def test_the_only_member_of_an_author_is_chosen_on_a_new_guide(self):
        self.client.force_login(self.cluster.author)
        self.assertEqual(self.checked_members(), ["Member A"])

    def test_an_author_of_two_members_chooses_themselves(self):
        add_member_author(self.cluster.author, self.cluster.member_b)
        self.client.force_login(self.cluster.author)
        self.assertEqual(self.checked_members(), [])

    def test_editing_keeps_the_items_own_members(self):
        guide = f.GuidePageFactory(
            parent=self.cluster.tree.guides, title="Shared", members=[self.cluster.member_b]
        )
        guide.save_revision()
        self.client.force_login(self.cluster.editor)
        add_member_author(self.cluster.editor, self.cluster.member_a)
        response = self.client.get(f"/admin/pages/{guide.pk}/edit/")
        checked = [label for label, checked in checkboxes(response, "members") if checked]
        self.assertEqual(checked, ["Member B"])


class WagtailWidgetsTests(ClusterTestCase):
    def test_the_slug_follows_the_title_and_dates_have_their_picker(self):
        self.client.force_login(self.cluster.author)
        page = self.client.get(add_guide_url(self.cluster)).content.decode()
        slug = re.search(r"<input[^>]*id=\"id_slug\"[^>]*>", page).group(0)
        self.assertIn('data-controller="w-slug"', slug)
        reviewed = re.search(r'"fieldName": "last_reviewed", "widget": \{"_type": "([^"]+)"', page)
        self.assertEqual(reviewed.group(1), "wagtail.widgets.AdminDateInput")


class TaxonomyTreeTests(ClusterTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        for factory in (f.TopicFactory, f.RegionFactory):
            sea_ice = factory(name="Sea ice", sort_order=1)
            weather = factory(name="Weather", sort_order=0)
            travel = factory(name="Sea ice travel", parent=sea_ice)
            factory(name="Fuel", parent=travel)
            factory(name="Ice charts", parent=sea_ice)
            factory(name="Storms", parent=weather)

    def test_topics_and_regions_are_offered_as_their_tree(self):
        self.client.force_login(self.cluster.author)
        response = self.client.get(add_guide_url(self.cluster))
        for name in ("topics", "regions"):
            with self.subTest(name):
                labels = [label for label, _checked in checkboxes(response, name)]
                self.assertEqual(
                    labels,
                    [
                        "Weather",
                        "Weather › Storms",
                        "Sea ice",
                        "Sea ice › Ice charts",
                        "Sea ice › Sea ice travel",
                        "Sea ice › Sea ice travel › Fuel",
                    ],
                )


def explorer_menu_item(response):
    """The sidebar's "Pages" item: (its address, the id of the page its explorer opens at)."""
    props = re.search(
        r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>',
        response.content.decode(),
        re.DOTALL,
    ).group(1)
    [item] = find_components(json.loads(props), "wagtail.sidebar.PageExplorerMenuItem")
    options, start_page_id = item["_args"]
    return options["url"], start_page_id


def find_components(value, component_type):
    if isinstance(value, dict):
        if value.get("_type") == component_type:
            yield value
        value = list(value.values())
    if isinstance(value, list):
        for child in value:
            yield from find_components(child, component_type)


class ExplorerStartTests(ClusterTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.french_home = translate(cls.cluster.tree.home, "fr")
        translate(cls.cluster.tree.guides, "fr")

    def explorer_start(self, user):
        self.client.force_login(user)
        return explorer_menu_item(self.client.get("/admin/"))

    def test_an_author_starts_at_the_home_page_in_their_language(self):
        profile = UserProfile.get_for_user(self.cluster.author)
        profile.preferred_language = "fr"
        profile.save()
        home = self.french_home.pk
        self.assertEqual(self.explorer_start(self.cluster.author), (f"/admin/pages/{home}/", home))
        self.assertContains(self.client.get(f"/admin/pages/{home}/"), "Guides")

    def test_the_dashboards_page_count_leads_to_the_same_start(self):
        profile = UserProfile.get_for_user(self.cluster.author)
        profile.preferred_language = "fr"
        profile.save()
        self.client.force_login(self.cluster.author)
        dashboard = self.client.get("/admin/").content.decode()
        summary = re.search(r'<a href="(/admin/pages/\d+/)">\s*[\d,]+ Pages', dashboard)
        self.assertEqual(summary.group(1), f"/admin/pages/{self.french_home.pk}/")

    def test_an_author_without_a_preference_starts_at_the_source_language(self):
        home = self.cluster.tree.home.pk
        self.assertEqual(self.explorer_start(self.cluster.author), (f"/admin/pages/{home}/", home))

    def test_editors_keep_wagtails_start_at_the_root(self):
        root = Page.get_first_root_node().pk
        self.assertEqual(self.explorer_start(self.cluster.editor), ("/admin/pages/", root))


class NoOutsideAvatarTests(ClusterTestCase):
    def test_admin_pages_show_the_local_default_avatar(self):
        self.client.force_login(self.cluster.author)
        guide = self.cluster.guide_a
        for url in (
            "/admin/",
            f"/admin/pages/{self.cluster.tree.guides.pk}/",
            f"/admin/pages/{guide.pk}/edit/",
            f"/admin/pages/{guide.pk}/history/",
            add_guide_url(self.cluster),
            "/admin/account/",
        ):
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                html = response.content.decode()
                self.assertNotIn("gravatar.com", html)
                self.assertIn("wagtailadmin/images/default-user-avatar.png", html)

    def test_no_admin_page_asks_an_outside_service_for_anything(self):
        superuser = User.objects.create_superuser("root", "root@example.org", "x")
        self.client.force_login(superuser)
        response = self.client.get("/admin/")
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("w-panel-upgrade", response.content.decode())  # the release check
        policy = response.headers["Content-Security-Policy"]
        connect = next(part for part in policy.split(";") if "connect-src" in part)
        self.assertEqual(connect.split(), ["connect-src", "'self'"])
