"""Search insight for authors: searches counted without personal data, and the
admin report of searches that found nothing."""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test import TestCase
from django.utils import timezone
from django.utils.formats import date_format

from search.models import DailySearchCount
from tests.search.engine import EngineTestCase

REPORT_URL = "/admin/search-insight/nothing-found/"
NOTHING = "qwxyzzy"  # a word in no item


def counts():
    return {
        (row.query, row.language): (row.searches, row.found_nothing)
        for row in DailySearchCount.objects.all()
    }


class RecordingTests(EngineTestCase):
    engine_name = "database"

    def test_a_search_is_counted_with_its_language_and_without_personal_data(self):
        user = get_user_model().objects.create_user("reader", "reader@example.org", "pw")
        self.client.force_login(user)
        page = self.client.get("/fr/search/", {"q": "  Polar   BEAR "}, REMOTE_ADDR="203.0.113.7")
        self.assertEqual(page.status_code, 200)
        self.assertGreater(page.context["answer"]["total"], 0)
        self.api(q=NOTHING, lang="nb")

        self.assertEqual(counts(), {("polar bear", "fr"): (1, 0), (NOTHING, "nb"): (1, 1)})
        row = DailySearchCount.objects.get(language="fr")
        self.assertEqual(row.date, timezone.localdate())
        fields = {field.name for field in DailySearchCount._meta.get_fields()}
        self.assertEqual(fields, {"id", "query", "language", "date", "searches", "found_nothing"})
        stored = " ".join(str(value) for value in DailySearchCount.objects.values_list())
        for personal in ("203.0.113.7", "reader", str(user.pk) + " "):
            self.assertNotIn(personal, stored)

    def test_the_same_query_on_one_day_adds_up_in_one_row(self):
        self.api(q="Sea ice", lang="en")
        self.api(q="sea   ICE", lang="en")
        self.client.get("/en/search/", {"q": "sea ice"})
        self.api(q=NOTHING, lang="en")
        self.api(q=NOTHING.upper(), lang="en")
        self.assertEqual(counts(), {("sea ice", "en"): (3, 0), (NOTHING, "en"): (2, 2)})

    def test_further_pages_refinements_suggestions_and_empty_searches_are_not_counted(self):
        self.api(q="sea ice", lang="en")
        self.api(q="sea ice", lang="en", page="2")
        self.client.get("/en/search/", {"q": "sea ice", "page": "2"})
        self.api(q="sea ice", lang="en", type="lesson")
        self.client.get("/api/search/suggest/", {"q": "sea ice", "lang": "en"})
        self.api(q="", lang="en")
        self.client.get("/en/search/")
        self.assertEqual(counts(), {("sea ice", "en"): (1, 0)})

    def test_a_database_error_while_counting_is_logged_and_the_search_still_answers(self):
        with connection.cursor() as cursor:  # undone when the test's transaction rolls back
            cursor.execute(f"DROP TABLE {DailySearchCount._meta.db_table}")
        with self.assertLogs("search.insight", "ERROR") as logs:
            answer = self.api(q="sea ice", lang="en")
        self.assertGreater(answer["total"], 0)
        self.assertIn("Could not record a search", logs.output[0])


class NothingFoundReportTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        today = timezone.localdate()
        for query, language, days_ago, searches, found_nothing in [
            ("drone permits", "en", 0, 5, 4),
            ("drone permits", "en", 3, 2, 2),
            ("ship time", "en", 1, 3, 3),
            ("isbjørnvakt", "nb", 2, 9, 9),
            ("polar bear", "en", 0, 20, 0),
            ("snow radar", "en", 45, 8, 8),
        ]:
            DailySearchCount.objects.create(
                query=query,
                language=language,
                date=today - datetime.timedelta(days=days_ago),
                searches=searches,
                found_nothing=found_nothing,
            )
        users = get_user_model().objects
        cls.editor = users.create_user("editor", "editor@example.org", "pw")
        cls.editor.groups.add(Group.objects.get(name="Cluster editors"))
        cls.author = users.create_user("author", "author@example.org", "pw")
        group = Group.objects.create(name="Member authors of a test")
        group.permissions.add(Permission.objects.get(codename="access_admin"))
        cls.author.groups.add(group)

    def rows(self, **params):
        self.client.force_login(self.editor)
        response = self.client.get(REPORT_URL, params)
        self.assertEqual(response.status_code, 200)
        return response, [
            (row["query"], row["language"], row["nothing_found"], row["total_searches"])
            for row in response.context["object_list"]
        ]

    def test_editors_see_the_queries_that_found_nothing_in_a_language_most_frequent_first(self):
        response, rows = self.rows(language="en")
        self.assertEqual(rows, [("drone permits", "en", 6, 7), ("ship time", "en", 3, 3)])
        self.assertContains(response, "Searches that found nothing")
        content = response.content.decode()
        self.assertLess(content.index("drone permits"), content.index("ship time"))
        self.assertNotIn("polar bear", content)  # it found something
        self.assertNotIn("snow radar", content)  # older than the last 30 days
        last_seen = date_format(timezone.localdate())
        self.assertContains(response, f"<td>{last_seen}</td>", html=True)

    def test_every_language_and_a_longer_period(self):
        _response, rows = self.rows(period="90")
        self.assertEqual(
            rows,
            [
                ("isbjørnvakt", "nb", 9, 9),
                ("snow radar", "en", 8, 8),
                ("drone permits", "en", 6, 7),
                ("ship time", "en", 3, 3),
            ],
        )

    def test_the_backlog_exports_as_csv(self):
        self.client.force_login(self.editor)
        response = self.client.get(REPORT_URL, {"language": "nb", "export": "csv"})
        self.assertEqual(response.status_code, 200)
        lines = b"".join(response.streaming_content).decode().splitlines()
        self.assertEqual(lines[0], "Search,Language,Found nothing,Searches,Last found nothing")
        self.assertEqual(
            lines[1:], [f"isbjørnvakt,nb,9,9,{timezone.localdate() - datetime.timedelta(2)}"]
        )

    def test_the_report_is_in_the_reports_menu_for_editors_only(self):
        self.client.force_login(self.editor)
        menu = self.client.get("/admin/")
        self.assertContains(menu, REPORT_URL)
        self.assertContains(menu, "/admin/searchpicks/")  # editors manage the picks too
        self.client.force_login(self.author)
        self.assertNotContains(self.client.get("/admin/"), REPORT_URL)

    def test_superusers_get_this_report_instead_of_the_always_empty_search_terms(self):
        admin = get_user_model().objects.create_superuser("admin", "admin@example.org", "pw")
        self.client.force_login(admin)
        menu = self.client.get("/admin/")
        self.assertContains(menu, REPORT_URL)
        # Searches are counted here, not as the search promotions' query hits.
        self.assertNotContains(menu, "/admin/searchpicks/reports/search-terms/")

    def test_users_without_the_permission_are_refused(self):
        self.client.force_login(self.author)
        response = self.client.get(REPORT_URL, {"language": "en"})
        self.assertIn(response.status_code, (302, 403))
        self.assertNotIn("drone permits", response.content.decode())
        self.client.logout()
        response = self.client.get(REPORT_URL)
        self.assertEqual(response.status_code, 302)
        self.assertIn("/admin/login/", response["Location"])
