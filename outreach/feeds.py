"""Atom feeds of new and updated items per language (/<lang>/feed/), optionally of
one member, topic or region. Entries are the items as readers of that language see
them (translations, else the original), identified by their translation key, which
stays the same across edits."""

import datetime

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from knowledgebase.visibility import visible, with_languages

from .items import member_content_types

FEED_LENGTH = 50


def updated(page):
    """When the item last changed for readers (its date when it never went through
    publishing, e.g. imported content)."""
    if page.last_published_at:
        return page.last_published_at
    return datetime.datetime.combine(page.published, datetime.time(), datetime.UTC)


def items_in_locale(locale, lookups):
    """The visible items in a locale matching the lookups, newest change first."""
    pages = []
    for content_type in member_content_types():
        found = visible(content_type.model.objects.filter(locale=locale, **lookups)).distinct()
        pages += with_languages(found).order_by("-last_published_at")[:FEED_LENGTH]
    return sorted(pages, key=updated, reverse=True)[:FEED_LENGTH]


class ItemsFeed(Feed):
    feed_type = Atom1Feed

    def __init__(self, locale, lookups):
        super().__init__()
        self.locale = locale
        self.lookups = lookups

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.locale

    def title(self, locale):
        # Translators: Readers see this as the title of the site's Atom news feed in their feed
        # reader.
        return _("Polar Knowledge Base: new and updated guides, lessons and outputs")

    def subtitle(self, locale):
        # Translators: Readers see this as the description of the site's Atom news feed in their
        # feed reader.
        return _("Best practices, lessons learned and legacy outputs of the EU Polar Cluster.")

    def link(self, locale):
        return f"/{locale.language_code}/"

    def feed_url(self, locale):
        return self.request.get_full_path()

    def feed_guid(self, locale):
        return self.request.build_absolute_uri(reverse("feed"))

    def items(self, locale):
        return items_in_locale(locale, self.lookups)

    def item_title(self, page):
        return page.title

    def item_description(self, page):
        return page.summary

    def item_link(self, page):
        return self.request.build_absolute_uri(page.get_url(self.request))

    def item_guid(self, page):
        return f"urn:uuid:{page.translation_key}"

    item_guid_is_permalink = False

    def item_pubdate(self, page):
        first = page.first_published_at
        return first or updated(page)

    def item_updateddate(self, page):
        return updated(page)
