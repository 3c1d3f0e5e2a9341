from django import template

from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

from knowledgebase.models import GuidePage, LessonPage
from knowledgebase.visibility import visible
from localization.models import ProvenanceMethod
from localization.provenance import provenance_for

register = template.Library()

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
