"""JSON from web services through QGIS's own network access.

``QgsBlockingNetworkRequest`` goes through QgsNetworkAccessManager, so the proxy,
authentication and SSL settings the user made in QGIS apply, and it is made for use in
a worker thread (a Processing algorithm's), where it waits without an event loop of
the main thread. Every request has a timeout (Qt's transfer timeout: no data for that
long), and every failure becomes one ``InputError`` naming the service and saying what
to do, in the user's language: no connection, an HTTP error, an answer that is not
JSON, no answer in time. OGC API Features answers come in pages; ``fetch_features``
follows the ``next`` links to the end.
"""
import json
from typing import Dict, List, Optional, Tuple

from qgis.core import QgsBlockingNetworkRequest
from qgis.PyQt.QtCore import QCoreApplication, QUrl, QUrlQuery
from qgis.PyQt.QtNetwork import QNetworkReply, QNetworkRequest

from ..core.errors import CancelledError, InputError

# A service whose 'next' links never end would otherwise keep the run going forever.
MAX_PAGES = 5000


def _settings_place() -> str:
    return QCoreApplication.translate("OfficialData", "Settings › Options › Flexwonen Limburg")


def with_query(url: str, parameters: Dict[str, object]) -> str:
    """``url`` with the query items set (replacing items of the same name)."""
    address = QUrl(url)
    query = QUrlQuery(address)
    for name, value in parameters.items():
        if value is None:
            continue
        query.removeAllQueryItems(name)
        query.addQueryItem(name, str(value))
    address.setQuery(query)
    return bytes(address.toEncoded()).decode("ascii")


def fetch_json(url: str, service: str, timeout_s: float, feedback=None) -> Tuple[object, Optional[str]]:
    """The JSON a GET of ``url`` returns, and the answer's Content-Crs header (None when
    absent). ``service`` names the service in messages; ``feedback`` (a QgsFeedback)
    lets the user cancel a request halfway."""
    request = QNetworkRequest(QUrl(url))
    request.setRawHeader(b"Accept", b"application/geo+json, application/json;q=0.9")
    if hasattr(request, "setTransferTimeout"):   # Qt 5.15 and later
        request.setTransferTimeout(max(1, int(timeout_s * 1000)))
    blocking = QgsBlockingNetworkRequest()
    code = blocking.get(request, True, feedback)
    if feedback is not None and feedback.isCanceled():
        raise CancelledError("cancelled by the user")
    reply = blocking.reply()
    status = reply.attribute(QNetworkRequest.Attribute.HttpStatusCodeAttribute)
    reply_error = reply.error()
    if status is not None and int(status) >= 400:
        raise InputError(QCoreApplication.translate("OfficialData", "the service answered with HTTP error {0} ({1}) to {2}; try again "
                             "later, or check the service address in {3}").format(
            int(status), reply.attribute(QNetworkRequest.Attribute.HttpReasonPhraseAttribute)
            or blocking.errorMessage(), url,
            _settings_place()), layer=service)
    timed_out = (code == QgsBlockingNetworkRequest.ErrorCode.TimeoutError
                 or reply_error in (QNetworkReply.NetworkError.OperationCanceledError,
                                    QNetworkReply.NetworkError.TimeoutError))
    if timed_out:
        raise InputError(QCoreApplication.translate("OfficialData", "the service did not answer within {0:g} seconds ({1}); try again "
                             "later, or raise the time-out in {2}").format(
            timeout_s, url, _settings_place()), layer=service)
    if code != QgsBlockingNetworkRequest.ErrorCode.NoError or \
            reply_error != QNetworkReply.NetworkError.NoError or status is None:
        raise InputError(QCoreApplication.translate("OfficialData", "cannot reach the service ({0}): {1}. Check the internet "
                             "connection and QGIS's proxy settings (Settings › Options › "
                             "Network); the service address is set in {2}").format(
            url, blocking.errorMessage() or reply.errorString(), _settings_place()),
            layer=service)
    content = bytes(reply.content())
    try:
        data = json.loads(content.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise InputError(QCoreApplication.translate("OfficialData", "the service's answer to {0} is not JSON (it starts with "
                             "'{1}'); check the service address in {2}").format(
            url, content[:40].decode("utf-8", "replace"), _settings_place()),
            layer=service) from error
    crs = bytes(reply.rawHeader(b"Content-Crs")).decode("ascii", "replace") or None
    return data, crs


def next_link(data: dict, current: str) -> Optional[str]:
    """The ``next`` link of an OGC API Features page, made absolute; None on the last page."""
    for link in data.get("links") or []:
        if isinstance(link, dict) and link.get("rel") == "next" and link.get("href"):
            return QUrl(current).resolved(QUrl(link["href"])).toString()
    return None


def fetch_features(url: str, parameters: Dict[str, object], service: str, timeout_s: float,
                   feedback=None) -> Tuple[List[dict], Optional[str]]:
    """Every feature of an OGC API Features ``items`` query, following the ``next``
    links to the last page; and the Content-Crs of the first page."""
    address = with_query(url, parameters)
    features: List[dict] = []
    content_crs, seen = None, set()
    while address:
        if address in seen or len(seen) >= MAX_PAGES:
            raise InputError(QCoreApplication.translate("OfficialData", "the service's pages do not end ({0} pages); check the service "
                                 "address in {1}").format(len(seen), _settings_place()),
                             layer=service)
        seen.add(address)
        data, crs = fetch_json(address, service, timeout_s, feedback)
        if not isinstance(data, dict) or not isinstance(data.get("features"), list):
            raise InputError(QCoreApplication.translate("OfficialData", "the service's answer to {0} is no GeoJSON feature collection; "
                                 "check the service address in {1}").format(
                address, _settings_place()), layer=service)
        if len(seen) == 1:
            content_crs = crs
        features.extend(data["features"])
        address = next_link(data, address)
    return features, content_crs


def first_collection(url: str, service: str, timeout_s: float, feedback=None) -> str:
    """The id of the first collection an OGC API Features service offers."""
    data, _ = fetch_json(with_query(url.rstrip("/") + "/collections", {"f": "json"}), service,
                         timeout_s, feedback)
    collections = data.get("collections") if isinstance(data, dict) else None
    if not collections or not isinstance(collections[0], dict) or not collections[0].get("id"):
        raise InputError(QCoreApplication.translate("OfficialData", "the service offers no collection; check the service address in "
                             "{0}").format(_settings_place()), layer=service)
    return str(collections[0]["id"])
