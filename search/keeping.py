"""What the search service may keep instead of working it out again: the
vocabularies it builds from the content (facet keys and labels, the concepts a
query may name, the database engine's words) and recent answers.

The search app does not decide where or for how long, nor what makes a kept value
obsolete: the site installs a keeper when it starts (``keep_with``). Without one
(the service used on its own) everything is worked out each time.
"""


class Keeper:
    """Keeps nothing."""

    def vocabulary(self, name, build):
        return build()

    def answer(self, question, compute, keep):
        return compute()


_keeper = Keeper()


def keep_with(keeper):
    global _keeper
    _keeper = keeper


def kept_vocabulary(name, build):
    """``build()``, or the value it gave before (callers must not change it: it may be
    shared by the requests of a process)."""
    return _keeper.vocabulary(name, build)


def kept_answer(question, compute, keep=lambda value: True):
    """``compute()`` for a question (any value with a stable repr), or its answer given
    before; ``keep`` says whether an answer may be given again."""
    return _keeper.answer(question, compute, keep)
