"""Local Contexts notices are shown on the page in the reader's language."""

from tests import factories as f
from tests.conftest import translate


def test_notices_are_shown_in_the_readers_language(tree, french_tree, client):
    french = f.LocaleFactory(language_code="fr")
    knowledge = f.CulturalNoticeFactory(
        key="tk", label="Traditional Knowledge notice", text="Shared by Inuit families."
    )
    translated = knowledge.copy_for_translation(french)
    translated.label, translated.text = (
        "Notice Savoirs traditionnels",
        "Partagé par des familles inuit.",
    )
    translated.save()
    biocultural = f.CulturalNoticeFactory(
        key="bc", kind="bc", label="Biocultural notice", text="Samples from Inuit lands."
    )
    guide = f.GuidePageFactory(
        parent=tree.guides,
        slug="ice-lore",
        notices=[knowledge, biocultural],
    )
    translate(guide, "fr", title="Savoirs de la glace")

    english_page = client.get("/en/guides/ice-lore/")
    assert english_page.status_code == 200
    assert "Traditional Knowledge notice" in english_page.content.decode()
    assert "Shared by Inuit families." in english_page.content.decode()

    french_page = client.get("/fr/guides/ice-lore/").content.decode()
    assert "Notice Savoirs traditionnels" in french_page
    assert "Partagé par des familles inuit." in french_page
    assert "Traditional Knowledge notice" not in french_page
    # not translated yet: shown in English, marked as such
    assert '<section class="notice notice-bc" lang="en">' in french_page
    assert "Biocultural notice" in french_page
