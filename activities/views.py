from django.http import Http404
from django.views.decorators.http import require_GET

from wagtail.models import Locale

from knowledgebase.per_request import active_locale
from knowledgebase.visibility import visible

from .calendar import calendar_response
from .models import ActivitiesIndexPage


@require_GET
def calendar(request):
    """The calendar of the activities index in the reader's language."""
    try:
        locale = active_locale()
    except Locale.DoesNotExist:  # a language the site has no content in yet
        raise Http404("No content in this language") from None
    index = visible(ActivitiesIndexPage.objects.filter(locale=locale)).first()
    if index is None:
        raise Http404("No activities in this language")
    return calendar_response(request, index.events())
