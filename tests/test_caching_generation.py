"""The content generation is read once per reading request (a search asks for it for
each vocabulary it reads), and afresh by the next request."""

from unittest import mock

from django.test import TestCase

from knowledgebase import per_request
from polarkb.caching import generation

SEARCH = "/api/search/"


class OneReadPerRequestTests(TestCase):
    def setUp(self):
        self.tokens = []
        read = generation.shared_token

        def recorded():
            self.tokens.append(read())
            return self.tokens[-1]

        patcher = mock.patch.object(generation, "shared_token", side_effect=recorded)
        patcher.start()
        self.addCleanup(patcher.stop)

    def test_a_search_reads_the_generation_once(self):
        response = self.client.get(SEARCH, {"q": "sea ice monitoring"})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(len(self.tokens), 1)

    def test_the_next_request_reads_a_change_made_in_between(self):
        self.client.get(SEARCH, {"q": "sea ice"})
        generation.content_changed()
        self.client.get(SEARCH, {"q": "sea ice"})
        self.assertEqual(len(self.tokens), 2)
        self.assertNotEqual(self.tokens[0], self.tokens[1])

    def test_a_change_during_a_request_is_read_at_once(self):
        # The request's start and end as the signals give them (sending the signals
        # themselves would close the test's database connection).
        per_request._start(sender=None, environ={"REQUEST_METHOD": "GET"})
        try:
            before = generation.current()
            generation.content_changed()
            self.assertNotEqual(generation.current(), before)
        finally:
            per_request._stop()
