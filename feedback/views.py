"""The feedback form's endpoint: a POST from any guide or lesson page, answered with a
redirect back to it (no JavaScript needed).

It is exempt from CSRF checks: it takes no action for a signed-in user, keeps nothing
personal, and a token would make every guide and lesson page set a cookie. The
rate limit bounds what a forged or scripted post can do."""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from knowledgebase.ratelimit import over_limit

from .forms import FeedbackForm
from .items import page_for_feedback
from .models import Feedback


class SeeOther(HttpResponseRedirect):
    status_code = 303


@csrf_exempt
@require_POST
def submit(request):
    page = page_for_feedback(request.POST.get("page"))
    if page is None:
        # Translators: Readers see this when feedback is sent about a page that no longer exists.
        error = _("We could not find the page this feedback is about.")
        return render(request, "feedback/problem.html", {"error": error}, status=400)
    if int(request.META.get("CONTENT_LENGTH") or 0) > settings.FEEDBACK_MAX_POST_BYTES:
        # Translators: Readers see this when a feedback comment is too long to be sent.
        error = _("Your comment is too long to send. Please shorten it.")
        return problem(request, page, FeedbackForm(), error, status=400)
    limit, period = settings.FEEDBACK_RATE_LIMIT
    if over_limit(request, "feedback", limit, period):
        error = _(
            # Translators: Readers see this when too much feedback came from the same connection.
            "We have received a lot of feedback from your connection. Please try again later."
        )
        return problem(request, page, FeedbackForm(request.POST), error, status=429)
    form = FeedbackForm(request.POST)
    if not form.is_valid():
        return problem(request, page, form, status=400)
    Feedback.objects.create(
        translation_key=page.translation_key,
        language=page.locale.language_code,
        useful=form.cleaned_data["useful"],
        comment=form.cleaned_data["comment"].strip(),
        about_translation=form.cleaned_data["about_translation"],
    )
    return SeeOther(f"{page.get_url(request)}?feedback=thanks#feedback")


def problem(request, page, form, error="", status=400):
    """The form again, on a page of its own, with what went wrong and a way back."""
    context = {"item": page, "feedback_form": form, "error": error}
    return render(request, "feedback/problem.html", context, status=status)
