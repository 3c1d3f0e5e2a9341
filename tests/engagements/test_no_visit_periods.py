"""A community's reviewers (and Cluster editors) mark "no visits please" periods for
that community; nobody else may, by any path."""

from django.urls import reverse

import pytest

from engagements.models import NoVisitPeriod
from tests.engagements.helpers import days, no_visits, register

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(tree):
    return register(tree)


def url(name, item=None):
    return reverse(f"no_visit_periods:{name}", args=[item.pk] if item else [])


def period_data(community, reason="Spring seal hunt"):
    return {
        "community": community.pk,
        "start": days(0).isoformat(),
        "end": days(20).isoformat(),
        "reason": reason,
    }


def test_a_reviewer_marks_a_period_for_their_community(client, people):
    client.force_login(people.kalaallit_reviewer)
    response = client.post(url("add"), period_data(people.kalaallit))
    assert response.status_code == 302
    [period] = NoVisitPeriod.objects.all()
    assert period.community == people.kalaallit
    assert period.created_by == people.kalaallit_reviewer


def test_a_reviewer_cannot_mark_or_change_another_communitys_period(client, people):
    client.force_login(people.kalaallit_reviewer)
    response = client.post(url("add"), period_data(people.sami))
    assert response.status_code == 200  # the form again: not a choice for them
    assert not NoVisitPeriod.objects.exists()

    sami_period = no_visits(people.sami, 0, 10, reason="Calving")
    for name in ("edit", "delete"):
        assert client.get(url(name, sami_period)).status_code == 302, name
    client.post(url("edit", sami_period), period_data(people.sami, reason="Changed"))
    client.post(url("delete", sami_period))
    sami_period.refresh_from_db()
    assert sami_period.reason == "Calving"
    assert "Calving" not in client.get(url("index")).content.decode()


@pytest.mark.parametrize("who", ["ice_author", "reader", "anonymous"])
def test_authors_and_others_cannot_mark_periods(client, people, who):
    if who != "anonymous":
        client.force_login(getattr(people, who))
    period = no_visits(people.kalaallit, 0, 10, reason="Narwhal hunt")
    assert client.get(url("add")).status_code == 302
    client.post(url("add"), period_data(people.kalaallit, reason="Made up"))
    client.post(url("edit", period), period_data(people.kalaallit, reason="Changed"))
    client.post(url("delete", period))
    assert list(NoVisitPeriod.objects.values_list("reason", flat=True)) == ["Narwhal hunt"]


def test_authors_read_the_periods_they_plan_around(client, people):
    no_visits(people.kalaallit, 0, 10, reason="Narwhal hunt")
    client.force_login(people.ice_author)
    assert "Narwhal hunt" in client.get(url("index")).content.decode()


def test_an_editor_marks_a_period_for_any_community(client, people):
    client.force_login(people.editor)
    assert client.post(url("add"), period_data(people.sami)).status_code == 302
    assert NoVisitPeriod.objects.get().community == people.sami


def test_the_end_comes_after_the_start(client, people):
    client.force_login(people.kalaallit_reviewer)
    data = {**period_data(people.kalaallit), "end": days(-3).isoformat()}
    response = client.post(url("add"), data)
    assert response.status_code == 200
    assert "The end cannot come before the start." in response.content.decode()
    assert not NoVisitPeriod.objects.exists()
