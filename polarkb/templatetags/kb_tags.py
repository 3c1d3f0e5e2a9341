"""Site components: navigation, breadcrumbs, language selector and hreflang links."""

import re
from functools import lru_cache

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.html import conditional_escape, format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import get_language_info, trans_real
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale, Page, Site

from knowledgebase.content_types import key_of
from knowledgebase.languages import by_own_name
from knowledgebase.models import Region, RegionIndexPage, Topic, TopicIndexPage
from knowledgebase.per_request import active_locale, default_locale, remember
from knowledgebase.visibility import visible, with_languages
from localization.glossary import LOWER_CASE_LANGUAGE_NAMES
from polarkb.caching import kept
from polarkb.languages import LANGUAGE_TABLE
from polarkb.stylesheets import inline_css

register = template.Library()

ENGLISH_NAMES = {code: name for code, name, _native in LANGUAGE_TABLE}


def _site_home(request):
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


def _kept_for_site(request, name, *key, compute):
    """``compute()`` worked out once per site and ``key`` until content changes (a
    page's address depends on the site it is asked from) and read once per request."""
    full_key = (name, _site_id(request), *key)
    return remember(full_key, lambda: kept(":".join(map(str, full_key)), compute))


def _page_translations(request, page):
    """{language code: (address, is alias)} of a page's visible translations, aliases
    included (the language selector, hreflang links and notices of one page share them)."""

    def find():
        pages = visible(page.get_translations(inclusive=True)).select_related("locale")
        return {
            p.locale.language_code: (p.get_url(request) or "", bool(p.alias_of_id)) for p in pages
        }

    return _kept_for_site(request, "translations", page.translation_key, compute=find)


def _routable_suffix(request, page):
    """The part of the path a routable page adds, e.g. 'sea-ice/' on a topic index."""
    page_url = page.get_url(request) or ""
    return request.path[len(page_url) :] if request.path.startswith(page_url) else ""


@register.simple_tag
def inline_stylesheet(path):
    """One of the site's small stylesheets inside the page (see polarkb/stylesheets.py)."""
    return format_html("<style>{}</style>", mark_safe(inline_css(path)))


@register.inclusion_tag("components/main_nav.html", takes_context=True)
def main_nav(context):
    request = context["request"]
    current = context.get("page")
    current_path = current.path if isinstance(current, Page) else ""
    items = [
        {
            "url": url,
            "title": title,
            "lang": _lang_attribute(code),
            "current": current_path.startswith(path),
        }
        for path, url, title, code in _menu(request)
    ]
    return {"items": items}


def _menu(request):
    """[(tree path, address, title, content language)] of the pages in the main menu
    of the reader's language."""

    def find():
        home = _site_home(request)
        children = with_languages(visible(home.get_children().in_menu())) if home else []
        return [(p.path, p.get_url(request) or "", p.title, content_language(p)) for p in children]

    return _kept_for_site(request, "menu", translation.get_language(), compute=find)


