"""The whole sitemap as a crawler reads it: the index at /sitemap.xml, then every file it lists."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

from django.test import Client

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def _get(client: Client, url: str) -> bytes:
    parts = urlsplit(url)
    response = client.get(parts.path + (f"?{parts.query}" if parts.query else ""))
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/xml"), url
    return response.content


def sitemap_files(client: Client) -> list[str]:
    """The files the index lists, in its order."""
    root = ET.fromstring(_get(client, "/sitemap.xml"))  # noqa: S314 - the portal's own output
    assert root.tag == f"{{{NS['s']}}}sitemapindex"
    return [loc.text for loc in root.iterfind("s:sitemap/s:loc", NS)]


def sitemap_entries(client: Client) -> list[ET.Element]:
    """Every <url> of every file the index lists."""
    entries = []
    for url in sitemap_files(client):
        root = ET.fromstring(_get(client, url))  # noqa: S314 - the portal's own output
        entries += root.iterfind("s:url", NS)
    return entries


def sitemap_urls(client: Client) -> list[str]:
    """Every listed address, in the order of the files."""
    return [entry.findtext("s:loc", namespaces=NS) for entry in sitemap_entries(client)]


def sitemap_text(client: Client) -> str:
    """The text of every file, one after the other: for what a file says anywhere."""
    return "\n".join(_get(client, url).decode() for url in sitemap_files(client))
