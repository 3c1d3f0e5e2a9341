"""What a member author finds in the admin: their member already chosen on a new item,
and topics and regions shown as a tree."""

from html.parser import HTMLParser

from tests import factories as f
from workspaces.members import add_member_author

from .helpers import ClusterTestCase


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
