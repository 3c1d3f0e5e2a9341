"""The interface strings editor's overview: how many of the strings readers see a
catalogue translates. A string readers see carries a translator note starting
"Readers see", which the editor's search finds."""

from django import template

register = template.Library()

READERS_MARK = "Readers see"


@register.simple_tag
def reader_strings(catalogue):
    entries = [e for e in catalogue if not e.obsolete and READERS_MARK in e.comment]
    translated = sum(1 for entry in entries if entry.translated())
    return {"total": len(entries), "translated": translated, "query": READERS_MARK}
