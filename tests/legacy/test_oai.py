"""OAI-PMH 2.0 at /oai/: every verb and error code, both formats, sets, dates and
resumption tokens, deleted records, and nothing readers may not see. Every answer is
parsed and validated against the OAI-PMH, oai_dc and oai_datacite schemas."""

import datetime

from django.test import TestCase, override_settings
from django.utils import timezone

from wagtail.models import PageViewRestriction

from tests import factories as f
from tests.conftest import build_tree, translate

from .oai import NS, XML_LANG, ask, error_code, identifiers, texts


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def oai_id(page):
    return f"oai:testserver:{page.translation_key}"


class HarvestTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        tree = build_tree()
        cls.tree = tree
        cls.member = publish(
            f.MemberPageFactory(parent=tree.members, title="Ice Network", slug="ice-net")
        )
        hidden_member = publish(
            f.MemberPageFactory(parent=tree.members, title="Hidden Project", slug="hidden-project")
        )
        PageViewRestriction.objects.create(page=hidden_member, restriction_type="login")
        cls.guide = publish(
            f.GuidePageFactory(
                parent=tree.guides,
                title="Sea-ice travel",
                summary="Travel safely on sea ice.",
                doi="10.5072/polarkb.guide.1",
                members=[cls.member],
            )
        )
        french_home = translate(tree.home, "fr")
        translate(tree.guides, "fr")
        cls.french_guide = translate(cls.guide, "fr", title="Voyager sur la banquise")
        cls.lesson = publish(f.LessonPageFactory(parent=tree.lessons, members=[cls.member]))
        cls.dataset = publish(
            f.OutputPageFactory(
                parent=tree.outputs,
                title="Sea-ice thickness 2019",
                identifier="10.5072/polarkb.ds.1",
                members=[cls.member, hidden_member],
            )
        )
        cls.report = publish(
            f.OutputPageFactory(
                parent=tree.outputs,
                title="Field report",
                kind="report",
                identifier="https://data.example.org/report",
            )
        )
        # Restricted before it is first published: harvesters never see it.
        cls.secret = f.GuidePageFactory(parent=tree.guides, title="Restricted guide", live=False)
        PageViewRestriction.objects.create(
            page=cls.secret, restriction_type="password", password="x"
        )
        publish(cls.secret)
        cls.draft = f.GuidePageFactory(parent=tree.guides, title="Draft guide", live=False)
        cls.french_home = french_home

    @property
    def visible_ids(self):
        return {oai_id(page) for page in (self.guide, self.lesson, self.dataset, self.report)}


