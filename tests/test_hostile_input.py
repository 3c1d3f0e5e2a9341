"""Hostile input gets a 400, never a 500, on every address: one guard checks the path,
the query parameters and the form fields before any view runs, and the error pages
never read the body again.

The explicit cases are the reported ones; Hypothesis throws generated parameters,
form fields and charsets at every kind of address.
"""

from urllib.parse import quote, urlencode

from django.conf import settings as django_settings
from django.test import Client, TestCase

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase as HypothesisTestCase

from feedback.models import Feedback
from tests import factories as f
from tests.conftest import build_tree

FORM = "application/x-www-form-urlencoded"
UNREADABLE_CHARSETS = ("utf-16", "utf-32", "utf-7", "no-such-charset", "base64")
# A form page, a page, the admin's login and the CSRF-exempt feedback endpoint.
FORM_ADDRESSES = ("/en/contact/", "/en/", "/admin/login/", "/en/feedback/")
GET_ADDRESSES = (
    "/en/",
    "/fr/",
    "/en/guides/",
    "/en/contact/",
    "/en/search/",
    "/api/search/",
    "/api/search/suggest/",
    "/healthz",
    "/sitemap.xml",
    "/admin/login/",
)
CONTROL_CHARACTERS = ("\x00", "\x01", "\x08", "\x0b", "\x1b", "\x7f", "\x85")


class HostileInput:
    @classmethod
    def setUpTestData(cls):
        tree = build_tree()
        cls.guide = f.GuidePageFactory(parent=tree.guides, title="Sea-ice travel safety")

    def setUp(self):
        # As a browser that visited a form before: the CSRF check reads the body.
        self.client = Client(enforce_csrf_checks=True, raise_request_exception=True)
        self.client.cookies[django_settings.CSRF_COOKIE_NAME] = "x" * 32

    def post(self, address, body, content_type=FORM):
        return self.client.generic("POST", address, body.encode(), content_type=content_type)

    def assert_refused(self, response, field=None):
        self.assertEqual(response.status_code, 400, response.content[:300])
        self.assertIn("Content-Security-Policy", response)
        if response["Content-Type"] == "application/json":
            body = response.json()
            self.assertTrue(body["error"])
            self.assertEqual(body["field"], field)
        else:
            self.assertContains(response, "The request is not valid.", status_code=400)


class HostileInputTests(HostileInput, TestCase):
    def test_a_page_number_too_large_for_the_database_is_refused(self):
        for number in (
            "99999999999999999999",
            "-99999999999999999999",
            "9_999_999_999_999_999_999",
        ):
            with self.subTest(number=number):
                response = self.post("/en/feedback/", f"page={number}&useful=yes")
                self.assert_refused(response)
        self.assertFalse(Feedback.objects.exists())

    def test_a_number_that_fits_is_left_to_the_view(self):
        response = self.post("/en/feedback/", f"page={self.guide.pk}&useful=yes")
        self.assertEqual(response.status_code, 303)
        response = self.client.get("/api/search/", {"page": "9" * 18})
        self.assertEqual(response.json()["field"], "page")  # the search's own message

    def test_forms_in_an_unreadable_charset_are_refused(self):
        for address in FORM_ADDRESSES:
            for charset in UNREADABLE_CHARSETS:
                with self.subTest(address=address, charset=charset):
                    response = self.post(address, "name=a", f"{FORM}; charset={charset}")
                    self.assert_refused(response)

    def test_an_unreadable_charset_on_the_api_gets_its_json_error(self):
        response = self.client.get(
            "/api/search/", {"q": "ice"}, CONTENT_TYPE="text/plain; charset=utf-16"
        )
        self.assert_refused(response)

    def test_a_form_the_csrf_check_cannot_read_gets_the_400_page(self):
        """Django refuses a form that is not UTF-8 when it is read; the 400 page does not
        read it again (Django's own error pages do, for their CSRF token)."""
        response = self.post("/en/contact/", "name=a", f"{FORM}; charset=latin-1")
        self.assert_refused(response)

    def test_control_characters_in_query_parameters_are_refused(self):
        for character in CONTROL_CHARACTERS:
            with self.subTest(character=character):
                response = self.client.get("/en/contact/", {"member": character})
                self.assert_refused(response)
                response = self.client.get("/api/search/", {"q": f"sea{character}ice"})
                self.assert_refused(response, field="q")
                self.assert_refused(self.client.get("/en/", {f"a{character}": "1"}))

    def test_control_characters_in_form_fields_are_refused(self):
        response = self.post("/en/feedback/", f"page={self.guide.pk}&useful=yes&comment=a%00b")
        self.assert_refused(response)
        self.assertFalse(Feedback.objects.exists())

    def test_tabs_and_line_breaks_are_not_refused(self):
        comment = quote("Line one\r\nline two\tand more")
        response = self.post("/en/feedback/", f"page={self.guide.pk}&useful=yes&comment={comment}")
        self.assertEqual(response.status_code, 303)
        self.assertEqual(Feedback.objects.get().comment, "Line one\r\nline two\tand more")

    def test_a_control_character_in_the_address_is_refused(self):
        self.assert_refused(self.client.get("/en/guides%00/"))
        self.assert_refused(self.client.get("/api/search%01/"))

    def test_the_400_page_is_in_the_readers_language(self):
        response = self.client.get("/fr/contact/", {"member": "\x00"})
        self.assertContains(response, "La requête n’est pas valide.", status_code=400)
        self.assertContains(response, '<html lang="fr"', status_code=400)


TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=25)
HOSTILE = st.sampled_from(
    ("\x00", "a\x01b", "\x1b[0m", "9" * 25, "-" + "9" * 19, "١" * 20, "\t\r\n", "%00", "")
)
VALUES = st.one_of(HOSTILE, TEXT)
NAMES = st.one_of(st.sampled_from(("q", "page", "member", "useful", "comment", "name")), TEXT)
PARAMETERS = st.lists(st.tuples(NAMES, VALUES), max_size=5)
CHARSETS = st.one_of(
    st.none(), st.sampled_from(("utf-8", "UTF-8", "latin-1", *UNREADABLE_CHARSETS)), TEXT
)
FUZZ = settings(
    max_examples=200,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def has_control_character(pairs):
    refused = {chr(c) for c in (*range(0x20), *range(0x7F, 0xA0))} - set("\t\n\r")
    return any(refused & set(name + value) for name, value in pairs)


class GeneratedHostileInputTests(HostileInput, HypothesisTestCase):
    @FUZZ
    @given(address=st.sampled_from(GET_ADDRESSES), pairs=PARAMETERS)
    def test_generated_query_parameters_never_give_a_server_error(self, address, pairs):
        response = self.client.get(f"{address}?{urlencode(pairs)}")
        self.assertLess(response.status_code, 500)
        if has_control_character(pairs):
            self.assertEqual(response.status_code, 400)

    @FUZZ
    @given(address=st.sampled_from(FORM_ADDRESSES), pairs=PARAMETERS, charset=CHARSETS)
    def test_generated_forms_never_give_a_server_error(self, address, pairs, charset):
        content_type = FORM if charset is None else f"{FORM}; charset={quote(charset)}"
        response = self.post(address, urlencode(pairs), content_type)
        self.assertLess(response.status_code, 500)
        if has_control_character(pairs):
            self.assertEqual(response.status_code, 400)
