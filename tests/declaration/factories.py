"""Factories for the declaration's tests."""

import factory
from django.utils import timezone

from declaration.models import ConsentText, Declaration, SignatoryType, Signature


class DeclarationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Declaration
        django_get_or_create = ["slug"]

    slug = "nacionalna-deklaracija"
    title_sl = "Slovenska nacionalna deklaracija za pospešitev digitalne preobrazbe"
    title_en = "Slovenian national declaration on accelerating digital transformation"


class ConsentTextFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ConsentText

    declaration = factory.SubFactory(DeclarationFactory)
    version = factory.Sequence(lambda n: n + 1)
    controller = "GZS – Gospodarska zbornica Slovenije"
    legal_basis_sl = "člen 6(1)(a) GDPR"
    legal_basis_en = "Article 6(1)(a) GDPR"
    purpose_sl = "evidenca podpisnikov"
    purpose_en = "register of signatories"
    withdrawal_email = "ikthm@gzs.si"
    withdrawal_sl = "kadarkoli"
    withdrawal_en = "at any time"
    text_sl = "Soglasje za obdelavo osebnih podatkov podate s tem, ko podpišete deklaracijo."
    text_en = "You give your consent by signing the declaration."


class SignatureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Signature

    declaration = factory.SubFactory(DeclarationFactory)
    name = factory.Sequence(lambda n: f"Podpisnik Čšž {n}")
    email = factory.Sequence(lambda n: f"podpisnik{n}@example.org")
    signatory_type = SignatoryType.INDIVIDUAL
    show_publicly = True
    status = Signature.Status.CONFIRMED
    confirmed_at = factory.LazyFunction(timezone.now)
