"""The search page: a GET form with facet checkboxes that works without JavaScript."""

from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from wagtail.models import Page

from knowledgebase.visibility import visible, with_languages
from search import facets, insight, service
from search.engines.base import EngineError
from search.query import BadRequest

FACET_TOP = 5  # values shown before "show all"


@require_GET
def search_page(request):
    language = translation.get_language()
    try:
        search_request = service.parse_request(request.GET, language)
    except BadRequest as error:
        context = {"error": error, "query": request.GET.get("q", "")[:200]}
        return render(request, "search/search.html", context, status=400)
    try:
        answer = service.search(search_request, with_version_links=True)
    except EngineError:
        message = _("The search engine could not run this search. Please try again later.")
        error = BadRequest(message, None)
        context = {"error": error, "query": search_request.query}
        return render(request, "search/search.html", context, status=502)
    type_labels = service.type_labels()
    for result in answer["results"]:
        result["type_label"] = type_labels[result["type"]]
    link_in_reader_language(answer["results"], request, language)
    shown = [facet(entry, answer["facets"][entry.key]) for entry in facets.all_facets()]
    chips = removable_chips(request, shown)
    context = {
        "query": search_request.query,
        "answer": answer,
        "facets": shown,
        "chips": chips,
        "selected_count": len(chips),
        "sort": search_request.sort,
        "page_links": page_links(request, answer),
    }
    response = render(request, "search/search.html", context)
    if search_request.query:
        response["Cache-Control"] = "no-cache"
    return insight.count_when_sent(response, search_request, answer)


def facet(entry, values):
    """A facet's top values (the selected ones always among them) and the rest, which
    the page folds under "show all"."""
    top = [value for value in values if value["selected"]]
    top += [value for value in values if not value["selected"]][: max(0, FACET_TOP - len(top))]
    return {
        "name": entry.key,
        "title": entry.label,
        "interface_labels": entry.interface_labels,
        "values": values,
        "top": top,
        "more": [value for value in values if value not in top],
    }


def removable_chips(request, facets):
    """Each applied filter with the address of the same search without it."""
    chips = []
    for facet_ in facets:
        for value in facet_["values"]:
            if value["selected"]:
                params = request.GET.copy()
                params.setlist(
                    facet_["name"],
                    [kept for kept in params.getlist(facet_["name"]) if kept != value["value"]],
                )
                params.pop("page", None)
                chips.append({"facet": facet_, "value": value, "url": f"?{params.urlencode()}"})
    return chips


def link_in_reader_language(results, request, language):
    """A result that does not exist in the reader's language links its copy under the
    reader's language (shown in the original with a notice), so the reader keeps their
    interface. One shown in another language because the reader asked for that language
    links the copy shown."""
    for result in results:
        result["exists_in_reader_language"] = language in result["translations"]
    keys = [result["id"] for result in results if not result["exists_in_reader_language"]]
    if not keys:
        return
    urls = addresses_in(language, keys, request)
    for result in results:
        if not result["exists_in_reader_language"]:
            result["url"] = urls.get(result["id"]) or result["url"]


def addresses_in(language, keys, request):
    """{translation key: address of its visible page in the language, or ""}."""
    copies = with_languages(
        visible(Page.objects.filter(translation_key__in=keys, locale__language_code=language))
    )
    urls = dict.fromkeys(keys, "")
    urls.update({str(page.translation_key): page.get_url(request) or "" for page in copies})
    return urls


def page_links(request, answer):
    """Previous / next URLs that keep every other parameter."""

    def url_for(page):
        params = request.GET.copy()
        params["page"] = page
        return f"?{params.urlencode()}"

    return {
        "previous": url_for(answer["page"] - 1) if answer["page"] > 1 else None,
        "next": url_for(answer["page"] + 1) if answer["page"] < answer["pages"] else None,
    }
