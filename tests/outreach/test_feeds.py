"""Atom feeds per language: parsed as a feed reader would, entries in the reader's
language with ids that survive edits, filters by stable keys, nothing hidden."""

import xml.etree.ElementTree as ET

import pytest

from tests import factories as f
from tests.conftest import translate
from tests.outreach.helpers import HIDING, members

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def entries(client, url):
    """[(id, title, summary, link)] of a feed, after checking it is Atom with the
    elements RFC 4287 requires of a feed and of each entry."""
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated"):
        assert feed.find(f"{ATOM}{required}").text
    found = []
    for entry in feed.findall(f"{ATOM}entry"):
        for required in ("id", "title", "updated"):
            assert entry.find(f"{ATOM}{required}").text
        found.append(
            (
                entry.find(f"{ATOM}id").text,
                entry.find(f"{ATOM}title").text,
                entry.find(f"{ATOM}summary").text,
                entry.find(f"{ATOM}link").get("href"),
            )
        )
    return found


def test_entries_are_in_the_readers_language_with_stable_ids(client, french_tree, tree):
    guide = f.GuidePageFactory(parent=tree.guides, title="Sea ice safety", summary="Stay safe.")
    french = translate(guide, "fr", title="Sécurité sur la banquise", summary="Restez prudents.")

    [(english_id, title, summary, link)] = entries(client, "/en/feed/")
    assert (title, summary, link) == (
        "Sea ice safety",
        "Stay safe.",
        f"http://testserver{guide.url}",
    )
    [(french_id, title, summary, link)] = entries(client, "/fr/feed/")
    assert (title, summary) == ("Sécurité sur la banquise", "Restez prudents.")
    assert link == f"http://testserver{french.url}"

    guide.title = "Sea ice safety, revised"
    guide.save_revision().publish()
    [(edited_id, title, _summary, _link)] = entries(client, "/en/feed/")
    assert title == "Sea ice safety, revised"
    assert english_id == edited_id == french_id == f"urn:uuid:{guide.translation_key}"


def test_newest_change_first(client, tree):
    first = f.GuidePageFactory(parent=tree.guides, title="First")
    second = f.LessonPageFactory(parent=tree.lessons, title="Second")
    first.save_revision().publish()

    assert [title for _id, title, *_rest in entries(client, "/en/feed/")] == ["First", "Second"]
    second.save_revision().publish()
    assert [title for _id, title, *_rest in entries(client, "/en/feed/")] == ["Second", "First"]


def test_hidden_items_are_absent(client, tree):
    f.GuidePageFactory(parent=tree.guides, title="Shown guide")
    for name, hide in HIDING.items():
        hide(tree, title=f"Hidden {name}")

    titles = [title for _id, title, *_rest in entries(client, "/en/feed/")]

    assert titles == ["Shown guide"]


def test_filters_by_member_topic_and_region(client, tree):
    ice, ocean = members(tree, "ICE", "OCEAN")
    parent_topic = f.TopicFactory(key="safety")
    child_topic = f.TopicFactory(key="sea-ice-safety", parent=parent_topic)
    arctic = f.RegionFactory(key="arctic")
    f.GuidePageFactory(parent=tree.guides, title="Ice guide", members=[ice], topics=[child_topic])
    f.LessonPageFactory(
        parent=tree.lessons, title="Ocean lesson", members=[ocean], regions=[arctic]
    )
    f.OutputPageFactory(parent=tree.outputs, title="Shared data", members=[ice, ocean])

    def titles(query):
        return sorted(title for _id, title, *_rest in entries(client, f"/en/feed/?{query}"))

    assert titles("member=ice") == ["Ice guide", "Shared data"]
    assert titles("topic=safety") == ["Ice guide"]  # a child topic counts under its parent
    assert titles("region=arctic") == ["Ocean lesson"]
    assert titles("member=ocean&region=arctic") == ["Ocean lesson"]


@pytest.mark.parametrize(
    "query, message",
    [
        ("member=nobody", "Unknown member: “nobody”."),
        ("topic=nothing", "Unknown topic: “nothing”."),
        ("region=atlantis", "Unknown region: “atlantis”."),
        ("member=ice&member=ocean", "Give “member” at most once."),
        ("topic=" + "x" * 300, "The value of “topic” is not a valid key."),
    ],
)
def test_bad_input_is_refused_with_a_message(client, tree, query, message):
    members(tree, "ICE", "OCEAN")

    response = client.get(f"/en/feed/?{query}")

    assert response.status_code == 400
    assert response.content.decode() == message


def test_a_control_character_is_refused_before_the_feed_reads_it(client, tree):
    response = client.get("/en/feed/?region=arc%00tic")

    assert response.status_code == 400
    assert "region contains a control character." in response.content.decode()


def test_a_hidden_members_key_is_unknown(client, tree):
    f.MemberPageFactory(parent=tree.members, slug="ghost", live=False)

    assert client.get("/en/feed/?member=ghost").status_code == 400


def test_pages_link_their_languages_feed(client, tree):
    html = client.get("/en/").content.decode()

    assert '<link rel="alternate" type="application/atom+xml"' in html
    assert 'href="/en/feed/"' in html