class VerbTests(HarvestTestCase):
    def test_identify(self):
        root = ask(self.client, verb="Identify")
        answer = root.find("oai:Identify", NS)
        self.assertEqual(texts(answer, "oai:protocolVersion"), ["2.0"])
        self.assertEqual(texts(answer, "oai:baseURL"), ["http://testserver/oai/"])
        self.assertEqual(texts(answer, "oai:deletedRecord"), ["transient"])
        self.assertEqual(texts(answer, "oai:granularity"), ["YYYY-MM-DDThh:mm:ssZ"])
        self.assertEqual(root.find("oai:request", NS).get("verb"), "Identify")

    def test_list_metadata_formats(self):
        root = ask(self.client, verb="ListMetadataFormats")
        self.assertEqual(texts(root, "//oai:metadataPrefix"), ["oai_dc", "oai_datacite"])
        lesson = ask(self.client, verb="ListMetadataFormats", identifier=oai_id(self.lesson))
        self.assertEqual(texts(lesson, "//oai:metadataPrefix"), ["oai_dc"])
        dataset = ask(self.client, verb="ListMetadataFormats", identifier=oai_id(self.dataset))
        self.assertEqual(texts(dataset, "//oai:metadataPrefix"), ["oai_dc", "oai_datacite"])

    def test_list_sets_per_type_and_member(self):
        root = ask(self.client, verb="ListSets")
        specs = texts(root, "//oai:set/oai:setSpec")
        self.assertEqual(
            specs,
            [
                "type",
                "type:guide",
                "type:lesson",
                "type:output",
                "type:infrastructure",
                "type:activity",
                "member",
                "member:ice-net",
            ],
        )
        self.assertIn(self.member.display_name, texts(root, "//oai:set/oai:setName"))

    def test_list_identifiers_lists_what_readers_see(self):
        root = ask(self.client, verb="ListIdentifiers", metadataPrefix="oai_dc")
        self.assertEqual(set(identifiers(root)), self.visible_ids)
        self.assertEqual(len(identifiers(root)), 4)  # one record per item, not per language
        headers = {
            header.findtext("oai:identifier", namespaces=NS): header
            for header in root.iterfind(".//oai:header", NS)
        }
        self.assertEqual(
            texts(headers[oai_id(self.dataset)], "oai:setSpec"), ["type:output", "member:ice-net"]
        )

    def test_list_records_in_dublin_core_with_every_language(self):
        root = ask(self.client, verb="ListRecords", metadataPrefix="oai_dc")
        self.assertEqual(set(identifiers(root)), self.visible_ids)
        record = self.record(root, self.guide)
        dc = record.find("oai:metadata/oai_dc:dc", NS)
        titles = {title.get(XML_LANG): title.text for title in dc.iterfind("dc:title", NS)}
        self.assertEqual(titles, {"en": "Sea-ice travel", "fr": "Voyager sur la banquise"})
        self.assertEqual(texts(dc, "dc:language"), ["en", "fr"])
        self.assertIn("https://doi.org/10.5072/polarkb.guide.1", texts(dc, "dc:identifier"))
        self.assertIn(self.french_guide.get_full_url(), texts(dc, "dc:identifier"))
        self.assertEqual(texts(dc, "dc:creator"), [self.member.display_name])
        self.assertEqual(texts(dc, "dc:rights"), ["https://creativecommons.org/licenses/by/4.0/"])

    def test_get_record_in_dublin_core(self):
        root = ask(
            self.client, verb="GetRecord", identifier=oai_id(self.report), metadataPrefix="oai_dc"
        )
        dc = root.find("oai:GetRecord/oai:record/oai:metadata/oai_dc:dc", NS)
        self.assertEqual(texts(dc, "dc:title"), ["Field report"])
        self.assertEqual(texts(dc, "dc:type"), ["Text"])
        self.assertIn("https://data.example.org/report", texts(dc, "dc:identifier"))

    def test_get_record_in_datacite_for_an_output_with_a_doi(self):
        root = ask(
            self.client,
            verb="GetRecord",
            identifier=oai_id(self.dataset),
            metadataPrefix="oai_datacite",
        )
        wrapper = root.find("oai:GetRecord/oai:record/oai:metadata/oai_datacite:oai_datacite", NS)
        self.assertEqual(wrapper.findtext("oai_datacite:schemaVersion", namespaces=NS), "4")
        resource = wrapper.find("oai_datacite:payload/datacite:resource", NS)
        assert_datacite_resource(self, resource)
        identifier = resource.find("datacite:identifier", NS)
        self.assertEqual(
            (identifier.get("identifierType"), identifier.text), ("DOI", "10.5072/polarkb.ds.1")
        )
        self.assertEqual(
            resource.find("datacite:resourceType", NS).get("resourceTypeGeneral"), "Dataset"
        )
        self.assertEqual(
            texts(resource, "datacite:creators/datacite:creator/datacite:creatorName"),
            [self.member.display_name],
        )
        rights = resource.find("datacite:rightsList/datacite:rights", NS)
        self.assertEqual(rights.get("rightsURI"), "https://creativecommons.org/licenses/by/4.0/")

    def test_list_records_in_datacite_has_only_the_items_with_a_doi(self):
        root = ask(self.client, verb="ListRecords", metadataPrefix="oai_datacite")
        self.assertEqual(set(identifiers(root)), {oai_id(self.guide), oai_id(self.dataset)})
        for resource in root.iterfind(".//datacite:resource", NS):
            assert_datacite_resource(self, resource)

    def test_harvesters_may_post_their_arguments(self):
        root = ask(self.client, method="post", verb="ListIdentifiers", metadataPrefix="oai_dc")
        self.assertEqual(set(identifiers(root)), self.visible_ids)

    def test_answers_are_not_kept_for_later_readers(self):
        response = self.client.get("/oai/", {"verb": "Identify"})
        self.assertIn("no-cache", response["Cache-Control"])
        before = ask(self.client, verb="ListIdentifiers", metadataPrefix="oai_dc")
        self.assertIn(oai_id(self.report), identifiers(before))
        self.report.unpublish()
        after = ask(self.client, verb="ListIdentifiers", metadataPrefix="oai_dc")
        self.assertNotIn(oai_id(self.report), self.live_ids(after))

    @staticmethod
    def live_ids(root):
        return texts(root, "//oai:header[not(@status)]/oai:identifier")

    @staticmethod
    def record(root, page):
        for record in root.iterfind(".//oai:record", NS):
            if record.findtext("oai:header/oai:identifier", namespaces=NS) == oai_id(page):
                return record
        raise AssertionError(f"no record of {page}")


def assert_datacite_resource(test, resource):
    """The DataCite 4 properties a record must have, each filled in."""
    for path in (
        "datacite:identifier",
        "datacite:creators/datacite:creator/datacite:creatorName",
        "datacite:titles/datacite:title",
        "datacite:publisher",
        "datacite:publicationYear",
        "datacite:resourceType",
    ):
        values = [value.strip() for value in texts(resource, path)]
        test.assertTrue(values and all(values), f"{path} is missing or empty")
    test.assertTrue(resource.find("datacite:resourceType", NS).get("resourceTypeGeneral"))
    test.assertRegex(resource.findtext("datacite:publicationYear", namespaces=NS), r"^\d{4}$")


