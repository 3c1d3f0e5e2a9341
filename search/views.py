from django.http import JsonResponse
from django.shortcuts import render

from wagtail.models import Locale, Page

from knowledgebase.models.base import paginate


def search_page(request):
    query = request.GET.get("q", "").strip()[:200]
    pages = Page.objects.live().public().filter(locale=Locale.get_active(), depth__gt=2)
    results = pages.search(query) if query else pages.none()
    return render(request, "search/search.html", {"query": query, "items": paginate(request, results)})


def search_api(request):
    return JsonResponse({"error": "not available yet", "field": None}, status=501)


def suggest_api(request):
    return JsonResponse({"suggestions": []})
