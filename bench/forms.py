"""Read a real HTML form and fill it the way a person would, for the signing flow's POST body."""

from html.parser import HTMLParser
from urllib.parse import urlencode


class _FormParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms = []
        self._form = None
        self._select = None
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._form = {"method": (attrs.get("method") or "get").lower(), "action": attrs.get("action"), "fields": []}
            self.forms.append(self._form)
        elif self._form is None:
            return
        elif tag == "input":
            self._form["fields"].append(
                {
                    "tag": "input",
                    "type": (attrs.get("type") or "text").lower(),
                    "name": attrs.get("name"),
                    "value": attrs.get("value", ""),
                    "checked": "checked" in attrs,
                    "required": "required" in attrs,
                }
            )
        elif tag == "select":
            self._select = {"tag": "select", "name": attrs.get("name"), "options": [], "required": "required" in attrs}
            self._form["fields"].append(self._select)
        elif tag == "option" and self._select is not None:
            self._select["options"].append({"value": attrs.get("value", ""), "selected": "selected" in attrs})
        elif tag == "textarea":
            self._textarea = {"tag": "textarea", "name": attrs.get("name"), "value": ""}
            self._form["fields"].append(self._textarea)

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea["value"] += data


def signing_form(html):
    """The POST form that asks for an e-mail address, as parsed fields; None if there is none."""
    parser = _FormParser()
    parser.feed(html)
    for form in parser.forms:
        if form["method"] == "post" and any(
            f.get("type") == "email" or f.get("name") == "email" for f in form["fields"]
        ):
            return form
    return None


def fill(form, *, email_placeholder="__EMAIL__", csrf_placeholder="__CSRF__"):
    """A url-encoded body: an individual signing with a name, the placeholder e-mail and every consent ticked.

    Hidden fields keep their values (spam timers, tokens); text fields that look like honeypots stay empty.
    """
    pairs = []
    radios = set()
    for field in form["fields"]:
        name = field.get("name")
        if not name:
            continue
        if name == "csrfmiddlewaretoken":
            pairs.append((name, csrf_placeholder))
            continue
        if field["tag"] == "select":
            options = [o for o in field["options"] if o["value"]]
            chosen = next((o for o in options if o["selected"]), None) or next(
                (o for o in options if o["value"] == "individual"), options[0] if options else None
            )
            if chosen:
                pairs.append((name, chosen["value"]))
            continue
        if field["tag"] == "textarea":
            continue
        kind = field["type"]
        lowered = name.lower()
        if kind == "email" or lowered == "email":
            pairs.append((name, email_placeholder))
        elif kind == "hidden":
            pairs.append((name, field["value"]))
        elif kind == "checkbox":
            if (
                field["checked"]
                or field["required"]
                or any(w in lowered for w in ("consent", "agree", "accept", "show"))
            ):
                pairs.append((name, field["value"] or "on"))
        elif kind == "radio":
            if name in radios:
                continue
            if field["checked"] or field["value"] == "individual":
                radios.add(name)
                pairs.append((name, field["value"]))
        elif kind in ("submit", "button", "file", "reset"):
            continue
        elif any(w in lowered for w in ("honeypot", "website", "url", "hp_")):
            pairs.append((name, ""))
        elif "name" in lowered:
            pairs.append((name, "Bench Podpisnik"))
        elif field["required"]:
            pairs.append((name, field["value"] or "x"))
        else:
            pairs.append((name, field["value"]))
    # A radio group with no checked or "individual" option: take its first value.
    for field in form["fields"]:
        if field["tag"] == "input" and field["type"] == "radio" and field["name"] and field["name"] not in radios:
            radios.add(field["name"])
            pairs.append((field["name"], field["value"]))
    return urlencode(pairs, safe="_")
