"""The Cluster's roles as Wagtail groups with their permissions.

``setup_roles(apps)`` creates or completes them and can run again at any time:
migration 0001 calls it with the migration's models, ``grant_section_rights``
runs for every new home page (a new language), and tests may call it with
``django.apps.apps``. Rights on pages are granted on the tree root (editors) or
on each language's home page (authors, translators); knowledgebase.permissions
narrows the authors' and translators' "add" right to their own work.
"""

CLUSTER_EDITORS = "Cluster editors"
MEMBER_AUTHORS = "Member authors"
TRANSLATORS = "Translators"
COMMUNITY_REVIEWERS = "Community reviewers"

ACCESS_ADMIN = ("wagtailadmin", "admin", "access_admin")
TRANSLATE = ("wagtail_localize", "translation", "submit_translation")


def model_permissions(app_label, model, actions):
    return [(app_label, model, f"{action}_{model}") for action in actions]


# Model (and snippet) permissions per group.
GROUP_PERMISSIONS = {
    CLUSTER_EDITORS: [
        ACCESS_ADMIN,
        TRANSLATE,
        *model_permissions("knowledgebase", "topic", ["add", "change", "delete"]),
        *model_permissions("knowledgebase", "region", ["add", "change", "delete"]),
        *model_permissions("knowledgebase", "glossaryterm", ["add", "change", "delete"]),
        *model_permissions("knowledgebase", "membership", ["add", "change", "delete", "view"]),
        *model_permissions("wagtailredirects", "redirect", ["add", "change", "delete"]),
        # Community consent records: seen, never changed, by editors.
        *model_permissions("consent", "consentrequest", ["view"]),
        *model_permissions("consent", "communityapproval", ["view"]),
        *model_permissions("consent", "notconcerned", ["view"]),
    ],
    MEMBER_AUTHORS: [ACCESS_ADMIN],
    # Changing snippets without adding them: translations only (knowledgebase.permissions).
    TRANSLATORS: [
        ACCESS_ADMIN,
        TRANSLATE,
        *model_permissions("knowledgebase", "topic", ["change"]),
        *model_permissions("knowledgebase", "region", ["change"]),
        *model_permissions("knowledgebase", "glossaryterm", ["change"]),
    ],
    COMMUNITY_REVIEWERS: [ACCESS_ADMIN],
}

# Page permissions: editors on the whole tree, authors and translators on each home page.
EDITOR_PAGE_ACTIONS = ["add", "change", "publish", "bulk_delete", "lock", "unlock"]
SECTION_PAGE_ACTIONS = {MEMBER_AUTHORS: ["add"], TRANSLATORS: ["add"]}

# Image and document permissions on the root collection.
COLLECTION_ACTIONS = {
    CLUSTER_EDITORS: ["add", "change", "choose"],
    MEMBER_AUTHORS: ["add", "choose"],
    TRANSLATORS: ["choose"],
}


def permission(apps, app_label, model, codename):
    """The permission, created if missing (Django adds permissions only after migrating)."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _created = ContentType.objects.get_or_create(app_label=app_label, model=model)
    return Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": codename.replace("_", " ").capitalize()},
    )[0]


def group(apps, name):
    return apps.get_model("auth", "Group").objects.get_or_create(name=name)[0]


def grant_page_rights(apps, group_name, page, actions):
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    for action in actions:
        GroupPagePermission.objects.get_or_create(
            group=group(apps, group_name),
            page_id=page.pk,
            permission=permission(apps, "wagtailcore", "page", f"{action}_page"),
        )


def grant_section_rights(apps, home_page):
    """Authors and translators work in every language: rights on each home page."""
    for group_name, actions in SECTION_PAGE_ACTIONS.items():
        grant_page_rights(apps, group_name, home_page, actions)


def grant_collection_rights(apps):
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root = Collection.objects.filter(depth=1).first()
    if root is None:
        return
    for group_name, actions in COLLECTION_ACTIONS.items():
        for app_label, model in (("wagtailimages", "image"), ("wagtaildocs", "document")):
            for action in actions:
                GroupCollectionPermission.objects.get_or_create(
                    group=group(apps, group_name),
                    collection=root,
                    permission=permission(apps, app_label, model, f"{action}_{model}"),
                )


def setup_roles(apps):
    for group_name, permissions in GROUP_PERMISSIONS.items():
        group(apps, group_name).permissions.add(
            *(permission(apps, *natural_key) for natural_key in permissions)
        )
    root = apps.get_model("wagtailcore", "Page").objects.filter(depth=1).first()
    if root is not None:
        grant_page_rights(apps, CLUSTER_EDITORS, root, EDITOR_PAGE_ACTIONS)
    for home_page in apps.get_model("home", "HomePage").objects.all():
        grant_section_rights(apps, home_page)
    grant_collection_rights(apps)
