// An import run's page (admin): while the run is queued or running, ask its JSON every 2 s and show
// the stories done of the total, the rate and the time left; when it starts or ends, reload (its
// fields and, at the end, its report).
(() => {
  const box = document.querySelector(".import-progress[data-active=true]");
  if (!box) return;
  const number = new Intl.NumberFormat("en-GB");
  const status = box.querySelector(".progress-status");
  const bar = box.querySelector("progress");
  const poll = async () => {
    let data;
    try {
      const response = await fetch(box.dataset.progressUrl, { credentials: "same-origin" });
      if (!response.ok) throw new Error(response.statusText);
      data = await response.json();
    } catch (error) {
      setTimeout(poll, 5000);
      return;
    }
    if (!data.active || data.status !== box.dataset.status) {  // ended, or started: the page's fields change
      window.location.reload();
      return;
    }
    let text = `${data.status_label}: ${number.format(data.done)}`;
    if (data.total) text += ` of ${number.format(data.total)} stories (${data.percent}%)`;
    else text += " stories";
    if (data.rate) text += `, ${number.format(Math.round(data.rate))} stories/s`;
    if (data.time_left) text += `, about ${data.time_left} left`;
    status.textContent = text;
    if (bar && data.total) {
      bar.max = data.total;
      bar.value = data.done;
      bar.textContent = `${data.percent}%`;
    }
    setTimeout(poll, 2000);
  };
  setTimeout(poll, 1000);
})();
