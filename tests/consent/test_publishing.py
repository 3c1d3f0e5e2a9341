"""Community consent: nothing about a community is published before a reviewer of each
community has approved it; the approval, its reviewer, date and note are recorded."""

from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

import pytest

from consent.gate import withheld_translation_keys
from consent.models import CommunityApproval, record_approval
from knowledgebase.models import GuidePage
from knowledgebase.visibility import PublishingRefused
from tests import factories as f
from tests.consent.helpers import authors_group, community_reviewer, review_workflow, user


@pytest.fixture
def consent(tree):
    sami = f.CommunityFactory(key="sami", name="Sámi reindeer herders")
    inuit = f.CommunityFactory(key="inuit", name="Inuit of Nunavik")
    guide = f.GuidePageFactory(
        parent=tree.guides,
        slug="herding-guide",
        title="Herding routes",
        live=False,
        communities=[sami, inuit],
    )
    guide.save_revision()
    return sami, inuit, guide


def workflow_action(client, page, action, **data):
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    return client.post(url, data)


def test_publishing_is_refused_until_every_community_approved(consent):
    sami, inuit, guide = consent
    reviewer = community_reviewer("ante", sami)
    with pytest.raises(PublishingRefused, match="Sámi reindeer herders"):
        guide.get_latest_revision().publish()
    record_approval(sami, guide, reviewer)
    with pytest.raises(PublishingRefused, match="Inuit of Nunavik") as refusal:
        guide.get_latest_revision().publish()
    assert "Sámi" not in str(refusal.value)
    assert guide.translation_key in withheld_translation_keys()

    record_approval(inuit, guide, community_reviewer("aputi", inuit))
    guide.get_latest_revision().publish()
    assert GuidePage.objects.get(pk=guide.pk).live
    assert not withheld_translation_keys()


def test_a_translation_is_refused_too(consent, french_tree):
    _sami, _inuit, guide = consent
    french = guide.copy_for_translation(f.LocaleFactory(language_code="fr"))
    assert list(french.communities.all()) == list(guide.communities.all())
    with pytest.raises(PublishingRefused):
        french.save_revision().publish()
    assert not GuidePage.objects.get(pk=french.pk).live


def test_the_editor_sees_why_publishing_is_refused(consent, client):
    _sami, _inuit, guide = consent
    client.force_login(user("editor", is_superuser=True))
    edit_url = reverse("wagtailadmin_pages:edit", args=[guide.pk])
    form = client.get(edit_url).context["form"]
    data = {name: form[name].value() for name in ("title", "slug", "summary", "published")}
    data.update(
        {
            "body": streamfield([("paragraph", rich_text("<p>Routes.</p>"))]),
            "communities": [str(pk) for pk in form["communities"].value()],
            "last_reviewed": "2025-06-01",
            "review_interval_months": "24",
            "maturity": "emerging",
            "licence": "CC-BY-4.0",
            "action-publish": "publish",
        }
    )
    data = nested_form_data(data)
    data["communities"] = [str(pk) for pk in form["communities"].value()]
    response = client.post(edit_url, data, follow=True)
    messages = [str(message) for message in response.context["messages"]]
    assert any("cannot be published yet" in m and "Inuit of Nunavik" in m for m in messages)
    assert not GuidePage.objects.get(pk=guide.pk).live


def test_each_community_consents_through_the_workflow(consent, tree, client):
    sami, inuit, guide = consent
    editors = Group.objects.create(name="Test editors")
    review_workflow(tree.guides, editors)
    author = user("author", authors_group(tree.guides))
    ante, aputi = community_reviewer("ante", sami), community_reviewer("aputi", inuit)
    editor = user("editor", editors, is_superuser=True)
    guide.get_workflow().start(guide, author)

    client.force_login(author)  # an author cannot consent for a community
    refused = workflow_action(client, guide, "approve")
    assert "do not have permission" in str(list(get_messages(refused.wsgi_request)))
    assert not CommunityApproval.objects.exists()

    client.force_login(ante)  # the reviewer's dashboard lists it, and they can read it
    assert "Herding routes" in client.get(reverse("wagtailadmin_home")).content.decode()
    task = guide.current_workflow_task
    preview = reverse("wagtailadmin_pages:workflow_preview", args=[guide.pk, task.pk])
    assert client.get(preview).status_code == 200
    workflow_action(client, guide, "approve", comment="Routes may be shown.")
    approval = CommunityApproval.objects.get()
    assert (approval.community, approval.reviewer, approval.note) == (
        sami,
        ante,
        "Routes may be shown.",
    )
    assert approval.page_translation_key == guide.translation_key
    assert approval.approved_at.date() == timezone.localdate()
    assert guide.current_workflow_task.specific_class.__name__ == "CommunityConsentTask"

    client.force_login(aputi)
    workflow_action(client, guide, "approve", comment="")
    assert CommunityApproval.objects.filter(community=inuit, reviewer=aputi).exists()
    guide.refresh_from_db()
    assert guide.current_workflow_task.name == "Editor approval"
    assert not guide.live

    client.force_login(editor)
    workflow_action(client, guide, "approve", comment="")
    guide.refresh_from_db()
    assert guide.live


def test_a_refusal_sends_the_item_back(consent, tree, client):
    sami, _inuit, guide = consent
    review_workflow(tree.guides, Group.objects.create(name="Test editors"))
    ante = community_reviewer("ante", sami)
    guide.get_workflow().start(guide, ante)
    client.force_login(ante)
    workflow_action(client, guide, "reject", comment="Not these routes.")
    guide.refresh_from_db()
    assert guide.current_workflow_state.status == "needs_changes"
    assert not CommunityApproval.objects.exists()
    assert not guide.live


def test_consent_is_skipped_for_items_about_no_community(tree):
    editors = Group.objects.create(name="Test editors")
    review_workflow(tree.guides, editors)
    guide = f.GuidePageFactory(parent=tree.guides, live=False)
    guide.save_revision()
    guide.get_workflow().start(guide, user("author"))
    assert guide.current_workflow_task.name == "Editor approval"


def test_a_reviewer_who_left_the_reviewers_group_no_longer_consents(consent, tree, client):
    sami, _inuit, guide = consent
    review_workflow(tree.guides, Group.objects.create(name="Test editors"))
    ante = community_reviewer("ante", sami)
    guide.get_workflow().start(guide, ante)
    ante.groups.set([authors_group(tree.guides)])  # still linked to the community
    client.force_login(ante)
    refused = workflow_action(client, guide, "approve")
    assert "do not have permission" in str(list(get_messages(refused.wsgi_request)))
    assert not CommunityApproval.objects.exists()
