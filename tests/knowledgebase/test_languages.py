"""Language choice, honest fallbacks and interface strings for every configured language."""

import re

from django.conf import settings
from django.test import TestCase
from django.utils import translation

from wagtail.models import Locale
from wagtail_localize.models import LocaleSynchronization

import polib

from knowledgebase.languages import catalogue_entries
from tests import factories as f
from tests.conftest import alternates, build_tree, translate

LANGUAGES = [code for code, _name in settings.LANGUAGES]


class LanguageChoiceTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_tree()
        for page in vars(cls.tree).values():
            translate(page, "fr")
        cls.guide = f.GuidePageFactory(parent=cls.tree.guides, title="Sea-ice travel")
        translate(cls.guide, "fr", title="Déplacements sur la banquise")
        english = Locale.objects.get(language_code="en")
        for code in LANGUAGES[1:]:  # every other language mirrors the English tree
            LocaleSynchronization.objects.update_or_create(
                locale=f.LocaleFactory(language_code=code), defaults={"sync_from": english}
            )

    def test_site_root_follows_accept_language(self):
        for header, expected in (
            ("kl", "/kl/"),
            ("fr-CA,fr;q=0.9", "/fr/"),
            ("es", "/en/"),
            ("iu,en;q=0.5", "/iu/"),
        ):
            with self.subTest(header=header):
                response = self.client.get("/", HTTP_ACCEPT_LANGUAGE=header)
                self.assertRedirects(response, expected, fetch_redirect_response=False)

    def test_language_read_last_is_remembered(self):
        response = self.client.get("/nb/")
        self.assertEqual(response.cookies[settings.LANGUAGE_COOKIE_NAME].value, "nb")
        again = self.client.get("/", HTTP_ACCEPT_LANGUAGE="fr")
        self.assertRedirects(again, "/nb/", fetch_redirect_response=False)

    def test_every_language_home_has_its_lang_and_all_alternates(self):
        for code in LANGUAGES:
            with self.subTest(language=code):
                html = self.client.get(f"/{code}/").content.decode()
                self.assertIn(f'<html lang="{code}"', html)
                self.assertEqual(set(alternates(html)), {*LANGUAGES, "x-default"})

    def test_selector_lists_native_names_and_marks_the_current_one(self):
        html = self.client.get("/kl/").content.decode()
        selector = re.search(r'<nav class="languages".*?</nav>', html, re.S).group(0)
        for name in ("Kalaallisut", "Davvisámegiella", "ᐃᓄᒃᑎᑐᑦ", "Norsk (bokmål)", "English"):
            self.assertIn(name, selector)
        self.assertIn('lang="kl" hreflang="kl" aria-current="true">Kalaallisut</a>', selector)
        self.assertEqual(selector.count("aria-current"), 1)

    def test_selector_leads_to_the_same_page_in_the_other_language(self):
        html = self.client.get(self.guide.url).content.decode()
        french = self.guide.get_translation(Locale.objects.get(language_code="fr"))
        self.assertIn(f'<a href="{french.url}" lang="fr"', html)

    def test_missing_translation_is_shown_in_the_source_with_a_notice(self):
        response = self.client.get("/kl/guides/" + self.guide.slug + "/")
        html = response.content.decode()
        self.assertEqual(response.status_code, 200)
        self.assertIn('<html lang="kl"', html)
        self.assertIn('<h1 lang="en">', html)
        self.assertIn('<div class="body" lang="en">', html)
        notice = re.search(r'<aside class="notice".*?</aside>', html, re.S).group(0)
        self.assertIn("Kalaallisut", notice)
        self.assertIn('hreflang="fr">Français</a>', notice)
        self.assertIn('hreflang="en">English</a>', notice)

    def test_lists_mark_items_not_yet_translated(self):
        other = f.GuidePageFactory(parent=self.tree.guides, title="Glacier travel")
        LocaleSynchronization.objects.get(locale__language_code="fr").sync_trees()
        html = self.client.get("/fr/guides/").content.decode()
        self.assertIn("Déplacements sur la banquise", html)
        item = re.search(r'<li class="card" lang="en">.*?</li>', html, re.S).group(0)
        self.assertIn(other.title, item)
        self.assertIn('class="untranslated"', item)


class InterfaceStringTests(TestCase):
    def test_every_language_has_a_catalogue(self):
        for code in LANGUAGES[1:]:
            with self.subTest(language=code):
                self.assertTrue(translation.trans_real.check_for_language(code))

    def test_missing_kalaallisut_strings_fall_back_to_english(self):
        catalogue = polib.pofile(str(settings.LOCALE_PATHS[0] / "kl/LC_MESSAGES/django.po"))
        for entry in catalogue:
            if entry.msgid_plural or entry.obsolete:
                continue
            with self.subTest(msgid=entry.msgid), translation.override("kl"):
                shown = translation.gettext(entry.msgid)
                expected = entry.msgstr if entry.translated() else entry.msgid
                self.assertEqual(shown, expected)
                self.assertTrue(shown.strip())

    def test_the_catalogue_entries_fallback_marks_rely_on_are_listed(self):
        """Marking English fallback text lists a catalogue's entries through the one wrapper
        around gettext's private catalogue; an upgrade that removes it fails here."""
        catalogue = polib.pofile(str(settings.LOCALE_PATHS[0] / "se/LC_MESSAGES/django.po"))
        expected = {
            (entry.msgid, entry.msgstr)
            for entry in catalogue
            if entry.translated() and not entry.msgid_plural and not entry.msgctxt
        }
        self.assertTrue(expected)
        self.assertLessEqual(expected, set(catalogue_entries("se")))
