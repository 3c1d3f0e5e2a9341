"""Saving an engagement close to another member's with the same community warns the
person saving it and e-mails both coordinators once; a "no visits please" period warns
too; `engagement_overlaps` lists both kinds."""

import json
from io import StringIO

from django.core import mail
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.urls import reverse

import pytest

from engagements.models import Engagement, OverlapNotice
from tests.engagements.helpers import days, engagement, form_data, no_visits, register

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(tree):
    return register(tree)


@pytest.fixture
def snow_visit(people):
    return engagement(
        people.kalaallit,
        [people.snow],
        start=10,
        length=5,
        contact_name="Bo Snow",
        contact_email="bo@example.org",
    )


def save(client, who, data, item=None):
    client.force_login(who)
    address = reverse("engagements:edit", args=[item.pk]) if item else reverse("engagements:add")
    response = client.post(address, data, follow=True)
    assert response.redirect_chain, response.content.decode()[:3000]
    return [str(message) for message in response.context["messages"]]


def plan(client, people, start, end, **fields):
    data = form_data(people.kalaallit, [people.ice], days(start), days(end), **fields)
    return save(client, people.ice_author, data)


def warnings_about(messages, text):
    return [message for message in messages if text in message]


def test_an_overlapping_engagement_warns_and_mails_both_coordinators_once(
    client, people, snow_visit
):
    messages = plan(client, people, 12, 13)
    [warning] = warnings_about(messages, "Bo Snow")
    for expected in ("SNOW", "bo@example.org", "11 March 2027", "15 March 2027", "together"):
        assert expected in warning, expected
    assert sorted(message.to[0] for message in mail.outbox) == ["aku@example.org", "bo@example.org"]
    to_aku = next(message for message in mail.outbox if message.to == ["aku@example.org"])
    assert "SNOW" in to_aku.body and "bo@example.org" in to_aku.body
    assert to_aku.reply_to == ["bo@example.org"]

    ice_visit = Engagement.objects.get(contact_email="aku@example.org")
    data = form_data(people.kalaallit, [people.ice], days(12), days(14), purpose="Longer")
    again = save(client, people.ice_author, data, item=ice_visit)
    assert warnings_about(again, "Bo Snow")  # still warned
    assert len(mail.outbox) == 2  # never mailed twice for the pair
    assert OverlapNotice.objects.count() == 1


def test_within_the_configured_number_of_days(client, people, snow_visit):
    # SNOW's visit ends on day 14; day 44 is 30 days later, day 45 is 31.
    assert warnings_about(plan(client, people, 44, 46), "Bo Snow")
    assert not warnings_about(plan(client, people, 45, 47), "Bo Snow")
    with override_settings(ENGAGEMENT_OVERLAP_DAYS=60):
        assert warnings_about(plan(client, people, 70, 71), "Bo Snow")


def test_no_warning_for_a_cancelled_engagement_another_community_or_the_same_member(
    client, people, snow_visit
):
    same_member = form_data(people.kalaallit, [people.snow], days(12), days(13))
    assert not warnings_about(save(client, people.snow_author, same_member), "also plan")
    assert not warnings_about(plan(client, people, 12, 13, status="cancelled"), "also plan")
    data = form_data(people.sami, [people.ice], days(12), days(13))
    assert not warnings_about(save(client, people.ice_author, data), "also plan")
    Engagement.objects.filter(members=people.snow).update(status="cancelled")
    assert not warnings_about(plan(client, people, 12, 13), "also plan")
    assert mail.outbox == []


def test_an_engagement_in_a_no_visits_period_warns(client, people):
    no_visits(people.kalaallit, 20, 30, reason="Narwhal hunt")
    [warning] = warnings_about(plan(client, people, 25, 27), "Narwhal hunt")
    assert "Kalaallit of Disko Bay" in warning and "21 March 2027" in warning
    assert not warnings_about(plan(client, people, 50, 52), "Narwhal hunt")


def test_a_failing_mail_server_never_stops_the_save(client, people, snow_visit):
    with override_settings(EMAIL_BACKEND="tests.contact.failing_mail.EmailBackend"):
        assert warnings_about(plan(client, people, 12, 13), "Bo Snow")
    assert Engagement.objects.count() == 2
    assert not OverlapNotice.objects.exists()  # tried again at the next save


def overlaps(*arguments):
    out = StringIO()
    call_command("engagement_overlaps", *arguments, stdout=out)
    return out.getvalue()


def test_the_command_lists_overlaps_and_no_visit_clashes_per_community(people, snow_visit):
    ice_visit = engagement(people.kalaallit, [people.ice], start=30, length=3)
    engagement(people.kalaallit, [people.tundra], start=300, length=3)  # far from the others
    engagement(people.sami, [people.tundra], start=12, length=3)  # another community
    period = no_visits(people.sami, 10, 10, reason="Calving")
    answer = json.loads(overlaps("--json"))
    by_kind = {item["kind"]: item for item in answer}
    assert len(answer) == 2
    overlap = by_kind["overlap"]
    assert overlap["community"] == "kalaallit"
    assert [item["id"] for item in overlap["engagements"]] == [snow_visit.pk, ice_visit.pk]
    assert overlap["engagements"][0] == {
        "id": snow_visit.pk,
        "members": ["SNOW"],
        "start": "2027-03-11",
        "end": "2027-03-15",
        "status": "planned",
        "contact": {"name": "Bo Snow", "email": "bo@example.org"},
    }
    clash = by_kind["no_visits"]
    assert clash["community"] == "sami" and clash["period"]["id"] == period.pk
    assert [item["members"] for item in clash["engagements"]] == [["TUNDRA"]]

    assert json.loads(overlaps("--json", "--days", "10")) == [clash]  # 15 days apart
    plain = overlaps()
    assert "Kalaallit of Disko Bay" in plain and "Bo Snow <bo@example.org>" in plain
    assert "Calving" in plain and "SNOW" in plain and "ICE" in plain


def test_the_command_without_overlaps_and_with_bad_days(people, snow_visit):
    assert json.loads(overlaps("--json")) == []
    assert "No overlapping engagements" in overlaps()
    with pytest.raises(CommandError):
        overlaps("--days", "-1")
