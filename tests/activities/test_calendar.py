"""The activities calendar, read back with a real iCalendar parser (icalendar)."""

import datetime

from django.utils import timezone

from wagtail.models import Locale, Page, PageViewRestriction

import icalendar
import pytest

from consent.models import record_approval
from knowledgebase.visibility import PublishingRefused
from tests import factories as f
from tests.conftest import translate
from tests.consent.helpers import community_reviewer

TODAY = timezone.localdate()


def calendar(client, url="/en/activities/calendar.ics", **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("text/calendar")
    return icalendar.Calendar.from_ical(response.content)


def events_by_summary(parsed):
    return {str(event["SUMMARY"]): event for event in parsed.walk("VEVENT")}


@pytest.fixture
def site(tree):
    """Visible events (one timed, one all day), a draft, a restricted one, and a
    member, topic and region to filter by."""
    member = f.MemberPageFactory(parent=tree.members, slug="arice", title="ARICE")
    topic = f.TopicFactory(key="sea-ice", name="Sea ice")
    region = f.RegionFactory(key="svalbard", name="Svalbard")
    timed = f.EventPageFactory(
        parent=tree.activities,
        title="Sea-ice workshop",
        start_date=TODAY + datetime.timedelta(days=10),
        start_time=datetime.time(9, 30),
        end_time=datetime.time(16),
        time_zone="Europe/Oslo",
        place="Tromsø",
        members=[member],
        topics=[topic],
    )
    timed.save_revision().publish()
    all_day = f.EventPageFactory(
        parent=tree.activities,
        title="Field campaign",
        start_date=TODAY - datetime.timedelta(days=40),
        end_date=TODAY - datetime.timedelta(days=30),
        regions=[region],
    )
    all_day.save_revision().publish()
    f.EventPageFactory(parent=tree.activities, title="Draft meeting", live=False)
    restricted = f.EventPageFactory(parent=tree.activities, title="Staff-only briefing")
    PageViewRestriction.objects.create(page=restricted, restriction_type="login")
    f.WorkingGroupPageFactory(parent=tree.activities, title="Sea-ice working group")
    return {"timed": timed, "all_day": all_day, "member": member}


def test_exactly_the_visible_events_with_dates_and_time_zones(site, client):
    found = events_by_summary(calendar(client))
    assert set(found) == {"Sea-ice workshop", "Field campaign"}
    timed, all_day = found["Sea-ice workshop"], found["Field campaign"]
    start = timed.decoded("DTSTART")
    assert timed["DTSTART"].params["TZID"] == "Europe/Oslo"
    assert (start.hour, start.minute, str(start.tzinfo)) == (9, 30, "Europe/Oslo")
    assert timed.decoded("DTEND").hour == 16
    assert str(timed["LOCATION"]) == "Tromsø"
    assert str(timed["URL"]).endswith(site["timed"].url)
    assert all_day["DTSTART"].params.get("VALUE") == "DATE"
    assert all_day.decoded("DTSTART") == TODAY - datetime.timedelta(days=40)
    assert all_day.decoded("DTEND") == TODAY - datetime.timedelta(days=29)  # exclusive


def test_uid_stays_and_sequence_and_last_modified_follow_an_edit(site, client):
    event = site["timed"]
    an_hour_ago = timezone.now() - datetime.timedelta(hours=1)  # LAST-MODIFIED is in seconds
    Page.objects.filter(pk=event.pk).update(last_published_at=an_hour_ago)
    before = events_by_summary(calendar(client))["Sea-ice workshop"]
    event.title = "Sea-ice safety workshop"
    event.save_revision().publish()
    after = events_by_summary(calendar(client))["Sea-ice safety workshop"]
    assert (
        str(after["UID"]) == str(before["UID"]) == f"{event.translation_key}@polar-knowledge-base"
    )
    assert after.decoded("SEQUENCE") > before.decoded("SEQUENCE")
    assert after.decoded("LAST-MODIFIED") > before.decoded("LAST-MODIFIED")


def test_same_uid_in_every_language_and_english_marked_as_fallback(site, client, tree):
    translate(tree.home, "fr")
    translate(tree.activities, "fr", title="Activités")
    translate(site["timed"], "fr", title="Atelier sur la glace de mer")
    site["all_day"].copy_for_translation(Locale.objects.get(language_code="fr"), alias=True)
    english = events_by_summary(calendar(client))
    french = events_by_summary(calendar(client, "/fr/activities/calendar.ics"))
    assert set(french) == {"Atelier sur la glace de mer", "Field campaign"}
    assert french["Atelier sur la glace de mer"]["UID"] == english["Sea-ice workshop"]["UID"]
    assert french["Field campaign"]["UID"] == english["Field campaign"]["UID"]
    assert french["Field campaign"]["SUMMARY"].params["LANGUAGE"] == "en"
    assert "LANGUAGE" not in french["Atelier sur la glace de mer"]["SUMMARY"].params


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"member": "arice"}, {"Sea-ice workshop"}),
        ({"topic": "sea-ice"}, {"Sea-ice workshop"}),
        ({"region": "svalbard"}, {"Field campaign"}),
    ],
)
def test_filters_take_the_search_keys(site, client, params, expected):
    assert set(events_by_summary(calendar(client, **params))) == expected


@pytest.mark.parametrize("name", ["member", "topic", "region", "community"])
def test_an_unknown_filter_value_is_refused_with_a_message(site, client, name):
    response = client.get("/en/activities/calendar.ics", {name: "no-such-key"})
    assert response.status_code == 400
    assert "no-such-key" in response.content.decode()


def test_an_event_about_a_community_waits_for_its_consent(tree, client):
    community = f.CommunityFactory(key="sami", name="Sámi herders")
    event = f.EventPageFactory(parent=tree.activities, title="Herding calendar meeting", live=False)
    event.communities.set([community])
    with pytest.raises(PublishingRefused):
        event.save_revision().publish()
    assert events_by_summary(calendar(client, community="sami")) == {}
    record_approval(community, event, community_reviewer("reviewer", community))
    event.save_revision().publish()
    assert set(events_by_summary(calendar(client, community="sami"))) == {
        "Herding calendar meeting"
    }
