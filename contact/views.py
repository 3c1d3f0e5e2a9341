"""The single contact point, /<lang>/contact/: a form that works without JavaScript,
addressed to the Cluster secretariat or, with ?member=<key>, to one member."""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from wagtail.models import Locale

from knowledgebase.models import MemberPage
from knowledgebase.ratelimit import over_limit

from .forms import EnquiryForm
from .routing import deliver, recipient

# The form's privacy note, as the template's blocktranslate writes it (to know whether
# it is translated).
PRIVACY_MESSAGE = {
    "singular": "We use your details only to answer you, and delete your enquiry %(days)s day "
    "after it is closed.",
    "plural": "We use your details only to answer you, and delete your enquiry %(days)s days "
    "after it is closed.",
}


class SeeOther(HttpResponseRedirect):
    status_code = 303


@require_http_methods(["GET", "POST"])
def contact(request):
    if request.method == "POST":
        return submit(request)
    member_key = request.GET.get("member", "")[:80]
    form = EnquiryForm(initial={"member": member_key})
    return contact_page(request, form, member_key=member_key)


def submit(request):
    member_key = request.POST.get("member", "")[:80]
    if int(request.META.get("CONTENT_LENGTH") or 0) > settings.CONTACT_MAX_POST_BYTES:
        # Translators: Readers see this above the contact form when the message is too long to be
        # sent.
        error = _("Your message is too long to send. Please shorten it and send it again.")
        return contact_page(request, EnquiryForm(), member_key, error=error, status=400)
    limit, period = settings.CONTACT_RATE_LIMIT
    if over_limit(request, "contact", limit, period):
        # Translators: Readers see this above the contact form when too many messages came from the
        # same connection.
        error = _("We have received many messages from your connection. Please try again later.")
        form = EnquiryForm(request.POST)
        return contact_page(request, form, member_key, error=error, status=429)
    form = EnquiryForm(request.POST)
    if form.is_spam:
        return SeeOther(reverse("contact_thanks"))
    if not form.is_valid():
        return contact_page(request, form, member_key, status=400)
    enquiry = form.save(commit=False)
    enquiry.language = translation.get_language()
    enquiry.routed_to = recipient(enquiry)
    enquiry.save()  # stored before any e-mail: a failing mail server loses nothing
    deliver(enquiry)
    return SeeOther(reverse("contact_thanks"))


def addressed_member(member_key):
    """The member a form is addressed to, in the reader's language where translated."""
    if not member_key:
        return None
    labels = MemberPage.labels([member_key], Locale.get_active())
    return labels.get(member_key)


def contact_page(request, form, member_key="", error="", status=200):
    context = {
        "form": form,
        "member_name": addressed_member(member_key),
        "error": error,
        "retention_days": settings.CONTACT_RETENTION_DAYS,
        "privacy_message": PRIVACY_MESSAGE,
    }
    return render(request, "contact/contact.html", context, status=status)


@require_GET
def thanks(request):
    return render(request, "contact/thanks.html")