@register.inclusion_tag("components/taxonomy_links.html", takes_context=True)
def taxonomy_links(context, page):
    """The page's topics and regions, named in the reader's language, linked to browse pages."""
    request, locale = context["request"], active_locale()
    groups = []
    for heading, model, index_model, keys in (
        (_("Topics"), Topic, TopicIndexPage, page.topic_keys()),
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

    return _kept_for_site(request, "browse-urls", model._meta.label, locale.pk, compute=find)


@register.simple_tag(takes_context=True)
def site_name(context):
    """The wordmark: the home page's title where it is translated into the reader's
    language (as the breadcrumbs name the site), else the interface's name."""
    request = context.get("request")
    language = translation.get_language()

    def find():
        home = _site_home(request)
        translated = home is not None and not home.alias_of_id
        return home.title if translated and home.locale.language_code == language else ""

    title = _kept_for_site(request, "site-name", language, compute=find) if request else ""
    return title or ui(_("Polar Knowledge Base"))


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
    crumbs = [(title, url, _lang_attribute(code)) for title, url, code in steps]
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

    return _kept_for_site(request, "ancestors", parent_path, compute=find)


def _paths_down_to(path):
    """The tree paths of a page and of every ancestor of it."""
    return [path[:end] for end in range(Page.steplen, len(path) + 1, Page.steplen)]


@register.inclusion_tag("components/language_selector.html", takes_context=True)
def language_selector(context):
    """One link per configured language: the page's version in it, or its home."""
    request = context["request"]
    page = context.get("page")
    current = translation.get_language()
    translations = _page_translations(request, page) if isinstance(page, Page) else {}
    suffix = _routable_suffix(request, page) if translations else ""
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
    suffix = _routable_suffix(request, page)
    # Absolute URLs on the host the reader asked for, not the Site's configured hostname.
    links = [
        (code, request.build_absolute_uri(url + suffix))
        for code, (url, _is_alias) in _page_translations(request, page).items()
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
        "title": context.get("card_title") or _("Polar Knowledge Base"),
        "description": context.get("card_description", ""),
        "type": "website",
        "url": request.build_absolute_uri(request.path),
        "image": "",
    }
    codes = [code for code, _name in settings.LANGUAGES]
    if isinstance(page, Page):
        codes = _page_translations(request, page)
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


@register.inclusion_tag("components/untranslated_notice.html", takes_context=True)
def untranslated_notice(context):
    """For a page not yet translated into the reader's language: say so, name the
    language it is shown in, and link the languages it really exists in."""
    page = context.get("page")
    if not isinstance(page, Page) or not in_other_language(page):
        return {"show": False}
    request = context["request"]
    versions = sorted(
        (
            (code, language_name(code), url)
            for code, (url, is_alias) in _page_translations(request, page).items()
            if not is_alias
        ),
        key=lambda version: by_own_name(version[1]),
    )
    return {
        "show": True,
        "notice_lang": untranslated_lang(NOTICE_MESSAGE),
        "reader_language": name_in_sentence(translation.get_language(), NOTICE_MESSAGE),
        "shown_language": name_in_sentence(content_language(page), NOTICE_MESSAGE),
        "versions": versions,
    }


# The notice's text, as written in the template, to know whether it is translated.
NOTICE_MESSAGE = (
    "This page is not yet available in %(reader_language)s. It is shown in "
    "%(shown_language)s, the language it was written in."
)


@register.simple_tag
def message_lang(message):
    """The language an interface message is shown in: the reader's, or English where it has
    no translation yet. For ``lang`` on an element holding a ``blocktranslate`` message."""
    return untranslated_lang(message) or translation.get_language()


@register.simple_tag
def lang_if_untranslated(message):
    """` lang="en"` for an element holding a ``blocktranslate`` message that has no
    translation in the reader's language, else ''."""
    code = untranslated_lang(message)
    return format_html(' lang="{}"', code) if code else ""


@register.simple_tag
def plural_lang(singular, plural):
    """` lang="en"` for an element holding a ``blocktranslate count`` message that has no
    translation in the reader's language, else ''."""
    language = translation.get_language()
    if language == settings.LANGUAGE_CODE or translation.ngettext(singular, plural, 2) != plural:
        return ""
    return format_html(' lang="{}"', settings.LANGUAGE_CODE)


def untranslated_lang(message):
    """The interface's source language when ``message`` has no translation for the reader,
    else ''. Interface text falls back to English, and a page must say so (WCAG 3.1.2)."""
    language = translation.get_language()
    if language == settings.LANGUAGE_CODE or translation.gettext(message) != message:
        return ""
    return settings.LANGUAGE_CODE


def catalogue_entries(language):
    """The (message, translation) pairs of a language's compiled interface catalogue.

    Neither gettext nor Django offers a public way to list a catalogue: Django's own
    JavaScriptCatalog reads the same ``_catalog`` attribute. This is the one place that
    does; tests/knowledgebase/test_languages.py fails loudly if an upgrade removes it.
    """
    catalogue = getattr(trans_real.translation(language), "_catalog", None)
    if catalogue is None:
        raise RuntimeError("gettext no longer exposes a translation catalogue's entries")
    return catalogue.items()


@lru_cache(maxsize=32)
def _translated_texts(language):
    """Every translated interface text of a language (the catalogue's values)."""
    return frozenset(value for _key, value in catalogue_entries(language))


def _is_fallback_text(text):
    """True for interface text shown in English because the reader's language lacks it."""
    language = translation.get_language()
    return (
        bool(text)
        and language != settings.LANGUAGE_CODE
        and (str(text) not in _translated_texts(language))
    )


@register.filter
def ui(text):
    """Interface text, wrapped in ``<span lang="en">`` where the reader's language has no
    translation of it yet, so that screen readers pronounce it as English.

    Use on translated text: ``{{ _("Search")|ui }}`` or ``{{ facet.title|ui }}``.
    """
    if _is_fallback_text(text):
        return format_html('<span lang="{}">{}</span>', settings.LANGUAGE_CODE, text)
    return conditional_escape(text)


@register.filter
def ui_lang(text):
    """` lang="en"` for an element whose only content is untranslated interface text."""
    return format_html(' lang="{}"', settings.LANGUAGE_CODE) if _is_fallback_text(text) else ""


@register.simple_tag
def name_in_sentence(code, message):
    """A language's name as the sentence ``message`` is shown: in the reader's language,
    or in English where the message has no translation yet ("not yet available in
    Inuktitut"). A name the sentence's language lacks is the English one, marked so."""
    sentence_language = untranslated_lang(message) or translation.get_language()
    english = ENGLISH_NAMES.get(code, code)
    with translation.override(sentence_language):
        name = translation.gettext(english)
    if sentence_language == settings.LANGUAGE_CODE:
        return name
    if name == english:
        return format_html('<span lang="{}">{}</span>', settings.LANGUAGE_CODE, name)
    return name.lower() if sentence_language in LOWER_CASE_LANGUAGE_NAMES else name


@register.simple_tag
def language_name(code):
    """The native name of a language, e.g. 'Kalaallisut' for 'kl'."""
    try:
        return get_language_info(code)["name_local"]
    except KeyError:
        return code


def content_language(obj):
    """The language an item's text is written in; an untranslated alias has its source's."""
    if getattr(obj, "alias_of_id", None):
        obj = obj.alias_of
    return obj.locale.language_code


@register.filter
def lang_attr(obj):
    """` lang="xx"` when an item's text is in another language than the page, else ''."""
    return _lang_attribute(content_language(obj))


def _lang_attribute(code):
    """` lang="xx"` when text in language ``code`` is on a page in another language, else ''."""
    if code == translation.get_language():
        return ""
    return format_html(' lang="{}"', code)


@register.filter
def first_paragraph(html):
    """The first paragraph of rich text: a short introduction on a small screen."""
    match = re.search(r"<p\b.*?</p>", str(html), re.S)
    return mark_safe(match.group(0)) if match else html


@register.filter
def in_other_language(obj):
    return content_language(obj) != translation.get_language()
