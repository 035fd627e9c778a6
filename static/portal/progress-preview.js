// The progress report form: shows the percent an amount makes ("Tiến độ: 40%") while the head
// types it. The server works the percent out again and is the authority; without script the
// page says it after saving, so nothing depends on this file.
const input = document.querySelector("input[data-target]");
const output = input && document.querySelector(`output[for="${input.id}"]`);

function escaped(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// The amount in the page's notation, read as strictly as kit/numbers.py reads it: the
// thousands separator only between groups of three digits, the decimal one at most once.
function read(text) {
  const thousands = escaped(input.dataset.thousands);
  const decimal = escaped(input.dataset.decimal);
  const pattern = new RegExp(`^([0-9]{1,3}(?:${thousands}[0-9]{3})+|[0-9]+)(?:${decimal}([0-9]+))?$`);
  const match = pattern.exec(text.trim());
  if (!match) return null;
  const whole = match[1].split(input.dataset.thousands).join("");
  return Number(match[2] ? `${whole}.${match[2]}` : whole);
}

function update() {
  const value = read(input.value);
  const target = Number(input.dataset.target);
  // A whole target takes a whole amount: the server refuses 12,5 of 30, so no percent for it.
  if (value === null || (Number.isInteger(target) && !Number.isInteger(value))) {
    output.hidden = true;
    return;
  }
  // The small epsilon keeps 0.29 × 100 from flooring to 28, as binary fractions would.
  const ratio = (value * 100) / target;
  const percent = Math.min(100, Math.floor(ratio + 1e-9));
  output.textContent = output.dataset.template.replace("{percent}", percent);
  output.hidden = false;
}

if (input && output) {
  input.addEventListener("input", update);
  update();
}
