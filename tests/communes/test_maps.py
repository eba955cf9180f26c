import xml.etree.ElementTree as ET

import pytest
from django.template import Context, Template
from django.utils.safestring import SafeString

from communes.maps import MapPoint, commune_frame, render_map
from communes.models import Commune

SVG = "{http://www.w3.org/2000/svg}"


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def commune(name: str) -> Commune:
    return Commune.objects.get(name=name)


def view_box(root: ET.Element) -> tuple[float, float]:
    x0, y0, width, height = (float(v) for v in root.get("viewBox").split())
    assert (x0, y0) == (0, 0)
    return width, height


def markers(root: ET.Element) -> list[ET.Element]:
    group = root.find(f"{SVG}g[@class='map-markers']")
    return [] if group is None else list(group.iter(f"{SVG}circle"))


def marker_of(root: ET.Element, label: str) -> ET.Element:
    (found,) = [m for m in markers(root) if m.find(f"{SVG}title").text == label]
    return found


@pytest.fixture
def towns(db):
    return {name: commune(name) for name in ("Auch", "Condom", "Lectoure")}


def test_svg_is_an_accessible_image(towns):
    svg = render_map(
        [MapPoint(towns["Auch"], "Auch")],
        title="Les comités",
        description="Un point par comité.",
    )
    assert isinstance(svg, SafeString)
    root = parse(svg)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.get("focusable") == "false"
    assert root.get("width") == "100%"
    assert root.get("preserveAspectRatio") == "xMidYMid meet"
    title_id, desc_id = root.get("aria-labelledby").split()
    assert root.find(f"{SVG}title").get("id") == title_id
    assert root.find(f"{SVG}title").text == "Les comités"
    assert root.find(f"{SVG}desc").get("id") == desc_id
    assert root.find(f"{SVG}desc").text == "Un point par comité."


def test_without_description_only_the_title_labels_the_map(towns):
    root = parse(render_map([], title="Le Gers"))
    (title_id,) = root.get("aria-labelledby").split()
    assert root.find(f"{SVG}title").get("id") == title_id
    assert root.find(f"{SVG}desc") is None


def test_each_map_has_its_own_ids(towns):
    first = parse(render_map([], title="Un", description="1"))
    second = parse(render_map([], title="Deux", description="2"))
    assert set(first.get("aria-labelledby").split()).isdisjoint(
        second.get("aria-labelledby").split()
    )


def test_land_and_every_commune_are_drawn(towns):
    root = parse(render_map([], title="Le Gers"))
    land = root.find(f"{SVG}polygon[@class='map-land']")
    assert len(land.get("points").split()) >= 3
    dots = root.find(f"{SVG}g[@class='map-communes']")
    assert len(dots.findall(f"{SVG}circle")) == Commune.objects.count() == 458
    assert markers(root) == []


def test_one_marker_per_point_linked_out_of_the_tab_order(towns):
    points = [
        MapPoint(towns["Auch"], "Comité d'Auch", url="/comites/auch/"),
        MapPoint(towns["Condom"], "Comité de Condom", url="/comites/condom/"),
        MapPoint(towns["Lectoure"], "Lectoure, sans page"),
    ]
    root = parse(render_map(points, title="Les comités"))
    assert len(markers(root)) == 3
    links = root.find(f"{SVG}g[@class='map-markers']").findall(f"{SVG}a")
    assert [(a.get("href"), a.get("tabindex")) for a in links] == [
        ("/comites/auch/", "-1"),
        ("/comites/condom/", "-1"),
    ]
    assert [a.find(f"{SVG}circle/{SVG}title").text for a in links] == [
        "Comité d'Auch",
        "Comité de Condom",
    ]
    unlinked = root.find(f"{SVG}g[@class='map-markers']/{SVG}circle")
    assert unlinked.find(f"{SVG}title").text == "Lectoure, sans page"
    # A commune under a marker gets no dot of its own.
    dots = root.find(f"{SVG}g[@class='map-communes']").findall(f"{SVG}circle")
    assert len(dots) == 458 - 3


