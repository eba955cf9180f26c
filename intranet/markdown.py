"""Markdown written by members, rendered on the server and sanitised.

CommonMark without raw HTML, then an allow-list (nh3): no images, no scripts, no
styles; links open as user-generated content (`rel="nofollow ugc noopener"`).
"""

from functools import lru_cache

import nh3
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

_parser = MarkdownIt("commonmark", {"html": False, "breaks": True}).disable("image")

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "a", "ul", "ol", "li", "blockquote", "code", "pre",
    "h3", "h4", "hr",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
URL_SCHEMES = {"http", "https", "mailto"}


# Rendered texts kept per process: the same messages and posts are shown page
# after page, and rendering them again was a tenth of a chat room's CPU. Bodies
# are short (at most a few KB), so a thousand of them stay small.
@lru_cache(maxsize=1024)
def render_markdown(text: str) -> SafeString:
    html = _parser.render(text or "")
    # Headings written as "#" would outrank the page's own headings: demote them.
    for level in (1, 2):
        html = html.replace(f"<h{level}>", "<h3>").replace(f"</h{level}>", "</h3>")
    for level in (5, 6):
        html = html.replace(f"<h{level}>", "<h4>").replace(f"</h{level}>", "</h4>")
    return mark_safe(
        nh3.clean(
            html,
            tags=ALLOWED_TAGS,
            attributes=ALLOWED_ATTRIBUTES,
            url_schemes=URL_SCHEMES,
            link_rel="nofollow ugc noopener",
        )
    )
