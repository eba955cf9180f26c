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


LABEL_WIDTH, BAR_SPACE, ROW, GAP = 190, 330, 34, 8


def horizontal(rows: list[tuple[str, int]]) -> dict:
    """One bar per row, longest for the largest value, labels on the left."""
    top = max((value for _label, value in rows), default=0) or 1
    bars = [
        Bar(label, value, LABEL_WIDTH, i * ROW, BAR_SPACE * value / top, ROW - GAP)
        for i, (label, value) in enumerate(rows)
    ]
    return {
        "bars": bars,
        "label_x": LABEL_WIDTH - 10,
        "width": LABEL_WIDTH + BAR_SPACE + 60,
        "height": len(rows) * ROW,
    }


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