def test_every_coordinate_is_inside_the_view_box(db):
    points = [
        MapPoint(c, c.name, count=i + 1) for i, c in enumerate(Commune.objects.all())
    ]
    for scaled in (False, True):
        root = parse(render_map(points[::5], title="Le Gers", scaled=scaled))
        width, height = view_box(root)
        circles = list(root.iter(f"{SVG}circle"))
        assert len(circles) == 458
        for circle in circles:
            cx, cy, r = (float(circle.get(k)) for k in ("cx", "cy", "r"))
            assert r <= cx - 0 and cx + r <= width
            assert r <= cy - 0 and cy + r <= height
        land = root.find(f"{SVG}polygon[@class='map-land']")
        for corner in land.get("points").split():
            x, y = (float(v) for v in corner.split(","))
            assert 0 <= x <= width and 0 <= y <= height


def test_frame_is_the_same_whatever_the_points(towns):
    one = parse(render_map([MapPoint(towns["Auch"], "Auch")], title="Un"))
    other = parse(render_map([MapPoint(towns["Condom"], "Condom")], title="Deux"))
    assert one.get("viewBox") == other.get("viewBox")
    both = parse(
        render_map(
            [MapPoint(towns["Condom"], "Condom"), MapPoint(towns["Auch"], "Auch")],
            title="Trois",
        )
    )
    for name, alone in (("Auch", one), ("Condom", other)):
        assert marker_of(both, name).attrib == marker_of(alone, name).attrib


def test_width_sets_the_drawing_size(towns):
    small = view_box(parse(render_map([], title="Petite", width=300)))
    large = view_box(parse(render_map([], title="Grande", width=600)))
    assert small[0] == 300 and large[0] == 600
    assert small[1] == pytest.approx(large[1] / 2, abs=0.2)
    # The Gers is wider than tall.
    assert 0.6 < large[1] / large[0] < 0.8


def test_geography_auch_is_east_of_condom_and_south_of_lectoure(towns):
    points = [MapPoint(town, name) for name, town in towns.items()]
    root = parse(render_map(points, title="Trois villes"))
    auch, condom, lectoure = (
        marker_of(root, name) for name in ("Auch", "Condom", "Lectoure")
    )

    def xy(marker):
        return float(marker.get("cx")), float(marker.get("cy"))

    # y grows southwards on screen.
    assert xy(auch)[0] > xy(condom)[0]
    assert xy(auch)[1] > xy(lectoure)[1]
    assert xy(auch)[1] > xy(condom)[1]
    # Lectoure and Condom are at about the same latitude, Lectoure to the east.
    assert xy(lectoure)[0] > xy(condom)[0]
    assert abs(xy(lectoure)[1] - xy(condom)[1]) < 15
    # Auch, the prefecture, is near the middle of the map.
    width, height = view_box(root)
    assert 0.35 * width < xy(auch)[0] < 0.65 * width
    assert 0.35 * height < xy(auch)[1] < 0.75 * height


def test_longitude_is_scaled_by_the_cosine_of_the_latitude(towns):
    # Condom -> Lectoure: 0.247° east and 0.025° south, at a latitude of about 43.7°.
    points = [MapPoint(towns["Condom"], "C"), MapPoint(towns["Lectoure"], "L")]
    root = parse(render_map(points, title="x"))
    condom, lectoure = marker_of(root, "C"), marker_of(root, "L")
    dx = float(lectoure.get("cx")) - float(condom.get("cx"))
    dy = float(lectoure.get("cy")) - float(condom.get("cy"))
    expected = (0.61981 - 0.37241) * 0.7234 / (43.9585 - 43.934)
    assert dx / dy == pytest.approx(expected, rel=0.1)


