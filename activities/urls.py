from django.urls import path

from . import views

urlpatterns = [
    path("calendar.ics", views.calendar, name="activities_calendar"),
]
