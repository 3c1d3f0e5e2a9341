"""The "Cluster review" workflow: an author submits, the Cluster editors are e-mailed,
an editor approves or asks for changes with a comment, and the author hears back; every language's
guides, lessons and outputs go through it."""

import socket

from django.core import mail
from django.test import TestCase, override_settings

from wagtail.models import GroupApprovalTask, Page, WorkflowState

from knowledgebase.models import GuidePage
from tests.conftest import translate
from workspaces.roles import CLUSTER_EDITORS
from workspaces.workflows import EDITOR_APPROVAL, WORKFLOW, cluster_review

from .helpers import build_cluster, guide_form


def closed_port():
    """A local port nothing listens on: connecting to it is refused at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


CLOSED_PORT = closed_port()


class ClusterReviewTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.cluster = build_cluster()
        cls.guide = cls.cluster.guide_a

    def submit_as_author(self, title):
        self.client.force_login(self.cluster.author)
        data = guide_form(self.guide, title=title, **{"action-submit": "1"})
        response = self.client.post(f"/admin/pages/{self.guide.pk}/edit/", data)
        self.assertEqual(response.status_code, 302)
        return WorkflowState.objects.get(object_id=str(self.guide.pk))

    def test_submitting_e_mails_the_cluster_editors(self):
        state = self.submit_as_author("Guide of A, revised")
        self.assertEqual(state.workflow.name, WORKFLOW)
        self.assertEqual(state.current_task_state.task.name, EDITOR_APPROVAL)
        recipients = [address for message in mail.outbox for address in message.to]
        self.assertIn(self.cluster.editor.email, recipients)
        self.assertNotIn(self.cluster.translator.email, recipients)
        self.assertIn("Guide of A, revised", mail.outbox[-1].subject + mail.outbox[-1].body)

    @override_settings(
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=CLOSED_PORT,
        EMAIL_TIMEOUT=2,
    )
    def test_a_failing_mail_server_does_not_stop_a_submission(self):
        with self.assertLogs("wagtail.admin", "ERROR"):
            state = self.submit_as_author("Guide of A, revised")
        self.assertEqual(state.status, WorkflowState.STATUS_IN_PROGRESS)

    def test_an_editor_approves_and_the_author_hears_back(self):
        state = self.submit_as_author("Guide of A, revised")
        mail.outbox.clear()
        self.client.force_login(self.cluster.editor)
        task_state = state.current_task_state
        url = f"/admin/pages/workflow/action/{self.guide.pk}/approve/{task_state.pk}/"
        response = self.client.post(url, {"comment": "Clear and checked."})
        self.assertEqual(response.status_code, 302)
        self.assertEqual(Page.objects.get(pk=self.guide.pk).specific.title, "Guide of A, revised")
        to_author = [m for m in mail.outbox if self.cluster.author.email in m.to]
        self.assertIn("has been approved", to_author[0].body)

    def test_an_editor_asks_for_changes_with_a_comment(self):
        state = self.submit_as_author("Guide of A, revised")
        mail.outbox.clear()
        self.client.force_login(self.cluster.editor)
        task_state = state.current_task_state
        url = f"/admin/pages/workflow/action/{self.guide.pk}/reject/{task_state.pk}/"
        response = self.client.post(url, {"comment": "Please cite the ice chart source."})
        self.assertEqual(response.status_code, 302)
        self.assertEqual(Page.objects.get(pk=self.guide.pk).specific.title, "Guide of A")
        to_author = [m for m in mail.outbox if self.cluster.author.email in m.to]
        self.assertIn("Please cite the ice chart source.", to_author[0].body)

    def test_an_author_cannot_approve_their_own_submission(self):
        state = self.submit_as_author("Guide of A, revised")
        url = f"/admin/pages/workflow/action/{self.guide.pk}/approve/{state.current_task_state.pk}/"
        self.client.post(url, {"comment": ""})
        self.assertEqual(Page.objects.get(pk=self.guide.pk).specific.title, "Guide of A")

    def test_guides_lessons_and_outputs_of_a_new_language_are_reviewed(self):
        tree = self.cluster.tree
        translate(tree.home, "de")
        for index in (tree.guides, tree.lessons, tree.outputs):
            with self.subTest(index=type(index).__name__):
                german = translate(index, "de")
                self.assertEqual(german.get_workflow().name, WORKFLOW)
        german_guide = translate(self.guide, "de")
        self.assertEqual(GuidePage.objects.get(pk=german_guide.pk).get_workflow().name, WORKFLOW)

    def test_the_workflow_can_take_further_tasks(self):
        workflow = cluster_review()
        self.assertEqual(workflow, cluster_review())
        tasks = [task.specific for task in workflow.tasks]
        # The communities consent first; the editors' approval, which publishes, comes last.
        self.assertEqual([task.name for task in tasks], ["Community consent", EDITOR_APPROVAL])
        self.assertIsInstance(tasks[-1], GroupApprovalTask)
        self.assertEqual([group.name for group in tasks[-1].groups.all()], [CLUSTER_EDITORS])
