"""What translators translate: every live page and translatable snippet in the
source (default) locale, and the text of any translatable instance."""

from django.contrib.admin.utils import quote
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale, Page, get_translatable_models
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from knowledgebase.content_types import CONTENT_TYPES
from knowledgebase.per_request import default_locale

# Page kinds first, in the order the report lists them; snippets use their model name.
KIND_LABELS = {
    **{content_type.key: content_type.label for content_type in CONTENT_TYPES},
    "home": _("Home page"),
    "index": _("Index pages"),
}


def kind_of(instance):
    """A short, stable name for the type of a source item, e.g. 'guide' or 'topic'."""
    if isinstance(instance, Page):
        if instance.depth == 2:
            return "home"
        return getattr(instance, "content_type_key", "") or "index"
    return instance._meta.model_name


def kind_label(kind):
    if kind in KIND_LABELS:
        return KIND_LABELS[kind]
    model = next((m for m in translatable_snippet_models() if m._meta.model_name == kind), None)
    return model._meta.verbose_name_plural.capitalize() if model else kind


def readable_key(instance):
    """The slug of a page or the key of a taxonomy item, for file names and listings."""
    return getattr(instance, "slug", None) or getattr(instance, "key", None) or str(instance.pk)


def translatable_snippet_models():
    return [model for model in get_translatable_models() if not issubclass(model, Page)]


def source_items():
    """Every live source page (home and index pages included) and translatable snippet."""
    default = Locale.get_default()
    pages = (
        Page.objects.live()
        .filter(locale=default, alias_of__isnull=True, depth__gt=1)
        .order_by("path")
        .specific()
    )
    items = list(pages)
    for model in translatable_snippet_models():
        items.extend(model.objects.filter(locale=default))
    return items


def locale_for_code(language_code):
    """The Locale with this language code, or None."""
    return Locale.objects.filter(language_code=language_code).first()


def translatable_strings(instance):
    """{content path: text} of an instance's translatable text, as readers see it.

    The slug is left out: it is reshaped on save and readers do not read it.
    """
    return {
        segment.path: segment.string.data
        for segment in extract_segments(instance)
        if isinstance(segment, StringSegmentValue) and segment.path != "slug"
    }


def is_translation(instance):
    """True for a real translation: not in the source locale and not an alias page."""
    if getattr(instance, "alias_of_id", None):
        return False
    return instance.locale_id != default_locale().pk


def edit_url(instance):
    if isinstance(instance, Page):
        return reverse("wagtailadmin_pages:edit", args=[instance.pk])
    meta = instance._meta
    return reverse(
        f"wagtailsnippets_{meta.app_label}_{meta.model_name}:edit", args=[quote(instance.pk)]
    )


def submit_translation_url(source):
    """wagtail-localize's 'Translate' form for a source page or snippet."""
    if isinstance(source, Page):
        return reverse("wagtail_localize:submit_page_translation", args=[source.pk])
    meta = source._meta
    return reverse(
        "wagtail_localize:submit_snippet_translation",
        args=[meta.app_label, meta.model_name, quote(source.pk)],
    )
