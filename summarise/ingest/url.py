"""Fetch an article from a URL without becoming a way into the host's network.

Only http and https. Every host is resolved first and refused when any of its
addresses is loopback, private, link-local (169.254.0.0/16: cloud metadata),
multicast, reserved or unspecified, IPv4 or IPv6, on the first request and on
every redirect. ``allow_private`` (or ``SUMMARISE_ALLOW_PRIVATE_URLS=1``) lets
loopback and private networks through for tests and intranets; link-local,
multicast and reserved addresses stay refused. Requests connect to the address
that was checked, so a second DNS answer cannot swap it (DNS rebinding); https
keeps the host name for TLS, so the certificate is still verified against it.
Responses are streamed with a size cap, timeouts and a redirect cap, and the
content type must be a document.
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urljoin, urlsplit, urlunsplit

import httpx

from summarise import settings
from summarise.errors import InputError, LimitError
from summarise.ingest.files import read_bytes
from summarise.settings import Limits

MAX_REDIRECTS = 5
TIMEOUT = httpx.Timeout(15.0, connect=5.0)
ACCEPTED_TYPES = (
    "text/html",
    "application/xhtml+xml",
    "text/plain",
    "text/markdown",
    "application/pdf",
)
USER_AGENT = "summarise/0.1 (+article fetcher)"


def allow_private_default() -> bool:
    return settings.current().allow_private_urls


def address_allowed(address: str, allow_private: bool = False) -> bool:
    """Whether a resolved IP address may be contacted."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if ip.is_link_local or ip.is_multicast or ip.is_unspecified or ip.is_reserved:
        return False
    if ip.is_loopback or ip.is_private or not ip.is_global:
        return allow_private
    return True


def _resolve(host: str, port: int) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror:
        raise InputError(f"The host '{host}' could not be found; check the address.") from None
    return sorted({str(info[4][0]) for info in infos})


def check_url(url: str, allow_private: bool) -> str:
    """Validate ``url``; return the checked address to connect to."""
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"}:
        raise InputError("Only http:// and https:// addresses can be fetched.")
    if not parts.hostname:
        raise InputError(f"'{url}' has no host name; give a full address like https://….")
    port = parts.port or (443 if parts.scheme == "https" else 80)
    addresses = _resolve(parts.hostname, port)
    refused = [a for a in addresses if not address_allowed(a, allow_private)]
    if refused or not addresses:
        raise InputError(
            f"Refusing to fetch '{parts.hostname}': it resolves to a private or reserved "
            f"address ({refused[0] if refused else 'none'}); only public web pages can be fetched."
        )
    return addresses[0]


def fetch_url(url: str, limits: Limits | None = None, allow_private: bool | None = None) -> str:
    """Download ``url`` (following checked redirects) and return its text."""
    limits = limits or Limits()
    allow_private = allow_private_default() if allow_private is None else allow_private
    with httpx.Client(timeout=TIMEOUT, follow_redirects=False, trust_env=False) as client:
        for _ in range(MAX_REDIRECTS + 1):
            address = check_url(url, allow_private)
            request_url, headers, extensions = _pinned(url, address)
            with client.stream(
                "GET", request_url, headers=headers, extensions=extensions
            ) as response:
                if response.is_redirect:
                    location = response.headers.get("location", "")
                    url = urljoin(url, location)
                    continue
                if response.status_code >= 400:
                    raise InputError(
                        f"The page answered HTTP {response.status_code}; check the address."
                    )
                kind = response.headers.get("content-type", "").split(";")[0].strip().lower()
                if kind and kind not in ACCEPTED_TYPES:
                    raise InputError(
                        f"The address returned '{kind}', not a web page or document; "
                        "give the address of an article."
                    )
                data = _read_capped(response, limits.max_file_bytes)
            return read_bytes(data, urlsplit(url).path or "page", limits)
    raise InputError(f"Too many redirects (more than {MAX_REDIRECTS}); check the address.")


def _pinned(url: str, address: str) -> tuple[str, dict[str, str], dict[str, str]]:
    """Connect to the checked address, naming the host in the Host header (and, for
    https, in TLS's server name, against which the certificate is verified)."""
    headers = {"User-Agent": USER_AGENT, "Accept": ", ".join(ACCEPTED_TYPES)}
    parts = urlsplit(url)
    host = f"[{address}]" if ":" in address else address
    netloc = f"{host}:{parts.port}" if parts.port else host
    headers["Host"] = parts.netloc.rsplit("@", 1)[-1]
    extensions = {"sni_hostname": parts.hostname or ""} if parts.scheme == "https" else {}
    pinned = urlunsplit((parts.scheme, netloc, parts.path or "/", parts.query, ""))
    return pinned, headers, extensions


def _read_capped(response: httpx.Response, cap: int) -> bytes:
    declared = response.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > cap:
        raise LimitError(
            f"The page is {int(declared):,} bytes, over the limit of {cap:,} "
            "(SUMMARISE_MAX_FILE_BYTES); choose a smaller page."
        )
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > cap:
            raise LimitError(
                f"The page is larger than the limit of {cap:,} bytes "
                "(SUMMARISE_MAX_FILE_BYTES); choose a smaller page."
            )
        chunks.append(chunk)
    return b"".join(chunks)


def is_url(text: str) -> bool:
    """Whether ``text`` is a single http(s) address rather than an article."""
    stripped = text.strip()
    return stripped.lower().startswith(("http://", "https://")) and not any(
        ch.isspace() for ch in stripped
    )
