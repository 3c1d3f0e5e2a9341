"""Bad input gets a 400 with a message naming the field, or a sane default; never a 500."""

from tests.search.engine import EngineTestCase

REJECTED = [
    ({"q": "x" * 1001}, "q"),
    ({"page": "0"}, "page"),
    ({"page": "-1"}, "page"),
    ({"page": "abc"}, "page"),
    ({"page": "1.5"}, "page"),
    ({"sort": "popular"}, "sort"),
    ({"lang": "xx"}, "lang"),
    ({"topic": "no-such-topic"}, "topic"),
    ({"member": "nobody"}, "member"),
    ({"region": "atlantis"}, "region"),
    ({"type": "video"}, "type"),
    ({"language": "zz"}, "language"),
    ({"year": "last"}, "year"),
]


class BadInputTests:
    def test_rejected_with_a_message_naming_the_field(self):
        for params, field in REJECTED:
            with self.subTest(params=params):
                response = self.client.get("/api/search/", params)
                self.assertEqual(response.status_code, 400)
                body = response.json()
                self.assertEqual(body["field"], field)
                self.assertTrue(body["error"])

    def test_html_page_shows_the_error_with_status_400(self):
        response = self.client.get("/en/search/", {"page": "abc"})
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, "page must be a whole number", status_code=400)

    def test_a_1000_character_query_is_answered(self):
        answer = self.api(q=("sea ice " * 200)[:1000])
        self.assertGreaterEqual(answer["total"], 1)

    def test_page_beyond_the_end_gives_the_last_page(self):
        answer = self.api(page="50")
        self.assertEqual(answer["page"], answer["pages"])
        self.assertTrue(answer["results"])

    def test_empty_and_repeated_values_are_harmless(self):
        answer = self.api(q="   ", topic=["", "sea-ice", "sea-ice"], sort="")
        self.assertEqual(answer["total"], 3)

    def test_suggest_with_bad_input(self):
        self.assertEqual(self.client.get("/api/search/suggest/", {"lang": "xx"}).status_code, 400)
        response = self.client.get("/api/search/suggest/", {"q": "x" * 5000})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.client.get("/api/search/suggest/").json(), {"suggestions": []})

    def test_post_is_not_allowed(self):
        self.assertEqual(self.client.post("/api/search/").status_code, 405)


class NodeBadInputTests(BadInputTests, EngineTestCase):
    """On the node of the engine under test (SEARCH_TEST_ENGINE)."""


class DatabaseBadInputTests(BadInputTests, EngineTestCase):
    engine_name = "database"
