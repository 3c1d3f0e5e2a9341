"""The cache of what every search reads (facet keys and labels, concepts): built once,
rebuilt after a change, and never kept in a process once the shared cache lost it."""

from django.core.cache import cache
from django.test import SimpleTestCase

from search.cache import cached_vocabulary, vocabulary_changed


class VocabularyCacheTests(SimpleTestCase):
    def setUp(self):
        cache.clear()
        self.builds = 0

    def build(self):
        self.builds += 1
        return {"built": self.builds}

    def test_a_value_is_built_once_and_rebuilt_after_a_change(self):
        self.assertEqual(cached_vocabulary("test", self.build), {"built": 1})
        self.assertEqual(cached_vocabulary("test", self.build), {"built": 1})
        vocabulary_changed()
        self.assertEqual(cached_vocabulary("test", self.build), {"built": 2})

    def test_a_cleared_cache_is_not_answered_from_the_process(self):
        cached_vocabulary("test", self.build)
        cache.clear()  # as another process sharing the cache would see a change
        self.assertEqual(cached_vocabulary("test", self.build), {"built": 2})
