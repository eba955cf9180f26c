"""Draw the web app's icons (static/img/icons/) from the favicon's shapes, with
Pillow, at the sizes browsers ask for. Run again after changing the favicon:

    .venv/bin/python tools/draw_icons.py

The favicon (static/img/favicon.svg, 32 units) is a green rounded square with a
yellow hill and sun; the same shapes are drawn here, four times larger, then
scaled down (anti-aliasing)."""

from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parent.parent / "static" / "img" / "icons"
GREEN, SUN = (0x1B, 0x5E, 0x4B, 255), (0xF4, 0xC9, 0x5D, 255)
SUPER = 4


def _bezier(p0, p1, p2, p3, steps=400):
    for i in range(steps + 1):
        t = i / steps
        a, b, c, d = (1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t**2, t**3
        yield (
            a * p0[0] + b * p1[0] + c * p2[0] + d * p3[0],
            a * p0[1] + b * p1[1] + c * p2[1] + d * p3[1],
        )


# The favicon's path "M6 22c4-7 8-10 10-10s6 3 10 10", in absolute points.
HILL = [
    *_bezier((6, 22), (10, 15), (14, 12), (16, 12)),
    *_bezier((16, 12), (18, 12), (22, 15), (26, 22)),
]


def draw(size: int, *, maskable: bool = False) -> Image.Image:
    """The icon at `size` pixels. A maskable icon fills its square with green and
    keeps the drawing inside the central safe circle (80 % of the side)."""
    big = size * SUPER
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    if maskable:
        pen.rectangle((0, 0, big, big), fill=GREEN)
        scale, offset = big * 0.62 / 32, big * 0.19
    else:
        scale, offset = big / 32, 0.0
        pen.rounded_rectangle((0, 0, big - 1, big - 1), radius=7 * scale, fill=GREEN)

    def at(x: float, y: float) -> tuple[float, float]:
        return (offset + x * scale, offset + y * scale)

    width = 3 * scale
    points = [at(x, y) for x, y in HILL]
    # A round pen stamped along the curve: smooth joins and round caps.
    for x, y in points:
        pen.ellipse(
            (x - width / 2, y - width / 2, x + width / 2, y + width / 2), fill=SUN
        )
    cx, cy = at(22, 9)
    r = 3 * scale
    pen.ellipse((cx - r, cy - r, cx + r, cy + r), fill=SUN)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for size in (192, 512):
        draw(size).save(OUT / f"icon-{size}.png", optimize=True)
        draw(size, maskable=True).save(OUT / f"maskable-{size}.png", optimize=True)
    # iOS draws its own rounded corners on a full square, without transparency.
    draw(180, maskable=True).convert("RGB").save(
        OUT / "apple-touch-icon.png", optimize=True
    )


if __name__ == "__main__":
    main()
