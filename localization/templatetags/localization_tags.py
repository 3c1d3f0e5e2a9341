"""The languages of the interface and of the content: which language a text is shown
in (and the ``lang`` attributes that say so), the names of languages, the notice on a
page not yet translated and the badge of a translated one."""

from django import template
from django.conf import settings
from django.utils import translation
from django.utils.html import conditional_escape, format_html
from django.utils.translation import get_language_info

from wagtail.models import Locale, Page
from wagtail_localize.models import TranslationSource

from knowledgebase.languages import (
    by_own_name,
    content_language,
    interface_text,
    is_fallback_text,
    lang_attribute,
    untranslated_lang,
)
from knowledgebase.models import GuidePage, LessonPage
from knowledgebase.navigation import page_translations
from knowledgebase.visibility import visible
from localization.glossary import LOWER_CASE_LANGUAGE_NAMES
from localization.models import ProvenanceMethod
from localization.provenance import provenance_for

register = template.Library()

register.filter("ui", interface_text)

# The pages whose foot has the reader feedback form (feedback/form.html).
WITH_FEEDBACK_FORM = (GuidePage, LessonPage)


@register.inclusion_tag("localization/translation_badge.html", takes_context=True)
def translation_badge(context, page):
    """How the page's translation was made, in the reader's language; nothing for
    originals. A machine translation also links its original and the feedback form."""
    provenance = provenance_for(page)
    if provenance is None or provenance.method != ProvenanceMethod.MACHINE:
        return {"provenance": provenance}
    original = original_of(page)
    return {
        "provenance": provenance,
        "original": original,
        "original_url": original.get_url(context.get("request")) if original else "",
        "feedback": isinstance(page, WITH_FEEDBACK_FORM),
    }


def original_of(page):
    """The visible page a translation was made from, or None."""
    source = TranslationSource.objects.filter(object_id=page.translation_key).first()
    locale = source.locale if source else Locale.get_default()
    return visible(page.get_translations().filter(locale=locale)).first()


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
            for code, (url, is_alias) in page_translations(request, page).items()
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


@register.filter
def ui_lang(text):
    """` lang="en"` for an element whose only content is untranslated interface text."""
    return format_html(' lang="{}"', settings.LANGUAGE_CODE) if is_fallback_text(text) else ""


@register.simple_tag
def name_in_sentence(code, message):
    """A language's name as the sentence ``message`` is shown: in the reader's language,
    or in English where the message has no translation yet ("not yet available in
    Inuktitut"). A name the sentence's language lacks is the English one, marked so."""
    sentence_language = untranslated_lang(message) or translation.get_language()
    english = dict(settings.LANGUAGES).get(code, code)
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


@register.filter
def lang_attr(obj):
    """` lang="xx"` when an item's text is in another language than the page, else ''."""
    return lang_attribute(content_language(obj))


@register.filter
def in_language(text, code):
    """Text written in language ``code``, in ``<span lang="xx">`` on a page in another."""
    attribute = lang_attribute(code)
    return (
        format_html("<span{}>{}</span>", attribute, text) if attribute else conditional_escape(text)
    )


@register.filter
def in_other_language(obj):
    return content_language(obj) != translation.get_language()
