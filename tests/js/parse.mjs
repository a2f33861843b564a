// Parse .ics files with Mozilla ical.js (the parser Thunderbird uses) and print what it understood.
//
// Usage: node parse.mjs FILE.ics [FILE.ics ...]
// Prints one JSON array: per file {file, tzids, events: [{uid, summary, status, sequence, tzid,
// isDate, start, end}], errors}. `start`/`end` are UTC ISO strings computed by ical.js from the
// VTIMEZONEs in that file alone (ical.js has no zone database of its own), or the plain date
// (YYYY-MM-DD) for all-day events. Each file's zones are registered, used, then removed again,
// so one file cannot lean on another's definitions.
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

function describeTime(time, errors, what) {
  if (time === null || time === undefined) {
    return null;
  }
  if (time.isDate) {
    return time.toString();
  }
  const zone = time.zone;
  if (!zone || zone === ICAL.Timezone.localTimezone || zone.tzid === "floating") {
    errors.push(`${what}: floating time ${time.toString()}`);
  }
  return new Date(time.toUnixTime() * 1000).toISOString();
}

function parseFile(file) {
  const result = { file, tzids: [], events: [], errors: [] };
  let registered = [];
  try {
    const text = readFileSync(file, "utf8");
    const vcalendar = new ICAL.Component(ICAL.parse(text));
    if (vcalendar.name !== "vcalendar") {
      result.errors.push(`top component is ${vcalendar.name}`);
    }
    for (const vtimezone of vcalendar.getAllSubcomponents("vtimezone")) {
      const timezone = new ICAL.Timezone(vtimezone);
      ICAL.TimezoneService.register(timezone);
      registered.push(timezone.tzid);
      result.tzids.push(timezone.tzid);
    }
    for (const vevent of vcalendar.getAllSubcomponents("vevent")) {
      const event = new ICAL.Event(vevent);
      const uid = event.uid;
      const errors = [];
      const startProp = vevent.getFirstProperty("dtstart");
      const tzid = startProp ? startProp.getParameter("tzid") || null : null;
      if (tzid && !vcalendar.getTimeZoneByID(tzid)) {
        errors.push(`TZID ${tzid} has no VTIMEZONE in the file`);
      }
      const entry = {
        uid,
        summary: event.summary,
        status: vevent.getFirstPropertyValue("status"),
        sequence: event.sequence,
        tzid,
        isDate: event.startDate ? event.startDate.isDate : null,
        start: describeTime(event.startDate, errors, `${uid} DTSTART`),
        end: describeTime(event.endDate, errors, `${uid} DTEND`),
      };
      for (const error of errors) {
        result.errors.push(error);
      }
      result.events.push(entry);
    }
  } catch (error) {
    result.errors.push(String(error && error.stack ? error.stack : error));
  } finally {
    for (const tzid of registered) {
      ICAL.TimezoneService.remove(tzid);
    }
  }
  return result;
}

const files = process.argv.slice(2);
process.stdout.write(JSON.stringify(files.map(parseFile)));
process.stdout.write("\n");
