"""Who may complete the interface catalogues (kl, se, iu) in the browser with django-rosetta."""

from .roles import CLUSTER_EDITORS, TRANSLATORS

INTERFACE_TRANSLATOR_GROUPS = [TRANSLATORS, CLUSTER_EDITORS]


def may_translate_interface(user):
    return user.is_active and (
        user.is_superuser or user.groups.filter(name__in=INTERFACE_TRANSLATOR_GROUPS).exists()
    )
