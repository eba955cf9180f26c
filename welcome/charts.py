"""Server-rendered SVG bar charts: geometry only; the template draws them and the
table beside each chart gives the same numbers to everyone."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    x: float
    y: float
    width: float
    height: float

    @property
    def end(self) -> float:
        return self.x + self.width

    @property
    def middle(self) -> float:
        return self.x + self.width / 2


BAR_SPACE, ROW, LABEL_HEIGHT, BAR_HEIGHT = 290, 46, 18, 20


def horizontal(rows: list[tuple[str, int]]) -> dict:
    """One bar per row, longest for the largest value, each under its label (so
    that the chart stays legible on a phone)."""
    top = max((value for _label, value in rows), default=0) or 1
    bars = [
        Bar(label, value, 0, i * ROW + LABEL_HEIGHT + 4,
            max(BAR_SPACE * value / top, 2), BAR_HEIGHT)
        for i, (label, value) in enumerate(rows)
    ]  # fmt: skip
    return {"bars": bars, "width": BAR_SPACE + 50, "height": len(rows) * ROW}


COLUMN, COLUMN_GAP, PLOT_HEIGHT = 56, 16, 160


def vertical(rows: list[tuple[str, int]]) -> dict:
    """One column per row (years), value above, label below."""
    top = max((value for _label, value in rows), default=0) or 1
    bars = []
    for i, (label, value) in enumerate(rows):
        height = PLOT_HEIGHT * value / top
        x = COLUMN_GAP + i * (COLUMN + COLUMN_GAP)
        bars.append(Bar(label, value, x, 20 + PLOT_HEIGHT - height, COLUMN, height))
    width = COLUMN_GAP + len(rows) * (COLUMN + COLUMN_GAP)
    return {"bars": bars, "width": max(width, 200), "height": PLOT_HEIGHT + 50,
            "base": 20 + PLOT_HEIGHT}  # fmt: skip
