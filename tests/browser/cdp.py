"""Drive headless Chromium from the standard library: DevTools protocol over a pipe.

Chromium started with ``--remote-debugging-pipe`` reads JSON commands (each ended
by a NUL byte) on its fd 3 and writes replies and events on its fd 4. That is all
the browser tests need: open a page, evaluate JavaScript in it, take a screenshot.
No websocket client, no Selenium, no Playwright browser download.
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

__all__ = ["Browser", "BrowserError", "chromium"]


class BrowserError(RuntimeError):
    """The browser failed, or a script in the page threw."""


def chromium() -> str | None:
    """The Chromium executable, or None when it is not installed."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def _high(fd: int) -> int:
    new = fcntl.fcntl(fd, fcntl.F_DUPFD, 10)
    os.close(fd)
    return new


class Browser:
    """One headless Chromium with one page (tab)."""

    def __init__(self, exe: str, *, width: int = 1300, height: int = 900) -> None:
        to_r, to_w = (_high(fd) for fd in os.pipe())
        from_r, from_w = (_high(fd) for fd in os.pipe())
        self._profile = tempfile.mkdtemp(prefix="argmap-chromium-")
        args = [
            exe,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-extensions",
            "--remote-debugging-pipe",
            f"--user-data-dir={self._profile}",
            f"--window-size={width},{height}",
            "about:blank",
        ]

        def plumb() -> None:  # in the child, before exec: the pipe ends become fds 3 and 4
            os.dup2(to_r, 3)
            os.dup2(from_w, 4)

        self._proc = subprocess.Popen(
            args,
            preexec_fn=plumb,
            close_fds=False,  # fds 3 and 4 are inheritable; the rest close on exec
            stdout=subprocess.DEVNULL,
            stderr=None if os.environ.get("ARGMAP_CDP_DEBUG") else subprocess.DEVNULL,
        )
        os.close(to_r)
        os.close(from_w)
        self._out = os.fdopen(to_w, "wb", buffering=0)
        self._in = os.fdopen(from_r, "rb", buffering=0)
        self._buffer = b""
        self._next = 0
        self.console: list[str] = []
        self.requests: list[str] = []
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self._session = self.call("Target.attachToTarget", targetId=target, flatten=True)[
            "sessionId"
        ]
        self.call("Runtime.enable", session=True)
        self.call("Network.enable", session=True)

    # ------------------------------------------------------------ protocol
    def _read(self) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            chunk = self._in.read(1 << 16)
            if not chunk:
                raise BrowserError("Chromium closed the DevTools pipe")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        message: dict[str, Any] = json.loads(raw)
        return message

    def call(self, method: str, *, session: bool = False, **params: Any) -> dict[str, Any]:
        self._next += 1
        ident = self._next
        message: dict[str, Any] = {"id": ident, "method": method, "params": params}
        if session:
            message["sessionId"] = self._session
        self._out.write(json.dumps(message).encode() + b"\0")
        while True:
            reply = self._read()
            if reply.get("id") == ident:
                if "error" in reply:
                    raise BrowserError(f"{method}: {reply['error']}")
                result: dict[str, Any] = reply.get("result", {})
                return result
            self._event(reply)

    def _event(self, event: dict[str, Any]) -> None:
        method = event.get("method")
        params = event.get("params", {})
        if method == "Runtime.consoleAPICalled":
            self.console.append(" ".join(str(a.get("value")) for a in params.get("args", [])))
        elif method == "Runtime.exceptionThrown":
            self.console.append("exception: " + json.dumps(params.get("exceptionDetails")))
        elif method == "Network.requestWillBeSent":
            self.requests.append(params.get("request", {}).get("url", ""))

    # ------------------------------------------------------------ page
    def open(self, url: str) -> None:
        """Load ``url`` and wait until the document has loaded."""
        self.call("Page.enable", session=True)
        self.call("Page.navigate", session=True, url=url)
        for _ in range(200):
            if self.js("document.readyState") == "complete":
                return
            time.sleep(0.05)
        raise BrowserError(f"{url} did not finish loading")

    def js(self, expression: str) -> Any:
        """Evaluate ``expression`` in the page and return its value (JSON-able)."""
        result = self.call(
            "Runtime.evaluate",
            session=True,
            expression=expression,
            returnByValue=True,
            awaitPromise=True,
        )
        if "exceptionDetails" in result:
            raise BrowserError(json.dumps(result["exceptionDetails"])[:2000])
        return result.get("result", {}).get("value")

    def screenshot(self, path: str | Path) -> Path:
        """Save a PNG of the page as it is now."""
        data = self.call("Page.captureScreenshot", session=True, format="png")["data"]
        out = Path(path)
        out.write_bytes(base64.b64decode(data))
        return out

    def close(self) -> None:
        with contextlib.suppress(BrowserError, OSError):
            self.call("Browser.close")
        try:
            self._proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait()
        self._out.close()
        self._in.close()
        shutil.rmtree(self._profile, ignore_errors=True)

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
