"""The editing form every knowledge page shares: topics and regions offered as their
tree, each item after its ancestors' names ("Sea ice › Sea ice travel"), so the
hierarchy shows in plain checkboxes, without JavaScript."""

from django import forms

from wagtail.admin.forms import WagtailAdminPageForm

PATH_SEPARATOR = " › "


def in_tree_order(items):
    """[(item, names of its ancestors and itself)], parents before their children and
    siblings in (sort_order, name) order. An item whose parent is not among ``items``
    starts a branch of its own, still named after its ancestors."""
    by_pk = {item.pk: item for item in items}
    children = {}
    for item in items:
        children.setdefault(item.parent_id if item.parent_id in by_pk else None, []).append(item)
    ordered = []

    def walk(parent_pk, path):
        for item in sorted(children.get(parent_pk, []), key=lambda i: (i.sort_order, i.name)):
            names = [*path, item.name] if path else [*outer_names(item), item.name]
            ordered.append((item, names))
            walk(item.pk, names)

    walk(None, [])
    return ordered


def outer_names(item):
    """The names of an item's ancestors, the root first."""
    names, ancestor = [], item.parent
    while ancestor is not None:
        names.insert(0, ancestor.name)
        ancestor = ancestor.parent
    return names


class TaxonomyTreeIterator(forms.models.ModelChoiceIterator):
    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        queryset = self.queryset.select_related("parent")
        for item, names in in_tree_order(list(queryset)):
            value = forms.models.ModelChoiceIteratorValue(self.field.prepare_value(item), item)
            yield value, PATH_SEPARATOR.join(names)


class TaxonomyTreeField(forms.ModelMultipleChoiceField):
    """Topics or regions, as their tree."""

    iterator = TaxonomyTreeIterator


class KnowledgePageForm(WagtailAdminPageForm):
    class Meta(WagtailAdminPageForm.Meta):  # keeps Wagtail's widgets: the slug's, the dates'
        field_classes = {"topics": TaxonomyTreeField, "regions": TaxonomyTreeField}
