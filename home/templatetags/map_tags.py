from django import template

from communes.maps import MapPoint, render_map

register = template.Library()


@register.simple_tag
def commune_map(
    points: list[MapPoint],
    *,
    title: str,
    description: str = "",
    scaled: bool = False,
    width: int = 600,
):
    """An inline SVG map of the Gers, one marker per ``MapPoint``.

    ``{% commune_map points title=_("Committees") description=... scaled=False %}``.
    Show the same items as a list beside the map: its links are out of the tab order.
    """
    return render_map(
        list(points), title=title, description=description, width=width, scaled=scaled
    )
