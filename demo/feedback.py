"""Demo reader feedback (demo/data/feedback.yaml) on the first guides and lessons, so the
editors' report and the authors' dashboards have something to show. Safe to repeat:
nothing is added when feedback exists."""

from wagtail.models import Locale

from feedback.items import FEEDBACK_MODELS
from feedback.models import Feedback

from .files import read_data


def votes_for(entry):
    comments = entry.get("comments", [])
    votes = [Feedback(useful=True) for _vote in range(entry["useful"])]
    votes += [
        Feedback(useful=False, comment=comments[n] if n < len(comments) else "")
        for n in range(entry["not_useful"])
    ]
    return votes


def load_feedback(log=print):
    if Feedback.objects.exists():
        return
    items = []
    for model in FEEDBACK_MODELS:
        sources = model.objects.live().filter(locale=Locale.get_default(), alias_of=None)
        items.extend(sources.order_by("pk")[:2])
    entries = read_data("feedback")
    for page, entry in zip(items, entries, strict=False):
        votes = votes_for(entry)
        for vote in votes:
            vote.translation_key = page.translation_key
            vote.language = page.locale.language_code
        Feedback.objects.bulk_create(votes)
    log(f"  feedback on {min(len(items), len(entries))} items")
