"""The network: members are linked by the items readers may see that name them both."""

import re

import pytest

from tests import factories as f
from tests.outreach.helpers import HIDING, members

pytestmark = pytest.mark.django_db


def table_links(html):
    """{(member, partner): count} from the network page's table, each link once."""
    links = {}
    for member, partners in re.findall(
        r'<tr><th scope="row"><a [^>]*>([^<]+)</a></th><td>(.*?)</td>', html
    ):
        for partner, count in re.findall(r"([^,<>]+) \((\d+)\)", partners):
            partner = partner.strip()
            pair = tuple(sorted((member, partner)))
            assert links.setdefault(pair, int(count)) == int(count), "the two rows disagree"
    return links


def test_edges_equal_the_visible_shared_items(client, tree):
    ice, ocean, land, alone = members(tree, "ICE", "OCEAN", "LAND", "ALONE")
    f.GuidePageFactory(parent=tree.guides, members=[ice, ocean])
    f.LessonPageFactory(parent=tree.lessons, members=[ice, ocean, land])
    f.OutputPageFactory(parent=tree.outputs, members=[land, ocean])
    f.GuidePageFactory(parent=tree.guides, members=[alone])

    response = client.get("/en/network/")

    assert response.status_code == 200
    assert table_links(response.content.decode()) == {
        ("ICE", "OCEAN"): 2,
        ("LAND", "OCEAN"): 2,
        ("ICE", "LAND"): 1,
    }
    cells = re.findall(r'<use href="#cell" x="\d+" y="\d+"/>', response.content.decode())
    assert len(cells) == 3


@pytest.mark.parametrize("hiding", HIDING)
def test_a_hidden_shared_guide_removes_the_edge(client, tree, hiding):
    ice, ocean, land = members(tree, "ICE", "OCEAN", "LAND")
    f.GuidePageFactory(parent=tree.guides, members=[ice, land])
    HIDING[hiding](tree, members=[ice, ocean], title="Hidden shared guide")

    html = client.get("/en/network/").content.decode()

    assert table_links(html) == {("ICE", "LAND"): 1}
    assert "OCEAN" not in html


def test_a_draft_member_is_not_in_the_network(client, tree):
    ice, ocean = members(tree, "ICE", "OCEAN")
    ghost = f.MemberPageFactory(parent=tree.members, slug="ghost", acronym="GHOST", live=False)
    f.GuidePageFactory(parent=tree.guides, members=[ice, ocean, ghost])

    html = client.get("/en/network/").content.decode()

    assert table_links(html) == {("ICE", "OCEAN"): 1}
    assert "GHOST" not in html


def test_the_picture_is_an_accessible_svg_and_the_page_is_light(client, tree):
    """24 members, each working with the next four: 86 links (the demo Cluster has 19
    members and fewer links)."""
    partners = members(tree, *[f"MEMBER-{n:02}" for n in range(24)])
    for index, member in enumerate(partners):
        for partner in partners[index + 1 : index + 5]:
            f.GuidePageFactory(parent=tree.guides, members=[member, partner])

    response = client.get("/en/network/")
    html = response.content.decode()

    svg = re.search(
        r'<svg role="img" aria-labelledby="network-title network-desc".*?</svg>', html, re.S
    )
    assert svg
    assert '<title id="network-title"' in svg.group(0)
    assert '<desc id="network-desc"' in svg.group(0)
    assert len(table_links(html)) == 86
    assert len(response.content) <= 30 * 1024, len(response.content)


def test_member_page_lists_who_it_works_with(client, tree):
    ice, ocean, land, far = members(tree, "ICE", "OCEAN", "LAND", "FAR")
    f.GuidePageFactory(parent=tree.guides, members=[ice, ocean])
    f.LessonPageFactory(parent=tree.lessons, members=[ice, ocean])
    f.OutputPageFactory(parent=tree.outputs, members=[ice, land])
    HIDING["restricted"](tree, members=[ice, far])

    html = client.get(ice.url).content.decode()

    section = html[html.index('id="works-with-heading"') :]
    partners = re.findall(
        r'<li><a href="([^"]+)"[^>]*>[^<]+</a> <span[^>]*>\((\d+) shared', section
    )
    assert partners == [(ocean.url, "2"), (land.url, "1")]
    assert far.url not in section
