from django.urls import path

from . import views

urlpatterns = [
    path("network/", views.network_page, name="network"),
    path("numbers/", views.numbers_page, name="numbers"),
    path("numbers.csv", views.numbers_csv, name="numbers_csv"),
    path("numbers.json", views.numbers_json, name="numbers_json"),
    path("feed/", views.feed, name="feed"),
    path("embed/", views.embed, name="embed"),
]
