from django.conf import settings
from django.db.models import Count, IntegerField, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_view
from rest_framework import exceptions, mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from coalition import pagecache
from coalition.api.renderers import CSVExportMixin
from coalition.api.throttling import AnonThrottle, SigningThrottle, UserThrottle
from coalition.net import client_ip
from declaration import services
from declaration.api.pagination import SignatoryPagination
from declaration.api.serializers import (
    DeclarationSerializer,
    SignatorySerializer,
    SigningAcceptedSerializer,
    SigningSerializer,
)
from declaration.filtersets import SignatoryFilter
from declaration.models import LISTED_FIELDS, ConsentEvent, ConsentText, Declaration, DeclarationSection, Signature

# The answer, the same whether or not the address signed before (translated in the view).
SIGNING_ANSWER = (
    "Thank you. If the address can receive mail, we have sent it a link to confirm the signature; "
    "it counts once confirmed. The link is valid for a limited time."
)


_confirmed_count = (
    Signature.objects.confirmed()
    .filter(declaration=OuterRef("pk"))
    .order_by()
    .values("declaration")
    .annotate(n=Count("pk"))
    .values("n")
)


@extend_schema_view(
    list=extend_schema(summary="List declarations", description="Each with its text, consent text and count."),
    retrieve=extend_schema(summary="One declaration, by slug"),
)
class DeclarationViewSet(pagecache.CachedPublicReadMixin, viewsets.ReadOnlyModelViewSet):
    cache_scopes = (pagecache.CONTENT, pagecache.SIGNATURES)
    serializer_class = DeclarationSerializer
    lookup_field = "slug"
    search_fields = ["title_sl", "title_en"]
    ordering_fields = ["opens_on", "slug"]

    def get_queryset(self):
        return (
            # The maintained tally (declaration.tally), not a count of every confirmed signature per request;
            # counted only for a declaration without one yet (COALESCE reads no further than it must).
            Declaration.objects.annotate(
                signature_count=Coalesce("tally__confirmed", Subquery(_confirmed_count), 0, output_field=IntegerField())
            )
            .prefetch_related(
                Prefetch("sections", queryset=DeclarationSection.objects.order_by("position")),
                Prefetch("consent_texts", queryset=ConsentText.objects.order_by("-version")),
            )
            .order_by("-created", "id")
        )

    @extend_schema(
        summary="Sign the declaration",
        description=(
            "Starts the same double opt-in as the web form: the signature is stored as pending and a link to "
            "confirm it is mailed to the address; only a confirmed signature counts or is listed. The answer is "
            "the same whether or not the address signed before (the mail tells its owner what happened). "
            "Limited per client address (429 with Retry-After)."
        ),
        request=SigningSerializer,
        responses={202: SigningAcceptedSerializer},
        examples=[
            OpenApiExample("Received", value={"detail": SIGNING_ANSWER}, response_only=True, status_codes=["202"])
        ],
        filters=False,
    )
    @action(
        detail=True,
        methods=["post"],
        url_path="signatures",
        permission_classes=[AllowAny],
        throttle_classes=[AnonThrottle, UserThrottle, SigningThrottle],
        filter_backends=[],
        pagination_class=None,
    )
    def sign(self, request, slug=None):
        declaration = self.get_object()
        serializer = SigningSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        consent_text = declaration.consent_texts.filter(version=data["consent_version"]).first()
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
                consent_given=data["consent"],
                consent_text=consent_text,
                channel=ConsentEvent.Channel.API,
                language=data.get("language"),
                ip=client_ip(request),
            )
        except services.SigningRateLimited as exc:
            raise exceptions.Throttled(wait=getattr(settings, "SIGNATURE_RATE_WINDOW", 3600)) from exc
        answer = _(
            "Thank you. If the address can receive mail, we have sent it a link to confirm the signature; "
            "it counts once confirmed. The link is valid for a limited time."
        )
        return Response({"detail": answer}, status=status.HTTP_202_ACCEPTED)


@extend_schema_view(
    list=extend_schema(
        summary="List public signatories",
        description=(
            "Confirmed signatures whose signatories chose to be listed: name, organisation (once verified), type, "
            "municipality and date. Never an e-mail. Also as CSV."
        ),
    ),
)
class SignatoryViewSet(pagecache.CachedPublicListMixin, CSVExportMixin, mixins.ListModelMixin, viewsets.GenericViewSet):
    cache_scopes = (pagecache.CONTENT, pagecache.SIGNATURES)
    serializer_class = SignatorySerializer
    pagination_class = SignatoryPagination
    filterset_class = SignatoryFilter
    folded_search = True
    search_fields = ["name", "organisation"]
    ordering_fields = ["confirmed_at", "name"]

    def get_queryset(self):
        return (
            Signature.objects.public()
            .select_related("declaration", "municipality")
            .only(*LISTED_FIELDS, "declaration__slug", "municipality__code", "municipality__name")
            .order_by("-confirmed_at", "-pk")
        )
