"""The admin report shows which groups wait for the engine and which were set aside."""

from search.models import PendingIndexUpdate
from tests import factories as f


def test_report_names_the_set_aside_page_and_why(tree, admin_client):
    guide = f.GuidePageFactory(parent=tree.guides, title="Whiteout navigation")
    PendingIndexUpdate.objects.create(
        translation_key=guide.translation_key,
        attempts=5,
        set_aside=True,
        last_error="mapper_parsing_exception: failed to parse field [published]",
    )
    response = admin_client.get("/admin/search/queue/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Whiteout navigation" in html
    assert "mapper_parsing_exception" in html
    assert "1 group set aside" in html


def test_report_is_for_administrators_only(tree, client, django_user_model):
    from django.contrib.auth.models import Permission

    editor = django_user_model.objects.create_user("editor", password="x")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert client.get("/admin/search/queue/").status_code in (302, 403)
