"""A 1,500-word guide without images transfers at most 60 KB (HTML + CSS + JS)."""

import gzip
import re

from django.contrib.staticfiles import finders
from django.test import TestCase

from tests import factories as f
from tests.conftest import build_tree

BUDGET = 60 * 1024
WORDS = ("ice", "station", "sledge", "radio", "check", "team", "route", "weather", "fuel", "camp")


def paragraph(n, words=50):
    return " ".join(WORDS[(n + i) % len(WORDS)] for i in range(words)).capitalize() + "."


class PageWeightTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        tree = build_tree()
        body = []
        for section in range(6):
            body.append(
                ("heading", {"text": f"Section {section + 1}", "level": "h2", "anchor": ""})
            )
            body.extend(("paragraph", f"<p>{paragraph(section * 5 + i)}</p>") for i in range(5))
        body.append(("checklist", {"title": "Pack", "items": ["Radio", "Ice axe", "Spare fuel"]}))
        body.append(
            ("callout", {"kind": "warning", "title": "Thin ice", "text": "<p>Turn back.</p>"})
        )
        topic = f.TopicFactory(key="sea-ice", name="Sea ice")
        member = f.MemberPageFactory(parent=tree.members)
        cls.guide = f.GuidePageFactory(
            parent=tree.guides, body=body, topics=[topic], members=[member]
        )

    def test_generated_guide_has_1500_words(self):
        text = re.sub(r"<[^>]+>", " ", self.client.get(self.guide.url).content.decode())
        self.assertGreaterEqual(len(re.findall(r"\w+", text)), 1500)

    def test_guide_page_weight_within_budget(self):
        html = self.client.get(self.guide.url).content
        assets = re.findall(rb'(?:href|src)="/static/([^"]+\.(?:css|js))"', html)
        # The stylesheet is inlined in the head (counted in the HTML) or linked (counted here).
        self.assertTrue(assets or b"<style>" in html, "the page should carry its stylesheet")
        asset_bytes = sum(len(open(finders.find(a.decode()), "rb").read()) for a in assets)
        total = len(html) + asset_bytes
        self.assertLessEqual(total, BUDGET, f"HTML {len(html)} B + assets {asset_bytes} B")

    def test_guide_is_sent_gzip_compressed_to_browsers_that_ask(self):
        plain = self.client.get(self.guide.url).content
        response = self.client.get(self.guide.url, headers={"accept-encoding": "gzip, br"})
        self.assertEqual(response["Content-Encoding"], "gzip")
        self.assertIn("Accept-Encoding", response["Vary"])
        compressed = response.content
        self.assertIn(self.guide.title.encode(), gzip.decompress(compressed))
        # Compressed, the 1,500-word guide is a fraction of its size.
        self.assertLess(len(compressed), len(plain) / 3, f"{len(compressed)} B of {len(plain)} B")

    def test_pages_with_a_csrf_token_are_not_compressed(self):
        """BREACH: a page that carries the CSRF token next to reflected input stays plain."""
        response = self.client.get(
            "/admin/login/?next=/admin/", headers={"accept-encoding": "gzip"}
        )
        self.assertContains(response, 'name="csrfmiddlewaretoken"')
        self.assertFalse(response.has_header("Content-Encoding"))
