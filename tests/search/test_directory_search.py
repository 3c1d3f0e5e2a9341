"""Members and infrastructure are searchable with the other items, under the type
facet values ``member`` and ``infrastructure``, on every engine; hidden ones never."""

from wagtail.models import PageViewRestriction

from tests import factories as f
from tests.conftest import translate
from tests.search.engine import ENGINE, EngineTestCase


class DirectorySearch:
    @classmethod
    def add_content(cls):
        tree = cls.corpus.tree
        arice, interact, _nunataryuk = cls.corpus.members
        sea_ice, arctic = cls.corpus.topics[1], cls.corpus.regions[0]
        icebreaker = f.InfrastructurePageFactory(
            parent=tree.infrastructure,
            slug="icebreaker-access",
            title="Research icebreaker access",
            kind="vessel",
            summary="Apply for time on a research icebreaker in the Arctic Ocean.",
            access_conditions="Transnational access calls twice a year.",
            members=[arice],
            topics=[sea_ice],
            regions=[arctic],
        )
        translate(icebreaker, "fr", title="Accès aux brise-glaces de recherche")
        f.InfrastructurePageFactory(
            parent=tree.infrastructure,
            slug="tundra-station",
            title="Tundra field station",
            kind="station",
            summary="A station for terrestrial monitoring.",
            members=[interact],
            regions=[arctic],
        )
        hidden = f.InfrastructurePageFactory(
            parent=tree.infrastructure,
            slug="hangar",
            title="Secret hangar",
            summary="Restricted hangar for the icebreaker helicopters.",
            members=[arice],
        )
        PageViewRestriction.objects.create(
            page=hidden, restriction_type=PageViewRestriction.PASSWORD, password="x"
        )
        f.InfrastructurePageFactory(
            parent=tree.infrastructure, slug="draft-dock", title="Draft icebreaker dock", live=False
        )

    def titles(self, answer):
        return {result["title"] for result in answer["results"]}

    def test_infrastructure_is_found_by_its_words_and_typed(self):
        answer = self.api(q="icebreaker access")
        first = answer["results"][0]
        self.assertEqual(first["title"], "Research icebreaker access")
        self.assertEqual(first["type"], "infrastructure")
        self.assertEqual(first["members"], ["arice"])
        self.assertNotIn("Secret hangar", self.titles(answer))
        self.assertNotIn("Draft icebreaker dock", self.titles(answer))

    def test_the_type_facet_offers_member_and_infrastructure(self):
        types = {e["value"]: e["count"] for e in self.api()["facets"]["type"]}
        self.assertEqual(types["infrastructure"], 2)  # not the hidden ones
        self.assertEqual(types["member"], 3)
        answer = self.api(type="infrastructure")
        self.assertEqual(
            self.titles(answer), {"Research icebreaker access", "Tundra field station"}
        )
        members = self.api(type="member", region="arctic")
        self.assertEqual({r["type"] for r in members["results"]}, {"member"})
        self.assertIn("Arctic Research Icebreaker Consortium", self.titles(members))

    def test_a_members_facet_counts_its_infrastructure(self):
        answer = self.api(member="arice", type="infrastructure")
        self.assertEqual(self.titles(answer), {"Research icebreaker access"})

    def test_a_reader_gets_the_translation_in_their_language(self):
        answer = self.api(q="icebreaker", type="infrastructure", lang="fr")
        self.assertEqual(answer["results"][0]["title"], "Accès aux brise-glaces de recherche")
        self.assertEqual(answer["results"][0]["locale"], "fr")

    def test_hidden_infrastructure_is_never_suggested(self):
        response = self.client.get("/api/search/suggest/", {"q": "secret", "lang": "en"})
        self.assertEqual(response.json()["suggestions"], [])
        self.assertEqual(self.api(q="hangar")["total"], 0)

    def test_the_search_page_labels_the_new_types(self):
        html = self.client.get("/en/search/", {"type": "infrastructure"}).content.decode()
        self.assertIn("Research icebreaker access", html)
        self.assertIn('value="infrastructure" checked', html)


class NodeDirectorySearchTests(DirectorySearch, EngineTestCase):
    engine_name = ENGINE


class DatabaseDirectorySearchTests(DirectorySearch, EngineTestCase):
    engine_name = "database"
