"""What goes into an item's index text: the page's search fields through Wagtail's
own hooks, words kept apart, entities decoded once, no block settings, labels in
the item's own language whatever language the editor works in."""

from django.utils import translation

from search.documents import build_group_documents
from tests import factories as f


def representative(page):
    return next(d for d in build_group_documents(page.translation_key) if d["is_representative"])


def test_words_at_block_boundaries_stay_apart(tree):
    guide = f.GuidePageFactory(
        parent=tree.guides,
        body=[
            ("paragraph", "<p>hello</p><p>world</p><ul><li>ice</li><li>axe</li></ul>"),
            ("heading", {"text": "Before you go", "level": "h2"}),
            ("paragraph", "<p>radio<br/>check</p>"),
        ],
    )
    body = representative(guide)["body_en"]
    assert "hello world" in body
    assert "ice axe" in body
    assert "radio check" in body
    assert representative(guide)["headings_en"] == "Before you go"


def test_entities_are_decoded_once(tree):
    guide = f.GuidePageFactory(parent=tree.guides, body=[("paragraph", "<p>Fish &amp; chips</p>")])
    assert "Fish & chips" in representative(guide)["body_en"]
    assert "&amp;" not in representative(guide)["body_en"]


def test_block_settings_are_not_indexed(tree):
    guide = f.GuidePageFactory(
        parent=tree.guides,
        body=[
            ("heading", {"text": "Thin ice", "level": "h3", "anchor": "thin-ice-anchor"}),
            ("callout", {"kind": "warning", "title": "Turn back", "text": "<p>Now.</p>"}),
        ],
    )
    document = representative(guide)
    text = f"{document['headings_en']} {document['body_en']}"
    for setting in ("h3", "thin-ice-anchor", "warning", "Warning"):
        assert setting not in text.split()
    assert "Turn back" in text


def test_labels_are_in_the_items_own_language(tree):
    output = f.OutputPageFactory(parent=tree.outputs, kind="report", custodian="Archive")
    with translation.override("de"):
        assert output.get_kind_display() == "Bericht"  # the editor works in German
        body = representative(output)["body_en"]
    assert "Report" in body
    assert "Bericht" not in body


def test_lesson_sections_and_member_fields_are_indexed(tree):
    lesson = f.LessonPageFactory(parent=tree.lessons)
    sections = "Spring campaign on fast ice. The ice broke up early."
    assert sections in representative(lesson)["body_en"]
    member = f.MemberPageFactory(
        parent=tree.members, acronym="ARICE", funding_programme="Horizon 2020"
    )
    document = representative(member)
    assert document["title_en"].endswith("(ARICE)")
    assert "Horizon 2020" in document["body_en"]
