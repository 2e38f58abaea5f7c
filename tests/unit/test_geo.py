"""Great-circle distance and the WGS-84 ↔ GCJ-02 conversion."""

from __future__ import annotations

import random

import pytest

from fieldvisit.domain.enums import CoordinateDatum
from fieldvisit.domain.geo import (
    gcj02_to_wgs84,
    haversine_km,
    outside_china,
    to_wgs84,
    wgs84_to_gcj02,
)

BEIJING = (39.9042, 116.4074)  # Tiananmen, WGS-84
SHANGHAI = (31.2304, 121.4737)
OUTSIDE = [
    (35.6762, 139.6503),  # Tokyo
    (51.5074, -0.1278),  # London
    (40.7128, -74.0060),  # New York
    (1.3521, 103.8198),  # Singapore: south of the box
    (55.7558, 37.6173),  # Moscow
    (-33.8688, 151.2093),  # Sydney
]


# --- haversine ----------------------------------------------------------------------------------

def test_beijing_to_shanghai_is_about_1068_km():
    assert haversine_km(*BEIJING, *SHANGHAI) == pytest.approx(1068, abs=3)


def test_distance_to_the_same_point_is_zero():
    assert haversine_km(*BEIJING, *BEIJING) == 0
    assert haversine_km(0.0, 0.0, 0.0, 0.0) == 0


def test_distance_is_symmetric():
    rng = random.Random(7)
    for _ in range(100):
        a = (rng.uniform(-80, 80), rng.uniform(-180, 180))
        b = (rng.uniform(-80, 80), rng.uniform(-180, 180))
        assert haversine_km(*a, *b) == pytest.approx(haversine_km(*b, *a), abs=1e-9)


def test_known_small_and_large_distances():
    # one degree of latitude is ~111.2 km on the mean sphere
    assert haversine_km(30.0, 120.0, 31.0, 120.0) == pytest.approx(111.19, abs=0.05)
    # antipodes: half the circumference, and no math domain error from rounding
    assert haversine_km(10.0, 20.0, -10.0, -160.0) == pytest.approx(20015.1, abs=0.5)


# --- GCJ-02 -------------------------------------------------------------------------------------

def test_wgs84_to_gcj02_shifts_a_beijing_point_by_500_to_600_m():
    shifted = wgs84_to_gcj02(*BEIJING)
    assert shifted != BEIJING
    assert 0.5 <= haversine_km(*BEIJING, *shifted) <= 0.6
    # north-east, as everyone who has overlaid GPS on a Chinese map knows
    assert shifted[0] > BEIJING[0] and shifted[1] > BEIJING[1]


def test_gcj02_to_wgs84_inverts_within_1e_6_degrees_inside_china():
    rng = random.Random(20230525)
    checked = 0
    while checked < 500:
        lat, lon = rng.uniform(18.0, 53.0), rng.uniform(74.0, 135.0)
        gcj = wgs84_to_gcj02(lat, lon)
        if outside_china(*gcj):
            continue
        back = gcj02_to_wgs84(*gcj)
        assert back[0] == pytest.approx(lat, abs=1e-6)
        assert back[1] == pytest.approx(lon, abs=1e-6)
        checked += 1


def test_the_shift_is_a_few_hundred_metres_everywhere_in_china():
    rng = random.Random(3)
    for _ in range(200):
        lat, lon = rng.uniform(18.0, 53.0), rng.uniform(74.0, 135.0)
        assert 0.0 < haversine_km(lat, lon, *wgs84_to_gcj02(lat, lon)) < 1.5


@pytest.mark.parametrize("point", OUTSIDE)
def test_points_outside_china_are_unchanged_both_ways(point):
    assert outside_china(*point)
    assert wgs84_to_gcj02(*point) == point
    assert gcj02_to_wgs84(*point) == point


def test_to_wgs84_with_each_datum():
    gcj = wgs84_to_gcj02(*BEIJING)
    assert to_wgs84(*BEIJING, CoordinateDatum.WGS84) == BEIJING
    assert to_wgs84(*gcj, CoordinateDatum.WGS84) == gcj
    back = to_wgs84(*gcj, CoordinateDatum.GCJ02)
    assert back == pytest.approx(BEIJING, abs=1e-6)
    for point in OUTSIDE:
        for datum in CoordinateDatum:
            assert to_wgs84(*point, datum) == point
