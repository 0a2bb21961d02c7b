/* A checklist page as a tool: a checkbox per item, progress (已完成 3/5), ticks kept in this
 * browser (localStorage, by checklist and item id, so they survive a reload, a new build and
 * the items being reordered), and a button to clear them. Without JavaScript the page stays
 * a numbered list; printed, each item gets an empty box (kb.css). Clearing offers an undo
 * (已清空 N 项勾选 · 撤销) until the next tick changes: no confirm(), which blocks the page. */
(() => {
  "use strict";

  const list = document.querySelector("ol.kb-checklist[id^='checklist-']");
  if (!list) return;
  const key = `kb-checklist/${list.id.slice("checklist-".length)}`;
  const items = [...list.querySelectorAll(":scope > li[id^='item-']")];
  const ids = items.map(item => item.id.slice("item-".length));
  let ticked = {};
  try {
    ticked = JSON.parse(localStorage.getItem(key)) || {};
  } catch {  // storage blocked: ticks last as long as the page
    ticked = {};
  }

  const progress = document.createElement("p");
  progress.className = "kb-checklist__progress";
  progress.setAttribute("role", "status");
  const reset = document.createElement("button");
  reset.type = "button";
  reset.className = "md-button kb-checklist__reset";
  reset.textContent = "清空勾选";
  // the page keeps room for the bar, so the list does not move when it is filled in
  let bar = list.parentElement.querySelector(".kb-checklist__bar");
  if (!bar) {
    bar = document.createElement("div");
    bar.className = "kb-checklist__bar";
    list.before(bar);
  }
  const cleared = document.createElement("p");
  cleared.className = "kb-checklist__cleared";
  cleared.setAttribute("role", "status");
  cleared.hidden = true;
  const clearedText = document.createElement("span");
  const undo = document.createElement("button");
  undo.type = "button";
  undo.className = "md-button kb-checklist__undo";
  undo.textContent = "撤销";
  cleared.append(clearedText, undo);
  bar.append(progress, reset, cleared);
  let before = null;  // the ticks the last 清空勾选 removed, while an undo is offered

  const boxes = items.map(item => {
    const id = item.id.slice("item-".length);
    const text = item.querySelector(".kb-checklist__text");
    text.id = `text-${id}`;
    const box = document.createElement("input");
    box.type = "checkbox";
    box.className = "kb-checklist__box";
    box.setAttribute("aria-labelledby", text.id);
    box.checked = ticked[id] === true;
    box.addEventListener("change", () => {
      if (box.checked) ticked[id] = true; else delete ticked[id];
      offerUndo(null);
      save();
      update();
    });
    item.prepend(box);
    return box;
  });

  function save() {
    try {
      localStorage.setItem(key, JSON.stringify(ticked));
    } catch {
      /* storage full or blocked: the ticks stay on the page */
    }
  }

  function update() {
    const done = boxes.filter(box => box.checked).length;
    progress.textContent = `已完成 ${done}/${boxes.length}`;
    items.forEach((item, i) => item.classList.toggle("kb-checklist__done", boxes[i].checked));
    reset.disabled = done === 0;
  }

  function show(marks) {
    ticked = marks;
    boxes.forEach((box, i) => { box.checked = ticked[ids[i]] === true; });
    save();
    update();
  }

  function offerUndo(marks) {
    before = marks;
    cleared.hidden = marks === null;
    clearedText.textContent = marks === null ? "" : `已清空 ${count(marks)} 项勾选`;
  }

  function count(marks) {
    return ids.filter(id => marks[id] === true).length;
  }

  reset.addEventListener("click", () => {
    const marks = ticked;
    show({});
    offerUndo(marks);
    undo.focus();  // the reset button is now disabled: keep the keyboard on the bar
  });
  undo.addEventListener("click", () => {
    if (before === null) return;
    const marks = before;
    offerUndo(null);
    show(marks);
    reset.focus();
  });
  update();
})();
