"""The single contact point, /<lang>/contact/: a partner's enquiry is stored, routed to
the member it concerns or to the secretariat, acknowledged in the sender's language,
and bad input, bots and a broken mail server never cost an enquiry or show a 500."""

from django.core import mail
from django.core.cache import cache
from django.test import TestCase, override_settings

from contact.models import Enquiry
from tests import factories as f
from tests.conftest import build_tree

SECRETARIAT = "secretariat@polarcluster.example"


def enquiry_data(**changes):
    data = {
        "name": "Aviaja Lynge",
        "email": "aviaja@example.gl",
        "organisation": "Qaanaaq hunters' association",
        "message": "Could a project share its sea-ice observations with our community?",
        "consent": "on",
        "website": "",
    }
    data.update(changes)
    return data


@override_settings(CONTACT_SECRETARIAT_EMAIL=SECRETARIAT)
class ContactFormTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        tree = build_tree()
        cls.member = f.MemberPageFactory(
            parent=tree.members,
            title="Sea Ice Observatory",
            acronym="SIO",
            slug="sio",
            contact_name="Ida Berg",
            contact_email="contact@sio.example",
        )
        cls.silent_member = f.MemberPageFactory(parent=tree.members, slug="quiet", contact_email="")
        cls.topic = f.TopicFactory(key="sea-ice", name="Sea ice")
        cls.region = f.RegionFactory(key="greenland", name="Greenland")

    def setUp(self):
        cache.clear()  # the rate limit counts in the cache

    def post(self, language="en", **changes):
        return self.client.post(f"/{language}/contact/", enquiry_data(**changes))

    def test_the_form_is_a_page_in_the_readers_language_with_a_consent_sentence(self):
        for language, heading in (("en", "Contact the EU Polar Cluster"), ("fr", "Contacter")):
            with self.subTest(language=language):
                response = self.client.get(f"/{language}/contact/")
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, f'<html lang="{language}"')
                self.assertContains(response, heading)
                self.assertContains(response, 'name="consent"')
                self.assertContains(response, f'action="/{language}/contact/"')

    def test_an_enquiry_to_the_cluster_is_stored_and_routed_to_the_secretariat(self):
        response = self.post(topic="sea-ice", region="greenland")
        self.assertEqual(response.status_code, 303)
        self.assertEqual(response["Location"], "/en/contact/thanks/")
        enquiry = Enquiry.objects.get()
        self.assertEqual(enquiry.name, "Aviaja Lynge")
        self.assertEqual(enquiry.organisation, "Qaanaaq hunters' association")
        self.assertEqual((enquiry.topic, enquiry.region), (self.topic, self.region))
        self.assertEqual(enquiry.status, Enquiry.Status.NEW)
        self.assertEqual(enquiry.routed_to, SECRETARIAT)
        notification = next(m for m in mail.outbox if m.to == [SECRETARIAT])
        self.assertIn("Could a project share its sea-ice observations", notification.body)
        self.assertIn("Qaanaaq hunters' association", notification.body)
        self.assertEqual(notification.reply_to, ["aviaja@example.gl"])
        self.assertIn(f"/admin/snippets/contact/enquiry/edit/{enquiry.pk}/", notification.body)
        thanks = self.client.get(response["Location"])
        self.assertContains(thanks, "Thank you for your message")

    def test_contact_this_member_routes_to_the_members_contact(self):
        member_page = self.client.get(self.member.url)
        self.assertContains(member_page, 'href="/en/contact/?member=sio"')
        form = self.client.get("/en/contact/?member=sio")
        self.assertContains(form, "Contact SIO")
        self.assertContains(form, '<option value="sio" selected>SIO</option>', html=True)

        self.post(member="sio")
        enquiry = Enquiry.objects.get()
        self.assertEqual(enquiry.member, self.member)
        self.assertEqual(enquiry.routed_to, "contact@sio.example")
        self.assertEqual(
            [m.to for m in mail.outbox if m.to != ["aviaja@example.gl"]], [["contact@sio.example"]]
        )

    def test_a_member_without_a_contact_address_falls_back_to_the_secretariat(self):
        self.post(member="quiet")
        self.assertEqual(Enquiry.objects.get().routed_to, SECRETARIAT)

    def test_the_acknowledgement_goes_to_the_sender_in_their_language(self):
        for language, subject in (
            ("en", "We have received your message"),
            ("fr", "Nous avons bien reçu votre message"),
            ("nb", "Vi har mottatt meldingen din"),
        ):
            with self.subTest(language=language):
                mail.outbox.clear()
                self.post(language=language)
                acknowledgement = next(m for m in mail.outbox if m.to == ["aviaja@example.gl"])
                self.assertEqual(acknowledgement.subject, subject)
                reference = Enquiry.objects.latest("pk")
                self.assertEqual(reference.language, language)
                self.assertIn(str(reference.pk), acknowledgement.body)
                # Nothing the sender typed is mailed back: no relay for someone else's text.
                self.assertNotIn("sea-ice observations", acknowledgement.body)

    @override_settings(EMAIL_BACKEND="tests.contact.failing_mail.EmailBackend")
    def test_a_failing_mail_server_leaves_the_enquiry_stored_and_flagged(self):
        with self.assertLogs("contact", "ERROR"):
            response = self.post(member="sio")
        self.assertEqual(response.status_code, 303)
        enquiry = Enquiry.objects.get()
        self.assertTrue(enquiry.notification_failed)
        self.assertTrue(enquiry.acknowledgement_failed)
        self.assertEqual(enquiry.message, enquiry_data()["message"])
        self.assertContains(self.client.get(response["Location"]), "Thank you for your message")

    def test_a_filled_honeypot_is_thanked_and_dropped(self):
        response = self.post(website="http://cheap-pills.example")
        self.assertEqual(response.status_code, 303)
        self.assertFalse(Enquiry.objects.exists())
        self.assertEqual(mail.outbox, [])

    def test_the_honeypot_is_hidden_from_people(self):
        response = self.client.get("/en/contact/")
        self.assertRegex(response.content.decode(), r'<div hidden><label for="id_website">')

    @override_settings(CONTACT_RATE_LIMIT=(2, 3600))
    def test_a_client_sending_too_often_is_asked_to_wait(self):
        self.assertEqual(self.post().status_code, 303)
        self.assertEqual(self.post().status_code, 303)
        response = self.post(language="fr")
        self.assertEqual(response.status_code, 429)
        self.assertContains(response, "Veuillez réessayer plus tard", status_code=429)
        self.assertEqual(Enquiry.objects.count(), 2)
        other_client = self.client.post("/en/contact/", enquiry_data(), REMOTE_ADDR="198.51.100.7")
        self.assertEqual(other_client.status_code, 303)

    @override_settings(CONTACT_RATE_LIMIT=(1, 3600), FORWARDED_ALLOW_IPS=["127.0.0.1"])
    def test_readers_behind_the_proxy_are_counted_apart(self):
        def from_reader(forwarded_for):
            return self.client.post(
                "/en/contact/",
                enquiry_data(),
                REMOTE_ADDR="127.0.0.1",
                HTTP_X_FORWARDED_FOR=forwarded_for,
            )

        self.assertEqual(from_reader("203.0.113.5").status_code, 303)
        self.assertEqual(from_reader("203.0.113.6").status_code, 303)
        self.assertEqual(from_reader("203.0.113.5").status_code, 429)
        # What the reader wrote in the header before the proxy added its address is ignored.
        self.assertEqual(from_reader("192.0.2.1, 203.0.113.6").status_code, 429)
        self.assertEqual(Enquiry.objects.count(), 2)

    @override_settings(
        CONTACT_RATE_LIMIT=(1, 3600), FORWARDED_ALLOW_IPS=["127.0.0.1", "10.0.0.0/8"]
    )
    def test_a_chain_of_trusted_proxies_passes_the_reader_on(self):
        forwarded = {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "203.0.113.5, 10.0.0.1"}
        self.assertEqual(
            self.client.post("/en/contact/", enquiry_data(), **forwarded).status_code, 303
        )
        forwarded["HTTP_X_FORWARDED_FOR"] = "203.0.113.6, 10.0.0.1"
        self.assertEqual(
            self.client.post("/en/contact/", enquiry_data(), **forwarded).status_code, 303
        )

    @override_settings(CONTACT_RATE_LIMIT=(1, 3600), FORWARDED_ALLOW_IPS=["127.0.0.1"])
    def test_a_direct_client_cannot_pose_as_other_readers(self):
        for forwarded_for, status in (("203.0.113.5", 303), ("203.0.113.6", 429)):
            response = self.client.post(
                "/en/contact/",
                enquiry_data(),
                REMOTE_ADDR="198.51.100.7",
                HTTP_X_FORWARDED_FOR=forwarded_for,
            )
            self.assertEqual(response.status_code, status)

    def test_bad_input_returns_the_form_with_messages_in_the_readers_language(self):
        cases = [
            ("en", {"name": ""}, "Please enter your name."),
            ("en", {"email": "not-an-address"}, "Please enter an e-mail address such as"),
            ("en", {"message": "   "}, "Please write your message."),
            ("en", {"message": "x" * 5001}, "at most 5000 characters"),
            ("en", {"name": "Spam\r\nBcc: victim@example.org"}, "Please write this on one line."),
            ("en", {"consent": ""}, "Please agree, so that we may store your message."),
            ("en", {"member": "no-such-member"}, "Please choose from the list."),
            ("fr", {"name": ""}, "Veuillez indiquer votre nom."),
            ("nb", {"message": ""}, "Skriv meldingen din."),
        ]
        for language, changes, message in cases:
            with self.subTest(language=language, changes=list(changes)):
                response = self.post(language=language, **changes)
                self.assertEqual(response.status_code, 400)
                self.assertContains(response, message, status_code=400)
                self.assertContains(response, 'aria-invalid="true"', status_code=400)
                # What the reader typed is kept for them to correct.
                if "message" not in changes:
                    self.assertContains(response, "sea-ice observations", status_code=400)
        self.assertFalse(Enquiry.objects.exists())
        self.assertEqual(mail.outbox, [])

    def test_an_oversized_post_is_refused_with_the_form_not_an_error_page(self):
        response = self.post(organisation="x" * 70_000)
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, "Your message is too long to send.", status_code=400)
        self.assertContains(response, 'name="message"', status_code=400)
        self.assertFalse(Enquiry.objects.exists())

    def test_the_contact_page_exists_in_every_language_and_is_linked_from_the_footer(self):
        for language in ("en", "kl", "se", "iu"):
            with self.subTest(language=language):
                self.assertEqual(self.client.get(f"/{language}/contact/").status_code, 200)
                other_page = self.client.get(f"/{language}/no-such-page/")
                self.assertContains(other_page, f'href="/{language}/contact/"', status_code=404)

    def test_other_methods_are_not_allowed(self):
        self.assertEqual(self.client.put("/en/contact/").status_code, 405)
