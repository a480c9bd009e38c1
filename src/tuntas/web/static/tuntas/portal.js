/* Tuntas citizen portal: small enhancements. Every page works without this file. */
(function () {
  "use strict";

  /* Region: a kecamatan select that loads its villages (htmx), replacing the single grouped select. */
  function enhanceRegion() {
    var box = document.querySelector("[data-region-picker]");
    if (!box || !window.htmx) return;
    var basic = box.querySelector("[data-region-basic]");
    var enhanced = box.querySelector("[data-region-enhanced]");
    var kecamatan = box.querySelector("[data-kecamatan]");
    var slot = box.querySelector("[data-desa-slot]");
    var loading = box.querySelector("[data-desa-loading]");
    var original = basic.querySelector("select");
    var selected = original ? original.value : "";
    var restore = function () {
      // Something failed: fall back to the plain grouped select.
      slot.innerHTML = "";
      enhanced.hidden = true;
      if (!basic.parentNode) box.insertBefore(basic, enhanced);
    };
    var load = function () {
      if (!kecamatan.value) { slot.innerHTML = ""; return; }
      var url = box.getAttribute("data-children-url").replace("KODE", encodeURIComponent(kecamatan.value));
      htmx.ajax("GET", url + "?selected=" + encodeURIComponent(selected), {
        target: slot, swap: "innerHTML", indicator: loading
      }).catch(restore);
    };
    box.addEventListener("htmx:responseError", restore);
    box.addEventListener("htmx:sendError", restore);
    basic.parentNode.removeChild(basic);
    enhanced.hidden = false;
    kecamatan.addEventListener("change", function () { selected = ""; load(); });
    if (kecamatan.value) load();
  }

  /* Privacy: with "anonymous" chosen the identity fields are not sent at all. */
  function enhancePrivacy() {
    var identity = document.querySelector("[data-identity]");
    var radios = document.querySelectorAll("input[name=privacy]");
    if (!identity || !radios.length) return;
    var update = function () {
      var checked = document.querySelector("input[name=privacy]:checked");
      identity.disabled = !!checked && checked.value === "anonymous";
    };
    Array.prototype.forEach.call(radios, function (r) { r.addEventListener("change", update); });
    update();
  }

  /* "Use my location": fills latitude/longitude from the phone (needs HTTPS or localhost). */
  function enhanceGeolocation() {
    var button = document.querySelector("[data-geo-button]");
    if (!button || !navigator.geolocation || !window.isSecureContext) return;
    var status = document.querySelector("[data-geo-status]");
    var lat = document.getElementById("id_latitude");
    var lon = document.getElementById("id_longitude");
    button.hidden = false;
    button.addEventListener("click", function () {
      status.textContent = button.getAttribute("data-msg-wait");
      button.disabled = true;
      navigator.geolocation.getCurrentPosition(function (pos) {
        lat.value = pos.coords.latitude.toFixed(6);
        lon.value = pos.coords.longitude.toFixed(6);
        lat.dispatchEvent(new Event("change", { bubbles: true }));
        status.textContent = button.getAttribute("data-msg-done");
        button.disabled = false;
      }, function () {
        status.textContent = button.getAttribute("data-msg-fail");
        button.disabled = false;
      }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
    });
  }

  /* Keep the file count and each file's size within the limits before a slow upload starts
     (the server checks again). */
  function limitFiles() {
    Array.prototype.forEach.call(document.querySelectorAll("input[type=file][data-max-files]"), function (input) {
      input.addEventListener("change", function () {
        var max = parseInt(input.getAttribute("data-max-files"), 10);
        var maxBytes = parseInt(input.getAttribute("data-max-bytes") || "0", 10);
        var message = input.files.length > max ? input.getAttribute("data-max-files-message") : "";
        Array.prototype.forEach.call(input.files, function (f) {
          if (!message && maxBytes && f.size > maxBytes) {
            message = input.getAttribute("data-too-large-message").replace("{name}", f.name);
          }
        });
        input.setCustomValidity(message);
        input.reportValidity();
      });
    });
  }

  /* A visible counter for long text, and a refusal (not a silent cut) when it is too long. */
  function countCharacters() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-max-chars]"), function (input) {
      var max = parseInt(input.getAttribute("data-max-chars"), 10);
      var counter = document.createElement("p");
      counter.className = "char-count";
      counter.setAttribute("aria-live", "polite");
      input.parentNode.insertBefore(counter, input.nextSibling);
      var update = function () {
        var n = input.value.length;
        var over = n > max;
        counter.textContent = over ? input.getAttribute("data-over-message")
          : input.getAttribute("data-count-template").replace("{n}", n);
        counter.classList.toggle("char-count--over", over);
        input.setCustomValidity(over ? input.getAttribute("data-over-message") : "");
      };
      input.addEventListener("input", update);
      update();
    });
  }

  /* Success page: copy a code (or both) and print the codes card. Without JS the buttons stay hidden. */
  function enhanceCodes() {
    var status = document.querySelector("[data-copy-status]");
    var buttons = document.querySelectorAll("[data-copy]");
    if (!status || !buttons.length) return;
    var say = function (text) {
      // Cleared first so the same message said twice is announced twice.
      status.textContent = "";
      window.setTimeout(function () { status.textContent = text; }, 50);
    };
    var fallback = function (text, button) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.className = "copy-scratch";
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      document.body.removeChild(area);
      if (ok) { say(button.getAttribute("data-copied")); return; }
      // Leave the code selected on the page so a long press or Ctrl+C still works.
      var shown = button.closest("div").querySelector(".code") || document.querySelector(".codes");
      var range = document.createRange();
      range.selectNodeContents(shown);
      var selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      say(status.getAttribute("data-failed"));
    };
    Array.prototype.forEach.call(buttons, function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        var text = button.getAttribute("data-copy");
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(text).then(function () {
            say(button.getAttribute("data-copied"));
          }, function () { fallback(text, button); });
        } else {
          fallback(text, button);
        }
      });
    });
    var actions = document.querySelector("[data-copy-actions]");
    if (actions) actions.hidden = false;
    var print = document.querySelector("[data-print]");
    if (print) {
      if (typeof window.print !== "function") print.hidden = true;
      print.addEventListener("click", function () { window.print(); });
    }
  }

  /* Map picker (only when tiles are configured and Leaflet loaded): a tap drops or moves the marker and fills
     the boxes; typing in the boxes (or "use my location") moves the marker. The boxes stay the fallback. */
  function enhanceMap() {
    var box = document.querySelector("[data-map-picker]");
    if (!box || !window.L) return;
    var el = box.querySelector("[data-map]");
    var lat = document.getElementById("id_latitude");
    var lon = document.getElementById("id_longitude");
    if (!lat || !lon) return;
    box.hidden = false;
    L.Icon.Default.imagePath = el.getAttribute("data-icon-path");
    var map = L.map(el, { scrollWheelZoom: false, zoomControl: false }).setView(
      [parseFloat(el.getAttribute("data-lat")), parseFloat(el.getAttribute("data-lon"))],
      parseInt(el.getAttribute("data-zoom"), 10)
    );
    L.control.zoom({
      zoomInTitle: el.getAttribute("data-zoom-in"), zoomOutTitle: el.getAttribute("data-zoom-out")
    }).addTo(map);
    L.tileLayer(el.getAttribute("data-tiles"), {
      attribution: el.getAttribute("data-attribution") || "", maxZoom: 19
    }).addTo(map);
    var marker = null;
    var typed = function () {
      var a = parseFloat(lat.value), b = parseFloat(lon.value);
      if (isNaN(a) || isNaN(b) || a < -90 || a > 90 || b < -180 || b > 180) return null;
      return L.latLng(a, b);
    };
    var fill = function (point) {
      lat.value = point.lat.toFixed(6);
      lon.value = point.lng.toFixed(6);
    };
    var place = function (point) {
      if (marker) { marker.setLatLng(point); return; }
      marker = L.marker(point, { draggable: true, keyboard: false }).addTo(map);
      marker.on("dragend", function () { fill(marker.getLatLng()); });
    };
    map.on("click", function (e) { place(e.latlng); fill(e.latlng); });
    var follow = function () {
      var point = typed();
      if (!point) return;
      place(point);
      map.setView(point, Math.max(map.getZoom(), 15));
    };
    var pending = null;
    [lat, lon].forEach(function (input) {
      input.addEventListener("change", follow);
      input.addEventListener("input", function () {  // wait for a pause, not every digit of "-3.2391"
        window.clearTimeout(pending);
        pending = window.setTimeout(follow, 500);
      });
    });
    if (typed()) follow();  // the form came back (an error elsewhere) with a point already chosen
  }

  function init() {
    enhanceRegion();
    enhancePrivacy();
    enhanceGeolocation();
    enhanceMap();
    limitFiles();
    countCharacters();
    enhanceCodes();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
