"""The members directory: /<lang>/members/?topic=&region=&kind= lists the members with
that expertise or infrastructure, and the infrastructure itself, without JavaScript."""

import re

from wagtail.models import PageViewRestriction

import pytest

from tests import factories as f
from tests.conftest import translate

pytestmark = pytest.mark.django_db


def restricted(page):
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    return page


def unpublished(page):
    page.unpublish()
    return page


HIDING = {
    "restricted": lambda tree, **fields: restricted(f.InfrastructurePageFactory(**fields)),
    "draft": lambda tree, **fields: f.InfrastructurePageFactory(live=False, **fields),
    "unpublished": lambda tree, **fields: unpublished(f.InfrastructurePageFactory(**fields)),
    "awaiting consent": lambda tree, **fields: f.InfrastructurePageFactory(
        communities=[f.CommunityFactory()], **fields
    ),
}


@pytest.fixture
def directory(tree):
    fieldwork = f.TopicFactory(key="fieldwork-safety", name="Fieldwork & safety")
    sea_ice = f.TopicFactory(key="sea-ice-operations", name="Sea-ice operations", parent=fieldwork)
    data = f.TopicFactory(key="data-legacy", name="Data and legacy")
    arctic = f.RegionFactory(key="arctic", name="Arctic")
    svalbard = f.RegionFactory(key="svalbard", name="Svalbard", parent=arctic)
    antarctic = f.RegionFactory(key="antarctic", name="Antarctic")

    def member(slug, **fields):
        return f.MemberPageFactory(parent=tree.members, slug=slug, acronym=slug.upper(), **fields)

    safety = member("safety", title="Safety network", topics=[sea_ice], regions=[svalbard])
    archive = member("archive", title="Data rescue project", topics=[data], regions=[antarctic])
    ship = member("ship", title="Icebreaker consortium")
    quiet = member("quiet", title="Quiet project")
    f.InfrastructurePageFactory(
        parent=tree.infrastructure,
        title="Research icebreaker access",
        kind="vessel",
        members=[ship],
        topics=[sea_ice],
        regions=[arctic],
    )
    f.InfrastructurePageFactory(
        parent=tree.infrastructure,
        title="Permafrost data centre",
        kind="data-centre",
        members=[archive],
        topics=[data],
        regions=[antarctic],
    )
    for how, hide in HIDING.items():
        hide(
            tree,
            parent=tree.infrastructure,
            title=f"Hidden {how} station",
            kind="station",
            members=[quiet],
            topics=[sea_ice],
            regions=[svalbard],
        )
    return {"safety": safety, "archive": archive, "ship": ship, "quiet": quiet}


def listed(html, section):
    """The card titles in the members or the infrastructure section of the directory."""
    members, _sep, infrastructure = html.partition('id="infrastructure-heading"')
    part = members if section == "members" else infrastructure
    return set(re.findall(r'class="card-title"><a href="[^"]+">([^<]+)</a>', part))


def directory_page(client, query="", language="en"):
    response = client.get(f"/{language}/members/{query}")
    assert response.status_code == 200, response.content
    return response.content.decode()


@pytest.mark.parametrize(
    "query, members, infrastructure",
    [
        (
            "",
            {"Safety network", "Data rescue project", "Icebreaker consortium", "Quiet project"},
            {"Research icebreaker access", "Permafrost data centre"},
        ),
        # By expertise (the member's own topics) or by the infrastructure it offers;
        # a topic counts its children.
        (
            "?topic=fieldwork-safety",
            {"Safety network", "Icebreaker consortium"},
            {"Research icebreaker access"},
        ),
        ("?topic=sea-ice-operations&region=svalbard", {"Safety network"}, set()),
        ("?region=antarctic", {"Data rescue project"}, {"Permafrost data centre"}),
        ("?kind=vessel", {"Icebreaker consortium"}, {"Research icebreaker access"}),
        ("?kind=vessel&region=antarctic", set(), set()),
        (
            "?kind=data-centre&topic=data-legacy",
            {"Data rescue project"},
            {"Permafrost data centre"},
        ),
        # Only hidden stations exist: nobody offers one.
        ("?kind=station", set(), set()),
    ],
)
def test_filters_return_the_right_members_and_infrastructure(
    client, directory, query, members, infrastructure
):
    html = directory_page(client, query)

    assert listed(html, "members") == members
    assert listed(html, "infrastructure") == infrastructure
    assert "Hidden" not in html


def test_the_form_shows_the_chosen_filters_and_works_without_javascript(client, directory):
    html = directory_page(client, "?topic=sea-ice-operations&kind=vessel")

    assert '<form class="directory-filters" method="get" action="/en/members/">' in html
    assert '<option value="sea-ice-operations" selected>– Sea-ice operations</option>' in html
    assert '<option value="vessel" selected>Research vessel</option>' in html
    assert '<a href="/en/members/">Show all members</a>' in html
    assert "<script" not in html.split("<main", 1)[1]


def test_infrastructure_cards_name_the_members_offering_it(client, directory):
    html = directory_page(client, "?kind=vessel")

    assert "Offered by SHIP" in html


@pytest.mark.parametrize(
    "query, message",
    [
        ("?topic=nowhere", "Unknown topic: “nowhere”."),
        ("?region=atlantis", "Unknown region: “atlantis”."),
        ("?kind=castle", "Unknown kind: “castle”."),
        ("?kind=vessel&kind=station", "Give “kind” at most once."),
        ("?topic=Sea%20ice", "Unknown topic: “Sea ice”."),
        ("?region=" + "x" * 81, "The value of “region” is not a valid key."),
    ],
)
def test_unknown_or_malformed_filters_get_400_with_a_message(client, directory, query, message):
    response = client.get(f"/en/members/{query}")

    assert response.status_code == 400
    assert message in response.content.decode()


def test_a_control_character_is_refused(client, directory):
    assert client.get("/en/members/?topic=a%00b").status_code == 400


def test_further_pages_keep_the_filters(client, directory, tree):
    topic = directory["safety"].topics.first()
    for n in range(21):
        f.MemberPageFactory(parent=tree.members, title=f"Extra member {n:02}", topics=[topic])

    html = directory_page(client, "?topic=sea-ice-operations")

    assert 'href="?topic=sea-ice-operations&amp;page=2"' in html
    second = directory_page(client, "?topic=sea-ice-operations&page=2")
    both = listed(html, "members") | listed(second, "members")
    assert len(both) == 23  # the extra members, the safety network and the icebreaker's
    assert {"Safety network", "Icebreaker consortium"} <= both


def test_the_directory_filters_in_the_readers_language(client, directory, french_tree):
    translate(directory["safety"], "fr", title="Réseau de sécurité")

    html = directory_page(client, "?topic=fieldwork-safety", language="fr")

    assert listed(html, "members") == {"Réseau de sécurité"}


def test_a_hidden_member_is_not_listed(client, directory):
    restricted(directory["ship"])
    directory["archive"].unpublish()

    html = directory_page(client)

    assert listed(html, "members") == {"Safety network", "Quiet project"}
    assert "Offered by" not in html
