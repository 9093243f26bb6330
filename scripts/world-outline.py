#!/usr/bin/env python3
"""Compiles the world outline of the web UI's map view.

Input: countries-110m.json of the npm package world-atlas 2.0.2 (ISC, Mike
Bostock), Natural Earth 1:110m Admin 0 boundaries (public domain). Get it with
`npm pack world-atlas@2.0.2` and untar it.
Output: crates/chronicle-server/assets/world.json — one entry per country, its
name and its rings as flat [lon, lat, lon, lat, …] lists rounded to 0.1°.

    python3 scripts/world-outline.py package/countries-110m.json \
        > crates/chronicle-server/assets/world.json
"""
import json
import sys


def decode_arcs(topo):
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(arcs, indices):
    points = []
    for i in indices:
        arc = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        points.extend(arc if not points else arc[1:])
    flat = []
    last = None
    for lon, lat in points:
        p = (round(lon, 1), round(lat, 1))
        if p != last:
            flat.extend(p)
            last = p
    return flat


def main():
    topo = json.load(open(sys.argv[1]))
    arcs = decode_arcs(topo)
    countries = []
    for geometry in topo["objects"]["countries"]["geometries"]:
        polygons = {"Polygon": lambda a: [a], "MultiPolygon": lambda a: a}.get(
            geometry.get("type"), lambda a: []
        )(geometry.get("arcs", []))
        rings = [ring(arcs, r) for polygon in polygons for r in polygon]
        rings = [r for r in rings if len(r) >= 6]
        if rings:
            countries.append({"name": geometry["properties"]["name"], "rings": rings})
    out = {
        "source": "Natural Earth 1:110m Admin 0 countries (public domain), via world-atlas 2.0.2 (ISC)",
        "countries": countries,
    }
    json.dump(out, sys.stdout, separators=(",", ":"))


if __name__ == "__main__":
    main()
