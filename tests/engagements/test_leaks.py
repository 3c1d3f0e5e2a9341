"""The register never reaches a reader: after an engagement and a "no visits" period are
recorded with words found nowhere else, no public surface, in any language, says any
of them, and the register's admin addresses turn away those without a role."""

from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

import pytest

from tests import factories as f
from tests.conftest import translate
from tests.engagements.helpers import engagement, no_visits, register

pytestmark = pytest.mark.django_db

# Words of the register found nowhere else, so that finding one anywhere is a leak.
MARKERS = ("zorvaquill", "Tiriganiaq Brennholt", "brennholt-contact@example.org", "vexmorrow")
LANGUAGES = ("en", "fr")


@pytest.fixture
def recorded(tree, french_tree):
    people = register(tree)
    translate(people.ice, "fr")
    guide = f.GuidePageFactory(parent=tree.guides, title="Ice camp safety", members=[people.ice])
    translate(guide, "fr")
    item = engagement(
        people.kalaallit,
        [people.ice],
        purpose="Workshop on zorvaquill nets",
        contact_name="Tiriganiaq Brennholt",
        contact_email="brennholt-contact@example.org",
    )
    no_visits(people.kalaallit, 0, 30, reason="The vexmorrow hunt")
    return people, item


def public_surfaces(language):
    return [
        f"/{language}/",
        f"/{language}/guides/",
        f"/{language}/members/",
        f"/{language}/members/ice/",
        f"/{language}/guides/ice-camp-safety/",
        f"/{language}/search/?q=",
        f"/{language}/glossary/",
        f"/{language}/network/",
        f"/{language}/numbers/",
        f"/{language}/numbers.json",
        f"/{language}/numbers.csv",
        f"/{language}/feed/",
        f"/{language}/feed/?member=ice",
        f"/{language}/embed/?member=ice",
        f"/api/search/?lang={language}",
    ]


HARVESTERS = [
    "/sitemap.xml",
    "/oai/?verb=ListRecords&metadataPrefix=oai_dc",
    "/oai/?verb=ListRecords&metadataPrefix=oai_datacite",
    "/oai/?verb=ListSets",
    "/healthz",
]


def assert_no_marker(text, where):
    found = [marker for marker in MARKERS if marker.lower() in text.lower()]
    assert found == [], f"the register on {where}"


def test_no_public_surface_shows_the_register(client, recorded):
    people, _item = recorded
    for user in (None, people.reader, people.sami_reviewer):
        if user is not None:
            client.force_login(user)
        for address in HARVESTERS + [a for code in LANGUAGES for a in public_surfaces(code)]:
            response = client.get(address)
            assert response.status_code < 500, address
            assert_no_marker(response.content.decode(), address)


def test_searching_for_the_register_finds_nothing(client, recorded):
    """The search page repeats the query; nothing else of the register may follow it."""
    for language in LANGUAGES:
        for word in ("zorvaquill", "Brennholt", "vexmorrow"):
            answer = client.get("/api/search/", {"lang": language, "q": word}).json()
            assert (answer["total"], answer["results"]) == (0, []), (language, word)
            suggest = client.get("/api/search/suggest/", {"lang": language, "q": word[:5]})
            assert suggest.json()["suggestions"] == [], (language, word)
            page = client.get(f"/{language}/search/", {"q": word}).content.decode()
            assert_no_marker(page.replace(word, ""), f"the {language} search page for {word}")


def test_the_archive_export_leaves_the_register_out(recorded, tmp_path):
    call_command("export_archive", "--out", str(tmp_path / "archive"), stdout=StringIO())
    files = [path for path in (tmp_path / "archive").rglob("*") if path.is_file()]
    assert files
    for path in files:
        assert_no_marker(path.read_bytes().decode("utf-8", "replace"), str(path.name))


def test_the_register_has_no_public_address(client, recorded):
    people, item = recorded
    # address: whether another community's reviewer may open it (their own, empty, list)
    admin_urls = {
        reverse("engagements:index"): True,
        reverse("engagements:inspect", args=[item.pk]): False,
        reverse("engagements:edit", args=[item.pk]): False,
        reverse("engagements:history", args=[item.pk]): False,
        reverse("no_visit_periods:index"): True,
    }
    for user in (None, people.reader, people.sami_reviewer):
        if user is not None:
            client.force_login(user)
        for address, reviewer_opens in admin_urls.items():
            response = client.get(address)
            assert_no_marker(response.content.decode(), address)
            if user != people.sami_reviewer or not reviewer_opens:
                assert response.status_code in (302, 403), (user, address)
    client.force_login(get_user_model().objects.create_superuser("root", "root@example.org", "pw"))
    for address in ("/django-admin/engagements/engagement/", "/en/engagements/", "/api/v2/"):
        assert client.get(address, follow=True).status_code == 404, address
