"""The Cluster in numbers: every figure counted from what readers may see."""

import csv
import datetime
import io

import pytest

from consent.models import CommunityApproval
from tests import factories as f
from tests.conftest import translate
from tests.consent.helpers import user
from tests.outreach.helpers import HIDING, members

pytestmark = pytest.mark.django_db


def approve(page, community):
    CommunityApproval.objects.create(
        community=community,
        page_translation_key=page.translation_key,
        page=page,
        reviewer=user(f"reviewer-{community.key}"),
    )


def test_numbers_equal_counts_of_the_visible_items(client, tree):
    ice, ocean = members(tree, "ICE", "OCEAN")
    f.MemberPageFactory(parent=tree.members, slug="draft", live=False)
    consenting, waiting = f.CommunityFactory(), f.CommunityFactory()
    old = datetime.date(2023, 3, 1)
    guide = f.GuidePageFactory(parent=tree.guides, members=[ice], published=old)
    f.GuidePageFactory(parent=tree.guides, members=[ice, ocean], published=old)
    lesson = f.LessonPageFactory(parent=tree.lessons, members=[ocean], communities=[consenting])
    approve(lesson, consenting)
    f.OutputPageFactory(parent=tree.outputs, identifier="10.5072/one", published=old)
    f.OutputPageFactory(parent=tree.outputs, identifier="https://data.example.org/ice")
    f.GuidePageFactory(parent=tree.guides, doi="10.5072/guide", published=old)
    for hide in HIDING.values():
        hide(tree, members=[ice], published=old)
    f.LessonPageFactory(parent=tree.lessons, communities=[waiting])  # awaiting consent
    for page in vars(tree).values():  # the French tree, so that items can be translated
        translate(page, "fr")
    translate(guide, "fr")
    translate(lesson, "fr")
    f.InfrastructurePageFactory(parent=tree.infrastructure, members=[ice])
    f.InfrastructurePageFactory(parent=tree.infrastructure, members=[ice], live=False)

    figures = client.get("/en/numbers.json").json()

    in_english = {"guide": 3, "lesson": 1, "member": 2, "output": 2, "infrastructure": 1}
    assert figures["items"] == {**in_english, "activity": 0}  # every type, counted or not
    assert figures["with_persistent_identifier"] == {"guide": 1, "output": 1}
    assert figures["communities_engaged"] == 1
    assert figures["by_language"] == {"en": in_english, "fr": {"guide": 1, "lesson": 1}}
    assert figures["by_year"] == {
        "2023": {"guide": 3, "output": 1},
        "2024": {"lesson": 1, "member": 2, "output": 1, "infrastructure": 1},
    }


def test_the_page_and_the_csv_give_the_same_figures(client, tree):
    ice, ocean = members(tree, "ICE", "OCEAN")
    f.GuidePageFactory(parent=tree.guides, members=[ice, ocean])
    f.OutputPageFactory(parent=tree.outputs, members=[ocean], identifier="10.5072/x")
    HIDING["restricted"](tree, members=[ice])

    page = client.get("/en/numbers/")
    spreadsheet = client.get("/en/numbers.csv")

    html = page.content.decode()
    assert page.status_code == 200
    assert '<svg role="img" aria-labelledby="totals-title totals-desc"' in html
    assert '<th scope="row">Guides</th><td>1</td>' in html
    assert '<th scope="row">Members</th><td>2</td>' in html
    assert spreadsheet["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(spreadsheet.content.decode())))
    totals = {row["content_type"]: int(row["count"]) for row in rows if row["figure"] == "items"}
    assert totals == {
        "guide": 1,
        "lesson": 0,
        "member": 2,
        "output": 1,
        "infrastructure": 0,
        "activity": 0,
    }
    assert {
        "figure": "with_persistent_identifier",
        "content_type": "output",
        "language": "",
        "year": "",
        "count": "1",
    } in rows
