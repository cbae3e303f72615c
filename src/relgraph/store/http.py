"""HTTP to SPARQL endpoints with the standard library alone: one request at a time, with a timeout, Basic or Digest
authentication, and every failure as one :class:`~relgraph.errors.EndpointError` line that names the URL.

``urllib`` costs nothing to import and nothing to install, and does what relgraph needs: form and body POSTs,
PUTs, and both authentication schemes (Virtuoso asks for Digest on its update endpoint). Credentials are only
ever sent to the scheme, host and port they were given for. Requests to this machine (``localhost``,
``127.0.0.1``, ``::1``) never go through a proxy set in the environment.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode, urlsplit

from ..errors import EndpointError

#: Seconds to wait for an endpoint's answer, unless told otherwise.
DEFAULT_TIMEOUT = 60.0

_LOOPBACK = {"localhost", "127.0.0.1", "::1"}
_TAG = re.compile(r"<[^>]*>")


@dataclass(frozen=True)
class Response:
    """What an endpoint answered: the HTTP status, the media type (without parameters) and the body."""

    status: int
    media_type: str
    body: bytes


def check_url(url: str) -> str:
    """``url`` itself when it is an http or https URL with a host, else :class:`EndpointError`.

    >>> check_url("file:///etc/passwd")
    Traceback (most recent call last):
    ...
    relgraph.errors.EndpointError: file:///etc/passwd: not an http or https URL
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise EndpointError("not an http or https URL", url=url)
    return url


def first_line(body: bytes, limit: int = 200) -> str:
    """The first line of text a server put in an error answer, markup taken out, cut to ``limit`` characters.

    >>> first_line(b"<html><title>Forbidden</title>...")
    'Forbidden ...'
    """
    text = body.decode("utf-8", "replace")
    if "<" in text and ">" in text:
        text = _TAG.sub(" ", text)
    for line in text.splitlines():
        line = " ".join(line.split())
        if line:
            return line if len(line) <= limit else line[:limit] + "…"
    return ""


class Client:
    """Sends requests to SPARQL endpoints and graph stores, with credentials when given.

    ``user`` and ``password`` are offered, Basic or Digest as the server asks, to the scheme, host and port of
    each URL requested; ``timeout`` is in seconds. ``requests`` counts the requests sent (an authentication
    challenge answered counts once).
    """

    def __init__(self, *, user: str | None = None, password: str | None = None,
                 timeout: float = DEFAULT_TIMEOUT) -> None:
        self.user, self.timeout = user, timeout
        self._password = password
        self._openers: dict[str, Any] = {}
        self.requests = 0

    def post_form(self, url: str, fields: Sequence[tuple[str, str]], *, accept: str) -> Response:
        """POST ``fields`` as ``application/x-www-form-urlencoded`` (how a query and its dataset travel)."""
        body = urlencode(list(fields)).encode("utf-8")
        return self.send("POST", url, body, {"Content-Type": "application/x-www-form-urlencoded", "Accept": accept})

    def send(self, method: str, url: str, body: bytes | None = None,
             headers: Mapping[str, str] | None = None) -> Response:
        """One request; the answer when its status is 2xx, else :class:`EndpointError` naming ``url``."""
        import http.client
        import urllib.error
        import urllib.request

        check_url(url)
        request = urllib.request.Request(url, data=body, method=method, headers=dict(headers or {}))
        self.requests += 1
        try:
            with self._opener(url).open(request, timeout=self.timeout) as answer:
                media = answer.headers.get_content_type()
                return Response(answer.status, media, answer.read())
        except urllib.error.HTTPError as e:
            detail = first_line(e.read() or b"")
            raise EndpointError(f"HTTP {e.code} {e.reason}" + (f": {detail}" if detail else ""),
                                url=url, status=e.code) from None
        except urllib.error.URLError as e:
            raise EndpointError(_connect_failure(e.reason, self.timeout), url=url) from None
        except TimeoutError:
            raise EndpointError(f"no answer within {self.timeout:g} s", url=url) from None
        except (http.client.HTTPException, ConnectionError, OSError) as e:
            raise EndpointError(f"the connection failed: {_reason(e)}", url=url) from None

    def _opener(self, url: str) -> Any:
        import urllib.request

        parts = urlsplit(url)
        root = f"{parts.scheme}://{parts.netloc}/"
        if root not in self._openers:
            handlers: list[Any] = []
            if (parts.hostname or "") in _LOOPBACK or (parts.hostname or "").startswith("127."):
                handlers.append(urllib.request.ProxyHandler({}))
            if self.user is not None:
                passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
                passwords.add_password(None, root, self.user, self._password or "")  # type: ignore[arg-type]
                handlers += [urllib.request.HTTPDigestAuthHandler(passwords),
                             urllib.request.HTTPBasicAuthHandler(passwords)]
            self._openers[root] = urllib.request.build_opener(*handlers)
        return self._openers[root]


def _reason(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def _connect_failure(reason: object, timeout: float) -> str:
    """What went wrong before any answer came, in a few words."""
    import socket

    if isinstance(reason, ConnectionRefusedError):
        return "cannot connect: connection refused (is the endpoint running?)"
    if isinstance(reason, socket.gaierror):
        return "cannot connect: unknown host"
    if isinstance(reason, TimeoutError):
        return f"no answer within {timeout:g} s"
    if isinstance(reason, BaseException):
        return f"cannot connect: {_reason(reason)}"
    return f"cannot connect: {reason}"
