// Enhancement only; without JavaScript every form here is a plain GET form.

// A facet's filter box narrows its list as you type (the form itself keeps the page's search).
document.querySelectorAll(".facet-filter input[type=search]").forEach((box) => {
  const facet = box.closest(".facet");
  const items = facet.querySelectorAll("ul li:not([data-no-match])");
  const none = facet.querySelector("ul li[data-no-match]");
  box.addEventListener("input", () => {
    const wanted = box.value.trim().toLowerCase();
    let shown = 0;
    items.forEach((li) => {
      li.hidden = wanted !== "" && !li.textContent.toLowerCase().includes(wanted);
      if (!li.hidden) shown += 1;
    });
    if (none) none.hidden = shown > 0;
  });
});
