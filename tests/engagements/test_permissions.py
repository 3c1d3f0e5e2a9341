"""Who sees and edits the register: authors their members' engagements and, read-only,
the others' with the same community; community reviewers theirs, on their dashboard;
nobody else anything. Every forbidden action is tried."""

from django.urls import reverse

from wagtail.users.models import UserProfile

import pytest

from engagements.models import Engagement
from tests import factories as f
from tests.engagements.helpers import days, engagement, form_data, register

pytestmark = pytest.mark.django_db

INDEX = "engagements:index"


@pytest.fixture
def people(tree):
    return register(tree)


@pytest.fixture
def planned(people):
    """ICE and SNOW with the Kalaallit, TUNDRA with the Sámi."""
    return {
        "ice": engagement(people.kalaallit, [people.ice], purpose="ICE drills", contact_name="Ada"),
        "snow": engagement(
            people.kalaallit,
            [people.snow],
            start=60,
            purpose="SNOW survey",
            contact_name="Bo Snow",
            contact_email="bo@example.org",
        ),
        "tundra": engagement(
            people.sami, [people.tundra], purpose="TUNDRA interviews", contact_name="Tove Tundra"
        ),
    }


def url(name, item=None):
    return reverse(f"engagements:{name}", args=[item.pk] if item else [])


def test_an_author_adds_an_engagement_of_their_member(client, people):
    client.force_login(people.ice_author)
    data = form_data(people.kalaallit, [people.ice], days(0), days(4))
    response = client.post(url("add"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    [created] = Engagement.objects.all()
    assert list(created.members.all()) == [people.ice.page_ptr.specific]
    assert created.created_by == people.ice_author


def test_an_author_cannot_plan_for_another_member_only(client, people):
    client.force_login(people.ice_author)
    data = form_data(people.kalaallit, [people.snow], days(0), days(4))
    response = client.post(url("add"), data)
    assert response.status_code == 200  # the form again, with the error
    assert not Engagement.objects.exists()


def test_an_author_sees_the_same_community_read_only_and_nothing_else(client, people, planned):
    client.force_login(people.ice_author)
    listing = client.get(url("index")).content.decode()
    assert "Ada" in listing and "Bo Snow" in listing
    assert "Tove Tundra" not in listing  # TUNDRA's engagement with another community
    assert url("edit", planned["ice"]) in listing
    assert url("edit", planned["snow"]) not in listing
    assert url("inspect", planned["snow"]) in listing

    inspect = client.get(url("inspect", planned["snow"]))
    assert inspect.status_code == 200
    text = inspect.content.decode()
    for shown in ("SNOW", "Bo Snow", "bo@example.org", "planned", "30 April 2027"):
        assert shown in text, shown
    for name in ("inspect", "edit", "delete", "history", "usage"):
        assert client.get(url(name, planned["tundra"])).status_code == 302, name


def test_an_author_cannot_change_or_delete_another_members_engagement(client, people, planned):
    client.force_login(people.ice_author)
    snow = planned["snow"]
    for name in ("edit", "delete"):
        assert client.get(url(name, snow)).status_code == 302, name
    data = form_data(people.kalaallit, [people.ice], days(0), days(1), purpose="Taken over")
    assert client.post(url("edit", snow), data).status_code == 302
    assert client.post(url("delete", snow)).status_code == 302
    snow.refresh_from_db()
    assert snow.purpose == "SNOW survey"
    assert list(snow.members.all()) == [people.snow.page_ptr.specific]


def test_an_author_edits_and_deletes_their_own(client, people, planned):
    client.force_login(people.ice_author)
    ice = planned["ice"]
    data = form_data(people.kalaallit, [people.ice], days(2), days(3), purpose="ICE drills II")
    assert client.post(url("edit", ice), data).status_code == 302
    ice.refresh_from_db()
    assert ice.purpose == "ICE drills II"
    client.post(url("delete", ice))
    assert not Engagement.objects.filter(pk=ice.pk).exists()


def test_an_editor_sees_and_edits_everything(client, people, planned):
    client.force_login(people.editor)
    listing = client.get(url("index")).content.decode()
    for item in planned.values():
        assert url("edit", item) in listing
    data = form_data(people.sami, [people.tundra, people.ice], days(0), days(1))
    assert client.post(url("edit", planned["tundra"]), data).status_code == 302
    assert planned["tundra"].members.count() == 2


def test_a_reviewer_sees_their_communitys_engagements_on_the_dashboard(client, people, planned):
    client.force_login(people.kalaallit_reviewer)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Engagements planned with your communities" in dashboard
    assert "ICE drills" in dashboard and "SNOW survey" in dashboard
    assert "TUNDRA" not in dashboard
    assert client.get(url("inspect", planned["snow"])).status_code == 200
    assert client.get(url("edit", planned["snow"])).status_code == 302
    data = form_data(people.kalaallit, [people.ice], days(0), days(1))
    assert client.post(url("add"), data).status_code == 302  # refused: a reviewer plans nothing
    assert Engagement.objects.count() == 3


def test_the_dashboard_speaks_the_reviewers_language(client, people, planned):
    french = f.LocaleFactory(language_code="fr")
    translation = people.kalaallit.copy_for_translation(french)
    translation.name = "Kalaallit de la baie de Disko"
    translation.save()
    profile = UserProfile.get_for_user(people.kalaallit_reviewer)
    profile.preferred_language = "fr"
    profile.save()
    client.force_login(people.kalaallit_reviewer)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Kalaallit de la baie de Disko" in dashboard
    assert "1 mars 2027" in dashboard  # dates in French


def test_another_communitys_reviewer_sees_nothing_of_it(client, people, planned):
    client.force_login(people.sami_reviewer)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "ICE drills" not in dashboard and "SNOW survey" not in dashboard
    assert "TUNDRA interviews" in dashboard
    listing = client.get(url("index")).content.decode()
    assert "Bo Snow" not in listing and "Tove Tundra" in listing
    for name in ("inspect", "edit", "delete", "history", "usage"):
        assert client.get(url(name, planned["snow"])).status_code == 302, name


@pytest.mark.parametrize("who", ["anonymous", "reader"])
def test_the_register_is_closed_to_those_without_a_role(client, people, planned, who):
    if who == "reader":
        client.force_login(people.reader)
    urls = [url("index"), url("add"), reverse("no_visit_periods:index")]
    urls += [url(name, planned["snow"]) for name in ("inspect", "edit", "delete", "history")]
    for address in urls:
        response = client.get(address)
        assert response.status_code in (302, 403), address
        assert "SNOW survey" not in response.content.decode()
        if who == "anonymous":
            assert "/admin/login/" in response["Location"]
    dashboard = client.get(reverse("wagtailadmin_home"), follow=True).content.decode()
    assert "SNOW survey" not in dashboard
