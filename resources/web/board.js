// The read-only web board: it draws what the hub pushes (Server-Sent Events) and nothing more.
"use strict";
(function () {
  var state = document.getElementById("state");
  function text(tag, cls, value) {
    var el = document.createElement(tag);
    el.className = cls;
    el.textContent = value;
    return el;
  }
  function draw(board) {
    document.getElementById("title").textContent = board.title || "";
    document.getElementById("event").textContent = board.event || "";
    document.getElementById("note").textContent = board.note || "";
    var list = document.getElementById("lines");
    list.textContent = "";
    (board.lines || []).forEach(function (line) {
      var li = document.createElement("li");
      li.className = (line.provisional ? "provisional" : "") + (line.placeholder ? " placeholder" : "");
      li.setAttribute("data-rank", line.rank);
      if (typeof line.bar === "number") {
        var bar = text("span", "bar", "");
        bar.style.width = Math.round(line.bar * 100) + "%";
        li.appendChild(bar);
      }
      li.appendChild(text("span", "rank", line.rank));
      var title = text("span", "title", line.title);
      title.appendChild(text("span", "unit", line.unit || ""));
      li.appendChild(title);
      li.appendChild(text("span", "score", line.score || ""));
      list.appendChild(li);
    });
    drawProgress(board.progress);
    drawPresenting(board.presenting);
    document.body.setAttribute("data-mode", board.mode || "");
    document.body.setAttribute("data-version", String(board.version || 0));
  }
  function set(id, value) { document.getElementById(id).textContent = value || ""; }
  function drawProgress(progress) {
    var box = document.getElementById("progress");
    box.hidden = !progress;
    if (!progress) { return; }
    set("count", progress.count);
    document.getElementById("count").className = progress.complete ? "complete" : "";
    set("caption", progress.caption);
    var list = document.getElementById("jurors");
    list.textContent = "";
    (progress.jurors || []).forEach(function (juror) {
      var li = document.createElement("li");
      li.className = juror.submitted ? "submitted" : "";
      li.appendChild(text("span", "mark", juror.submitted ? "\u2714" : "\u2026"));
      li.appendChild(text("span", "name", juror.name));
      li.appendChild(text("span", "status", juror.status));
      list.appendChild(li);
    });
  }
  function drawPresenting(presenting) {
    var box = document.getElementById("presenting");
    box.hidden = !presenting;
    if (!presenting) { return; }
    set("p-caption", presenting.caption || presenting.empty);
    set("p-entry", presenting.entry);
    set("p-unit", presenting.unit);
    set("p-label", presenting.label);
    set("p-countdown", presenting.countdown);
    document.getElementById("p-countdown").className = presenting.colour || "";
    set("p-next", presenting.next);
    var parts = document.getElementById("p-parts");
    parts.textContent = "";
    (presenting.parts || []).forEach(function (part) {
      var li = document.createElement("li");
      li.className = part.now ? "now" : "";
      var fill = text("span", "fill", "");
      fill.style.width = Math.round((part.done || 0) * 100) + "%";
      li.appendChild(fill);
      li.appendChild(text("span", "part", part.name + " " + part.minutes));
      parts.appendChild(li);
    });
  }
  function connect() {
    var source = new EventSource("events");
    source.onopen = function () { state.textContent = "langsung"; };
    source.onmessage = function (message) { draw(JSON.parse(message.data)); };
    source.onerror = function () { state.textContent = "terputus, menyambung ulang…"; };
  }
  connect();
})();
