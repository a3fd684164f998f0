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
    document.body.setAttribute("data-version", String(board.version || 0));
  }
  function connect() {
    var source = new EventSource("events");
    source.onopen = function () { state.textContent = "langsung"; };
    source.onmessage = function (message) { draw(JSON.parse(message.data)); };
    source.onerror = function () { state.textContent = "terputus, menyambung ulang…"; };
  }
  connect();
})();
