"""What every search reads (facet keys and labels, concepts), as the site keeps it:
built once, rebuilt after a change readers can see or the index changing."""

from django.test import TransactionTestCase

from search.keeping import kept_vocabulary
from search.models import IndexedDocument
from search.sync import index_changed
from tests import factories as f


class VocabularyCacheTests(TransactionTestCase):
    def setUp(self):
        self.builds = 0

    def build(self):
        self.builds += 1
        return {"built": self.builds}

    def test_a_value_is_built_once_and_rebuilt_after_a_change(self):
        self.assertEqual(kept_vocabulary("test", self.build), {"built": 1})
        self.assertEqual(kept_vocabulary("test", self.build), {"built": 1})
        f.TopicFactory(key="sea-ice", name="Sea ice")
        self.assertEqual(kept_vocabulary("test", self.build), {"built": 2})

    def test_the_index_changing_rebuilds_it(self):
        kept_vocabulary("test", self.build)
        index_changed.send(sender=IndexedDocument, translation_keys=[])
        self.assertEqual(kept_vocabulary("test", self.build), {"built": 2})

    def test_a_kept_value_is_read_as_it_is_not_copied(self):
        """The index's vocabulary is large and read several times per search: no copy."""
        first = kept_vocabulary("test", self.build)
        self.assertIs(kept_vocabulary("test", self.build), first)
