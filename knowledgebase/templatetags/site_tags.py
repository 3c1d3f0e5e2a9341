"""Site components: navigation, breadcrumbs, topic and region links, the language
selector, hreflang links and Open Graph metadata."""

import re
from functools import lru_cache

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from knowledgebase.content_types import key_of
from knowledgebase.languages import content_language, interface_text, lang_attribute
from knowledgebase.models import Region, RegionIndexPage, Topic, TopicIndexPage
from knowledgebase.navigation import kept_for_site, page_translations, routable_suffix, site_home
from knowledgebase.per_request import active_locale, default_locale
from knowledgebase.visibility import visible, with_languages

register = template.Library()


@register.inclusion_tag("components/main_nav.html", takes_context=True)
def main_nav(context):
    request = context["request"]
    current = context.get("page")
    current_path = current.path if isinstance(current, Page) else ""
    items = [
        {
            "url": url,
            "title": title,
            "lang": lang_attribute(code),
            "current": current_path.startswith(path),
        }
        for path, url, title, code in _menu(request)
    ]
    return {"items": items}


def _menu(request):
    """[(tree path, address, title, content language)] of the pages in the main menu
    of the reader's language."""

    def find():
        home = site_home(request)
        children = with_languages(visible(home.get_children().in_menu())) if home else []
        return [(p.path, p.get_url(request) or "", p.title, content_language(p)) for p in children]

    return kept_for_site(request, "menu", translation.get_language(), compute=find)


@register.inclusion_tag("components/taxonomy_links.html", takes_context=True)
def taxonomy_links(context, page):
    """The page's topics and regions, named in the reader's language, linked to browse pages."""
    request, locale = context["request"], active_locale()
    groups = []
    for heading, model, index_model, keys in (
        # Translators: Readers see this on guide, lesson and output pages as the heading of the
        # topic tags.
        (_("Topics"), Topic, TopicIndexPage, page.topic_keys()),
        # Translators: Readers see this on guide, lesson and output pages as the heading of the
        # region tags.
        (_("Regions"), Region, RegionIndexPage, page.region_keys()),
    ):
        if keys:
            urls = _browse_urls(request, locale, model, index_model)
            items = [
                (item, urls.get(item.key, ""))
                for item in model.all_localized(locale)
                if item.key in keys
            ]
            groups.append((heading, items))
    return {"groups": groups}


def _browse_urls(request, locale, model, index_model):
    """{key: address of the item's browse page} in a locale ({} without a visible index)."""

    def find():
        index_page = visible(index_model.objects.filter(locale=locale)).first()
        if index_page is None:
            return {}
        return {
            item.key: index_page.item_url(item.key, request) for item in model.all_localized(locale)
        }

    return kept_for_site(request, "browse-urls", model._meta.label, locale.pk, compute=find)


@register.simple_tag(takes_context=True)
def site_name(context):
    """The wordmark: the home page's title where it is translated into the reader's
    language (as the breadcrumbs name the site), else the interface's name."""
    request = context.get("request")
    language = translation.get_language()

    def find():
        home = site_home(request)
        translated = home is not None and not home.alias_of_id
        return home.title if translated and home.locale.language_code == language else ""

    title = kept_for_site(request, "site-name", language, compute=find) if request else ""
    # Translators: Readers see this in every page's header as the name of the site.
    return title or interface_text(_("Polar Knowledge Base"))


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """[(label, url)] from the home page down to here; the last one is the current page.

    Routable pages add their own steps as ``breadcrumb_trail`` in the context.
    """
    page, request = context.get("page"), context["request"]
    if not isinstance(page, Page) or page.depth <= 2:
        return {"crumbs": []}
    steps = [
        *_ancestor_steps(request, page),
        (page.title, page.get_url(request), content_language(page)),
    ]
    crumbs = [(title, url, lang_attribute(code)) for title, url, code in steps]
    trail = [(label, url, "") for label, url in context.get("breadcrumb_trail", [])]
    return {"crumbs": crumbs + trail}


