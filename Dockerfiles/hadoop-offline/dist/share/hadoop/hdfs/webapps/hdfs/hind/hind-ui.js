// hind's NameNode UI for Hadoop distributions without one (the offline image): the
// overview, the DataNodes and a file browser, read from the NameNode's own JMX and
// WebHDFS endpoints by the browser. No external resources.
"use strict";

const hind = {
  /** One JMX bean's attributes, e.g. hind.bean("Hadoop:service=NameNode,name=NameNodeInfo"). */
  async bean(name) {
    const response = await fetch("/jmx?qry=" + encodeURIComponent(name));
    if (!response.ok) throw new Error("GET /jmx answered " + response.status);
    return (await response.json()).beans[0] || {};
  },

  /** A WebHDFS call on the NameNode: op and parameters; JSON back. */
  async webhdfs(path, op, parameters = {}, method = "GET") {
    const query = new URLSearchParams(Object.assign({ op }, parameters));
    const response = await fetch("/webhdfs/v1" + hind.encodePath(path) + "?" + query, { method });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error((body.RemoteException && body.RemoteException.message) || (op + " answered " + response.status));
    return body;
  },

  encodePath(path) {
    return path.split("/").map(encodeURIComponent).join("/");
  },

  /** 1536 → "1.5 KB". */
  bytes(count) {
    if (count === undefined || count === null) return "-";
    const units = ["B", "KB", "MB", "GB", "TB", "PB"];
    let value = Number(count), unit = 0;
    while (value >= 1024 && unit < units.length - 1) { value /= 1024; unit++; }
    return (unit === 0 ? value : value.toFixed(1)) + " " + units[unit];
  },

  /** "644" and a directory flag → "-rw-r--r--". */
  permission(octal, directory) {
    const bits = ["---", "--x", "-w-", "-wx", "r--", "r-x", "rw-", "rwx"];
    const digits = String(octal).padStart(3, "0").slice(-3);
    return (directory ? "d" : "-") + [...digits].map((d) => bits[Number(d)] || "???").join("");
  },

  date(milliseconds) {
    return milliseconds ? new Date(milliseconds).toISOString().replace("T", " ").replace(/\.\d+Z$/, " UTC") : "-";
  },

  /** An element with attributes and children (strings become text, never HTML). */
  el(tag, attributes = {}, ...children) {
    const element = document.createElement(tag);
    for (const [key, value] of Object.entries(attributes)) {
      if (key.startsWith("on")) element.addEventListener(key.slice(2), value);
      else element.setAttribute(key, value);
    }
    for (const child of children.flat()) {
      element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return element;
  },

  table(headers, rows, attributes = {}) {
    return hind.el("table", attributes,
      hind.el("thead", {}, hind.el("tr", {}, headers.map((h) => hind.el("th", {}, h)))),
      hind.el("tbody", {}, rows.map((row) => hind.el("tr", {}, row.map((cell) => hind.el("td", {}, cell))))));
  },

  facts(pairs) {
    return hind.el("table", { class: "facts" }, pairs.map(([k, v]) => hind.el("tr", {}, hind.el("th", {}, k), hind.el("td", {}, v))));
  },

  /** Shows what went wrong in `target` instead of an empty page. */
  fail(target, error) {
    target.replaceChildren(hind.el("p", { class: "error" }, "Could not read the NameNode: " + error.message));
  },

  /** The DataNodes the NameNode lists, from NameNodeInfo's JSON-in-a-string attributes. */
  nodes(info, attribute) {
    try { return Object.entries(JSON.parse(info[attribute] || "{}")); } catch (e) { return []; }
  },
};
