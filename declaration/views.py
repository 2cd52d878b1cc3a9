import csv
from html import escape

from django.contrib.auth.decorators import user_passes_test
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from coalition import pagecache
from coalition.models import Municipality
from coalition.net import client_ip
from coalition.permissions import is_secretariat
from declaration import current, listing, services, statistics, tally, tokens
from declaration.cache import cached
from declaration.forms import SecretariatWithdrawalForm, SignatureForm, SignatureSearchForm
from declaration.models import (
    LISTED_FIELDS,
    ConsentEvent,
    Declaration,
    SignatoryType,
    Signature,
    listed_as_institution,
)
from declaration.pdf import confirmation_filename, render_confirmation_pdf
from declaration.validators import MANDATE_EXTENSIONS

PAGE_SIZE = 50


def current_declaration(*related):
    declarations = Declaration.objects.select_related(*related) if related else Declaration.objects
    declaration = declarations.order_by("-created").first()
    if declaration is None:
        raise Http404
    return declaration


def _municipality_summary(declaration):
    signed = statistics.municipalities_signed(declaration)
    return {
        "municipalities_signed": signed,
        "municipalities_signed_count": len(signed),
        "municipality_total": statistics.municipality_total(),
    }


@pagecache.cache_public_page(pagecache.CONTENT, pagecache.SIGNATURES)
@require_GET
def declaration_detail(request):
    declaration = current_declaration("tally")
    context = {
        "declaration": declaration,
        "sections": declaration.sections.order_by("position"),
        "signature_count": statistics.confirmed_count(declaration),
        **_municipality_summary(declaration),
    }
    return render(request, "declaration/detail.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
def sign(request):
    if request.method == "GET":
        # The same page for every anonymous visitor but for the CSRF token: rendered once per change.
        return pagecache.render_form_page(request, "declaration/sign.html", _sign_page_context, (pagecache.CONTENT,))
    held = current.get()
    if held.declaration is None:
        raise Http404
    declaration, consent_text = held.declaration, held.consent_text
    form = SignatureForm(request.POST, request.FILES, consent_text=consent_text, municipalities=held.municipalities)
    if form.is_bot:
        # A bot filled the honeypot: answer exactly as to a person, store nothing.
        return redirect("declaration:sent")
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.sign_declaration(
                declaration=declaration,
                name=data["name"],
                email=data["email"],
                signatory_type=data["signatory_type"],
                organisation_name=data["organisation_name"],
                position=data["position"],
                municipality=data["municipality"],
                show_publicly=data["show_publicly"],
                mandate_file=data["mandate_file"],
                consent_given=data["consent"],
                consent_text=consent_text,
                channel=ConsentEvent.Channel.WEB,
                ip=client_ip(request),
            )
        except services.SigningRateLimited:
            return render(request, "declaration/rate_limited.html", {"declaration": declaration}, status=429)
        except ValidationError as exc:
            form.apply_service_errors(exc)
        else:
            return redirect("declaration:sent")
    context = {"declaration": declaration, "consent_text": consent_text, "form": form}
    return render(request, "declaration/sign.html", context, status=400)


def _sign_page_context():
    held = current.get()
    if held.declaration is None:
        raise Http404
    form = SignatureForm(consent_text=held.consent_text, municipalities=held.municipalities)
    return {"declaration": held.declaration, "consent_text": held.consent_text, "form": form}


@pagecache.cache_public_page(pagecache.CONTENT)
@require_GET
def sent(request):
    return render(request, "declaration/sent.html", {"declaration": current_declaration()})


def _link_problem(request, *, expired):
    status = 410 if expired else 400
    return render(request, "declaration/link_invalid.html", {"expired": expired}, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    """GET shows a button; only the POST confirms (mail scanners open links on their own)."""
    try:
        public_id = tokens.public_id_from_confirmation_token(token)
    except tokens.LinkExpired:
        return _link_problem(request, expired=True)
    except tokens.LinkInvalid:
        return _link_problem(request, expired=False)
    signature = Signature.objects.select_related("declaration").filter(public_id=public_id).first()
    if signature is None or signature.status == Signature.Status.WITHDRAWN:
        return _link_problem(request, expired=True)
    if request.method == "POST":
        try:
            services.confirm_signature(signature=signature)
        except services.SignatureUnavailable:
            return _link_problem(request, expired=True)
        context = {"signature": signature, "manage_token": tokens.management_token(signature)}
        return render(request, "declaration/confirmed.html", context)
    context = {"signature": signature, "token": token, "already": signature.status == Signature.Status.CONFIRMED}
    if context["already"]:
        context["manage_token"] = tokens.management_token(signature)
    return render(request, "declaration/confirm.html", context)


def _signature_for_management(token):
    public_id = tokens.public_id_from_management_token(token)
    signature = Signature.objects.select_related("declaration", "municipality").filter(public_id=public_id).first()
    if signature is None:
        raise tokens.LinkInvalid
    return signature


@never_cache
@require_GET
def manage(request, token):
    try:
        signature = _signature_for_management(token)
    except tokens.LinkInvalid:
        return _link_problem(request, expired=False)
    events = signature.consent_events.select_related("consent_text").order_by("at", "pk")
    context = {"signature": signature, "token": token, "events": events}
    return render(request, "declaration/manage.html", context)


@never_cache
@require_GET
def manage_data(request, token):
    try:
        signature = _signature_for_management(token)
    except tokens.LinkInvalid:
        return _link_problem(request, expired=False)
    response = JsonResponse(services.signature_data(signature), json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Disposition"] = f'attachment; filename="podpis-{signature.verification_code}.json"'
    return response


@never_cache
@require_GET
def manage_pdf(request, token):
    try:
        signature = _signature_for_management(token)
    except tokens.LinkInvalid:
        return _link_problem(request, expired=False)
    if signature.status != Signature.Status.CONFIRMED:
        raise Http404
    response = HttpResponse(render_confirmation_pdf(signature), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{confirmation_filename(signature)}"'
    return response


@never_cache
@require_POST
def withdraw(request, token):
    try:
        signature = _signature_for_management(token)
    except tokens.LinkInvalid:
        return _link_problem(request, expired=False)
    services.withdraw_signature(signature=signature, channel=ConsentEvent.Channel.WEB)
    return render(request, "declaration/withdrawn.html", {"signature": signature})


@pagecache.cache_public_page(pagecache.CONTENT, pagecache.SIGNATURES)
@require_GET
def signatories(request):
    held = current.get()  # the declaration and the municipalities, in memory per content version
    declaration = held.declaration
    if declaration is None:
        raise Http404
    declaration_id = declaration.pk
    form = SignatureSearchForm(request.GET or None, municipalities=held.municipalities)
    filters = {"q": "", "type": "", "municipality": None}
    position = {"after": None, "before": None}
    if form.is_bound and form.is_valid():
        filters.update({k: v for k, v in form.filters.items() if v})
        position = {name: form.cleaned_data[name] for name in position}
    elif form.is_bound:
        return render(request, "declaration/signatories.html", {"form": form}, status=400)
    signatures = Signature.objects.filter(declaration_id=declaration_id).public()
    if filters["q"]:
        signatures = signatures.search(filters["q"])
    if filters["type"]:
        signatures = signatures.of_listed_type(filters["type"])
    if filters["municipality"]:
        signatures = signatures.filter(municipality_id=filters["municipality"])
    filtered = any(filters.values())
    if filtered:
        cache_name = f"public-count:{filters['q']}|{filters['type']}|{filters['municipality']}"
        total = cached(declaration_id, cache_name, signatures.count, timeout=300)
    else:
        total = tally.listed_count_held(declaration)
    page = listing.get_page(
        signatures.values_list(*LISTED_FIELDS, "municipality_id", named=True),
        per_page=PAGE_SIZE,
        count=total,
        number=listing.page_number(request.GET.get("page")),
        **position,
    )
    query = request.GET.copy()
    for name in ("page", *SignatureSearchForm.POSITION_FIELDS):
        query.pop(name, None)
    context = {
        "form": form,
        "page": page,
        "rows": _listed_rows(page.object_list, form.fields["municipality"].choices.labels),
        "total": total,
        "filtered": filtered,
        "querystring": query.urlencode(),
        # The search fields are kept rendered only when nothing was searched: a piece per search
        # would keep visitors' search words in memory and let anyone fill it.
        "search_fields_shared": not any(request.GET.get(name) for name in ("q", "type", "municipality")),
    }
    return render(request, "declaration/signatories.html", context)


_LISTED_ROW = """    <tr>
      <th scope="row">{name}</th>
      <td>{organisation}</td>
      <td>{type}</td>
      <td>{municipality}</td>
      <td><time datetime="{datetime}">{date}</time></td>
    </tr>
"""


def _listed_rows(rows, municipality_names):
    """The table rows of the list, written here: through the template each of the 50 rows cost more
    than the page's queries. ``municipality_names``: {pk: name} (the search form's choices)."""
    # The standard library's escape on plain text: Django's (the same html.escape inside) first checks
    # every argument for a lazy translation, which was half of this function's time.
    labels = {value: str(label) for value, label in SignatoryType.choices}
    unknown = {row.municipality_id for row in rows} - municipality_names.keys() - {None}
    if unknown:  # added since the search form's choices were read
        names = Municipality.objects.filter(pk__in=unknown).values_list("pk", "name")
        municipality_names = {**municipality_names, **dict(names)}
    zone = timezone.get_current_timezone()
    html = []
    for row in rows:
        confirmed = row.confirmed_at.astimezone(zone)
        as_institution = listed_as_institution(row.signatory_type, row.institution_verified_at)
        html.append(
            _LISTED_ROW.format(
                name=escape(row.name),
                organisation=escape((row.organisation_name if as_institution else "") or "—"),
                type=escape(labels[row.signatory_type if as_institution else SignatoryType.INDIVIDUAL]),
                municipality=escape(municipality_names[row.municipality_id] if row.municipality_id else "—"),
                datetime=confirmed.isoformat(),
                date=f"{confirmed.day}. {confirmed.month}. {confirmed.year}",
            )
        )
    return mark_safe("".join(html))  # noqa: S308 - every value escaped above


@pagecache.cache_public_page(pagecache.CONTENT, pagecache.SIGNATURES)
@require_GET
def statistics_page(request):
    declaration = current_declaration("tally")
    by_type = statistics.counts_by_type(declaration)
    over_time = statistics.signatures_over_time(declaration)
    context = {
        "declaration": declaration,
        "total": statistics.confirmed_count(declaration),
        "by_type": [(SignatoryType(kind).label, n) for kind, n in by_type.items()],
        "over_time": over_time,
        "chart": statistics.over_time_chart(over_time),
        **_municipality_summary(declaration),
    }
    return render(request, "declaration/statistics.html", context)


# --- Secretariat -------------------------------------------------------------------

secretariat_required = user_passes_test(is_secretariat)

EXPORT_COLUMNS = [
    "verification_code",
    "name",
    "email",
    "signatory_type",
    "organisation",
    "position",
    "institution_verified",
    "municipality",
    "show_publicly",
    "confirmed_at",
]


def write_signatures_csv(declaration, response):
    """Confirmed, not withdrawn signatures, e-mails included: for the secretariat only."""
    writer = csv.writer(response)
    writer.writerow(EXPORT_COLUMNS)
    rows = (
        Signature.objects.filter(declaration=declaration)
        .confirmed()
        .select_related("municipality")
        .order_by("confirmed_at", "pk")
    )
    for signature in rows.iterator(chunk_size=2000):
        writer.writerow(
            _spreadsheet_safe(value)
            for value in [
                signature.verification_code,
                signature.name,
                signature.email,
                signature.signatory_type,
                signature.organisation_name,
                signature.position,
                signature.institution_verified_at.isoformat() if signature.institution_verified_at else "",
                signature.municipality.name if signature.municipality_id else "",
                "yes" if signature.show_publicly else "no",
                signature.confirmed_at.isoformat() if signature.confirmed_at else "",
            ]
        )
    return response


def _spreadsheet_safe(value):
    """Keep a spreadsheet from running what a signatory typed as a formula (CSV injection)."""
    value = str(value)
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def signatures_csv_response(declaration):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="podpisi-{stamp}.csv"'
    response.write("\ufeff")  # so spreadsheet programs read the file as UTF-8
    return write_signatures_csv(declaration, response)


@never_cache
@secretariat_required
@require_GET
def secretariat_export(request):
    return signatures_csv_response(current_declaration())


@never_cache
@secretariat_required
@require_http_methods(["GET", "POST"])
def secretariat_withdrawal(request):
    """Record a withdrawal received by e-mail: the same service as the personal link."""
    declaration = current_declaration()
    form = SecretariatWithdrawalForm(request.POST or None)
    status = 200
    result = None
    if request.method == "POST":
        if form.is_valid():
            signature = (
                Signature.objects.filter(declaration=declaration).active_with_email(form.cleaned_data["email"]).first()
            )
            if signature is None:
                form.add_error("email", _("No signature with this e-mail address is kept."))
                status = 404
            else:
                services.withdraw_signature(signature=signature, channel=ConsentEvent.Channel.EMAIL)
                result = signature
                form = SecretariatWithdrawalForm()
        else:
            status = 400
    context = {"declaration": declaration, "form": form, "result": result}
    return render(request, "declaration/secretariat_withdrawal.html", context, status=status)


@never_cache
@secretariat_required
@require_GET
def secretariat_mandate(request, pk):
    """The proof of mandate, for the secretariat only (media files are not served publicly)."""
    signature = Signature.objects.filter(pk=pk).exclude(mandate_file="").first()
    if signature is None:
        raise Http404
    name = signature.mandate_file.name
    content_type = MANDATE_EXTENSIONS.get(name.rsplit(".", 1)[-1].lower(), "application/octet-stream")
    response = FileResponse(signature.mandate_file.open("rb"), content_type=content_type)
    response["Content-Disposition"] = (
        f'attachment; filename="pooblastilo-{signature.verification_code}.{name.rsplit(".", 1)[-1]}"'
    )
    return response