def _ancestor_steps(request, page):
    """[(title, address, content language)] of the live pages above a page, from the home
    page down (kept per parent: the pages of a section share them)."""
    parent_path = page.path[: -Page.steplen]

    def find():
        ancestors = Page.objects.filter(path__in=_paths_down_to(parent_path), depth__gte=2)
        pages = with_languages(ancestors.live().order_by("path"))
        return [(p.title, p.get_url(request), content_language(p)) for p in pages]

    return kept_for_site(request, "ancestors", parent_path, compute=find)


def _paths_down_to(path):
    """The tree paths of a page and of every ancestor of it."""
    return [path[:end] for end in range(Page.steplen, len(path) + 1, Page.steplen)]


@register.inclusion_tag("components/language_selector.html", takes_context=True)
def language_selector(context):
    """One link per configured language: the page's version in it, or its home."""
    request = context["request"]
    page = context.get("page")
    current = translation.get_language()
    translations = page_translations(request, page) if isinstance(page, Page) else {}
    suffix = routable_suffix(request, page) if translations else ""
    languages = []
    for code, _name in settings.LANGUAGES:
        if code in translations:
            url = translations[code][0] + suffix
        else:
            url = _same_address_in(request, code)
        info = get_language_info(code)
        languages.append(
            {"code": code, "name": info["name_local"], "url": url, "current": code == current}
        )
    return {"languages": languages}


def _same_address_in(request, code):
    """This address in another language, or that language's home page when the
    translated address would lead off the site (a path such as //evil.example/)."""
    path, mark, query = request.get_full_path().partition("?")
    url = _translated_path(path, translation.get_language(), code) + mark + query
    if url.startswith("/") and url_has_allowed_host_and_scheme(url, allowed_hosts=None):
        return url
    return f"/{code}/"


@lru_cache(maxsize=4096)
def _translated_path(path, language, code):
    """A path of the site in another language. It depends only on the URL patterns and
    the active language, so it is worked out once (eleven times on every page)."""
    return translate_url(path, code)


@register.inclusion_tag("components/hreflang.html", takes_context=True)
def hreflang_links(context):
    """rel=alternate links for every language version of this page.

    Versions not yet translated count too: their navigation and notices are in
    that language, which is the case search engines advise annotating.
    """
    request = context["request"]
    page = context.get("page")
    if not isinstance(page, Page):
        return {"links": []}
    suffix = routable_suffix(request, page)
    # Absolute URLs on the host the reader asked for, not the Site's configured hostname.
    links = [
        (code, request.build_absolute_uri(url + suffix))
        for code, (url, _is_alias) in page_translations(request, page).items()
    ]
    default = default_locale().language_code
    x_default = next((url for code, url in links if code == default), None)
    return {"links": sorted(links), "x_default": x_default}


@register.inclusion_tag("components/open_graph.html", takes_context=True)
def open_graph(context):
    """Open Graph and Twitter card metadata: what a shared link shows. The locale
    alternates are the languages the page exists in, as the language selector and
    hreflang links give them; an address that is not a page exists in every language.

    Views that are not pages name their card with ``card_title`` and ``card_description``.
    """
    request, page = context["request"], context.get("page")
    current = translation.get_language()
    card = {
        # Translators: Readers see this as the title when a page without its own title is shared in
        # social media: the site name.
        "title": context.get("card_title") or _("Polar Knowledge Base"),
        "description": context.get("card_description", ""),
        "type": "website",
        "url": request.build_absolute_uri(request.path),
        "image": "",
    }
    codes = [code for code, _name in settings.LANGUAGES]
    if isinstance(page, Page):
        codes = page_translations(request, page)
        card.update(_page_card(request, page))
    card["locale"] = translation.to_locale(current)
    card["alternates"] = sorted(translation.to_locale(code) for code in codes if code != current)
    return card


def _page_card(request, page):
    image = getattr(page, "logo", None)
    return {
        "title": page.seo_title or page.title,
        "description": page.search_description or getattr(page, "summary", ""),
        "type": "article" if key_of(page) else "website",
        "image": request.build_absolute_uri(image.get_rendition("max-1200x630").url)
        if image
        else "",
    }


@register.filter
def first_paragraph(html):
    """The first paragraph of rich text: a short introduction on a small screen."""
    match = re.search(r"<p\b.*?</p>", str(html), re.S)
    return mark_safe(match.group(0)) if match else html