def test_scaled_radii_grow_with_count(db):
    communes = list(Commune.objects.order_by("name")[:5])
    counts = [1, 2, 5, 20, 80]
    points = [
        MapPoint(c, c.name, count=n) for c, n in zip(communes, counts, strict=True)
    ]
    root = parse(render_map(points, title="Membres", scaled=True))
    radii = [
        float(marker_of(root, f"{c.name} ({n})").get("r"))
        for c, n in zip(communes, counts, strict=True)
    ]
    assert radii == sorted(set(radii))  # strictly growing
    assert radii[0] >= 4 and radii[-1] == 16  # between the min and the max radius
    # Above the min radius, the radius follows the square root of the count.
    assert (radii[-1] - 4) / (radii[3] - 4) == pytest.approx(2, abs=0.05)
    # The biggest marker is drawn first, so that it hides no small one.
    assert markers(root)[0].find(f"{SVG}title").text.endswith("(80)")


def test_fixed_radius_without_scaled(towns):
    points = [
        MapPoint(towns["Auch"], "Auch", count=1),
        MapPoint(towns["Condom"], "Condom", count=50),
    ]
    root = parse(render_map(points, title="Comités"))
    assert len({m.get("r") for m in markers(root)}) == 1
    assert marker_of(root, "Condom") is not None  # no count in the tooltip


def test_text_is_escaped(towns):
    nasty = '<script>alert("x")</script> & "quotes"'
    points = [MapPoint(towns["Auch"], nasty, url='/x/?a=1&b="2"><script>')]
    svg = render_map(points, title=nasty, description=nasty)
    assert "<script>" not in svg
    root = parse(svg)
    assert root.find(f"{SVG}title").text == nasty
    assert root.find(f"{SVG}desc").text == nasty
    assert marker_of(root, nasty) is not None
    link = root.find(f"{SVG}g[@class='map-markers']/{SVG}a")
    assert link.get("href") == '/x/?a=1&b="2"><script>'


def test_no_inline_style(db):
    points = [MapPoint(c, c.name, url="/c/", count=3) for c in Commune.objects.all()]
    for svg in (
        render_map([], title="x"),
        render_map(points[:10], title="x", description="y", scaled=True),
    ):
        assert "style" not in svg
        assert "<script" not in svg


def test_size_stays_small(db):
    communes = list(Commune.objects.all())
    empty = render_map([], title="Le Gers", description="Les communes du Gers.")
    assert len(empty.encode()) < 25_000
    every = [MapPoint(c, c.name, count=i % 9 + 1) for i, c in enumerate(communes)]
    for scaled in (False, True):
        full = render_map(every, title="Le Gers", scaled=scaled)
        assert len(markers(parse(full))) == 458
        assert len(full.encode()) < 40_000


def test_bounded_queries(towns, django_assert_max_num_queries):
    points = [MapPoint(town, name, url="/") for name, town in towns.items()]
    commune_frame.cache_clear()
    with django_assert_max_num_queries(1):
        render_map(points, title="Froid")
    with django_assert_max_num_queries(0):
        render_map(points, title="Chaud", scaled=True)


def test_template_tag(towns):
    template = Template(
        "{% load map_tags %}"
        '{% commune_map points title=title description="Les <b>comités</b>" %}'
    )
    html = template.render(
        Context(
            {
                "points": [MapPoint(towns["Auch"], "Auch", url="/comites/auch/")],
                "title": "Carte & comités",
            }
        )
    )
    root = parse(html)
    assert root.find(f"{SVG}title").text == "Carte & comités"
    # Even a literal string, which templates mark safe, is plain text here.
    assert root.find(f"{SVG}desc").text == "Les <b>comités</b>"
    assert len(markers(root)) == 1
    scaled = parse(
        Template(
            "{% load map_tags %}{% commune_map points title='t' scaled=True %}"
        ).render(Context({"points": [MapPoint(towns["Auch"], "Auch", count=4)]}))
    )
    assert marker_of(scaled, "Auch (4)") is not None


def test_a_map_with_links_is_a_group_whose_links_are_hidden(towns):
    root = parse(
        render_map([MapPoint(towns["Auch"], "Auch", "/comites/auch/")], title="x")
    )
    assert root.get("role") == "group"
    assert root.find(f"{SVG}g[@class='map-markers']").get("aria-hidden") == "true"
