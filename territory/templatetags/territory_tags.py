"""The territory's figures on other apps' pages (the committee page's village
sheet), without those apps importing it."""

from django import template

from territory import selectors

register = template.Library()


@register.inclusion_tag("territory/includes/sheet_lines.html", takes_context=True)
def commune_broadband(context, commune):
    """The lines of a village sheet: the commune's figures (over the threshold)
    and, for members, its workspaces' latest tests. From the cache."""
    figures, workspace_tests = selectors.commune_sheet(commune_id=commune.pk)
    user = context.get("user")
    member = bool(user and user.is_authenticated)
    return {
        "figures": figures,
        "workspace_tests": workspace_tests if member else [],
        "member": member,
        "commune": commune,
        "min_members": selectors.MIN_MEMBERS,
    }


@register.inclusion_tag("territory/includes/nearest_workspaces.html")
def nearest_workspaces(commune):
    """The published workspaces nearest to the commune (from the cache)."""
    return {
        "places": selectors.nearest_workspaces(commune=commune),
        "commune": commune,
        "within_km": selectors.NEAREST_KM,
    }
