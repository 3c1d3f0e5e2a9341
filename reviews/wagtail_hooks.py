"""The review cycle in the admin: the authors' dashboard panel and "Mark as reviewed"."""

from django.middleware.csrf import get_token
from django.urls import path

from wagtail import hooks
from wagtail.admin.ui.components import Component

from .due import guides_due_for
from .views import mark_reviewed


class ReviewsDuePanel(Component):
    name = "reviews_due"
    order = 90
    template_name = "reviews/panel.html"

    def __init__(self, request, guides):
        self.request = request
        self.guides = guides

    def get_context_data(self, parent_context):
        return {"guides": self.guides, "csrf_token": get_token(self.request)}


@hooks.register("construct_homepage_panels")
def add_reviews_due_panel(request, panels):
    if guides := guides_due_for(request.user):
        panels.append(ReviewsDuePanel(request, guides))


@hooks.register("register_admin_urls")
def register_review_urls():
    return [
        path("reviews/<int:page_id>/mark-reviewed/", mark_reviewed, name="reviews_mark_reviewed")
    ]