class SelectiveHarvestingTests(HarvestTestCase):
    def list_ids(self, **params):
        root = ask(self.client, verb="ListIdentifiers", metadataPrefix="oai_dc", **params)
        return error_code(root) or set(identifiers(root))

    def test_sets_by_type_and_by_member(self):
        self.assertEqual(
            self.list_ids(set="type:output"), {oai_id(self.dataset), oai_id(self.report)}
        )
        self.assertEqual(self.list_ids(set="type:lesson"), {oai_id(self.lesson)})
        self.assertEqual(
            self.list_ids(set="member:ice-net"),
            {oai_id(self.guide), oai_id(self.lesson), oai_id(self.dataset)},
        )
        self.assertEqual(self.list_ids(set="type"), self.visible_ids)
        self.assertEqual(self.list_ids(set="member:hidden-project"), "noRecordsMatch")
        self.assertEqual(self.list_ids(set="type:nothing"), "noRecordsMatch")

    def test_from_and_until_by_last_change(self):
        today = timezone.now().date()
        self.assertEqual(self.list_ids(**{"from": today.isoformat()}), self.visible_ids)
        self.assertEqual(self.list_ids(until="2001-01-01"), "noRecordsMatch")
        tomorrow = timezone.now() + datetime.timedelta(days=1)
        self.assertEqual(
            self.list_ids(**{"from": tomorrow.strftime("%Y-%m-%dT%H:%M:%SZ")}), "noRecordsMatch"
        )
        self.assertEqual(
            self.list_ids(
                **{"from": "2001-01-01", "until": (today + datetime.timedelta(days=1)).isoformat()}
            ),
            self.visible_ids,
        )

    def test_a_change_moves_an_item_past_a_harvest_date(self):
        since = timezone.now().strftime("%Y-%m-%dT%H:%M:%SZ")
        PageViewRestriction.objects.filter(page=self.secret).delete()
        # The restriction lifted, the guide is there, changed now although published before.
        self.assertIn(oai_id(self.secret), self.list_ids(**{"from": since}))

    @override_settings(OAI_PAGE_SIZE=3)
    def test_long_lists_continue_with_resumption_tokens(self):
        first = ask(self.client, verb="ListRecords", metadataPrefix="oai_dc")
        token = first.find(".//oai:resumptionToken", NS)
        self.assertEqual((token.get("completeListSize"), token.get("cursor")), ("4", "0"))
        self.assertEqual(len(identifiers(first)), 3)
        second = ask(self.client, verb="ListRecords", resumptionToken=token.text)
        last = second.find(".//oai:resumptionToken", NS)
        self.assertEqual((last.text, last.get("cursor")), (None, "3"))
        self.assertEqual(set(identifiers(first) + identifiers(second)), self.visible_ids)
        # A token is for its own verb, alone, and as it was given.
        wrong_verb = ask(self.client, verb="ListIdentifiers", resumptionToken=token.text)
        self.assertEqual(error_code(wrong_verb), "badResumptionToken")
        tampered = ask(self.client, verb="ListRecords", resumptionToken=token.text[:-2] + "xx")
        self.assertEqual(error_code(tampered), "badResumptionToken")
        with_more = ask(
            self.client, verb="ListRecords", resumptionToken=token.text, metadataPrefix="oai_dc"
        )
        self.assertEqual(error_code(with_more), "badArgument")


