"""Translation workflow around wagtail-localize: PO round trips, a status
report per locale, interface-string coverage and translation provenance."""
