"""Consent that holds: once an item has been sent for a community's consent, or published
with it, editing the item's communities does not remove that community's consent. Only a
reviewer of that community releases it, by approving or by saying the item does not
concern them; either is recorded."""

import importlib
import types

from django.apps import apps
from django.contrib.messages import get_messages
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

import pytest

from consent.gate import withheld_translation_keys
from consent.models import CommunityApproval, ConsentRequest, NotConcerned, record_approval
from consent.workflows import add_consent_task
from knowledgebase.models import GuidePage
from knowledgebase.visibility import PublishingRefused
from tests import factories as f
from tests.consent.helpers import community_reviewer
from tests.localization.helpers import localize, submit, sync, translate_strings
from tests.workspaces.helpers import build_cluster, guide_form
from workspaces.workflows import cluster_review


@pytest.fixture
def held(db):
    """A guide about two communities, submitted for review: awaiting their consent."""
    cluster = build_cluster()
    add_consent_task(cluster_review())
    sami = f.CommunityFactory(key="sami", name="Sámi reindeer herders")
    inuit = f.CommunityFactory(key="inuit", name="Inuit of Nunavik")
    guide = f.GuidePageFactory(
        parent=cluster.tree.guides,
        slug="herding-routes",
        title="Herding routes",
        live=False,
        members=[cluster.member_a],
        communities=[sami, inuit],
    )
    guide.save_revision()
    guide.get_workflow().start(guide, cluster.author)
    assert guide.current_workflow_task.name == "Community consent"
    return types.SimpleNamespace(
        cluster=cluster,
        sami=sami,
        inuit=inuit,
        guide=guide,
        ante=community_reviewer("ante", sami),
        aputi=community_reviewer("aputi", inuit),
    )


def is_withheld(page):
    return page.translation_key in withheld_translation_keys()


def is_live(page):
    return GuidePage.objects.get(pk=page.pk).live


def untick_and_publish(client, guide):
    """An editor's admin POST: the guide's form with no community ticked, and Publish."""
    data = guide_form(guide, **{"action-publish": "publish"})
    assert "communities" not in data
    return client.post(f"/admin/pages/{guide.pk}/edit/", data, follow=True)


def workflow_action(client, page, action, **data):
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    return client.post(url, data, follow=True)


def refused(response):
    return "do not have permission" in str(list(get_messages(response.wsgi_request)))


def test_the_editor_unticking_every_community_and_publishing_leaves_the_item_withheld(held, client):
    client.force_login(held.cluster.editor)
    response = untick_and_publish(client, held.guide)
    messages = [str(message) for message in response.context["messages"]]
    assert any("cannot be published yet" in m and "Inuit of Nunavik" in m for m in messages)
    assert not is_live(held.guide)
    assert is_withheld(held.guide)
    assert client.get("/en/guides/herding-routes/").status_code == 404


def test_unticking_in_a_revision_does_not_publish(held):
    guide = held.guide
    guide.communities.set([])
    with pytest.raises(PublishingRefused, match="Sámi reindeer herders"):
        guide.save_revision().publish()
    with pytest.raises(PublishingRefused):
        GuidePage.objects.get(pk=guide.pk).get_latest_revision().publish()
    assert not is_live(guide)
    assert is_withheld(guide)


def test_a_scheduled_publication_without_the_communities_is_refused(held):
    guide = held.guide
    guide.communities.set([])
    revision = guide.save_revision()
    revision.approved_go_live_at = timezone.now() - timezone.timedelta(minutes=1)
    revision.save(update_fields=["approved_go_live_at"])
    with pytest.raises(PublishingRefused):
        call_command("publish_scheduled", stdout=open("/dev/null", "w"))
    assert not is_live(guide)
    assert is_withheld(guide)


@pytest.fixture
def french(held):
    """The guide's French translation, made through wagtail-localize (not published)."""
    for page in (held.cluster.tree.home, held.cluster.tree.guides):
        localize(page, "fr")
    translation = submit(held.guide, "fr")
    translate_strings(translation, lambda text: f"FR {text}")
    translation.save_target(publish=False)
    return GuidePage.objects.get(
        translation_key=held.guide.translation_key, locale=translation.target_locale
    )


def test_unticking_in_a_translation_does_not_publish_it(held, french):
    assert list(french.communities.all()) == [held.inuit, held.sami]
    french.communities.set([])
    with pytest.raises(PublishingRefused):
        french.save_revision().publish()
    assert not is_live(french)
    assert is_withheld(french)


