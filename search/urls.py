from django.urls import path

from search import api, views

page_urlpatterns = [
    path("", views.search_page, name="search"),
]

api_urlpatterns = [
    path("search/", api.search_api, name="search_api"),
    path("search/suggest/", api.suggest_api, name="search_suggest"),
]
