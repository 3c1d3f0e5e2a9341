"""Hostile input: every parameter of the search page, the API and suggest is checked.

Wrong values get a 400 naming the field (JSON on the API), never a 500, on the
database engine and on OpenSearch. Hypothesis throws generated parameters at
all three addresses; the explicit cases are the reported ones.
"""

from urllib.parse import quote, quote_from_bytes, urlencode

from django.conf import settings as django_settings
from django.test import Client, TestCase, override_settings

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase as HypothesisTestCase

from tests.conftest import build_tree
from tests.search.engine import ENGINE, EngineTestCase

ADDRESSES = ("/api/search/", "/api/search/suggest/", "/en/search/")
PARAMETERS = ("q", "topic", "member", "type", "region", "language", "year", "sort", "page", "lang")
UNICODE_DIGITS = ("²", "³", "¹", "①", "٣", "𝟙", "１")

# Values that once broke something or sit on a boundary, next to arbitrary text.
TRICKY_VALUES = (
    *UNICODE_DIGITS,
    "",
    " ",
    "0",
    "-1",
    "1000",
    "1001",
    "1e3",
    "9" * 30,
    "\x00",
    "ab\x00",
    "\x1b[31m",
    "\t\n",
    "\u202e",
    '"',
    "\\",
    "*",
    "<script>alert(1)</script>",
    "AND OR NOT ( ) [ ] { } ~ ^ :",
    "sea-ice",
    "arice",
    "guide",
    "fr",
    "kl",
    "2024",
    "٢٠٢٤",
    "newest",
    "x" * 1001,
    "ᐃᓄᒃᑎᑐᑦ",
)
text = st.text(st.characters(exclude_categories=("Cs",)), max_size=30)
values = st.lists(st.one_of(st.sampled_from(TRICKY_VALUES), text), min_size=1, max_size=3)
parameters = st.dictionaries(st.sampled_from(PARAMETERS), values, max_size=6)
# Raw query strings: any bytes, percent-encoded, invalid UTF-8 included.
raw_query_strings = st.lists(
    st.tuples(st.sampled_from(PARAMETERS), st.binary(max_size=20)), max_size=5
).map(lambda pairs: "&".join(f"{name}={quote_from_bytes(value)}" for name, value in pairs))

# The same tests run on both engines (two executors): derandomized, so they replay alike.
FUZZ = settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.differing_executors],
)


class HostileInputTests:
    """Generated requests only read, but Hypothesis still gives each its own transaction."""

    def get(self, address, **params):
        return self.client.get(address, params)

    def assert_rejected(self, response, field):
        self.assertEqual(response.status_code, 400, response.content[:300])
        if response["Content-Type"] == "application/json":
            body = response.json()
            self.assertEqual(body["field"], field)
            self.assertTrue(body["error"])

    def assert_answered_sanely(self, address, query_string):
        response = self.client.get(f"{address}?{query_string}")
        self.assertLess(response.status_code, 500, f"{address}?{query_string}")
        if not address.startswith("/api/"):
            return
        self.assertEqual(response["Content-Type"], "application/json")
        body = response.json()
        if response.status_code == 400:
            self.assertTrue(body["error"])
            self.assertIn(body["field"], PARAMETERS)
        elif address == "/api/search/" and self.engine_name != "database":
            self.assertFalse(body["fallback"], f"the engine refused ?{query_string}")

    # The reported cases ---------------------------------------------------------

    def test_page_numbers_must_be_ascii_digits(self):
        for digit in UNICODE_DIGITS:
            with self.subTest(page=digit):
                self.assert_rejected(self.get("/api/search/", page=digit), "page")
                response = self.get("/en/search/", page=digit)
                self.assertContains(response, "page must be a whole number", status_code=400)

    def test_years_must_be_ascii_digits(self):
        self.assert_rejected(self.get("/api/search/", year="٢٠٢٤"), "year")

    def test_control_characters_in_the_search_text_are_refused(self):
        for text in ("ab\x00", "sea\x00ice", "ice\x1b[0m", "ice\x7f"):
            with self.subTest(q=text):
                self.assert_rejected(self.get("/api/search/", q=text), "q")
                self.assert_rejected(self.get("/api/search/suggest/", q=text), "q")
                self.assertEqual(self.get("/en/search/", q=text).status_code, 400)

    def test_whitespace_is_not_a_control_character(self):
        answer = self.api(q="sea\tice\ntravel")
        self.assertEqual(answer["query"], "sea ice travel")
        self.assertEqual(answer["results"][0]["title"], "Sea-ice travel safety")

    def test_too_many_values_of_one_facet(self):
        params = urlencode({"year": [str(year) for year in range(1900, 2050)]}, doseq=True)
        self.assert_rejected(self.client.get(f"/api/search/?{params}"), "year")

    def test_too_many_parameters_get_a_json_400(self):
        response = self.client.get("/api/search/?" + "&".join(["q=ice"] * 10_001))
        self.assertEqual(response.status_code, 400)
        body = response.json()
        self.assertTrue(body["error"])
        self.assertIsNone(body["field"])

    # Generated input -----------------------------------------------------------

    @FUZZ
    @given(address=st.sampled_from(ADDRESSES), params=parameters)
    def test_generated_parameters_never_give_a_server_error(self, address, params):
        self.assert_answered_sanely(address, urlencode(params, doseq=True))

    @FUZZ
    @given(address=st.sampled_from(ADDRESSES), query_string=raw_query_strings)
    def test_generated_bytes_never_give_a_server_error(self, address, query_string):
        self.assert_answered_sanely(address, query_string)


