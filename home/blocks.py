"""StreamField blocks editors compose pages with. No block embeds outside content or
raw HTML: everything renders through our own templates."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "link", "document-link", "ol", "ul"]


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading.html"
        form_classname = "title"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        help_text=_(
            "What the image shows, for people who cannot see it "
            "(e.g. “The town hall square of Mirande on market day”)."
        ),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    source = blocks.CharBlock(label=_("Source"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote.html"


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False)
    page = blocks.PageChooserBlock(label=_("Page to open"))
    button_label = blocks.CharBlock(label=_("Button label"), max_length=60)

    class Meta:
        icon = "pick"
        label = _("Call to action")
        template = "blocks/call_to_action.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    label = blocks.CharBlock(
        label=_("Link text"),
        required=False,
        max_length=200,
        help_text=_("Defaults to the document's title."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "blocks/document_link.html"


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Text"), features=RICH_TEXT_FEATURES, template="blocks/paragraph.html"
    )
    image = ImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    document = DocumentLinkBlock()
    table = TableBlock(
        label=_("Table"),
        template="blocks/table.html",
        table_options={
            "contextMenu": [
                "row_above",
                "row_below",
                "col_left",
                "col_right",
                "remove_row",
                "remove_col",
                "undo",
                "redo",
            ]
        },
    )
