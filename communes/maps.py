"""A server-rendered SVG map of the Gers: no tile server, no outside call, no script.

``render_map`` draws the département (the convex hull of the communes' town halls),
every commune as a faint dot, and the given points as markers, linked to their page.
Every map shares the same frame: the bounding box of all the communes in the database,
computed once per process. The SVG carries no ``style`` attribute (the
Content-Security-Policy forbids inline styles): its look comes from the ``map-*``
classes of ``static/css/site.css``, with presentation attributes as a fallback.
The classes sit on the groups (``map-land``, ``map-communes``, ``map-markers``), not on
each of the hundreds of circles: that keeps a map of every commune under 40 KB.

The markers' links are out of the tab order (``tabindex="-1"``) and the SVG is a single
image for assistive technologies: a page that shows a map must show the same items as
an accessible list beside it.
"""

from __future__ import annotations

import functools
import itertools
import math
from dataclasses import dataclass

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from communes.models import Commune

# Sizes are given for a map 600 units wide and scaled with ``width``.
REFERENCE_WIDTH = 600
MARGIN = 22  # around the communes' bounding box: room for the land's rim and markers
LAND_PADDING = 8  # the land shape reaches a little beyond the outermost town halls
COMMUNE_RADIUS = 1.6
MARKER_RADIUS = 6
MIN_MARKER_RADIUS = 4
MAX_MARKER_RADIUS = 16

# The shades of a toned marker, low to high (ColorBrewer RdBu, colour-blind safe):
# `map-tone-N` in static/css/site.css, with the colour as a fallback attribute.
TONES = ("#b2182b", "#ef8a62", "#67a9cf", "#2166ac", "#053061")

# Used only while the database holds no commune (the frame is then not cached).
_GERS_FALLBACK = ((43.19, 44.06), (-0.27, 1.52))

_ids = itertools.count(1)


@dataclass(frozen=True)
class MapPoint:
    """One marker: a commune, its label (in the marker's tooltip) and an optional link.

    ``count`` sizes the marker on a ``scaled`` map (members in the commune, ...);
    ``tone`` (1 to 5) shades it from ``TONES`` (a value on a scale: the map then
    needs a legend, and the list beside it the values in text).
    """

    commune: Commune
    label: str
    url: str = ""
    count: int = 1
    tone: int = 0


@dataclass(frozen=True)
class _Frame:
    """The communes projected once: x east, y south, in degrees of latitude."""

    lat_max: float
    lon_min: float
    kx: float  # cos(mean latitude): a degree of longitude is shorter
    span_x: float
    span_y: float
    communes: tuple[tuple[int, float, float], ...]  # (pk, x, y)
    hull: tuple[tuple[float, float], ...]  # (x, y), counter-clockwise on screen

    def project(self, latitude: float, longitude: float) -> tuple[float, float]:
        x = (longitude - self.lon_min) * self.kx
        y = self.lat_max - latitude
        # A commune moved outside the frame since it was computed stays on the map.
        return min(max(x, 0.0), self.span_x), min(max(y, 0.0), self.span_y)


def _convex_hull(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Andrew's monotone chain; the hull without repeating its first point."""
    pts = sorted(set(points))
    if len(pts) <= 2:
        return pts

    def cross(o, a, b):
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list[tuple[float, float]] = []
    for p in pts:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    upper: list[tuple[float, float]] = []
    for p in reversed(pts):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]


def _build_frame(rows: list[tuple[int, float, float]]) -> _Frame:
    if rows:
        lats = [lat for _, lat, _ in rows]
        lons = [lon for _, _, lon in rows]
        (lat_min, lat_max), (lon_min, lon_max) = (
            (min(lats), max(lats)),
            (min(lons), max(lons)),
        )
        mean_lat = sum(lats) / len(lats)
    else:
        (lat_min, lat_max), (lon_min, lon_max) = _GERS_FALLBACK
        mean_lat = (lat_min + lat_max) / 2
    kx = math.cos(math.radians(mean_lat))
    communes = tuple((pk, (lon - lon_min) * kx, lat_max - lat) for pk, lat, lon in rows)
    return _Frame(
        lat_max=lat_max,
        lon_min=lon_min,
        kx=kx,
        span_x=max((lon_max - lon_min) * kx, 1e-6),
        span_y=max(lat_max - lat_min, 1e-6),
        communes=communes,
        hull=tuple(_convex_hull([(x, y) for _, x, y in communes])),
    )


@functools.cache
def commune_frame() -> _Frame:
    """The frame of every map, from one query, cached for the life of the process.

    ``commune_frame.cache_clear()`` forgets it (tests; after reloading the communes).
    """
    rows = list(Commune.objects.values_list("pk", "latitude", "longitude"))
    return _build_frame(rows)


def _frame() -> _Frame:
    frame = commune_frame()
    if not frame.communes:
        # An empty table (a test database being set up, say) must not stick.
        commune_frame.cache_clear()
    return frame


def _num(value: float) -> str:
    """A coordinate rounded to 0.1, without a useless ``.0``: the SVG stays small."""
    text = f"{value:.1f}"
    if text.endswith(".0"):
        text = text[:-2]
    return "0" if text == "-0" else text


def _radius(count: int, max_count: int, unit: float) -> float:
    """From the min radius (no count) to the max one (the biggest count of the map),
    growing with the square root of the count, so that areas follow the counts."""
    share = math.sqrt(max(count, 0) / max_count) if max_count > 0 else 0.0
    share = min(share, 1.0)
    return unit * (MIN_MARKER_RADIUS + (MAX_MARKER_RADIUS - MIN_MARKER_RADIUS) * share)


