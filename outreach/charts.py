"""Small horizontal bar charts drawn on the server as SVG: no script, a few hundred bytes."""

from dataclasses import dataclass

ROW = 24  # px per bar
LABEL_WIDTH = 130
BAR_WIDTH = 190  # px of the longest bar
WIDTH = LABEL_WIDTH + BAR_WIDTH + 40  # room for the figure after the bar


@dataclass
class Bar:
    label: str
    value: int
    y: int
    width: int


@dataclass
class BarChart:
    bars: list
    width: int = WIDTH
    height: int = 0
    label_width: int = LABEL_WIDTH


def bar_chart(values):
    """A chart of [(label, value)], bars in the given order."""
    largest = max((value for _label, value in values), default=0) or 1
    bars = [
        Bar(label=label, value=value, y=index * ROW, width=round(BAR_WIDTH * value / largest))
        for index, (label, value) in enumerate(values)
    ]
    return BarChart(bars=bars, height=len(bars) * ROW)