class NodeHostileInputTests(HostileInputTests, EngineTestCase, HypothesisTestCase):
    engine_name = ENGINE


class DatabaseHostileInputTests(HostileInputTests, EngineTestCase, HypothesisTestCase):
    engine_name = "database"


class ApiErrorsAreJsonTests(TestCase):
    """Errors that never reach an API view still answer in the API's JSON shape."""

    def assert_json_error(self, response, status):
        self.assertEqual(response.status_code, status)
        self.assertEqual(response["Content-Type"], "application/json")
        body = response.json()
        self.assertTrue(body["error"])
        self.assertIn("field", body)
        return body

    def test_unknown_api_address(self):
        self.assert_json_error(self.client.get("/api/no-such-thing/"), 404)

    def test_wrong_method_keeps_the_allow_header(self):
        response = self.client.post("/api/search/suggest/")
        self.assert_json_error(response, 405)
        self.assertEqual(response["Allow"], "GET")

    @override_settings(ROOT_URLCONF="tests.search.broken_urls")
    def test_a_failing_view_answers_a_json_500(self):
        client = Client(raise_request_exception=False)
        with self.assertLogs("django.request", "ERROR"):
            response = client.get("/api/broken/")
        body = self.assert_json_error(response, 500)
        self.assertNotIn("RuntimeError", body["error"])

    def test_pages_keep_their_html_error_pages(self):
        response = self.client.get("/en/search/", {"page": "²"})
        self.assertEqual(response.status_code, 400)
        self.assertIn("text/html", response["Content-Type"])


class HostileLanguageHintsTests(HypothesisTestCase):
    """The reader's language comes from the cookie and Accept-Language too."""

    @classmethod
    def setUpTestData(cls):
        build_tree()

    @settings(max_examples=60, deadline=None, derandomize=True, database=None)
    @given(
        address=st.sampled_from(("/", "/xx/", "/en/search/", "/api/search/")),
        accept_language=st.one_of(st.sampled_from(("kl", "*;q=x", "x" * 600, "en;q=1e9")), text),
        cookie=st.one_of(st.sampled_from(("", "iu", "EN", "zz-ZZ")), text),
    )
    def test_generated_language_hints_never_give_a_server_error(
        self, address, accept_language, cookie
    ):
        self.client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = quote(cookie)
        header = accept_language.encode().decode("latin-1")  # as a WSGI server passes it on
        response = self.client.get(address, HTTP_ACCEPT_LANGUAGE=header)
        self.assertLess(response.status_code, 500)
