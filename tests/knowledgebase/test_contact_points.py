"""A member's contact points: the role is public; the name and e-mail only when the
person agreed to be listed, on every surface readers reach."""

import json

from django.test import override_settings

import pytest

from search.documents import build_group_documents
from tests import factories as f
from tests.conftest import translate

pytestmark = pytest.mark.django_db

AGREED = {
    "role": "Data steward",
    "name": "Ada Listwell",
    "email": "ada@example.org",
    "agreed_to_be_listed": True,
}
NOT_AGREED = {
    "role": "Station safety officer",
    "name": "Nils Quietberg",
    "email": "nils@example.org",
    "agreed_to_be_listed": False,
}
PERSONAL = ("Quietberg", "nils@example.org")


@pytest.fixture
def member(tree):
    member = f.MemberPageFactory(
        parent=tree.members,
        slug="sfsn",
        title="Svalbard safety network",
        acronym="SFSN",
        expertise="Polar bear safety training.",
        contact_points=[("contact_point", AGREED), ("contact_point", NOT_AGREED)],
    )
    f.GuidePageFactory(parent=tree.guides, title="Camp alarms", members=[member])
    return member


def test_the_member_page_lists_roles_and_only_agreed_names(client, member):
    html = client.get("/en/members/sfsn/").content.decode()

    assert "Data steward" in html and "Ada Listwell" in html
    assert '<a href="mailto:ada@example.org">ada@example.org</a>' in html
    assert "Station safety officer" in html
    assert "Polar bear safety training." in html
    for text in PERSONAL:
        assert text not in html


def test_a_translation_keeps_the_rule(client, member, french_tree):
    translate(member, "fr", title="Réseau de sécurité du Svalbard")

    html = client.get("/fr/members/sfsn/").content.decode()

    assert "Ada Listwell" in html
    for text in PERSONAL:
        assert text not in html


@override_settings(SEARCH_ENGINE="database")
def test_nothing_personal_reaches_search_or_the_other_surfaces(client, member):
    documents = json.dumps(build_group_documents(member.translation_key))
    assert "Polar bear safety training." in documents  # expertise is searchable
    for text in (*PERSONAL, "Ada Listwell"):  # contact points are not indexed at all
        assert text not in documents
    assert client.get("/api/search/", {"q": "Quietberg"}).json()["total"] == 0

    for url in (
        "/api/search/?q=safety",
        "/en/members/",
        "/en/members/?topic=",
        "/en/network/",
        "/en/numbers/",
        "/en/numbers.json",
        "/en/feed/",
        "/en/feed/?member=sfsn",
        "/en/embed/?member=sfsn",
        "/oai/?verb=ListRecords&metadataPrefix=oai_dc",
        "/oai/?verb=ListSets",
        "/sitemap.xml",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        content = response.content.decode()
        for text in PERSONAL:
            assert text not in content, url
