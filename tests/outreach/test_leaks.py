"""Nothing restricted, draft or awaiting consent reaches the network, the numbers, the
feeds, the cards or the embed, in the source language or in a translated tree."""

from wagtail.models import PageViewRestriction

import pytest

from tests import factories as f
from tests.conftest import translate
from tests.outreach.helpers import HIDING, members

pytestmark = pytest.mark.django_db


def test_hidden_items_reach_no_outreach_surface(client, french_tree, tree):
    ice, ocean = members(tree, "ICE", "OCEAN")
    translate(ice, "fr")
    shown = f.GuidePageFactory(parent=tree.guides, title="Visible guide", members=[ice])
    translate(shown, "fr", title="Guide visible")
    hidden = [
        hide(tree, title=f"Hidden {name}", summary=f"Secret {name}.", members=[ice, ocean])
        for name, hide in HIDING.items()
    ]
    restricted_french = translate(
        f.GuidePageFactory(parent=tree.guides, title="Shown in English", members=[ice]),
        "fr",
        title="Hidden French translation",
    )
    PageViewRestriction.objects.create(
        page=restricted_french, restriction_type=PageViewRestriction.LOGIN
    )
    hidden_urls = [page.url for page in hidden if page.url] + [restricted_french.url]

    for language in ("en", "fr"):
        surfaces = {
            "network": f"/{language}/network/",
            "numbers": f"/{language}/numbers/",
            "numbers.csv": f"/{language}/numbers.csv",
            "numbers.json": f"/{language}/numbers.json",
            "feed": f"/{language}/feed/",
            "member feed": f"/{language}/feed/?member=ice",
            "embed": f"/{language}/embed/?member=ice",
            "card of the member page": f"/{language}/members/ice/",
        }
        for surface, url in surfaces.items():
            response = client.get(url)
            assert response.status_code == 200, url
            text = response.content.decode()
            assert "Hidden" not in text and "Secret" not in text, (surface, language)
            assert "OCEAN" not in text, (surface, language)  # linked by hidden items only
            for hidden_url in hidden_urls:
                assert f'{hidden_url}"' not in text, (surface, language, hidden_url)

    figures = client.get("/en/numbers.json").json()
    assert figures["items"]["guide"] == 2
    assert figures["by_language"]["fr"]["guide"] == 1
    assert figures["communities_engaged"] == 0