class ErrorTests(HarvestTestCase):
    def assert_error(self, code, **params):
        root = ask(self.client, **params)
        self.assertEqual(error_code(root), code, params)
        message = root.findtext("oai:error", namespaces=NS)
        self.assertTrue(message and message.strip())
        return root

    def test_bad_verb(self):
        for params in ({}, {"verb": "Harvest"}, {"verb": ["Identify", "Identify"]}):
            with self.subTest(params=params):
                root = self.assert_error("badVerb", **params)
                self.assertEqual(dict(root.find("oai:request", NS).attrib), {})

    def test_bad_argument(self):
        cases = [
            {"verb": "Identify", "set": "type"},
            {"verb": "ListRecords"},
            {"verb": "ListRecords", "metadataPrefix": ["oai_dc", "oai_dc"]},
            {"verb": "GetRecord", "metadataPrefix": "oai_dc"},
            {"verb": "ListIdentifiers", "metadataPrefix": "oai_dc", "from": "yesterday"},
            {"verb": "ListIdentifiers", "metadataPrefix": "oai_dc", "from": "2024-02-30"},
            {
                "verb": "ListIdentifiers",
                "metadataPrefix": "oai_dc",
                "from": "2024-01-01",
                "until": "2024-06-01T00:00:00Z",
            },
            {
                "verb": "ListIdentifiers",
                "metadataPrefix": "oai_dc",
                "from": "2024-06-01",
                "until": "2024-01-01",
            },
            {"verb": "ListIdentifiers", "metadataPrefix": "oai dc"},
            {"verb": "ListSets", "set": "type: guide"},
        ]
        for params in cases:
            with self.subTest(params=params):
                self.assert_error("badArgument", **params)

    def test_cannot_disseminate_format(self):
        self.assert_error("cannotDisseminateFormat", verb="ListRecords", metadataPrefix="marc21")
        self.assert_error(
            "cannotDisseminateFormat",
            verb="GetRecord",
            identifier=oai_id(self.lesson),
            metadataPrefix="oai_datacite",
        )

    def test_id_does_not_exist(self):
        for identifier in (
            "oai:testserver:00000000-0000-0000-0000-000000000000",
            "oai:elsewhere.org:" + str(self.guide.translation_key),
            "not an identifier",
        ):
            with self.subTest(identifier=identifier):
                self.assert_error(
                    "idDoesNotExist",
                    verb="GetRecord",
                    identifier=identifier,
                    metadataPrefix="oai_dc",
                )
        self.assert_error("idDoesNotExist", verb="ListMetadataFormats", identifier="oai:x:y")

    def test_no_records_match(self):
        self.assert_error(
            "noRecordsMatch", verb="ListRecords", metadataPrefix="oai_dc", until="2001-01-01"
        )

    def test_bad_resumption_token(self):
        self.assert_error("badResumptionToken", verb="ListIdentifiers", resumptionToken="abc")
        self.assert_error("badResumptionToken", verb="ListSets", resumptionToken="abc")


class HiddenItemTests(HarvestTestCase):
    def every_answer(self):
        """The text of an answer to every verb that could show an item."""
        requests = [
            {"verb": "ListIdentifiers", "metadataPrefix": "oai_dc"},
            {"verb": "ListRecords", "metadataPrefix": "oai_dc"},
            {"verb": "ListRecords", "metadataPrefix": "oai_datacite"},
            {"verb": "ListSets"},
        ]
        for params in requests:
            yield self.client.get("/oai/", params).content.decode()

    def test_restricted_draft_and_hidden_members_never_appear(self):
        for page in (self.secret, self.draft):
            root = ask(
                self.client, verb="GetRecord", identifier=oai_id(page), metadataPrefix="oai_dc"
            )
            self.assertEqual(error_code(root), "idDoesNotExist")
        for answer in self.every_answer():
            for hidden in ("Restricted guide", "Draft guide", "Hidden Project", "hidden-project"):
                self.assertNotIn(hidden, answer)
            self.assertNotIn(str(self.secret.translation_key), answer)
            self.assertNotIn(str(self.draft.translation_key), answer)

    def test_an_unpublished_item_is_reported_deleted(self):
        self.report.unpublish()
        root = ask(self.client, verb="ListIdentifiers", metadataPrefix="oai_dc")
        deleted = texts(root, "//oai:header[@status='deleted']/oai:identifier")
        self.assertEqual(deleted, [oai_id(self.report)])
        record = ask(
            self.client, verb="GetRecord", identifier=oai_id(self.report), metadataPrefix="oai_dc"
        )
        header = record.find(".//oai:header", NS)
        self.assertEqual(header.get("status"), "deleted")
        self.assertIsNone(record.find(".//oai:metadata", NS))
        self.assertNotIn(
            "Field report",
            self.client.get(
                "/oai/", {"verb": "ListRecords", "metadataPrefix": "oai_dc"}
            ).content.decode(),
        )

    def test_a_restricted_item_is_reported_deleted_and_comes_back(self):
        PageViewRestriction.objects.create(page=self.lesson, restriction_type="login")
        root = ask(self.client, verb="ListRecords", metadataPrefix="oai_dc", set="type:lesson")
        self.assertEqual(root.xpath("//oai:header/@status", namespaces=NS), ["deleted"])
        self.assertIsNone(root.find(".//oai:metadata", NS))
        PageViewRestriction.objects.filter(page=self.lesson).delete()
        root = ask(self.client, verb="ListRecords", metadataPrefix="oai_dc", set="type:lesson")
        self.assertEqual(root.xpath("//oai:header/@status", namespaces=NS), [])
        self.assertEqual(identifiers(root), [oai_id(self.lesson)])

    def test_a_hidden_translation_leaves_the_record(self):
        self.french_guide.unpublish()
        root = ask(
            self.client, verb="GetRecord", identifier=oai_id(self.guide), metadataPrefix="oai_dc"
        )
        self.assertEqual(texts(root, "//dc:language"), ["en"])
        self.assertNotIn("Voyager sur la banquise", texts(root, "//dc:title"))
