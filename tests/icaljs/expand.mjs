// Reads an iCalendar file on stdin the way calendar apps built on Mozilla's
// ical.js do, and prints every occurrence of every event up to the date
// given as the first argument, as UTC seconds by UID:
//   node expand.mjs 2045-01-01 < feed.ics  ->  {"uid": [1700000000, ...]}
// Time zones come only from the file's VTIMEZONE blocks: nothing is
// registered with ical.js's time zone service.
import ICAL from "ical.js";

const until = ICAL.Time.fromDateString(process.argv[2]);
let text = "";
process.stdin.setEncoding("utf8");
for await (const chunk of process.stdin) text += chunk;

const calendar = new ICAL.Component(ICAL.parse(text));
const out = {};
for (const vevent of calendar.getAllSubcomponents("vevent")) {
  if (vevent.hasProperty("recurrence-id")) continue;
  const event = new ICAL.Event(vevent);
  const seen = (out[event.uid] ??= []);
  const iterator = event.iterator();
  for (let next = iterator.next(); next; next = iterator.next()) {
    if (next.compare(until) >= 0) break;
    seen.push(next.toUnixTime());
  }
}
process.stdout.write(JSON.stringify(out));
