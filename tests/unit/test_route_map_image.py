"""The route map as a PNG for the Word report: its size, and labels that overlap neither each
other nor the legs."""

from __future__ import annotations

from io import BytesIO

from PIL import Image

from fieldvisit.reporting import route_map_image
from fieldvisit.services.route_map import segment_hits_box
from tests.integration.docx_samples import route


def test_png_of_the_route_map():
    png, height = route_map_image.route_map_png(route(), 442, "{n}分钟")
    with Image.open(BytesIO(png)) as image:
        assert image.format == "PNG"
        assert image.size == (round(442 * route_map_image.SCALE),
                              round(height * route_map_image.SCALE))
    assert height == min(route_map_image.MAX_HEIGHT, 442 * route().aspect)


def test_labels_overlap_nothing():
    map_ = route()
    width, height = 442.0, 442 * map_.aspect
    points = [(p.x * width, p.y * height) for p in map_.points]
    labels = route_map_image._labels(map_, width, height, 0, points, "{n}分钟")
    texts = [text for _, text, _, _ in labels]
    assert texts == ["朝阳区工人文化宫", "骑手驿站", "环卫工人休息点", "20分钟", "≈15分钟"]
    boxes = [box for box, _, _, _ in labels]
    for i, box in enumerate(boxes):
        assert not any(box.intersects(other) for other in boxes[i + 1:])
        for leg in map_.legs:
            assert not segment_hits_box(points[leg.start], points[leg.end], box), texts[i]
