"""`{% url %}` through `intranet.links.reverse`: a template builtin (settings), so
every template, the project's and its packages', gets it in place of Django's,
with the same syntax and behaviour."""

from django import template
from django.template import defaulttags
from django.urls import NoReverseMatch
from django.utils.html import conditional_escape

from intranet import links

register = template.Library()


class KeptURLNode(defaulttags.URLNode):
    def render(self, context: template.Context) -> str:
        # As Django's: the request's current application, else its namespace.
        request = getattr(context, "request", None)
        try:
            current_app = request.current_app  # type: ignore[union-attr]
        except AttributeError:
            match = getattr(request, "resolver_match", None)
            current_app = getattr(match, "namespace", None)
        try:
            url = links.reverse(
                self.view_name.resolve(context),
                args=[arg.resolve(context) for arg in self.args],
                kwargs={name: v.resolve(context) for name, v in self.kwargs.items()},
                current_app=current_app,
            )
        except NoReverseMatch:
            if self.asvar is None:
                raise
            url = ""
        if self.asvar:
            context[self.asvar] = url
            return ""
        return conditional_escape(url) if context.autoescape else url


@register.tag
def url(parser: template.base.Parser, token: template.base.Token) -> KeptURLNode:
    node = defaulttags.url(parser, token)
    return KeptURLNode(node.view_name, node.args, node.kwargs, node.asvar)
