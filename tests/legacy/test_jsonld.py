"""schema.org JSON-LD on guide, lesson and legacy output pages: it parses, names the PID,
the licence, the members and the other language versions, cannot break out of its
script element, and a real browser reports no Content-Security-Policy violation."""

import json
import re
import subprocess

from django.test import LiveServerTestCase, TestCase, override_settings

from wagtail.models import PageViewRestriction

from tests import factories as f
from tests.conftest import build_tree, translate
from tests.knowledgebase.test_security_headers import chromium

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def json_ld(client, page):
    """The page's JSON-LD blocks, parsed."""
    response = client.get(page.url)
    assert response.status_code == 200
    return [json.loads(block) for block in JSON_LD.findall(response.content.decode())]


class JsonLdTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_tree()
        cls.member = publish(
            f.MemberPageFactory(parent=cls.tree.members, title="Ice Network", acronym="ICE")
        )
        cls.hidden_member = publish(
            f.MemberPageFactory(parent=cls.tree.members, title="Hidden Project", acronym="HID")
        )
        PageViewRestriction.objects.create(page=cls.hidden_member, restriction_type="login")
        cls.dataset = publish(
            f.OutputPageFactory(
                parent=cls.tree.outputs,
                title="Sea-ice thickness 2019",
                identifier="https://doi.org/10.5072/polarkb.ds.1",
                members=[cls.member, cls.hidden_member],
            )
        )
        cls.guide = publish(
            f.GuidePageFactory(parent=cls.tree.guides, title="Sea-ice travel", members=[cls.member])
        )
        translate(cls.tree.home, "fr")
        translate(cls.tree.guides, "fr")
        cls.french_guide = translate(cls.guide, "fr", title="Voyager sur la banquise")

    def test_an_output_names_its_pid_licence_and_members(self):
        [data] = json_ld(self.client, self.dataset)
        self.assertEqual(data["@context"], "https://schema.org")
        self.assertEqual(data["@type"], "Dataset")
        self.assertEqual(data["name"], "Sea-ice thickness 2019")
        self.assertEqual(
            data["identifier"],
            {
                "@type": "PropertyValue",
                "propertyID": "DOI",
                "value": "10.5072/polarkb.ds.1",
                "url": "https://doi.org/10.5072/polarkb.ds.1",
            },
        )
        self.assertEqual(data["license"], "https://creativecommons.org/licenses/by/4.0/")
        self.assertEqual([creator["name"] for creator in data["creator"]], ["Ice Network (ICE)"])
        self.assertEqual(data["inLanguage"], "en")
        self.assertTrue(data["dateModified"].startswith(str(self.dataset.last_published_at.date())))

    def test_each_kind_of_item_has_its_type(self):
        cases = [
            (f.OutputPageFactory, self.tree.outputs, {"kind": "software"}, "SoftwareSourceCode"),
            (f.OutputPageFactory, self.tree.outputs, {"kind": "report"}, "Report"),
            (f.OutputPageFactory, self.tree.outputs, {"kind": "training"}, "LearningResource"),
            (f.LessonPageFactory, self.tree.lessons, {}, "LearningResource"),
            (f.GuidePageFactory, self.tree.guides, {}, "HowTo"),
        ]
        for factory, parent, fields, expected in cases:
            with self.subTest(expected=expected, **fields):
                [data] = json_ld(self.client, publish(factory(parent=parent, **fields)))
                self.assertEqual(data["@type"], expected)

    def test_a_handle_is_named_as_such(self):
        output = publish(
            f.OutputPageFactory(parent=self.tree.outputs, identifier="hdl:11304/abc-123")
        )
        [data] = json_ld(self.client, output)
        self.assertEqual(data["identifier"]["propertyID"], "Handle")
        self.assertEqual(data["identifier"]["url"], "https://hdl.handle.net/11304/abc-123")

    def test_language_versions_point_to_each_other(self):
        [english] = json_ld(self.client, self.guide)
        [french] = json_ld(self.client, self.french_guide)
        self.assertEqual(
            [(work["inLanguage"], work["@id"]) for work in english["workTranslation"]],
            [("fr", french["@id"])],
        )
        self.assertEqual(french["inLanguage"], "fr")
        self.assertEqual(french["name"], "Voyager sur la banquise")
        self.assertEqual(french["translationOfWork"]["@id"], english["@id"])
        self.assertNotIn("translationOfWork", english)

    def test_text_cannot_end_the_script_element(self):
        title = 'Ice </script><script>alert("x")</script> & <!-- more'
        output = publish(f.OutputPageFactory(parent=self.tree.outputs, title=title, slug="ice"))
        html = self.client.get(output.url).content.decode()
        self.assertNotIn("<script>alert", html)
        [block] = JSON_LD.findall(html)
        self.assertNotIn("<", block)
        self.assertEqual(json.loads(block)["name"], title)

    def test_member_pages_carry_none(self):
        self.assertEqual(json_ld(self.client, self.member), [])


@override_settings(ROOT_URLCONF="tests.knowledgebase.inline_script_urls")
class JsonLdInBrowserTests(LiveServerTestCase):
    def console_of(self, path):
        """What Chromium reports while loading a page (CSP violations among it)."""
        command = [
            chromium(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--enable-logging=stderr",
            "--v=0",
            "--dump-dom",
        ]
        result = subprocess.run(
            [*command, f"{self.live_server_url}{path}"], capture_output=True, text=True, timeout=60
        )
        self.assertIn("</html>", result.stdout, result.stderr[-2000:])
        return result.stderr

    def test_the_json_ld_block_breaks_no_content_security_policy(self):
        tree = build_tree()
        output = publish(f.OutputPageFactory(parent=tree.outputs, title="Sea-ice thickness"))
        self.assertNotIn("Content Security Policy", self.console_of(output.url))
        # The check sees a violation where there is one: an inline script on a public page.
        self.assertIn("Content Security Policy", self.console_of("/en/inline-script/"))
