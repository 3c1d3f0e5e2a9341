"""The network: members are linked by the items readers may see that name them both."""

import re

import pytest

from tests import factories as f
from tests.outreach.helpers import HIDING, members

pytestmark = pytest.mark.django_db


def table_links(html):
    """{(member, member): count} from the network page's table."""
    rows = re.findall(
        r"<tr><td><a [^>]*>([^<]+)</a></td><td><a [^>]*>([^<]+)</a></td><td>(\d+)", html
    )
    return {(first, second): int(count) for first, second, count in rows}


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
    partners = members(tree, *[f"M{n}" for n in range(20)])
    for first, second in zip(partners, partners[1:], strict=False):
        f.GuidePageFactory(parent=tree.guides, members=[first, second])

    response = client.get("/en/network/")
    html = response.content.decode()

    svg = re.search(
        r"<svg role=\"img\" aria-labelledby=\"network-title network-desc\".*?</svg>", html, re.S
    )
    assert (
        svg
        and '<title id="network-title"' in svg.group(0)
        and '<desc id="network-desc"' in svg.group(0)
    )
    assert len(table_links(html)) == 19
    assert len(response.content) <= 30 * 1024


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
