"""The site's pages as the navigation finds them for a request: the home page in the
reader's language and the translations of a page, worked out once per site until
content changes (a page's address depends on the site it is asked from)."""

from wagtail.models import Locale, Site

from knowledgebase.keeping import kept
from knowledgebase.per_request import active_locale, remember
from knowledgebase.visibility import visible


def site_home(request):
    """The site's home page in the reader's language (else the site's own)."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    try:
        home = site.root_page.get_translation_or_none(active_locale())
    except Locale.DoesNotExist:  # a language without content yet
        home = None
    return home if home is not None and home.live else site.root_page


def _site_id(request):
    site = Site.find_for_request(request)
    return site.pk if site is not None else None


def kept_for_site(request, name, *key, compute):
    """``compute()`` worked out once per site and ``key`` until content changes (a
    page's address depends on the site it is asked from) and read once per request."""
    full_key = (name, _site_id(request), *key)
    return remember(full_key, lambda: kept(":".join(map(str, full_key)), compute))


def page_translations(request, page):
    """{language code: (address, is alias)} of a page's visible translations, aliases
    included (the language selector, hreflang links and notices of one page share them)."""

    def find():
        pages = visible(page.get_translations(inclusive=True)).select_related("locale")
        return {
            p.locale.language_code: (p.get_url(request) or "", bool(p.alias_of_id)) for p in pages
        }

    return kept_for_site(request, "translations", page.translation_key, compute=find)


def routable_suffix(request, page):
    """The part of the path a routable page adds, e.g. 'sea-ice/' on a topic index."""
    page_url = page.get_url(request) or ""
    return request.path[len(page_url) :] if request.path.startswith(page_url) else ""
