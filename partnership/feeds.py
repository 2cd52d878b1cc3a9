"""iCalendar (RFC 5545) feed of the partnership's upcoming meetings, as all-day events."""

import datetime

from django.utils import timezone

PRODID = "-//Digitalna koalicija//Partnerstvo za digitalno tranzicijo//SL"


def _escape(text):
    """TEXT value escaping (RFC 5545, 3.3.11)."""
    return (
        (text or "")
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def _fold(line):
    """Fold a content line at 75 octets, never splitting a UTF-8 character (RFC 5545, 3.1)."""
    out, current, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        limit = 75 if not out else 74  # continuation lines start with one space
        if size + width > limit:
            out.append(current)
            current, size = "", 0
        current += char
        size += width
    out.append(current)
    return "\r\n ".join(out)


def _date(value):
    return value.strftime("%Y%m%d")


def meetings_calendar(meetings, *, site_url, host, calendar_name):
    """The calendar text for ``meetings`` (CRLF line endings, folded lines)."""
    stamp = timezone.now().astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{_escape(calendar_name)}",
    ]
    for meeting in meetings:
        # DTEND of an all-day event is exclusive: the day after the last day.
        lines += [
            "BEGIN:VEVENT",
            f"UID:meeting-{meeting.pk}@{host}",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{_date(meeting.starts_on)}",
            f"DTEND;VALUE=DATE:{_date(meeting.last_day + datetime.timedelta(days=1))}",
            f"SUMMARY:{_escape(meeting.title)}",
        ]
        if meeting.place:
            lines.append(f"LOCATION:{_escape(meeting.place)}")
        if meeting.subgroup_id:
            lines.append(f"CATEGORIES:{_escape(meeting.subgroup.name)}")
        lines += [f"URL:{site_url}{meeting.get_absolute_url()}", "TRANSP:TRANSPARENT", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)