def _placing(frame: _Frame, width: int) -> tuple[float, float, float]:
    """(unit, margin, scale) of a map `width` SVG units wide."""
    unit = width / REFERENCE_WIDTH
    margin = MARGIN * unit
    return unit, margin, (width - 2 * margin) / frame.span_x


# The land and the communes' dots are the same on every map of a width: drawn once
# per frame and width (formatting 460 dots cost a directory page 1.5 ms).
_DRAWN: dict[int, tuple[_Frame, str, tuple[tuple[int, str], ...]]] = {}


def _background(frame: _Frame, width: int) -> tuple[str, tuple[tuple[int, str], ...]]:
    """The land (the hull of the town halls, pushed a little outwards) and each
    commune's dot, as (pk, circle), in SVG."""
    kept = _DRAWN.get(width)
    if kept is not None and kept[0] is frame:
        return kept[1], kept[2]
    unit, margin, scale = _placing(frame, width)

    def at(value: float) -> str:
        return _num(margin + value * scale)

    land = ""
    if len(frame.hull) >= 3:
        cx = sum(px for px, _ in frame.hull) / len(frame.hull)
        cy = sum(py for _, py in frame.hull) / len(frame.hull)
        padding = LAND_PADDING * unit / scale
        corners = []
        for px, py in frame.hull:
            dist = math.hypot(px - cx, py - cy) or 1.0
            corners.append(
                f"{at(px + (px - cx) / dist * padding)},"
                f"{at(py + (py - cy) / dist * padding)}"
            )
        land = (
            '<polygon class="map-land" fill="#eef0e4" stroke="#c5cdbf" points="'
            + " ".join(corners)
            + '"/>'
        )
    radius = _num(COMMUNE_RADIUS * unit)
    dots = tuple(
        (pk, f'<circle cx="{at(px)}" cy="{at(py)}" r="{radius}"/>')
        for pk, px, py in frame.communes
    )
    _DRAWN[width] = (frame, land, dots)
    return land, dots


def render_map(
    points: list[MapPoint],
    *,
    title: str,
    description: str = "",
    width: int = 600,
    scaled: bool = False,
) -> SafeString:
    """An inline ``<svg>`` map of the Gers with one marker per point.

    ``width`` is the width of the drawing in SVG units (the image itself takes the
    width of its container); ``scaled`` sizes the markers by their ``count``.
    The title, the description and the labels are plain text, always escaped. One
    query the first time in the process (the frame), none after: load the points'
    communes beforehand (``select_related``).
    """
    frame = _frame()
    unit, margin, scale = _placing(frame, width)
    height = frame.span_y * scale + 2 * margin

    def at(value: float) -> str:
        """A frame coordinate (x or y, same scale) in SVG units."""
        return _num(margin + value * scale)

    map_id = f"commune-map-{next(_ids)}"
    labelledby = f"{map_id}-title"
    # The texts are plain text: escape() even what is marked safe (a literal string
    # in a template is), markup has no meaning in <title> or <desc>.
    parts = [f'<title id="{map_id}-title">{escape(title)}</title>']
    if description:
        labelledby += f" {map_id}-desc"
        parts.append(f'<desc id="{map_id}-desc">{escape(description)}</desc>')

    land, dots = _background(frame, width)
    parts.append(land)
    # The communes, except where a marker hides them anyway.
    marked = {point.commune.pk for point in points}
    shown = "".join(dot for pk, dot in dots if pk not in marked)
    if shown:
        parts.append(f'<g class="map-communes" fill="#b8c2bc">{shown}</g>')

    # The markers; on a scaled map, the big ones first so that none hides a small one.
    if scaled:
        max_count = max((point.count for point in points), default=0)
        drawn = sorted(points, key=lambda point: point.count, reverse=True)
    else:
        max_count = 0
        drawn = list(points)
    markers = []
    for point in drawn:
        px, py = frame.project(point.commune.latitude, point.commune.longitude)
        if scaled:
            r = _num(_radius(point.count, max_count, unit))
            tooltip = f"{point.label} ({point.count})"
        else:
            r = _num(MARKER_RADIUS * unit)
            tooltip = point.label
        toned = ""
        if 1 <= point.tone <= len(TONES):
            toned = f' class="map-tone-{point.tone}" fill="{TONES[point.tone - 1]}"'
        marker = (
            f'<circle cx="{at(px)}" cy="{at(py)}" r="{r}"{toned}>'
            f"<title>{escape(tooltip)}</title></circle>"
        )
        if point.url:
            marker = f'<a href="{escape(point.url)}" tabindex="-1">{marker}</a>'
        markers.append(marker)
    linked = any(point.url for point in points)
    if markers:
        parts.append(
            '<g class="map-markers" fill="#1b5e4b" stroke="#fff" stroke-width="'
            + _num(1.5 * unit)
            # Links are for the mouse: the list beside the map serves everyone else.
            + ('" aria-hidden="true">' if linked else '">')
            + "".join(markers)
            + "</g>"
        )

    # Every piece of text above went through escape().
    return mark_safe(
        format_html(
            '<svg xmlns="http://www.w3.org/2000/svg" class="map" role="{}" '
            'aria-labelledby="{}" viewBox="0 0 {} {}" width="100%" '
            'preserveAspectRatio="xMidYMid meet" focusable="false">',
            # An image may not hold links: a map with links is a labelled group.
            "group" if linked else "img",
            labelledby,
            _num(width),
            _num(height),
        )
        + "".join(parts)
        + "</svg>"
    )
