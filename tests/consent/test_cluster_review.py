"""The site's own review workflow asks the communities before the Cluster editors."""

from tests import factories as f
from tests.consent.helpers import community_reviewer, user


def submitted_guide(tree, **fields):
    guide = f.GuidePageFactory(parent=tree.guides, live=False, **fields)
    guide.save_revision()
    workflow = guide.get_workflow()
    assert workflow.name == "Cluster review"
    workflow.start(guide, user("author"))
    return guide


def test_an_item_about_a_community_waits_for_its_consent_first(tree):
    sami = f.CommunityFactory(key="sami", name="Sámi reindeer herders")
    community_reviewer("ante", sami)
    guide = submitted_guide(tree, communities=[sami])
    assert guide.current_workflow_task.name == "Community consent"
    assert not guide.live


def test_an_item_about_no_community_goes_straight_to_the_editors(tree):
    guide = submitted_guide(tree)
    assert guide.current_workflow_task.name == "Editor approval"
