from django.urls import path

from . import views

page_urlpatterns = [
    path("", views.search_page, name="search"),
]

api_urlpatterns = [
    path("search/", views.search_api, name="search_api"),
    path("search/suggest/", views.suggest_api, name="search_suggest"),
]
