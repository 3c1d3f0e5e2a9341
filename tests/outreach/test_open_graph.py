"""Open Graph and Twitter card metadata on every page, with the languages the page
exists in as locale alternates."""

import re

from wagtail.models import Locale

import pytest
import wagtail_factories

from tests import factories as f
from tests.conftest import translate

pytestmark = pytest.mark.django_db


def card(html):
    """{property or name: [contents]} of a page's og: and twitter: meta elements."""
    found = {}
    for name, content in re.findall(
        r'<meta (?:property|name)="((?:og|twitter):[\w:]+)" content="([^"]*)">', html
    ):
        found.setdefault(name, []).append(content)
    return found


def test_a_guide_card_names_its_translations_and_aliases(client, french_tree, tree):
    f.LocaleFactory(language_code="nb")
    guide = f.GuidePageFactory(parent=tree.guides, title="Sea ice safety", summary="Stay safe.")
    french = translate(guide, "fr", title="Sécurité sur la banquise", summary="Restez prudents.")
    for name in ("home", "guides"):  # the Norwegian tree: aliases, as wagtail-localize makes
        getattr(tree, name).copy_for_translation(Locale.objects.get(language_code="nb"), alias=True)
    guide.copy_for_translation(Locale.objects.get(language_code="nb"), alias=True)

    english = card(client.get(guide.url).content.decode())
    in_french = card(client.get(french.url).content.decode())

    assert english["og:title"] == ["Sea ice safety"]
    assert english["og:description"] == ["Stay safe."]
    assert english["og:type"] == ["article"]
    assert english["og:url"] == [f"http://testserver{guide.url}"]
    assert english["og:locale"] == ["en"]
    assert english["og:locale:alternate"] == ["fr", "nb"]
    assert english["twitter:card"] == ["summary"]
    assert "og:image" not in english
    assert in_french["og:title"] == ["Sécurité sur la banquise"]
    assert in_french["og:description"] == ["Restez prudents."]
    assert in_french["og:locale"] == ["fr"]
    assert in_french["og:locale:alternate"] == ["en", "nb"]


def test_an_untranslated_page_has_no_alternates(client, tree):
    guide = f.GuidePageFactory(parent=tree.guides)

    tags = card(client.get(guide.url).content.decode())

    assert tags["og:locale"] == ["en"]
    assert "og:locale:alternate" not in tags


def test_a_member_card_shows_its_logo(client, tree):
    logo = wagtail_factories.ImageFactory(title="ICE logo")
    member = f.MemberPageFactory(parent=tree.members, slug="ice", acronym="ICE", logo=logo)

    tags = card(client.get(member.url).content.decode())

    [image] = tags["og:image"]
    assert image.startswith("http://testserver/") and image.endswith((".png", ".jpg", ".gif"))
    assert tags["twitter:card"] == ["summary_large_image"]


def test_pages_that_are_not_pages_of_the_tree_have_cards_in_every_language(client, tree):
    tags = card(client.get("/fr/numbers/").content.decode())

    assert len(tags["og:title"]) == 1 and tags["og:description"]
    assert tags["og:locale"] == ["fr"]
    assert tags["og:locale:alternate"] == sorted(
        ["en", "de", "nb", "sv", "fi", "da", "is", "kl", "se", "iu"]
    )
    assert tags["og:url"] == ["http://testserver/fr/numbers/"]
