"""PID health: check_pids resolves each legacy output's PID against a local HTTP server
(no outside network) and reports the broken one; editors see it in a report, the
authors who keep the output on their dashboard."""

import datetime
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import TestCase, override_settings

from legacy.models import PidCheck
from tests import factories as f
from tests.workspaces.helpers import build_cluster, publish
from workspaces.members import add_member_author


class Resolver(BaseHTTPRequestHandler):
    """/ok answers 200; a DOI redirects to /ok; HEAD on /no-head is refused; /slow is
    slow; everything else (a Handle among it) is 404."""

    def do_HEAD(self):
        self.answer()

    def do_GET(self):
        self.answer()

    def answer(self):
        if self.path.startswith("/doi/"):
            self.send_response(302)
            self.send_header("Location", "/ok")
        elif self.path == "/no-head" and self.command == "HEAD":
            self.send_response(405)
        elif self.path in ("/ok", "/no-head"):
            self.send_response(200)
        elif self.path == "/slow":
            time.sleep(2)
            self.send_response(200)
        else:
            self.send_response(404)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


class PidTestCase(TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = ThreadingHTTPServer(("127.0.0.1", 0), Resolver)
        cls.server.daemon_threads = True
        threading.Thread(target=cls.server.serve_forever, daemon=True).start()
        cls.addClassCleanup(cls.server.server_close)
        cls.addClassCleanup(cls.server.shutdown)
        cls.base = f"http://127.0.0.1:{cls.server.server_port}"
        cls.enterClassContext(
            override_settings(
                PID_DOI_RESOLVER=f"{cls.base}/doi/", PID_HANDLE_RESOLVER=f"{cls.base}/handle/"
            )
        )
        super().setUpClass()

    @classmethod
    def setUpTestData(cls):
        cluster = build_cluster()
        cls.cluster = cluster
        cls.ended = publish(
            f.MemberPageFactory(
                parent=cluster.tree.members,
                title="Ended Ice Project",
                end_date=datetime.date(2023, 12, 31),
                custodian=cluster.member_a,
            )
        )

        def output(title, identifier, member):
            page = f.OutputPageFactory(
                parent=cluster.tree.outputs, title=title, identifier=identifier, members=[member]
            )
            return publish(page)

        cls.working = output("Working address", f"{cls.base}/ok", cluster.member_b)
        cls.moved = output("Moved DOI", "10.5072/polarkb.moved", cls.ended)
        cls.broken = output("Broken Handle", "hdl:11304/gone", cls.ended)
        cls.author_b = get_user_model().objects.create_user("author-b", "b@example.org", "pw")
        add_member_author(cls.author_b, cluster.member_b)

    def check_pids(self, *arguments):
        out = StringIO()
        call_command("check_pids", *arguments, stdout=out)
        return out.getvalue()


class CheckPidsTests(PidTestCase):
    def test_the_broken_one_of_three_is_reported(self):
        report = json.loads(self.check_pids("--json"))
        self.assertEqual((report["checked"], report["broken"]), (3, 1))
        results = {result["output"]: result for result in report["results"]}
        self.assertEqual(
            {title for title, result in results.items() if not result["ok"]}, {"Broken Handle"}
        )
        self.assertEqual(results["Broken Handle"]["status"], 404)
        self.assertEqual(results["Broken Handle"]["final_url"], f"{self.base}/handle/11304/gone")
        # The DOI went through the resolver and its redirect.
        self.assertEqual(results["Moved DOI"]["status"], 200)
        self.assertEqual(results["Moved DOI"]["final_url"], f"{self.base}/ok")
        check = PidCheck.objects.get(translation_key=self.broken.translation_key)
        self.assertEqual((check.ok, check.status_code, check.pid), (False, 404, "hdl:11304/gone"))
        self.assertLess(
            datetime.datetime.now(datetime.UTC) - check.checked_at, datetime.timedelta(minutes=1)
        )

    def test_the_plain_report_names_the_broken_pid(self):
        text = self.check_pids()
        self.assertIn("BROKEN hdl:11304/gone (404): Broken Handle", text)
        self.assertIn("3 PID(s) checked, 1 broken.", text)
        self.assertNotIn("Moved DOI", text)

    @override_settings(PID_CHECK_TIMEOUT=0.5)
    def test_a_server_that_refuses_head_is_asked_with_get_and_a_slow_one_times_out(self):
        publish(
            f.OutputPageFactory(
                parent=self.cluster.tree.outputs, title="No HEAD", identifier=f"{self.base}/no-head"
            )
        )
        publish(
            f.OutputPageFactory(
                parent=self.cluster.tree.outputs, title="Slow", identifier=f"{self.base}/slow"
            )
        )
        started = time.monotonic()
        results = {
            result["output"]: result for result in json.loads(self.check_pids("--json"))["results"]
        }
        self.assertLess(time.monotonic() - started, 5)
        self.assertEqual((results["No HEAD"]["ok"], results["No HEAD"]["status"]), (True, 200))
        self.assertEqual((results["Slow"]["ok"], results["Slow"]["status"]), (False, None))
        self.assertIn("0.5 seconds", results["Slow"]["error"])


class BrokenPidsInTheAdminTests(PidTestCase):
    def setUp(self):
        self.check_pids()

    def test_editors_see_the_broken_pids_report(self):
        self.client.force_login(self.cluster.editor)
        response = self.client.get("/admin/reports/broken-pids/")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Broken Handle")
        self.assertContains(response, "hdl:11304/gone")
        self.assertNotContains(response, "Moved DOI")
        self.assertContains(self.client.get("/admin/"), "/admin/reports/broken-pids/")

    def test_authors_may_not_read_the_report(self):
        self.client.force_login(self.author_b)
        response = self.client.get("/admin/reports/broken-pids/")
        self.assertNotEqual(response.status_code, 200)
        self.assertNotContains(self.client.get("/admin/"), "/admin/reports/broken-pids/")

    def test_the_custodians_author_sees_it_on_the_dashboard(self):
        self.client.force_login(self.cluster.author)  # writes for the custodian, member A
        dashboard = self.client.get("/admin/").content.decode()
        self.assertIn("Broken persistent identifiers", dashboard)
        self.assertIn("Broken Handle", dashboard)

    def test_other_authors_do_not(self):
        self.client.force_login(self.author_b)
        dashboard = self.client.get("/admin/").content.decode()
        self.assertIn("Broken persistent identifiers", dashboard)
        self.assertNotIn("Broken Handle", dashboard)

    def test_a_corrected_pid_leaves_the_lists(self):
        self.broken.identifier = f"{self.base}/ok"
        self.broken.save_revision().publish()
        self.client.force_login(self.cluster.editor)
        self.assertNotContains(self.client.get("/admin/reports/broken-pids/"), "Broken Handle")
