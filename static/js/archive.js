// Enhancement only: a facet's filter box narrows its list as you type. Without JS it is a GET form.
document.querySelectorAll(".facet-filter input[type=search]").forEach((box) => {
  const items = box.closest(".facet").querySelectorAll("ul li");
  box.addEventListener("input", () => {
    const wanted = box.value.trim().toLowerCase();
    items.forEach((li) => { li.hidden = wanted !== "" && !li.textContent.toLowerCase().includes(wanted); });
  });
});
