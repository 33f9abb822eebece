"""A local stand-in for PDOK's OGC API Features services, for the loader's tests.

Run as a program (``python fake_pdok.py``) it serves on 127.0.0.1 at a free port, prints
the port on its first line and serves until stdin closes. It runs in a process of its
own: QGIS's blocking network request holds Python's lock while it waits, so a server
thread inside the test process would hardly get a turn.

The answers have the shape of PDOK's: GeoJSON feature collections with ``links``
(``self``, ``next`` with a cursor), ``numberReturned``, a ``Content-Crs`` header when
the ``crs`` parameter asked for RD New; CBS's property names (``statcode``,
``statnaam``, ``jaarcode``; ``gemeentecode``, ``water``, ``aantal_inwoners``). Pages
hold two features whatever ``limit`` asks, so every collection comes in several pages.
The geography is invented (rectangles in RD New) with real CBS codes and names.

Services (the first part of the path):

* ``/gebiedsindelingen``: the boundaries, in RD New when asked (``crs``);
* ``/wijken-en-buurten-2023``: kerncijfers; ignores ``crs`` (longitude/latitude);
* ``/bevolkingskernen-2021``: population cores in longitude/latitude only;
* ``/error500`` (HTTP 500), ``/notjson`` (an HTML page), ``/slow`` (answers after
  ``SLOW_S`` seconds), ``/brokenpage`` (the boundaries, but the second page fails);
* ``/_log``: the requests received so far (JSON), for the tests to check.
"""
import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlsplit

PAGE = 2
SLOW_S = 6.0
RD = "http://www.opengis.net/def/crs/EPSG/0/28992"


def box(x0, y0, x1, y1):
    return [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]]


# (statcode, statnaam, (x0, y0, x1, y1) in km, years)
PROVINCES = [("PV31", "Limburg", (170, 310, 210, 420), (2023, 2024)),
             ("PV30", "Noord-Brabant", (120, 370, 170, 420), (2023, 2024))]
REGIONS = [("CR37", "Noord-Limburg", (170, 370, 210, 420), (2023, 2024)),
           ("CR38", "Midden-Limburg", (170, 340, 210, 370), (2023, 2024)),
           ("CR39", "Zuid-Limburg", (170, 310, 210, 340), (2023, 2024)),
           ("CR35", "Noordoost-Noord-Brabant", (120, 370, 170, 420), (2023, 2024))]
MUNICIPALITIES = [("GM0983", "Venlo", (170, 390, 210, 420), (2023, 2024)),
                  ("GM1894", "Peel en Maas", (170, 370, 210, 390), (2023, 2024)),
                  ("GM0957", "Roermond", (170, 340, 210, 370), (2023, 2024)),
                  ("GM0935", "Maastricht", (170, 310, 190, 340), (2023, 2024)),
                  ("GM0917", "Heerlen", (190, 310, 210, 340), (2024,)),
                  ("GM0999", "Oud-Heerlen", (190, 310, 210, 340), (2023,)),
                  ("GM0796", "'s-Hertogenbosch", (120, 370, 170, 420), (2023, 2024))]
COLLECTIONS = {"gemeente_gegeneraliseerd": ("gemeente", MUNICIPALITIES),
               "coropgebied_gegeneraliseerd": ("coropgebied", REGIONS),
               "provincie_gegeneraliseerd": ("provincie", PROVINCES)}
# gemeentecode, gemeentenaam, water, aantal_inwoners (CBS: negative = secret/unknown)
KERNCIJFERS = [("GM0983", "Venlo", "NEE", 102_361), ("GM0983", "Venlo", "JA", 0),
               ("GM1894", "Peel en Maas", "NEE", 44_437), ("GM0957", "Roermond", "NEE", 59_256),
               ("GM0935", "Maastricht", "NEE", 121_151), ("GM0917", "Heerlen", "NEE", -99_999_999),
               ("GM0796", "'s-Hertogenbosch", "NEE", 160_783)]
# Population cores: name and a square in RD New (metres), sent as longitude/latitude.
KERNEN = [("Venlo-kern", (200_000, 400_000, 202_000, 402_000)),
          ("Maastricht-kern", (176_000, 317_000, 178_000, 319_000)),
          ("Rosmalen-kern", (150_000, 400_000, 152_000, 402_000))]


def rd_to_lonlat(x, y):
    from pyproj import Transformer   # this process is no QGIS worker: pyproj is fine here
    return Transformer.from_crs("EPSG:28992", "OGC:CRS84", always_xy=True).transform(x, y)


