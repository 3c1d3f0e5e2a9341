"""The events readers can see, which drop every kept copy (see generation.py).

Pages by Wagtail's signals: published, unpublished, moved, deleted, and a live page
created (an alias made for a new language, a copy). Saving a draft or a revision of
a page drops nothing. Rows of other models drop kept copies only when readers are
shown them: the models in ``SEEN_ROWS``. Consent asked, given or withdrawn arrives as
``visibility_changed``, the index worker's changes as ``search.sync.index_changed``,
an interface string saved in the browser editor as rosetta's ``post_save``.

A new model is a choice: add it to ``SEEN_ROWS`` when readers are shown its rows,
else to the list of unseen models in tests/test_caching_events.py (which fails
until every installed model is on one side).
"""

from django.apps import apps
from django.db.models.signals import m2m_changed, post_delete, post_save

from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from rosetta.signals import post_save as interface_strings_saved

from knowledgebase.visibility import visibility_changed
from polarkb.caching.generation import content_changed
from search.sync import index_changed

# Models whose saved or deleted rows readers are shown (snippets, settings of the
# site, restrictions, media), by label.
SEEN_ROWS = frozenset(
    {
        "knowledgebase.Topic",
        "knowledgebase.Region",
        "knowledgebase.Community",
        "knowledgebase.CulturalNotice",
        "knowledgebase.GlossaryTerm",
        "localization.TranslationProvenance",  # a translation's badge
        "wagtailcore.Locale",
        "wagtailcore.Site",
        "wagtailcore.PageViewRestriction",
        "wagtailcore.CollectionViewRestriction",
        "wagtailcore.Collection",
        "wagtailimages.Image",
        "wagtaildocs.Document",
        "wagtailredirects.Redirect",
        "wagtailsearchpromotions.SearchPromotion",  # editors' picks
        "taggit.Tag",
    }
)


def page_models():
    return [model for model in apps.get_models() if issubclass(model, Page)]


def seen_models():
    return [model for model in apps.get_models() if model._meta.label in SEEN_ROWS]


def page_created(sender, instance, created, raw=False, **kwargs):
    if created and instance.live and not raw:
        content_changed()


def connect():
    """Connect the events readers see to ``content_changed`` (once apps are ready)."""
    for signal in (page_published, page_unpublished, post_page_move, visibility_changed):
        signal.connect(content_changed, dispatch_uid="kept:content")
    index_changed.connect(content_changed, dispatch_uid="kept:index")
    interface_strings_saved.connect(content_changed, dispatch_uid="kept:interface-strings")
    for model in page_models():
        uid = f"kept:{model._meta.label_lower}"
        post_save.connect(page_created, sender=model, dispatch_uid=uid)
        post_delete.connect(content_changed, sender=model, dispatch_uid=uid)
    for model in seen_models():
        uid = f"kept:{model._meta.label_lower}"
        post_save.connect(content_changed, sender=model, dispatch_uid=uid)
        post_delete.connect(content_changed, sender=model, dispatch_uid=uid)
        for field in model._meta.many_to_many:
            m2m_changed.connect(content_changed, sender=field.remote_field.through)


def drops_kept_copies(model):
    """How a model's changes reach kept copies: "page events", "rows" or None."""
    if issubclass(model, Page):
        return "page events"
    return "rows" if model._meta.label in SEEN_ROWS else None
