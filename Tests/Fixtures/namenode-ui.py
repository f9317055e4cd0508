#!/usr/bin/env python3
"""Drives headless Chromium through hind's NameNode UI over the DevTools protocol and
prints what a person would see, as JSON, for HindIntegrationTests/NameNodeUITests.

    namenode-ui.py NAMENODE_UI_URL DIRECTORY UPLOAD_PATH SCREENSHOT_DIR

Opens the overview (live DataNode count, DataNode rows), the file browser at DIRECTORY
(names and download links), follows the browser's upload link to a DataNode's page and
uploads a file there with the page's own code, and saves a screenshot of each page.
"""
import base64
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

import websocket  # PyPI websocket-client


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Page:
    def __init__(self, url):
        self.ws = websocket.create_connection(url, timeout=30)
        self.next_id = 0

    def call(self, method, **params):
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def open(self, url, ready, timeout=30):
        """Navigates and waits until the JS expression `ready` is truthy."""
        self.call("Page.navigate", url=url)
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                if self.evaluate(ready):
                    return
            except RuntimeError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"{url}: not ready ({ready}); page text: {self.evaluate('document.body && document.body.innerText')}")

    def screenshot(self, path):
        data = self.call("Page.captureScreenshot", format="png")["data"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))
        return path


def main():
    ui, directory, upload_path, screenshots = sys.argv[1:5]
    os.makedirs(screenshots, exist_ok=True)
    port = free_port()
    profile = tempfile.mkdtemp(prefix="hind-chromium-")
    browser = subprocess.Popen(
        ["chromium", "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
         f"--remote-debugging-port={port}", f"--user-data-dir={profile}", "--window-size=1280,800", "about:blank"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.time() + 30
        while True:
            try:
                targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list"))
                page_target = next(t for t in targets if t["type"] == "page")
                break
            except Exception:
                if time.time() > deadline:
                    raise
                time.sleep(0.2)
        page = Page(page_target["webSocketDebuggerUrl"])
        page.call("Page.enable")
        result = {}

        # The printed URL: index.html sends the browser to the overview.
        page.open(ui + "/", "document.getElementById('datanode-table') !== null")
        result["overview_url"] = page.evaluate("location.pathname")
        result["live"] = page.evaluate("document.getElementById('live-count').textContent")
        result["datanode_rows"] = page.evaluate("document.querySelectorAll('#datanode-table tbody tr').length")
        result["safe_mode"] = page.evaluate("[...document.querySelectorAll('table.facts tr')].find(r => r.cells[0].textContent === 'Safe mode').cells[1].textContent")
        result["screenshots"] = [page.screenshot(os.path.join(screenshots, "namenode-overview.png"))]

        page.open(f"{ui}/explorer.html#{directory}",
                  "document.getElementById('files') !== null && document.getElementById('upload').href.includes('upload.html')")
        result["names"] = page.evaluate("[...document.querySelectorAll('#files tbody tr td:nth-child(7)')].map(c => c.textContent)")
        result["downloads"] = page.evaluate("[...document.querySelectorAll('#files a.download')].map(a => a.href)")
        result["screenshots"].append(page.screenshot(os.path.join(screenshots, "namenode-explorer.png")))

        # The upload link leads to a DataNode's page; its own code writes the file.
        upload_link = page.evaluate("document.getElementById('upload').href")
        result["upload_page"] = upload_link.split("#")[0]
        page.open(upload_link, "typeof hindUpload === 'function'")
        page.evaluate(f"hindUpload(new Blob(['uploaded from the browser']), {json.dumps(upload_path)})")
        result["uploaded"] = upload_path
        with urllib.request.urlopen(f"{ui}/webhdfs/v1{upload_path}?op=OPEN") as response:
            result["uploaded_content"] = response.read().decode()

        # Back in the browser: the uploaded file is listed; Delete removes it (the
        # confirmation dialog answered yes).
        page.open(f"{ui}/explorer.html#{directory}", "document.getElementById('files') !== null")
        page.open(f"{ui}/explorer.html#{directory}",
                  f"[...document.querySelectorAll('#files td')].some(c => c.textContent === {json.dumps(os.path.basename(upload_path))})")
        page.evaluate(f"window.confirm = () => true; explorer.remove({json.dumps(upload_path)})")
        page.open(f"{ui}/explorer.html#{directory}",
                  f"document.getElementById('files') !== null && ![...document.querySelectorAll('#files td')].some(c => c.textContent === {json.dumps(os.path.basename(upload_path))})")
        result["after_delete"] = page.evaluate("[...document.querySelectorAll('#files tbody tr td:nth-child(7)')].map(c => c.textContent)")
        result["permissions"] = page.evaluate("[...document.querySelectorAll('#files tbody tr td:nth-child(1)')].map(c => c.textContent)")
        print(json.dumps(result))
    finally:
        browser.terminate()
        browser.wait(timeout=10)


if __name__ == "__main__":
    main()