def area_features(collection, year):
    rubriek, areas = COLLECTIONS[collection]
    features = []
    for number, (code, name, (x0, y0, x1, y1), years) in enumerate(areas, start=1):
        if year is not None and year not in years:
            continue
        for this_year in (years if year is None else (year,)):
            features.append({"type": "Feature", "id": f"{this_year}{code}",
                             "properties": {"statcode": code, "jrstatcode": f"{this_year}{code}",
                                            "statnaam": name, "rubriek": rubriek, "jaarcode": this_year,
                                            "id": number},
                             "geometry": {"type": "Polygon", "coordinates": box(x0 * 1000, y0 * 1000,
                                                                                x1 * 1000, y1 * 1000)}})
    return features


def lonlat_polygon(x0, y0, x1, y1):
    ring = [rd_to_lonlat(x, y) for x, y in box(x0, y0, x1, y1)[0]]
    return {"type": "Polygon", "coordinates": [[list(point) for point in ring]]}


def kwb_features():
    return [{"type": "Feature", "id": str(number),
             "properties": {"gemeentecode": code, "gemeentenaam": name, "water": water,
                            "aantal_inwoners": count, "jaar": 2023, "jrstatcode": f"2023{code}"},
             "geometry": lonlat_polygon(180_000 + number, 350_000, 181_000 + number, 351_000)}
            for number, (code, name, water, count) in enumerate(KERNCIJFERS)]


def kernen_features():
    return [{"type": "Feature", "id": str(number),
             "properties": {"naam": name, "bevolkingskern": name, "jaar": 2021},
             "geometry": lonlat_polygon(*square)} for number, (name, square) in enumerate(KERNEN)]


class Handler(BaseHTTPRequestHandler):
    log = []

    def do_GET(self):  # noqa: N802 (http.server's name)
        Handler.log.append(self.path)
        parts = urlsplit(self.path)
        query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
        segments = [segment for segment in parts.path.split("/") if segment]
        service = segments[0] if segments else ""
        if service == "_log":
            return self.send_json({"requests": Handler.log})
        if service == "error500":
            return self.send(500, b'{"code": "InternalServerError"}', "application/json")
        if service == "notjson":
            return self.send(200, b"<html><body>Maintenance</body></html>", "text/html")
        if service == "slow":
            time.sleep(SLOW_S)
            return self.send_page(area_features("gemeente_gegeneraliseerd", 2024), query, False)
        if service in ("gebiedsindelingen", "brokenpage") and len(segments) == 4:
            collection = segments[2]
            if collection not in COLLECTIONS:
                return self.send(404, b'{"code": "Not Found"}', "application/json")
            if service == "brokenpage" and int(query.get("cursor", 0)) > 0:
                return self.send(502, b"Bad Gateway", "text/plain")
            year = int(query["jaarcode"]) if "jaarcode" in query else None
            return self.send_page(area_features(collection, year), query, query.get("crs") == RD)
        if service == "wijken-en-buurten-2023" and segments[1:] == ["collections", "gemeenten", "items"]:
            return self.send_page(kwb_features(), query, False)
        if service == "bevolkingskernen-2021":
            if segments[1:] == ["collections"]:
                return self.send_json({"collections": [{"id": "bevolkingskernen", "title": "Bevolkingskernen"}]})
            if segments[1:] == ["collections", "bevolkingskernen", "items"]:
                return self.send_page(kernen_features(), query, False)
        return self.send(404, b'{"code": "Not Found"}', "application/json")

    def send_page(self, features, query, in_rd):
        start = int(query.get("cursor", 0))
        page = features[start:start + PAGE]
        links = [{"rel": "self", "type": "application/geo+json", "href": self.path}]
        if start + PAGE < len(features):
            following = dict(query, cursor=start + PAGE)
            links.append({"rel": "next", "type": "application/geo+json",
                          "href": f"http://{self.headers['Host']}{urlsplit(self.path).path}?"
                                  f"{urlencode(following)}"})
        headers = {"Content-Crs": f"<{RD}>"} if in_rd else {}
        self.send_json({"type": "FeatureCollection", "timeStamp": "2026-01-01T00:00:00Z",
                        "links": links, "numberReturned": len(page), "features": page}, headers)

    def send_json(self, data, headers=None):
        self.send(200, json.dumps(data).encode("utf-8"), "application/geo+json", headers)

    def send(self, status, body, content_type, headers=None):
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (the time-out test)

    def log_message(self, *args):
        pass


def main():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(server.server_address[1], flush=True)
    sys.stdin.read()   # until the test session closes the pipe
    server.shutdown()


if __name__ == "__main__":
    main()
