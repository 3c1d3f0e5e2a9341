from django.http import Http404
from django.views.decorators.http import require_GET

from knowledgebase.per_request import active_locale
from knowledgebase.visibility import visible

from .calendar import calendar_response
from .models import ActivitiesIndexPage


@require_GET
def calendar(request):
    """The calendar of the activities index in the reader's language."""
    index = visible(ActivitiesIndexPage.objects.filter(locale=active_locale())).first()
    if index is None:
        raise Http404("No activities in this language")
    return calendar_response(request, index.events())
