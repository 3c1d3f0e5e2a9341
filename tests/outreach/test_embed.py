"""The embeddable list: the one address other sites may frame."""

import re

import pytest

from tests import factories as f
from tests.outreach.helpers import HIDING, members

pytestmark = pytest.mark.django_db


def frame_ancestors(response):
    policy = response["Content-Security-Policy"]
    return re.search(r"frame-ancestors ([^;]+)", policy).group(1).strip()


def test_the_embed_is_framable_and_lists_the_members_visible_items(client, tree):
    [ice] = members(tree, "ICE")
    guide = f.GuidePageFactory(parent=tree.guides, title="Ice guide", members=[ice])
    f.OutputPageFactory(parent=tree.outputs, title="Ice data", members=[ice])
    f.GuidePageFactory(parent=tree.guides, title="Another member's guide")
    for name, hide in HIDING.items():
        hide(tree, title=f"Hidden {name}", members=[ice])

    for _reader in range(2):  # the first reader, then one the page cache could serve
        response = client.get("/en/embed/?member=ice")
        assert response.status_code == 200
        assert "X-Frame-Options" not in response
        assert frame_ancestors(response) == "*"

    html = response.content.decode()
    titles = re.findall(r'<a href="[^"]+" target="_blank" rel="noopener">([^<]+)</a>', html)
    assert "Ice guide" in titles and "Ice data" in titles
    assert f'href="http://testserver{guide.url}" target="_blank"' in html
    assert "Another member" not in html
    assert "Hidden" not in html


def test_other_pages_may_not_be_framed(client, tree):
    members(tree, "ICE")
    for url in ("/en/", "/en/network/", "/en/numbers/", "/en/members/ice/", "/en/glossary/"):
        response = client.get(url)
        assert response["X-Frame-Options"] == "DENY", url
        assert frame_ancestors(response) in ("'self'", "'none'"), url


@pytest.mark.parametrize(
    "query, message",
    [
        ("member=nobody", "Unknown member: “nobody”."),
        ("member=ghost", "Unknown member: “ghost”."),
        ("", "Name a member: ?member=<key>."),
    ],
)
def test_an_unknown_member_is_refused_with_a_message(client, tree, query, message):
    f.MemberPageFactory(parent=tree.members, slug="ghost", live=False)

    response = client.get(f"/en/embed/?{query}")

    assert response.status_code == 400
    assert response.content.decode() == message


def test_a_language_without_content_has_no_outreach_pages(client, tree):
    members(tree, "ICE")

    for url in ("/de/network/", "/de/feed/", "/de/embed/?member=ice"):
        assert client.get(url).status_code == 404, url
