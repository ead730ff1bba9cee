// rasad web app: the details panel of the document view. Stored text is hostile: this
// script never builds HTML from data; it only shows or hides sections the server rendered
// (escaped) and toggles classes.
"use strict";

function showAnnotations(ids) {
  const panel = document.getElementById("details");
  if (!panel) return;
  const wanted = new Set(ids);
  for (const section of panel.querySelectorAll("section.ann")) {
    section.hidden = !wanted.has(section.id);
  }
  const hint = document.getElementById("details-hint");
  if (hint) hint.hidden = wanted.size > 0;
  for (const span of document.querySelectorAll(".hl.active")) span.classList.remove("active");
  for (const span of document.querySelectorAll(".hl[data-ann]")) {
    if (span.dataset.ann.split(" ").some((id) => wanted.has(id))) span.classList.add("active");
  }
}

function onPick(event) {
  const target = event.target.closest("[data-ann]");
  if (!target) return;
  if (target.tagName === "A") event.preventDefault();
  showAnnotations(target.dataset.ann.split(" "));
}

document.addEventListener("DOMContentLoaded", () => {
  const text = document.getElementById("doc-text");
  if (!text) return;
  document.addEventListener("click", onPick);
  text.addEventListener("keydown", (event) => {
    if (event.key === "Enter" || event.key === " ") onPick(event);
  });
  const hash = decodeURIComponent(window.location.hash.slice(1));
  if (/^(entities|times|quantities|quotes|events)-\d+$/.test(hash)) showAnnotations([hash]);
});
