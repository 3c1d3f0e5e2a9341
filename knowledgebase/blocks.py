"""The block vocabulary of guide bodies.

Every block renders semantic HTML that reads well without JavaScript; the
heading block gives its heading an anchor that feeds the table of contents.
"""

import copy

from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail_localize.segments import StringSegmentValue


class HeadingValue(blocks.StructValue):
    # Not named "anchor": templates look a name up as a key first and would get the empty field.
    def anchor_id(self):
        return self.get("anchor") or slugify(self.get("text"), allow_unicode=True) or "section"


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=160)
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Section")), ("h3", _("Subsection"))],
        default="h2",
        label=_("Level"),
        search_index=False,
    )
    anchor = blocks.CharBlock(
        required=False,
        max_length=80,
        label=_("Anchor"),
        search_index=False,
        help_text=_("Optional link target; made from the heading when empty."),
    )

    class Meta:
        template = "blocks/heading.html"
        icon = "title"
        label = _("Heading")
        value_class = HeadingValue
        description = _("A section heading; sections feed the table of contents.")
        preview_value = {"text": "Before you go on the ice", "level": "h2"}


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Step"), max_length=200)
    text = blocks.RichTextBlock(
        required=False, features=["bold", "italic", "link"], label=_("Details")
    )


class StepsBlock(blocks.ListBlock):
    def __init__(self, **kwargs):
        super().__init__(StepBlock(), **kwargs)

    class Meta:
        template = "blocks/steps.html"
        icon = "list-ol"
        label = _("Numbered steps")
        description = _("An ordered procedure, one step after another.")
        preview_value = [
            {"title": "Check the ice thickness every 50 m", "text": ""},
            {"title": "Log the route with the station", "text": ""},
        ]


class ChecklistBlock(blocks.StructBlock):
    title = blocks.CharBlock(required=False, label=_("Title"), max_length=160)
    items = blocks.ListBlock(blocks.CharBlock(max_length=300), label=_("Items"))

    class Meta:
        template = "blocks/checklist.html"
        icon = "tasks"
        label = _("Checklist")
        description = _("Things to have or to check, printable as a list with boxes.")
        preview_value = {"title": "Pack", "items": ["Ice auger", "Flotation suit", "Radio"]}


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        choices=[
            ("warning", _("Warning")),
            # Translators: Readers see this as the title of a highlighted note in a guide or lesson
            # when the author gave none.
            ("note", _("Note")),
            # Translators: Readers see this as the title of a highlighted tip in a guide or lesson
            # when the author gave none.
            ("tip", _("Tip")),
        ],
        default="warning",
        label=_("Kind"),
        search_index=False,
    )
    title = blocks.CharBlock(required=False, label=_("Title"), max_length=160)
    text = blocks.RichTextBlock(features=["bold", "italic", "link", "ul"], label=_("Text"))

    class Meta:
        template = "blocks/callout.html"
        icon = "warning"
        label = _("Warning or callout")
        description = _("A highlighted warning, note or tip.")
        preview_value = {"kind": "warning", "title": "Thin ice", "text": "<p>Turn back.</p>"}


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        help_text=_("Describe the image for people who cannot see it."),
    )
    caption = blocks.CharBlock(required=False, label=_("Caption"), max_length=300)

    class Meta:
        template = "blocks/image.html"
        icon = "image"
        label = _("Image")
        description = _("An image with required alternative text and an optional caption.")


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(required=False, label=_("Link text"), max_length=200)

    class Meta:
        template = "blocks/document.html"
        icon = "doc-full"
        label = _("Document download")
        description = _("A link to download a document, with its format and size.")


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(required=False, label=_("Attribution"), max_length=200)
    language = blocks.CharBlock(
        required=False,
        max_length=12,
        label=_("Language of the quote"),
        help_text=_("Language code if it differs from the page, e.g. 'en' or 'kl'."),
        search_index=False,
    )

    class Meta:
        template = "blocks/quote.html"
        icon = "openquote"
        label = _("Quote")
        description = _("A quotation, with its language when it differs from the page.")
        preview_value = {"text": "Ice is a road and a risk.", "attribution": "Station guide"}


class TranslatableTableBlock(TableBlock):
    """A table whose caption and cells wagtail-localize offers for translation.

    wagtail-localize leaves table blocks alone, so a translated guide would keep
    its tables in the source language without these two methods. Segment paths
    avoid dots, which wagtail-localize uses to separate path components.
    """

    def get_translatable_segments(self, value):
        value = value or {}
        segments = [
            StringSegmentValue(f"cell-{row}-{column}", cell)
            for row, cells in enumerate(value.get("data") or [])
            for column, cell in enumerate(cells)
            if cell
        ]
        if value.get("table_caption"):
            segments.append(StringSegmentValue("caption", value["table_caption"]))
        return segments

    def restore_translated_segments(self, value, segments):
        value = copy.deepcopy(value)
        for segment in segments:
            if segment.path == "caption":
                value["table_caption"] = segment.render_text()
            else:
                _cell, row, column = segment.path.split("-")
                row, column = int(row), int(column)
                value["data"][row][column] = segment.render_text()
        return value


class GuideBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=["bold", "italic", "link", "ol", "ul", "document-link"],
        icon="pilcrow",
        label=_("Text"),
        template="blocks/paragraph.html",
        description=_("Paragraphs of text."),
    )
    steps = StepsBlock()
    checklist = ChecklistBlock()
    callout = CalloutBlock()
    image = ImageBlock()
    document = DocumentBlock()
    table = TranslatableTableBlock(
        icon="table",
        label=_("Table"),
        description=_("A table with an optional header row."),
    )
    quote = QuoteBlock()
    embed = EmbedBlock(
        icon="media",
        label=_("Embedded media"),
        template="blocks/embed.html",
        description=_("A video or other media from a URL."),
    )


def table_of_contents(stream_value):
    """(anchor, text, level) for each heading of a body, in order."""
    return [
        (block.value.anchor_id(), block.value["text"], block.value["level"])
        for block in stream_value
        if block.block_type == "heading"
    ]


class ContactPointValue(blocks.StructValue):
    """What a reader may see of a contact point: the role always; the name and e-mail
    only when the person agreed to be listed."""

    def public_name(self):
        return self.get("name", "") if self.get("agreed_to_be_listed") else ""

    def public_email(self):
        return self.get("email", "") if self.get("agreed_to_be_listed") else ""


class ContactPointBlock(blocks.StructBlock):
    role = blocks.CharBlock(label=_("Role"), max_length=160)
    name = blocks.CharBlock(required=False, label=_("Name"), max_length=160, search_index=False)
    email = blocks.EmailBlock(required=False, label=_("Public e-mail"), search_index=False)
    agreed_to_be_listed = blocks.BooleanBlock(
        required=False,
        label=_("Agreed to be listed"),
        search_index=False,
        help_text=_(
            "Only when the person agreed: without it, readers see the role and nothing personal."
        ),
    )

    class Meta:
        template = "blocks/contact_point.html"
        icon = "user"
        label = _("Contact point")
        value_class = ContactPointValue
        description = _("A role to contact, with a name and e-mail the person agreed to list.")
        preview_value = {"role": "Station manager", "agreed_to_be_listed": False}
