"""Glossary terms are translated like every other item: in the admin through
wagtail-localize, and offline through the PO round trip; the status report counts them."""

import json
import shutil
import tempfile
from io import StringIO
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import TestCase

from wagtail.models import Locale

import polib

from knowledgebase.models import GlossaryTerm
from tests import factories as f
from tests.conftest import build_tree

from .helpers import localize


def call(name, *args, **options):
    stdout = StringIO()
    call_command(name, *args, stdout=stdout, stderr=StringIO(), **options)
    return stdout.getvalue()


class GlossaryTranslationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        tree = build_tree()
        localize(tree.home, "kl")
        cls.term = f.GlossaryTermFactory(
            key="sea-ice",
            label="sea ice",
            synonyms="marine ice\nsea-ice cover",
            definition="Ice formed by freezing seawater.",
        )

    def setUp(self):
        self.out = Path(tempfile.mkdtemp())
        self.addCleanup(shutil.rmtree, self.out)

    def kalaallisut_state(self):
        data = json.loads(call("translation_status", locale="kl", json=True))
        items = data["locales"][0]["items"]
        return next(item["state"] for item in items if item["type"] == "glossaryterm")

    def test_po_round_trip_creates_the_translated_term_which_readers_then_see(self):
        self.assertEqual(self.kalaallisut_state(), "missing")
        call("export_translations", locale="kl", out=str(self.out), include_all=True)
        path = self.out / "glossaryterm-sea-ice.kl.po"
        po = polib.pofile(str(path))
        synonyms = "marine ice<br/>sea-ice cover"  # one text, a line each
        self.assertEqual(
            {entry.msgid for entry in po},
            {"sea ice", synonyms, "Ice formed by freezing seawater."},
        )
        translations = {
            "sea ice": "siku",
            synonyms: "imaani siku<br/>sikut",
            "Ice formed by freezing seawater.": "Imaq qerisoq.",
        }
        for entry in po:
            entry.msgstr = translations[entry.msgid]
        po.save(str(path))

        output = call("import_translations", str(path))

        self.assertIn("snippet created", output)
        term = GlossaryTerm.objects.get(key="sea-ice", locale__language_code="kl")
        self.assertEqual(
            (term.label, term.synonym_list(), term.definition),
            ("siku", ["imaani siku", "sikut"], "Imaq qerisoq."),
        )
        self.assertEqual(self.kalaallisut_state(), "translated")
        page = self.client.get("/kl/glossary/").content.decode()
        self.assertIn('<dt lang="kl">siku</dt>', page)
        self.assertIn('<span lang="kl">imaani siku</span>, <span lang="kl">sikut</span>', page)
        self.assertIn('<p lang="kl">Imaq qerisoq.</p>', page)

    def test_a_partly_translated_term_is_outdated(self):
        localize(self.term, "kl", translator={"sea ice": "siku"}.get)
        self.assertEqual(self.kalaallisut_state(), "outdated")

    def test_translators_submit_and_edit_a_term_in_the_admin(self):
        admin = get_user_model().objects.create_superuser("admin", "a@example.org", "pw")
        self.client.force_login(admin)
        kalaallisut = Locale.objects.get(language_code="kl")
        submit_url = f"/admin/localize/submit/snippet/knowledgebase/glossaryterm/{self.term.pk}/"

        response = self.client.post(submit_url, {"locales": [kalaallisut.pk]})

        self.assertEqual(response.status_code, 302)
        target = GlossaryTerm.objects.get(key="sea-ice", locale=kalaallisut)
        response = self.client.get(f"/admin/snippets/knowledgebase/glossaryterm/edit/{target.pk}/")
        self.assertTemplateUsed(response, "wagtail_localize/admin/edit_translation.html")
        self.assertContains(response, "Ice formed by freezing seawater.")
