"""Activities on the other surfaces: feeds, OAI-PMH, the sitemap and member and topic
pages show the visible ones and never a draft or restricted one."""

import datetime

from django.utils import timezone

from wagtail.models import PageViewRestriction

import pytest

from tests import factories as f
from tests.legacy.oai import ask

HIDDEN = ("Quillwort draft meeting", "Vornikelp staff briefing")


@pytest.fixture
def activities(tree):
    member = f.MemberPageFactory(parent=tree.members, slug="arice", title="ARICE")
    topic = f.TopicFactory(key="sea-ice", name="Sea ice")
    tagged = {"members": [member], "topics": [topic]}
    visible = f.EventPageFactory(
        parent=tree.activities,
        title="Sea-ice workshop",
        start_date=timezone.localdate() + datetime.timedelta(days=5),
        **tagged,
    )
    visible.save_revision().publish()
    f.EventPageFactory(parent=tree.activities, title=HIDDEN[0], live=False, **tagged)
    restricted = f.WorkingGroupPageFactory(parent=tree.activities, title=HIDDEN[1], **tagged)
    PageViewRestriction.objects.create(page=restricted, restriction_type="login")
    return visible


@pytest.mark.parametrize(
    "url",
    [
        "/en/feed/",
        "/en/feed/?member=arice",
        "/sitemap.xml",
        "/en/members/arice/",
        "/en/topics/sea-ice/",
        "/en/activities/",
    ],
)
def test_visible_activities_listed_hidden_ones_nowhere(activities, client, url):
    text = client.get(url).content.decode()
    assert "Sea-ice workshop" in text or activities.url in text, url
    for title in HIDDEN:
        assert title not in text, url


@pytest.mark.parametrize("prefix", ["oai_dc", "oai_datacite"])
def test_oai_pmh_never_harvests_a_hidden_activity(activities, client, prefix):
    root = ask(client, verb="ListRecords", metadataPrefix=prefix)
    text = "".join(root.itertext())
    for title in HIDDEN:
        assert title not in text
