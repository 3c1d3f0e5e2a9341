"""The demo loader builds a realistic Cluster, changes nothing when run again,
and every demo page answers.

One load serves every test here: loading takes longer than all of them.
"""

import json
from io import StringIO

from django.core.management import call_command
from django.test import TestCase

from wagtail.models import Locale, Page, Revision

from demo.engagements import load_engagements
from engagements.models import Engagement, NoVisitPeriod
from knowledgebase import models as kb
from search.models import IndexedDocument


def snapshot():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "topics": kb.Topic.objects.count(),
        "regions": kb.Region.objects.count(),
        "glossary terms": kb.GlossaryTerm.objects.count(),
        "documents": IndexedDocument.objects.count(),
        "latest page change": Page.objects.order_by("-latest_revision_created_at")
        .values_list("latest_revision_created_at", flat=True)
        .first(),
    }


def overlaps():
    out = StringIO()
    call_command("engagement_overlaps", "--json", stdout=out)
    return json.loads(out.getvalue())


class DemoContentTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("load_demo_content", stdout=StringIO())
        cls.first = snapshot()

    def source(self, model):
        return model.objects.filter(locale__language_code="en", alias_of=None)

    def test_a_realistic_cluster(self):
        self.assertGreaterEqual(self.source(kb.MemberPage).count(), 10)
        self.assertGreaterEqual(self.source(kb.GuidePage).count(), 25)
        self.assertGreaterEqual(self.source(kb.LessonPage).count(), 15)
        self.assertGreaterEqual(self.source(kb.OutputPage).count(), 10)
        english = {"locale__language_code": "en"}
        self.assertGreaterEqual(kb.Topic.objects.filter(parent=None, **english).count(), 8)
        self.assertGreaterEqual(kb.Region.objects.filter(**english).count(), 6)
        self.assertTrue(any(m.is_legacy for m in self.source(kb.MemberPage)))

    def test_some_pages_are_translated_and_labelled_as_demo(self):
        labels = {
            "fr": "(Traduction de démonstration.)",
            "nb": "(Demooversettelse.)",
            "kl": "(Misiliutitut nutserisaq.)",
        }
        for code, label in labels.items():
            guides = kb.GuidePage.objects.filter(locale__language_code=code, alias_of=None)
            self.assertTrue(guides.exists())
            for guide in guides:
                with self.subTest(language=code, guide=guide.slug):
                    self.assertTrue(guide.summary.endswith(label), guide.summary)

    def test_demo_translations_say_they_are_unreviewed_machine_translations(self):
        guide = kb.GuidePage.objects.filter(locale__language_code="kl", alias_of=None).first()
        html = self.client.get(guide.url).content.decode()
        self.assertIn('class="provenance provenance-machine"', html)

    def test_a_multilingual_glossary_with_indigenous_names_marked_unreviewed(self):
        source_terms = kb.GlossaryTerm.objects.filter(locale__language_code="en")
        self.assertGreaterEqual(source_terms.count(), 60)
        names = kb.GlossaryTerm.names_by_key()
        self.assertEqual(names["polar-bear"]["kl"], ["nanoq"])
        self.assertEqual(names["polar-bear"]["iu"], ["ᓇᓄᖅ", "nanuq"])
        self.assertEqual(names["reindeer"]["se"], ["boazu"])
        self.assertEqual(names["sea-ice"]["fr"], ["glace de mer", "banquise"])
        for code in ("fr", "de", "nb", "sv", "fi", "da", "is"):
            with self.subTest(language=code):
                translated = kb.GlossaryTerm.objects.filter(locale__language_code=code)
                self.assertGreaterEqual(translated.count(), 30)
        html = self.client.get("/kl/glossary/").content.decode()
        self.assertIn('<dt lang="kl">nanoq</dt>', html)
        self.assertRegex(
            html, r'<b lang="kl">nanoq</b> <small class="provenance provenance-machine" lang="en">'
        )
        self.assertIn('<b lang="se">boazu</b>', html)

    def test_one_guide_approved_by_a_community_and_one_awaiting_consent(self):
        awaiting = self.source(kb.GuidePage).get(slug="reading-sea-ice-with-kalaallit-hunters")
        self.assertFalse(awaiting.live)
        self.assertEqual(awaiting.current_workflow_task.name, "Community consent")
        approved = self.source(kb.GuidePage).get(slug="co-production-indigenous-knowledge")
        self.assertEqual(approved.communities.get().key, "sami")
        self.assertContains(self.client.get(approved.url), "Traditional Knowledge notice")
        french = approved.get_translation(Locale.objects.get(language_code="fr"))
        self.assertContains(self.client.get(french.url), "Notice Savoirs traditionnels")

    def test_running_it_again_changes_nothing(self):
        out = StringIO()
        call_command("load_demo_content", stdout=out)
        self.assertIn("0 items created", out.getvalue())
        self.assertEqual(snapshot(), self.first)

    def test_every_real_page_and_a_sample_of_aliases_answer(self):
        real = Page.objects.live().filter(depth__gt=1, alias_of=None)
        aliases = Page.objects.live().exclude(alias_of=None).filter(locale__language_code="se")
        for page in [*real, *aliases[:20]]:
            with self.subTest(url=page.url):
                response = self.client.get(page.url)
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, f'<html lang="{page.locale.language_code}"')

    def test_a_demo_guide_shows_a_table_of_contents(self):
        guide = kb.GuidePage.objects.get(locale__language_code="en", slug="sea-ice-travel-safety")
        html = self.client.get(guide.url).content.decode()
        self.assertIn('<nav class="toc"', html)
        self.assertIn('href="#what-to-carry"', html)

    # The engagement register: two members' visits to the Kalaallit communities overlap,
    # and the Sámi herders' "no visits" period has a visit planned in it.

    def test_the_demo_overlap_and_no_visits_clash_are_listed(self):
        by_kind = {}
        for clash in overlaps():
            by_kind.setdefault(clash["kind"], []).append(clash)
        [overlap] = by_kind["overlap"]
        self.assertEqual(overlap["community"], "kalaallit")
        members = [member for item in overlap["engagements"] for member in item["members"]]
        expected = kb.MemberPage.objects.filter(
            slug__in=["face-it", "svalbard-field-safety-network"], locale__language_code="en"
        )
        self.assertEqual(sorted(members), sorted(expected.values_list("title", flat=True)))
        [clash] = by_kind["no_visits"]
        self.assertEqual(clash["community"], "sami")
        self.assertIn("calving", clash["period"]["reason"])

    def test_loading_the_engagements_again_adds_nothing(self):
        counts = Engagement.objects.count(), NoVisitPeriod.objects.count()
        self.assertEqual(counts, (4, 1))
        load_engagements(log=lambda message: None)
        self.assertEqual((Engagement.objects.count(), NoVisitPeriod.objects.count()), counts)