def test_a_translation_synchronised_from_a_source_without_communities_is_refused(held, french):
    source = GuidePage.objects.get(pk=held.guide.pk)
    source.communities.set([])
    source.save()  # the source as stored, which wagtail-localize synchronises from
    with pytest.raises(PublishingRefused):
        sync(source)
    assert not is_live(french)
    assert is_withheld(french)


def test_only_a_reviewer_of_the_community_releases_it(held, client):
    guide = held.guide
    client.force_login(held.cluster.editor)
    untick_and_publish(client, guide)

    stranger = community_reviewer("nivi", f.CommunityFactory(key="kalaallit", name="Kalaallit"))
    client.force_login(stranger)  # a reviewer of another community
    for action in ("approve", "not_concerned"):
        assert refused(workflow_action(client, guide, action, comment="Not ours."))
    assert not CommunityApproval.objects.exists()
    assert not NotConcerned.objects.exists()

    client.force_login(held.ante)
    workflow_action(client, guide, "approve", comment="Routes may be shown.")
    assert CommunityApproval.objects.filter(community=held.sami, reviewer=held.ante).exists()
    assert is_withheld(guide)  # the Inuit have not released it
    with pytest.raises(PublishingRefused, match="Inuit of Nunavik"):
        GuidePage.objects.get(pk=guide.pk).get_latest_revision().publish()

    client.force_login(held.aputi)
    workflow_action(client, guide, "not_concerned", comment="Not about Nunavik.")
    statement = NotConcerned.objects.get()
    assert (statement.community, statement.reviewer, statement.note) == (
        held.inuit,
        held.aputi,
        "Not about Nunavik.",
    )
    assert statement.page_translation_key == guide.translation_key
    assert statement.stated_at.date() == timezone.localdate()
    assert not is_withheld(guide)
    guide.refresh_from_db()
    assert guide.current_workflow_task.name == "Editor approval"

    client.force_login(held.cluster.editor)
    workflow_action(client, guide, "approve", comment="")
    assert is_live(guide)


def test_the_does_not_concern_us_action_is_offered_to_the_communitys_reviewers_only(held):
    task = held.guide.current_workflow_task.specific
    names = [name for name, _label, _modal in task.get_actions(held.guide, held.aputi)]
    assert names == ["reject", "not_concerned", "approve", "approve"]
    assert task.get_actions(held.guide, held.cluster.editor) == []


def test_editors_see_who_said_an_item_does_not_concern_them(held, client):
    client.force_login(held.aputi)
    workflow_action(client, held.guide, "not_concerned", comment="Not about Nunavik.")
    client.force_login(held.cluster.editor)
    listing = client.get(reverse("wagtailsnippets_consent_notconcerned:list"))
    assert listing.status_code == 200
    assert "Inuit of Nunavik" in listing.content.decode()
    assert "aputi" in listing.content.decode()


def test_consent_given_at_publication_is_not_removed_by_editing(held, client):
    """Published with both communities' consent; one consent is later withdrawn."""
    guide = held.guide
    guide.current_workflow_state.cancel(user=held.cluster.editor)
    record_approval(held.sami, guide, held.ante)
    record_approval(held.inuit, guide, held.aputi)
    guide.save_revision().publish()
    assert is_live(guide)
    ConsentRequest.objects.all().delete()  # recorded by the publication alone
    guide = GuidePage.objects.get(pk=guide.pk)
    guide.communities.set([held.sami, held.inuit])
    guide.save_revision().publish()
    assert ConsentRequest.objects.count() == 2

    CommunityApproval.objects.filter(community=held.inuit).delete()  # consent withdrawn
    assert is_withheld(guide)
    client.force_login(held.cluster.editor)
    untick_and_publish(client, guide)
    assert is_withheld(guide)
    assert client.get("/en/guides/herding-routes/").status_code == 404


def test_items_published_or_awaiting_consent_before_requests_were_recorded(held):
    """The data migration records the requests of existing items."""
    live = f.GuidePageFactory(parent=held.cluster.tree.guides, communities=[held.sami])
    record_approval(held.sami, live, held.ante)
    drafted = f.GuidePageFactory(parent=held.cluster.tree.guides, live=False)
    drafted.communities.set([held.inuit])
    drafted.save_revision()  # a draft, never submitted: nobody was asked
    ConsentRequest.objects.all().delete()

    migration = importlib.import_module("consent.migrations.0003_consent_requests")
    migration.record_existing_requests(apps, None)

    asked = set(ConsentRequest.objects.values_list("page_translation_key", "community__key"))
    assert asked == {
        (held.guide.translation_key, "sami"),
        (held.guide.translation_key, "inuit"),
        (live.translation_key, "sami"),
    }
